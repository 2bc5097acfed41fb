import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../platform/db/database.ts';
import { searchWords } from '../../platform/db/search-words.ts';
import { organisation } from '../../platform/accounts/accounts.table.ts';
import { recordAudit, type AuditContext } from '../../platform/audit/audit.service.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { can, type Actor } from '../../platform/policy/policy.ts';
import { supportProgramme } from './support.table.ts';
import type { LocalisedText } from '../../platform/content/content.table.ts';
import type { ProgrammeInput, ProgrammeListQuery } from './support-schemas.ts';
import type { Language } from '../../platform/i18n/languages.ts';

export type ProgrammeRow = typeof supportProgramme.$inferSelect;
type OrganisationRef = { id: string; name: string; acronym: string | null; slug: string };
export type ProgrammeWithOrganisation = { programme: ProgrammeRow; organisation: OrganisationRef };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `%`, `_` and `\` typed by a person are matched literally. */
function likePattern(text: string): string {
	return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/** Everything a text search looks into, in one lowercase string (the search index is on it). */
export function programmeSearchText(input: Pick<ProgrammeInput, 'name' | 'description' | 'eligibility' | 'cities'>, organisation: { name: string; acronym: string | null }) {
	const texts = (value: LocalisedText) => [value.fr, value.ar, value.en].filter(Boolean);
	return [...texts(input.name), ...texts(input.description), ...texts(input.eligibility), ...input.cities, organisation.name, organisation.acronym ?? '']
		.join(' ')
		.toLowerCase();
}

/** May this actor edit (or archive) programmes of this organisation? Moderators: any; partners: their own. */
export function canEditProgrammeOf(actor: Actor | null | undefined, organisationId: string): boolean {
	if (!actor) return false;
	if (can(actor, 'support.programme.manage')) return true;
	return can(actor, 'support.programme.contribute') && actor.organisationIds.includes(organisationId);
}

const organisationColumns = { id: organisation.id, name: organisation.name, acronym: organisation.acronym, slug: organisation.slug };

function conditions(query: Omit<ProgrammeListQuery, 'page' | 'pageSize'>): SQL[] {
	const where: SQL[] = [eq(supportProgramme.status, 'active')];
	for (const word of searchWords(query.q, 8)) {
		where.push(sql`search_normalise(${supportProgramme.searchText}) like search_normalise(${likePattern(word)})`);
	}
	if (query.city) {
		where.push(
			sql`exists (select 1 from unnest(${supportProgramme.cities}) as c(name) where search_normalise(c.name) = search_normalise(${query.city}))`
		);
	}
	if (query.region) where.push(sql`${supportProgramme.regions} @> array[${query.region}]::text[]`);
	if (query.service) where.push(sql`${supportProgramme.services} @> array[${query.service}]::text[]`);
	if (query.language) where.push(sql`${supportProgramme.languages} @> array[${query.language}]::text[]`);
	return where;
}

async function facet(db: DbOrTx, column: 'services' | 'regions' | 'cities' | 'languages', where: SQL | undefined) {
	const rows = await db
		.select({ value: sql<string>`f.value`, count: sql<number>`count(*)::int` })
		.from(supportProgramme)
		.innerJoin(sql`unnest(${supportProgramme[column]}) as f(value)`, sql`true`)
		.where(where)
		.groupBy(sql`f.value`)
		.orderBy(sql`count(*) desc`, sql`f.value`);
	return rows;
}

/** The public directory: active programmes matching the filters, with counts per value (facets). */
export async function searchProgrammes(db: DbOrTx, query: ProgrammeListQuery, language: Language) {
	const where = and(...conditions(query));
	const nameOrder = sql`lower(coalesce(${supportProgramme.name}->>${language}, ${supportProgramme.name}->>'fr', ${supportProgramme.name}->>'en', ${supportProgramme.name}->>'ar'))`;
	const [rows, [{ total }], services, regions, cities, languages] = await Promise.all([
		db
			.select({ programme: supportProgramme, organisation: organisationColumns })
			.from(supportProgramme)
			.innerJoin(organisation, eq(organisation.id, supportProgramme.organisationId))
			.where(where)
			.orderBy(asc(nameOrder), asc(supportProgramme.id))
			.limit(query.pageSize)
			.offset((query.page - 1) * query.pageSize),
		db.select({ total: sql<number>`count(*)::int` }).from(supportProgramme).where(where),
		facet(db, 'services', where),
		facet(db, 'regions', where),
		facet(db, 'cities', where),
		facet(db, 'languages', where)
	]);
	return { total, page: query.page, pageSize: query.pageSize, items: rows, facets: { services, regions, cities, languages } };
}

/** One programme; an archived one only for the people who may edit it. */
export async function getProgramme(db: DbOrTx, id: string, actor?: Actor | null): Promise<ProgrammeWithOrganisation> {
	if (!UUID.test(id)) throw new AppError('not_found');
	const [found] = await db
		.select({ programme: supportProgramme, organisation: organisationColumns })
		.from(supportProgramme)
		.innerJoin(organisation, eq(organisation.id, supportProgramme.organisationId))
		.where(eq(supportProgramme.id, id))
		.limit(1);
	if (!found) throw new AppError('not_found');
	if (found.programme.status !== 'active' && !canEditProgrammeOf(actor, found.programme.organisationId)) throw new AppError('not_found');
	return found;
}

/** The organisations this actor may attach a programme to: all for moderators, their own for partners. */
export async function organisationsForProgrammes(db: DbOrTx, actor: Actor | null | undefined) {
	if (!actor) return [];
	if (can(actor, 'support.programme.manage')) return db.select(organisationColumns).from(organisation).orderBy(asc(sql`lower(${organisation.name})`));
	if (!can(actor, 'support.programme.contribute') || actor.organisationIds.length === 0) return [];
	return db
		.select(organisationColumns)
		.from(organisation)
		.where(inArray(organisation.id, [...actor.organisationIds]))
		.orderBy(asc(sql`lower(${organisation.name})`));
}

/** Programmes of the actor's organisations (partners) or all (moderators), archived included. */
export async function listEditableProgrammes(db: DbOrTx, actor: Actor | null | undefined) {
	if (!actor) return [];
	const manage = can(actor, 'support.programme.manage');
	if (!manage && (!can(actor, 'support.programme.contribute') || actor.organisationIds.length === 0)) return [];
	return db
		.select({ programme: supportProgramme, organisation: organisationColumns })
		.from(supportProgramme)
		.innerJoin(organisation, eq(organisation.id, supportProgramme.organisationId))
		.where(manage ? undefined : inArray(supportProgramme.organisationId, [...actor.organisationIds]))
		.orderBy(asc(sql`lower(coalesce(${supportProgramme.name}->>'fr', ${supportProgramme.name}->>'en', ${supportProgramme.name}->>'ar'))`));
}

async function organisationFor(db: DbOrTx, organisationId: string) {
	const [found] = await db.select(organisationColumns).from(organisation).where(eq(organisation.id, organisationId)).limit(1);
	if (!found) throw new AppError('invalid_input', { fields: [{ path: 'organisationId', messageKey: 'field_choice' }] });
	return found;
}

function values(input: ProgrammeInput, owner: OrganisationRef) {
	return {
		organisationId: owner.id,
		name: input.name,
		description: input.description,
		eligibility: input.eligibility,
		services: input.services,
		regions: input.regions,
		cities: input.cities,
		languages: input.languages,
		phone: input.phone,
		email: input.email,
		address: input.address,
		website: input.website,
		searchText: programmeSearchText(input, owner)
	};
}

/** The audit view: the data, not the derived search text. */
function auditView(row: ProgrammeRow) {
	const { searchText: _searchText, createdAt: _createdAt, updatedAt: _updatedAt, ...rest } = row;
	return rest;
}

export async function createProgramme(db: Db, context: AuditContext, actor: Actor | null, input: ProgrammeInput) {
	if (!canEditProgrammeOf(actor, input.organisationId)) throw new AppError('forbidden');
	const owner = await organisationFor(db, input.organisationId);
	return db.transaction(async (tx) => {
		const [created] = await tx.insert(supportProgramme).values(values(input, owner)).returning();
		await recordAudit(tx, context, {
			action: 'support_programme.create',
			resourceType: 'support_programme',
			resourceId: created.id,
			after: auditView(created)
		});
		return created;
	});
}

export async function updateProgramme(db: Db, context: AuditContext, actor: Actor | null, id: string, input: ProgrammeInput) {
	const current = await getProgramme(db, id, actor);
	// both the current and the new organisation must be the actor's (a partner cannot take or give away a programme)
	if (!canEditProgrammeOf(actor, current.programme.organisationId) || !canEditProgrammeOf(actor, input.organisationId)) {
		throw new AppError('forbidden');
	}
	const owner = await organisationFor(db, input.organisationId);
	return db.transaction(async (tx) => {
		const [before] = await tx.select().from(supportProgramme).where(eq(supportProgramme.id, id)).for('update');
		if (!before) throw new AppError('not_found');
		const [updated] = await tx
			.update(supportProgramme)
			.set({ ...values(input, owner), updatedAt: new Date() })
			.where(eq(supportProgramme.id, id))
			.returning();
		const beforeView = auditView(before) as Record<string, unknown>;
		const afterView = auditView(updated) as Record<string, unknown>;
		const changed = Object.keys(afterView).filter((key) => JSON.stringify(beforeView[key]) !== JSON.stringify(afterView[key]));
		if (changed.length) {
			await recordAudit(tx, context, {
				action: 'support_programme.update',
				resourceType: 'support_programme',
				resourceId: id,
				before: Object.fromEntries(changed.map((key) => [key, beforeView[key]])),
				after: Object.fromEntries(changed.map((key) => [key, afterView[key]]))
			});
		}
		return updated;
	});
}

/** Archives (hides from the directory) or restores a programme. */
export async function setProgrammeStatus(db: Db, context: AuditContext, actor: Actor | null, id: string, status: 'active' | 'archived') {
	const current = await getProgramme(db, id, actor);
	if (!canEditProgrammeOf(actor, current.programme.organisationId)) throw new AppError('forbidden');
	if (current.programme.status === status) return current.programme;
	return db.transaction(async (tx) => {
		const [updated] = await tx
			.update(supportProgramme)
			.set({ status, updatedAt: new Date() })
			.where(eq(supportProgramme.id, id))
			.returning();
		await recordAudit(tx, context, {
			action: status === 'archived' ? 'support_programme.archive' : 'support_programme.restore',
			resourceType: 'support_programme',
			resourceId: id,
			before: { status: current.programme.status },
			after: { status }
		});
		return updated;
	});
}

/** The public API shape. */
export function publicProgramme({ programme, organisation: owner }: ProgrammeWithOrganisation) {
	return {
		id: programme.id,
		organisation: owner,
		name: programme.name,
		description: programme.description,
		eligibility: programme.eligibility,
		services: programme.services,
		cities: programme.cities,
		regions: programme.regions,
		languages: programme.languages,
		contact: { phone: programme.phone, email: programme.email, address: programme.address, website: programme.website },
		isSample: programme.isSample,
		updatedAt: programme.updatedAt.toISOString()
	};
}
