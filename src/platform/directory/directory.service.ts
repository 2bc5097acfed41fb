import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import { searchWords } from '../db/search-words.ts';
import { organisation } from '../accounts/accounts.table.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { AppError } from '../http/app-error.ts';
import type { Language } from '../i18n/languages.ts';
import type { RequestContext } from '../kernel/context.ts';
import { can, type Action, type Actor } from '../policy/policy.ts';
import type { LocalisedText } from '../content/content.table.ts';
import { parseLink, unknownLinks } from '../kernel/links.ts';
import { directoryEntry, directoryEntryVersion, type DirectoryEntryRow, type DirectoryEntryStatus } from './directory.table.ts';

/**
 * A module's directory: the Jobs module's support programmes today, Return's support network next.
 * The module names it, lists the services an entry may offer and says which actions manage it (any
 * entry) and contribute to it (the entries of one's own organisations); the platform keeps the entries,
 * their search, their audit.
 */
export interface DirectoryCollection<Service extends string = string> {
	/** `<module>.<name>`, stored with each entry */
	key: string;
	services: readonly Service[];
	/** edits and archives any entry (moderators) */
	manageAction: Action;
	/** edits and archives the entries of the actor's organisations (partners) */
	contributeAction: Action;
	/** the kinds of other modules' records an entry may link to (`atlas.initiative`), when their module is installed */
	linkKinds?: readonly string[];
	/** the audit trail's resource type (`<resource>.create`, `.update`, `.archive`, `.restore`) */
	auditResource: string;
}

/** What a form or an API call gives for an entry. */
export interface DirectoryEntryInput {
	organisationId: string;
	name: LocalisedText;
	description: LocalisedText;
	eligibility: LocalisedText;
	/** when it is open, per language (absent: left as it is) */
	openingHours?: LocalisedText;
	services: string[];
	regions: string[];
	cities: string[];
	languages: string[];
	phone: string | null;
	email: string | null;
	address: string | null;
	website: string | null;
	/** the organisations funding it (ids) */
	funderIds?: string[];
	/** records of other modules it belongs to, `<kind>:<key>` */
	links?: string[];
}

export interface DirectoryQuery {
	q?: string;
	city?: string;
	region?: string;
	service?: string;
	language?: string;
	/** funded by this organisation (its slug) */
	funder?: string;
	/** belongs to this record of another module (`atlas.initiative:sharaka`) */
	link?: string;
	/** run by an organisation of this country (ISO 3166-1 alpha-2: a diaspora association's host country) */
	organisationCountry?: string;
	page: number;
	pageSize: number;
}

export type OrganisationRef = { id: string; name: string; acronym: string | null; slug: string };
export type DirectoryEntryWithOrganisation = { entry: DirectoryEntryRow; organisation: OrganisationRef };

/** Who a version is from: by default the person saving it; a moderator approving a correction names its proposer. */
export interface VersionAuthor {
	userId: string | null;
	organisationId: string | null;
	comment: string | null;
}

/** An entry's data as its versions keep and compare it (not its status, dates or search text). */
export function entrySnapshot(row: Pick<DirectoryEntryRow, 'organisationId' | 'name' | 'description' | 'eligibility' | 'openingHours' | 'services' | 'regions' | 'cities' | 'languages' | 'phone' | 'email' | 'address' | 'website' | 'funderIds' | 'links'>) {
	return {
		organisationId: row.organisationId,
		name: row.name,
		description: row.description,
		eligibility: row.eligibility,
		openingHours: row.openingHours ?? {},
		services: row.services,
		regions: row.regions,
		cities: row.cities,
		languages: row.languages,
		phone: row.phone,
		email: row.email,
		address: row.address,
		website: row.website,
		funderIds: row.funderIds,
		links: row.links
	};
}
export type EntrySnapshot = ReturnType<typeof entrySnapshot>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const organisationColumns = { id: organisation.id, name: organisation.name, acronym: organisation.acronym, slug: organisation.slug };

/** `%`, `_` and `\` typed by a person are matched literally. */
function likePattern(text: string): string {
	return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/** Everything a text search looks into, in one lowercase string (the search index is on it). */
export function directorySearchText(input: Pick<DirectoryEntryInput, 'name' | 'description' | 'eligibility' | 'cities'>, owner: { name: string; acronym: string | null }) {
	const texts = (value: LocalisedText) => [value.fr, value.ar, value.en].filter(Boolean);
	return [...texts(input.name), ...texts(input.description), ...texts(input.eligibility), ...input.cities, owner.name, owner.acronym ?? '']
		.join(' ')
		.toLowerCase();
}

/** May this actor edit (or archive) the collection's entries of this organisation? Managers: any; contributors: their own. */
export function canEditEntryOf(actor: Actor | null | undefined, collection: DirectoryCollection, organisationId: string): boolean {
	if (!actor) return false;
	if (can(actor, collection.manageAction)) return true;
	return can(actor, collection.contributeAction) && actor.organisationIds.includes(organisationId);
}

function conditions(collection: DirectoryCollection, query: Omit<DirectoryQuery, 'page' | 'pageSize'>): SQL[] {
	const where: SQL[] = [eq(directoryEntry.collection, collection.key), eq(directoryEntry.status, 'active')];
	for (const word of searchWords(query.q, 8)) {
		where.push(sql`search_normalise(${directoryEntry.searchText}) like search_normalise(${likePattern(word)})`);
	}
	if (query.city) {
		where.push(sql`exists (select 1 from unnest(${directoryEntry.cities}) as c(name) where search_normalise(c.name) = search_normalise(${query.city}))`);
	}
	if (query.region) where.push(sql`${directoryEntry.regions} @> array[${query.region}]::text[]`);
	if (query.service) where.push(sql`${directoryEntry.services} @> array[${query.service}]::text[]`);
	if (query.language) where.push(sql`${directoryEntry.languages} @> array[${query.language}]::text[]`);
	if (query.link) where.push(sql`${directoryEntry.links} @> array[${query.link}]::text[]`);
	if (query.organisationCountry) where.push(sql`${directoryEntry.organisationId} in (select o.id from ${organisation} o where o.country = ${query.organisationCountry})`);
	if (query.funder) where.push(sql`${directoryEntry.funderIds} && array(select o.id from ${organisation} o where o.slug = ${query.funder})`);
	return where;
}

async function facet(db: DbOrTx, column: 'services' | 'regions' | 'cities' | 'languages', where: SQL | undefined) {
	return db
		.select({ value: sql<string>`f.value`, count: sql<number>`count(*)::int` })
		.from(directoryEntry)
		.innerJoin(sql`unnest(${directoryEntry[column]}) as f(value)`, sql`true`)
		.where(where)
		.groupBy(sql`f.value`)
		.orderBy(sql`count(*) desc`, sql`f.value`);
}

/** The public directory: active entries matching the filters, by name in the reader's language, with counts per value (facets). */
export async function searchDirectory(db: DbOrTx, collection: DirectoryCollection, query: DirectoryQuery, language: Language) {
	const where = and(...conditions(collection, query));
	const nameOrder = sql`lower(coalesce(${directoryEntry.name}->>${language}, ${directoryEntry.name}->>'fr', ${directoryEntry.name}->>'en', ${directoryEntry.name}->>'ar'))`;
	const [rows, [{ total }], services, regions, cities, languages] = await Promise.all([
		db
			.select({ entry: directoryEntry, organisation: organisationColumns })
			.from(directoryEntry)
			.innerJoin(organisation, eq(organisation.id, directoryEntry.organisationId))
			.where(where)
			.orderBy(asc(nameOrder), asc(directoryEntry.id))
			.limit(query.pageSize)
			.offset((query.page - 1) * query.pageSize),
		db.select({ total: sql<number>`count(*)::int` }).from(directoryEntry).where(where),
		facet(db, 'services', where),
		facet(db, 'regions', where),
		facet(db, 'cities', where),
		facet(db, 'languages', where)
	]);
	return { total, page: query.page, pageSize: query.pageSize, items: rows, facets: { services, regions, cities, languages } };
}

/** The countries of the organisations running the collection's active entries, with how many entries each (a filter's choices). */
export async function directoryOrganisationCountries(db: DbOrTx, collection: DirectoryCollection) {
	return db
		.select({ value: sql<string>`${organisation.country}`, count: sql<number>`count(*)::int` })
		.from(directoryEntry)
		.innerJoin(organisation, eq(organisation.id, directoryEntry.organisationId))
		.where(and(eq(directoryEntry.collection, collection.key), eq(directoryEntry.status, 'active'), sql`${organisation.country} is not null`))
		.groupBy(organisation.country)
		.orderBy(sql`count(*) desc`, organisation.country);
}

/** How many active entries of the collection link to this record (`atlas.initiative:x`). */
export async function countEntriesLinkingTo(db: DbOrTx, collection: DirectoryCollection, value: string): Promise<number> {
	const [{ count }] = await db
		.select({ count: sql<number>`count(*)::int` })
		.from(directoryEntry)
		.where(and(eq(directoryEntry.collection, collection.key), eq(directoryEntry.status, 'active'), sql`${directoryEntry.links} @> array[${value}]::text[]`));
	return count;
}

/** One entry of the collection; an archived one only for the people who may edit it. */
export async function getDirectoryEntry(db: DbOrTx, collection: DirectoryCollection, id: string, actor?: Actor | null): Promise<DirectoryEntryWithOrganisation> {
	if (!UUID.test(id)) throw new AppError('not_found');
	const [found] = await db
		.select({ entry: directoryEntry, organisation: organisationColumns })
		.from(directoryEntry)
		.innerJoin(organisation, eq(organisation.id, directoryEntry.organisationId))
		.where(and(eq(directoryEntry.id, id), eq(directoryEntry.collection, collection.key)))
		.limit(1);
	if (!found) throw new AppError('not_found');
	if (found.entry.status !== 'active' && !canEditEntryOf(actor, collection, found.entry.organisationId)) throw new AppError('not_found');
	return found;
}

/** The organisations this actor may attach an entry to: all for managers, their own for contributors. */
export async function organisationsForDirectory(db: DbOrTx, collection: DirectoryCollection, actor: Actor | null | undefined) {
	if (!actor) return [];
	const byName = asc(sql`lower(${organisation.name})`);
	if (can(actor, collection.manageAction)) return db.select(organisationColumns).from(organisation).orderBy(byName);
	if (!can(actor, collection.contributeAction) || actor.organisationIds.length === 0) return [];
	return db.select(organisationColumns).from(organisation).where(inArray(organisation.id, [...actor.organisationIds])).orderBy(byName);
}

/** The entries of the actor's organisations (contributors) or all (managers), archived included. */
export async function listEditableEntries(db: DbOrTx, collection: DirectoryCollection, actor: Actor | null | undefined) {
	if (!actor) return [];
	const manage = can(actor, collection.manageAction);
	if (!manage && (!can(actor, collection.contributeAction) || actor.organisationIds.length === 0)) return [];
	return db
		.select({ entry: directoryEntry, organisation: organisationColumns })
		.from(directoryEntry)
		.innerJoin(organisation, eq(organisation.id, directoryEntry.organisationId))
		.where(and(eq(directoryEntry.collection, collection.key), manage ? undefined : inArray(directoryEntry.organisationId, [...actor.organisationIds])))
		.orderBy(asc(sql`lower(coalesce(${directoryEntry.name}->>'fr', ${directoryEntry.name}->>'en', ${directoryEntry.name}->>'ar'))`));
}

async function organisationFor(db: DbOrTx, organisationId: string) {
	const [found] = await db.select(organisationColumns).from(organisation).where(eq(organisation.id, organisationId)).limit(1);
	if (!found) throw new AppError('invalid_input', { fields: [{ path: 'organisationId', messageKey: 'field_choice' }] });
	return found;
}

function refuseUnknownServices(collection: DirectoryCollection, input: DirectoryEntryInput) {
	const unknown = input.services.filter((service) => !collection.services.includes(service));
	if (unknown.length) throw new AppError('invalid_input', { fields: [{ path: 'services', messageKey: 'field_choice' }] });
}

function columns(input: DirectoryEntryInput, owner: OrganisationRef) {
	const { organisationId: _organisationId, ...fields } = input;
	return { ...fields, funderIds: [...new Set(input.funderIds ?? [])], links: [...new Set(input.links ?? [])], organisationId: owner.id, searchText: directorySearchText(input, owner) };
}

/** Funders must be organisations of the registry (the column holds ids without a foreign key). */
async function refuseUnknownFunders(db: DbOrTx, input: DirectoryEntryInput) {
	const ids = [...new Set(input.funderIds ?? [])];
	if (!ids.length) return;
	const known = ids.every((id) => UUID.test(id))
		? await db.select({ id: organisation.id }).from(organisation).where(inArray(organisation.id, ids))
		: [];
	if (known.length !== ids.length) throw new AppError('invalid_input', { fields: [{ path: 'funderIds', messageKey: 'field_choice' }] });
}

/** Links must name a record of a kind the collection takes, still there (a removed initiative cannot be chosen). */
async function refuseUnknownLinks(db: DbOrTx, collection: DirectoryCollection, input: DirectoryEntryInput) {
	const links = [...new Set(input.links ?? [])];
	if (!links.length) return;
	const kinds = collection.linkKinds ?? [];
	const badKind = links.some((value) => !kinds.includes(parseLink(value)?.kind ?? ''));
	if (badKind || (await unknownLinks(db, links, 'fr')).length) throw new AppError('invalid_input', { fields: [{ path: 'links', messageKey: 'field_choice' }] });
}

/** The funders of entries, named: entry id → organisations (for pages and the API). */
export async function entryFunders(db: DbOrTx, entries: readonly { id: string; funderIds: string[] }[]): Promise<Map<string, OrganisationRef[]>> {
	const ids = [...new Set(entries.flatMap((entry) => entry.funderIds))];
	const named = ids.length ? await db.select(organisationColumns).from(organisation).where(inArray(organisation.id, ids)) : [];
	const byId = new Map(named.map((row) => [row.id, row]));
	return new Map(entries.map((entry) => [entry.id, entry.funderIds.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []))]));
}

/** The audit view: the data, not the derived search text nor the version number (kept in `directory_entry_version`). */
function auditView(row: DirectoryEntryRow) {
	const { searchText: _searchText, createdAt: _createdAt, updatedAt: _updatedAt, version: _version, ...rest } = row;
	return rest;
}

/** JSON with every object's keys in order: the database gives a jsonb's keys in its own order. */
function sortedJson(value: unknown): string {
	return JSON.stringify(value, (_key, entry: unknown) =>
		entry && typeof entry === 'object' && !Array.isArray(entry) ? Object.fromEntries(Object.entries(entry).sort(([a], [b]) => a.localeCompare(b))) : entry
	);
}

const authorOf = (ctx: RequestContext, author: VersionAuthor | undefined): VersionAuthor => author ?? { userId: ctx.actor?.userId ?? null, organisationId: null, comment: null };

export async function createDirectoryEntry(ctx: RequestContext, collection: DirectoryCollection, input: DirectoryEntryInput, options: { author?: VersionAuthor } = {}) {
	if (!canEditEntryOf(ctx.actor, collection, input.organisationId)) throw new AppError('forbidden');
	refuseUnknownServices(collection, input);
	return ctx.transaction(async ({ db, audit }) => {
		const owner = await organisationFor(db, input.organisationId);
		await refuseUnknownFunders(db, input);
		await refuseUnknownLinks(db, collection, input);
		const [created] = await db
			.insert(directoryEntry)
			.values({ collection: collection.key, ...columns(input, owner) })
			.returning();
		const author = authorOf(ctx, options.author);
		await db.insert(directoryEntryVersion).values({ entryId: created.id, number: 1, snapshot: entrySnapshot(created), authorUserId: author.userId, authorOrganisationId: author.organisationId, comment: author.comment });
		await recordAudit(db, audit, { action: `${collection.auditResource}.create`, resourceType: collection.auditResource, resourceId: created.id, after: auditView(created) });
		return created;
	});
}

/**
 * Changes an entry, as its next version when its data changes; a contributor may neither take an entry from another
 * organisation nor give one away. `expectedVersion`: the version the change was made on; another one current by now
 * is a conflict (409, `stale_version`, with `currentVersion`), never overwritten unseen.
 */
export async function updateDirectoryEntry(
	ctx: RequestContext,
	collection: DirectoryCollection,
	id: string,
	input: DirectoryEntryInput,
	options: { expectedVersion?: number; author?: VersionAuthor } = {}
) {
	const current = await getDirectoryEntry(ctx.db, collection, id, ctx.actor);
	if (!canEditEntryOf(ctx.actor, collection, current.entry.organisationId) || !canEditEntryOf(ctx.actor, collection, input.organisationId)) {
		throw new AppError('forbidden');
	}
	refuseUnknownServices(collection, input);
	return ctx.transaction(async ({ db, audit }) => {
		const owner = await organisationFor(db, input.organisationId);
		await refuseUnknownFunders(db, input);
		await refuseUnknownLinks(db, collection, input);
		const [before] = await db.select().from(directoryEntry).where(eq(directoryEntry.id, id)).for('update');
		if (!before) throw new AppError('not_found');
		if (options.expectedVersion !== undefined && before.version !== options.expectedVersion) {
			throw new AppError('conflict', { extra: { reason: 'stale_version', currentVersion: before.version } });
		}
		const next = columns(input, owner);
		const dataChanged = sortedJson(entrySnapshot(before)) !== sortedJson(entrySnapshot({ ...before, ...next }));
		const [updated] = await db
			.update(directoryEntry)
			.set({ ...next, ...(dataChanged ? { version: before.version + 1 } : {}), updatedAt: ctx.now() })
			.where(eq(directoryEntry.id, id))
			.returning();
		if (dataChanged) {
			// an entry written straight into the table (seeds, demo) keeps its first version before its next
			await db.insert(directoryEntryVersion).values({ entryId: id, number: before.version, snapshot: entrySnapshot(before), createdAt: before.updatedAt }).onConflictDoNothing();
			const author = authorOf(ctx, options.author);
			await db.insert(directoryEntryVersion).values({ entryId: id, number: updated.version, snapshot: entrySnapshot(updated), authorUserId: author.userId, authorOrganisationId: author.organisationId, comment: author.comment });
		}
		const beforeView = auditView(before) as Record<string, unknown>;
		const afterView = auditView(updated) as Record<string, unknown>;
		const changed = Object.keys(afterView).filter((key) => JSON.stringify(beforeView[key]) !== JSON.stringify(afterView[key]));
		if (changed.length) {
			await recordAudit(db, audit, {
				action: `${collection.auditResource}.update`,
				resourceType: collection.auditResource,
				resourceId: id,
				before: Object.fromEntries(changed.map((key) => [key, beforeView[key]])),
				after: Object.fromEntries(changed.map((key) => [key, afterView[key]]))
			});
		}
		return updated;
	});
}

/** Archives (hides from the directory) or restores an entry. */
export async function setDirectoryEntryStatus(ctx: RequestContext, collection: DirectoryCollection, id: string, status: DirectoryEntryStatus) {
	const current = await getDirectoryEntry(ctx.db, collection, id, ctx.actor);
	if (!canEditEntryOf(ctx.actor, collection, current.entry.organisationId)) throw new AppError('forbidden');
	if (current.entry.status === status) return current.entry;
	return ctx.transaction(async ({ db, audit }) => {
		const [updated] = await db.update(directoryEntry).set({ status, updatedAt: ctx.now() }).where(eq(directoryEntry.id, id)).returning();
		await recordAudit(db, audit, {
			action: `${collection.auditResource}.${status === 'archived' ? 'archive' : 'restore'}`,
			resourceType: collection.auditResource,
			resourceId: id,
			before: { status: current.entry.status },
			after: { status }
		});
		return updated;
	});
}

/** One version's data (the current one even when the entry was written straight into the table); null when there is no such version. */
export async function directoryEntryVersionData(db: DbOrTx, entryId: string, number: number): Promise<EntrySnapshot | null> {
	if (!UUID.test(entryId)) return null;
	const [kept] = await db
		.select({ snapshot: directoryEntryVersion.snapshot })
		.from(directoryEntryVersion)
		.where(and(eq(directoryEntryVersion.entryId, entryId), eq(directoryEntryVersion.number, number)));
	if (kept) return kept.snapshot as EntrySnapshot;
	const [current] = await db.select().from(directoryEntry).where(and(eq(directoryEntry.id, entryId), eq(directoryEntry.version, number)));
	return current ? entrySnapshot(current) : null;
}

/** The open-data shape of an entry (the module's API documents it). */
export function publicDirectoryEntry({ entry, organisation: owner }: DirectoryEntryWithOrganisation) {
	return {
		id: entry.id,
		organisation: owner,
		name: entry.name,
		description: entry.description,
		eligibility: entry.eligibility,
		openingHours: entry.openingHours,
		services: entry.services,
		cities: entry.cities,
		regions: entry.regions,
		languages: entry.languages,
		contact: { phone: entry.phone, email: entry.email, address: entry.address, website: entry.website },
		/** the organisations funding it (ids of /api/v1/organisations) */
		funderIds: entry.funderIds,
		links: entry.links,
		isSample: entry.isSample,
		/** the number of its current version */
		version: entry.version,
		updatedAt: entry.updatedAt.toISOString()
	};
}
