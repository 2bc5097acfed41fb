import { and, asc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { RequestContext } from '../kernel/context.ts';
import type { DbOrTx } from '../db/database.ts';
import { organisation, organisationMember, user } from './accounts.table.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { AppError } from '../http/app-error.ts';
import { slugify } from '../text/slug.ts';
import type { OrganisationCreate, OrganisationListQuery, OrganisationUpdate } from './organisation.schemas.ts';

export type OrganisationRecord = typeof organisation.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `%`, `_` and `\` typed by a person are matched literally. */
export function likePattern(text: string): string {
	return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/** JSON-friendly view of an organisation (the public API shape). */
export function publicOrganisation(row: OrganisationRecord) {
	return {
		id: row.id,
		slug: row.slug,
		name: row.name,
		acronym: row.acronym,
		type: row.type,
		country: row.country,
		website: row.website,
		status: row.status,
		createdAt: row.createdAt.toISOString(),
		updatedAt: row.updatedAt.toISOString()
	};
}

/**
 * Organisations by type, country and words; pending ones (created by a partner's import, not yet
 * accepted) only for staff (`withPending`).
 */
export async function listOrganisations(db: DbOrTx, query: OrganisationListQuery, { withPending = false }: { withPending?: boolean } = {}) {
	const conditions: SQL[] = [];
	if (!withPending) conditions.push(eq(organisation.status, 'active'));
	if (query.type) conditions.push(eq(organisation.type, query.type));
	if (query.country) conditions.push(eq(organisation.country, query.country));
	if (query.q) {
		const pattern = likePattern(query.q);
		conditions.push(
			or(
				ilike(organisation.name, pattern),
				ilike(organisation.acronym, pattern),
				ilike(organisation.slug, pattern),
				// accents do not matter: "developpement" finds "Développement"
				sql`immutable_unaccent(${organisation.name}) ilike immutable_unaccent(${pattern})`
			)!
		);
	}
	const where = conditions.length ? and(...conditions) : undefined;
	const [items, [{ total }]] = await Promise.all([
		db
			.select()
			.from(organisation)
			.where(where)
			.orderBy(asc(sql`lower(${organisation.name})`), asc(organisation.id))
			.limit(query.pageSize)
			.offset((query.page - 1) * query.pageSize),
		db.select({ total: sql<number>`count(*)::int` }).from(organisation).where(where)
	]);
	return { total, page: query.page, pageSize: query.pageSize, items };
}

/** By id (UUID) or by slug; `not_found` otherwise, and for a pending one unless `withPending` (staff). */
export async function getOrganisation(db: DbOrTx, idOrSlug: string, { withPending = true }: { withPending?: boolean } = {}): Promise<OrganisationRecord> {
	const key = idOrSlug.trim();
	const [found] = await db
		.select()
		.from(organisation)
		.where(UUID.test(key) ? eq(organisation.id, key) : eq(organisation.slug, key.toLowerCase()))
		.limit(1);
	if (!found || (!withPending && found.status !== 'active')) throw new AppError('not_found');
	return found;
}

export async function listOrganisationMembers(db: DbOrTx, organisationId: string) {
	return db
		.select({ userId: user.id, name: user.name, email: user.email, role: user.role, since: organisationMember.createdAt })
		.from(organisationMember)
		.innerJoin(user, eq(user.id, organisationMember.userId))
		.where(eq(organisationMember.organisationId, organisationId))
		.orderBy(asc(sql`lower(${user.name})`), asc(user.id));
}

function slugTaken(slug: string): AppError {
	return new AppError('conflict', { fields: [{ path: 'slug', messageKey: 'conflict' }], extra: { reason: 'slug_taken', slug } });
}

async function assertSlugFree(tx: DbOrTx, slug: string, exceptId?: string) {
	const [existing] = await tx.select({ id: organisation.id }).from(organisation).where(eq(organisation.slug, slug)).limit(1);
	if (existing && existing.id !== exceptId) throw slugTaken(slug);
}

/** PostgreSQL unique violation (a concurrent insert won the race for the slug). */
function isUniqueViolation(error: unknown): boolean {
	for (let current: unknown = error; current; current = (current as { cause?: unknown }).cause) {
		if ((current as { code?: unknown }).code === '23505') return true;
	}
	return false;
}

export async function createOrganisation(ctx: RequestContext, input: OrganisationCreate) {
	ctx.require('organisation.manage');
	const { db, audit: context } = ctx;
	const derived = input.slug ?? (slugify(input.acronym ?? '') || slugify(input.name));
	if (!derived) {
		// e.g. a name written only in Arabic letters and no acronym: the person chooses the address
		throw new AppError('invalid_input', { fields: [{ path: 'slug', messageKey: 'field_required' }] });
	}
	try {
		return await db.transaction(async (tx) => {
			await assertSlugFree(tx, derived);
			const [created] = await tx
				.insert(organisation)
				.values({
					slug: derived,
					name: input.name,
					acronym: input.acronym ?? null,
					type: input.type,
					country: input.country,
					website: input.website ?? null
				})
				.returning();
			await recordAudit(tx, context, {
				action: 'organisation.create',
				resourceType: 'organisation',
				resourceId: created.id,
				after: publicOrganisation(created)
			});
			return created;
		});
	} catch (error) {
		if (isUniqueViolation(error)) throw slugTaken(derived);
		throw error;
	}
}

export async function updateOrganisation(ctx: RequestContext, idOrSlug: string, changes: OrganisationUpdate) {
	ctx.require('organisation.manage');
	const { db, audit: context } = ctx;
	const current = await getOrganisation(db, idOrSlug);
	const patch: Partial<typeof organisation.$inferInsert> = {};
	if (changes.name !== undefined && changes.name !== current.name) patch.name = changes.name;
	if (changes.acronym !== undefined && changes.acronym !== current.acronym) patch.acronym = changes.acronym;
	if (changes.type !== undefined && changes.type !== current.type) patch.type = changes.type;
	if (changes.country !== undefined && changes.country !== current.country) patch.country = changes.country;
	if (changes.website !== undefined && changes.website !== current.website) patch.website = changes.website;
	if (changes.slug !== undefined && changes.slug !== current.slug) patch.slug = changes.slug;
	if (changes.status !== undefined && changes.status !== current.status) patch.status = changes.status;
	if (Object.keys(patch).length === 0) return current; // nothing changes, nothing to record
	try {
		return await db.transaction(async (tx) => {
			if (patch.slug) await assertSlugFree(tx, patch.slug, current.id);
			const [before] = await tx.select().from(organisation).where(eq(organisation.id, current.id)).for('update');
			if (!before) throw new AppError('not_found');
			const [updated] = await tx
				.update(organisation)
				.set({ ...patch, updatedAt: new Date() })
				.where(eq(organisation.id, current.id))
				.returning();
			const changed = Object.keys(patch) as (keyof typeof patch)[];
			await recordAudit(tx, context, {
				action: 'organisation.update',
				resourceType: 'organisation',
				resourceId: updated.id,
				before: Object.fromEntries(changed.map((key) => [key, before[key as keyof OrganisationRecord]])),
				after: Object.fromEntries(changed.map((key) => [key, updated[key as keyof OrganisationRecord]]))
			});
			return updated;
		});
	} catch (error) {
		if (isUniqueViolation(error) && patch.slug) throw slugTaken(patch.slug);
		throw error;
	}
}

/** Adds the person with this e-mail address to the organisation. */
export async function addOrganisationMember(ctx: RequestContext, organisationId: string, email: string) {
	ctx.require('organisation.manage');
	const { db, audit: context } = ctx;
	const target = await getOrganisation(db, organisationId);
	const address = email.trim().toLowerCase();
	const [person] = await db
		.select({ id: user.id, name: user.name, email: user.email })
		.from(user)
		.where(sql`lower(${user.email}) = ${address}`)
		.limit(1);
	if (!person) {
		throw new AppError('not_found', { fields: [{ path: 'email', messageKey: 'not_found' }], extra: { reason: 'unknown_email' } });
	}
	return db.transaction(async (tx) => {
		const inserted = await tx
			.insert(organisationMember)
			.values({ organisationId: target.id, userId: person.id })
			.onConflictDoNothing()
			.returning({ userId: organisationMember.userId });
		if (inserted.length === 0) {
			throw new AppError('conflict', { fields: [{ path: 'email', messageKey: 'conflict' }], extra: { reason: 'already_member' } });
		}
		await recordAudit(tx, context, {
			action: 'organisation.add_member',
			resourceType: 'organisation',
			resourceId: target.id,
			after: { userId: person.id, email: person.email }
		});
		return { organisation: target, member: person };
	});
}

export async function removeOrganisationMember(ctx: RequestContext, organisationId: string, userId: string) {
	ctx.require('organisation.manage');
	const { db, audit: context } = ctx;
	const target = await getOrganisation(db, organisationId);
	return db.transaction(async (tx) => {
		const [removed] = await tx
			.delete(organisationMember)
			.where(and(eq(organisationMember.organisationId, target.id), eq(organisationMember.userId, userId)))
			.returning({ userId: organisationMember.userId });
		if (!removed) throw new AppError('not_found');
		const [person] = await tx.select({ email: user.email }).from(user).where(eq(user.id, userId)).limit(1);
		await recordAudit(tx, context, {
			action: 'organisation.remove_member',
			resourceType: 'organisation',
			resourceId: target.id,
			before: { userId, email: person?.email ?? null }
		});
		return { organisation: target, userId };
	});
}

/** Every organisation as a picker's choice (name with acronym, isolated: a proper name in any language), by name. */
export async function organisationChoices(db: DbOrTx) {
	const rows = await db.select({ id: organisation.id, name: organisation.name, acronym: organisation.acronym }).from(organisation).orderBy(asc(organisation.name));
	return rows.map((row) => ({ value: row.id, label: row.acronym ? `${row.name} (${row.acronym})` : row.name, isolate: true }));
}
