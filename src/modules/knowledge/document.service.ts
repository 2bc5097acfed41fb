// The library's documents: public reading (list with filters and facets, one document, versions),
// publication through the platform's moderation (ADR 0011): partners propose, Knowledge editors review.
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { organisation } from '../../platform/accounts/accounts.table.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { DbOrTx } from '../../platform/db/database.ts';
import { searchNormalised } from '../../platform/db/search.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { parseOrThrow } from '../../platform/http/validation.ts';
import type { Language } from '../../platform/i18n/languages.ts';
import type { RequestContext } from '../../platform/kernel/context.ts';
import type { ModeratedCollection, ModeratedSubject, Publication } from '../../platform/moderation/moderation.service.ts';
import { documentsCollection } from './knowledge.model.ts';
import { titleIn } from './titles.ts';
export { titleIn, titleLanguage } from './titles.ts';
import { DocumentInput, type DocumentData, type DocumentDetail, type DocumentListQuery, type DocumentSummary } from './knowledge.schemas.ts';
import { document, documentPage, documentVersion, type DocumentRow, type Translated } from './knowledge.table.ts';

import { slugify } from '../../platform/text/slug.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the search column holds: every title, summary and author (normalised by SQL on write). */
const searchSource = (data: DocumentData) =>
	[...Object.values(data.title), ...Object.values(data.summary), ...data.authors].filter(Boolean).join(' \n ');

/** The data compared and kept in versions (no ids, no search column). */
export function snapshotOf(row: DocumentRow | (DocumentData & { slug: string })): DocumentData & { slug: string } {
	return {
		slug: row.slug,
		title: row.title,
		summary: row.summary ?? {},
		type: row.type,
		status: row.status,
		authors: row.authors ?? [],
		organisations: row.organisations ?? [],
		year: row.year ?? null,
		publishedOn: row.publishedOn ?? null,
		languages: row.languages ?? [],
		themes: row.themes ?? [],
		regions: row.regions ?? [],
		countries: row.countries ?? [],
		initiatives: row.initiatives ?? [],
		licence: row.licence ?? null,
		file: row.file ?? null,
		externalUrl: row.externalUrl ?? null,
		recommendations: row.recommendations ?? [],
		sources: row.sources ?? []
	} as DocumentData & { slug: string };
}

/** Validates a document: the data, a file or a link for a published one, organisations that exist. */
export async function normaliseDocument(db: DbOrTx, input: unknown): Promise<DocumentData> {
	const data = parseOrThrow(DocumentInput, input);
	const problems: { path: string; messageKey: string }[] = [];
	const year = data.year ?? (data.publishedOn ? Number(data.publishedOn.slice(0, 4)) : null);
	if (data.organisations.length) {
		const known = new Set(
			(await db.select({ slug: organisation.slug }).from(organisation).where(inArray(organisation.slug, data.organisations))).map((row) => row.slug)
		);
		data.organisations.forEach((slug, index) => {
			if (!known.has(slug)) problems.push({ path: `organisations.${index}`, messageKey: 'field_choice' });
		});
	}
	if (problems.length) throw new AppError('invalid_input', { fields: problems });
	return { ...data, year, authors: [...new Set(data.authors)], themes: [...new Set(data.themes)], languages: [...new Set(data.languages)] };
}

async function freeSlug(db: DbOrTx, wanted: string): Promise<string> {
	const taken = new Set(
		(await db.select({ slug: document.slug }).from(document).where(sql`${document.slug} = ${wanted} or ${document.slug} like ${`${wanted}-%`}`)).map((row) => row.slug)
	);
	if (!taken.has(wanted)) return wanted;
	for (let n = 2; ; n++) if (!taken.has(`${wanted}-${n}`)) return `${wanted}-${n}`;
}

type Author = Publication<DocumentData>['author'];

/** A new document, version 1, with its audit event (inside the caller's transaction). */
export async function insertDocument(ctx: RequestContext, data: DocumentData, author: Author, options: { isSample?: boolean } = {}) {
	const slug = await freeSlug(ctx.db, data.slug ?? (slugify(data.title.fr ?? data.title.en ?? data.title.ar ?? '') || 'document'));
	const values = { ...snapshotOf({ ...data, slug }), slug };
	const [row] = await ctx.db
		.insert(document)
		.values({ ...values, fileKey: data.file?.key ?? null, textStatus: data.file ? 'pending' : 'none', searchText: sql`${searchNormalised(searchSource(data))}`, isSample: options.isSample ?? false, createdAt: ctx.now(), updatedAt: ctx.now() })
		.returning();
	await ctx.db.insert(documentVersion).values({ documentId: row.id, number: 1, snapshot: snapshotOf(row), authorUserId: author.userId, authorOrganisationId: author.organisationId, comment: author.comment, createdAt: ctx.now() });
	await recordAudit(ctx.db, ctx.audit, { action: 'knowledge_document.create', resourceType: 'knowledge_document', resourceId: row.id, after: snapshotOf(row) });
	return { id: row.id, slug: row.slug, version: 1 };
}

/** A new version of a document (its address never moves), with its audit event. */
async function updateDocument(ctx: RequestContext, id: string, data: DocumentData, author: Author, expectedVersion: number | undefined) {
	const [current] = await ctx.db.select().from(document).where(eq(document.id, id)).for('update');
	if (!current) throw new AppError('not_found');
	if (expectedVersion !== undefined && current.version !== expectedVersion) throw new AppError('conflict', { extra: { reason: 'stale_version', currentVersion: current.version } });
	const version = current.version + 1;
	const values = snapshotOf({ ...data, slug: current.slug });
	const fileChanged = (current.file?.key ?? null) !== (data.file?.key ?? null);
	if (fileChanged) await ctx.db.delete(documentPage).where(eq(documentPage.documentId, id));
	const [row] = await ctx.db
		.update(document)
		.set({
			...values,
			version,
			fileKey: data.file?.key ?? null,
			// another file: its text is extracted again in the background; the old pages no longer answer
			...(fileChanged ? { textStatus: data.file ? ('pending' as const) : ('none' as const), textError: null } : {}),
			searchText: sql`${searchNormalised(searchSource(data))}`,
			updatedAt: ctx.now()
		})
		.where(eq(document.id, id))
		.returning();
	await ctx.db.insert(documentVersion).values({ documentId: id, number: version, snapshot: snapshotOf(row), authorUserId: author.userId, authorOrganisationId: author.organisationId, comment: author.comment, createdAt: ctx.now() });
	await recordAudit(ctx.db, ctx.audit, { action: 'knowledge_document.update', resourceType: 'knowledge_document', resourceId: id, before: snapshotOf(current), after: snapshotOf(row) });
	return { id, slug: row.slug, version };
}

// ── Moderation ───────────────────────────────────────────────────────────────

const subjectColumns = { id: document.id, slug: document.slug, version: document.version, title: document.title };
const asSubject = (row: { id: string; slug: string; version: number; title: Translated }): ModeratedSubject => ({ ...row, title: titleIn(row.title, 'fr') });

export const diffFields = [
	'title',
	'summary',
	'type',
	'status',
	'authors',
	'organisations',
	'year',
	'publishedOn',
	'languages',
	'themes',
	'regions',
	'countries',
	'initiatives',
	'licence',
	'file',
	'externalUrl',
	'recommendations',
	'sources'
] as const;
export type DiffField = (typeof diffFields)[number];
const translatedFields = new Set<string>(['title', 'summary']);
const setFields = new Set<string>(['authors', 'organisations', 'languages', 'themes', 'regions', 'countries', 'initiatives']);

export const documentProposals: ModeratedCollection<DocumentData, DiffField> = {
	key: documentsCollection,
	actions: { propose: 'knowledge.propose', review: 'knowledge.moderate', discuss: 'knowledge.discuss' },
	audit: {
		proposal: 'knowledge_document_proposal',
		subjectKey: 'documentId',
		subject: 'knowledge_document',
		message: 'knowledge_document_message',
		draft: 'knowledge_draft',
		draftResource: 'knowledge_proposal_draft'
	},
	normalise: ({ db }, input) => normaliseDocument(db, input),
	keep: (data, subject) => ({ ...data, slug: subject.slug }),
	async find({ db }, idOrSlug, options = {}) {
		const query = db
			.select(subjectColumns)
			.from(document)
			.where(UUID.test(idOrSlug) ? eq(document.id, idOrSlug) : eq(document.slug, idOrSlug.toLowerCase()));
		const [row] = options.lock ? await query.for('update') : await query;
		return row ? asSubject(row) : null;
	},
	async subjects({ db }, ids) {
		if (!ids.length) return new Map();
		const rows = await db.select(subjectColumns).from(document).where(inArray(document.id, ids));
		return new Map(rows.map((row) => [row.id, asSubject(row)]));
	},
	async version({ db }, subjectId, number) {
		const [row] = await db.select({ snapshot: documentVersion.snapshot }).from(documentVersion).where(and(eq(documentVersion.documentId, subjectId), eq(documentVersion.number, number)));
		return row?.snapshot ?? null;
	},
	publish: (ctx, { subjectId, data, expectedVersion, author }) => (subjectId ? updateDocument(ctx, subjectId, data, author, expectedVersion) : insertDocument(ctx, data, author)),
	title: (data) => titleIn(data.title, 'fr'),
	diff: {
		fields: diffFields.map((name) => ({ name, kind: translatedFields.has(name) ? 'translated' : setFields.has(name) ? 'set' : undefined })),
		comparable: (value) => {
			const data = (value ?? {}) as Record<string, unknown>;
			// a file compares by its content (the key is its hash), not by the name it was sent under
			const file = data.file as { key?: string } | null | undefined;
			return { ...data, file: file?.key ?? null };
		}
	},
	emails: 'knowledge',
	pages: {
		review: (language, id) => `/${language}/knowledge/moderation/${id}`,
		subject: (language, slug) => `/${language}/knowledge/documents/${slug}`,
		home: (language) => `/${language}/knowledge`
	},
	drafts: {
		resumable: /^\/knowledge\/propose$/,
		notKept: ['saveDraft', 'file'],
		title: (values) => ['title_fr', 'title_ar', 'title_en'].map((key) => values[key]).find((value): value is string => typeof value === 'string' && value.trim() !== '')?.trim() ?? null
	}
};

// ── Reading ─────────────────────────────────────────────────────────────────

async function organisationNames(db: DbOrTx, slugs: string[]): Promise<Map<string, string>> {
	if (!slugs.length) return new Map();
	const rows = await db.select({ slug: organisation.slug, name: organisation.name }).from(organisation).where(inArray(organisation.slug, slugs));
	return new Map(rows.map((row) => [row.slug, row.name]));
}

function summaryOf(row: DocumentRow, names: Map<string, string>): DocumentSummary {
	return {
		id: row.id,
		slug: row.slug,
		version: row.version,
		title: row.title,
		type: row.type,
		status: row.status,
		authors: row.authors,
		organisations: row.organisations.flatMap((slug) => (names.has(slug) ? [{ slug, name: names.get(slug)! }] : [])),
		year: row.year,
		publishedOn: row.publishedOn,
		languages: row.languages,
		themes: row.themes,
		regions: row.regions,
		hasFile: Boolean(row.file),
		externalUrl: row.externalUrl,
		isSample: row.isSample
	};
}

const jsonHasAny = (column: AnyPgColumn, values: string[] | undefined) => (values?.length ? sql`${column} ?| array[${sql.join(values.map((value) => sql`${value}`), sql`, `)}]::text[]` : undefined);

/** The query's words as French and as Arabic stems (normalised as the stored text is). */
const stemsOf = (q: string) => ({
	fr: sql`websearch_to_tsquery('french'::regconfig, ${searchNormalised(q)})`,
	ar: sql`websearch_to_tsquery('arabic'::regconfig, ${searchNormalised(q)})`
});

/**
 * Words match a document through its titles, summaries and authors (every word as a part of a word, or
 * every word's French or Arabic stem) or through the text of one page of its PDF (stems).
 */
function textMatch(q: string): SQL {
	const words = q.split(/\s+/).filter(Boolean).slice(0, 8);
	const { fr, ar } = stemsOf(q);
	return sql`(${and(...words.map((word) => sql`${document.searchText} like '%' || ${searchNormalised(word)} || '%'`))}
		or ${document.searchStems} @@ ${fr} or ${document.searchStems} @@ ${ar}
		or exists (select 1 from ${documentPage} where ${documentPage.documentId} = ${document.id} and (${documentPage.stems} @@ ${fr} or ${documentPage.stems} @@ ${ar})))`;
}

/** A document's relevance to the words: its description counts double a page of its text. */
function relevance(q: string): SQL<number> {
	const { fr, ar } = stemsOf(q);
	return sql<number>`(2 * (ts_rank(${document.searchStems}, ${fr}) + ts_rank(${document.searchStems}, ${ar}))
		+ coalesce((select max(ts_rank(${documentPage.stems}, ${fr}) + ts_rank(${documentPage.stems}, ${ar})) from ${documentPage} where ${documentPage.documentId} = ${document.id}), 0))`;
}

function filters(query: Partial<DocumentListQuery>, without?: 'type' | 'theme' | 'language' | 'year'): SQL | undefined {
	return and(
		query.q ? textMatch(query.q) : undefined,
		without !== 'type' && query.type?.length ? inArray(document.type, query.type) : undefined,
		without !== 'theme' ? jsonHasAny(document.themes, query.theme) : undefined,
		without !== 'language' ? jsonHasAny(document.languages, query.language) : undefined,
		jsonHasAny(document.regions, query.region),
		jsonHasAny(document.organisations, query.organisation),
		without !== 'year' && query.year ? eq(document.year, query.year) : undefined,
		query.status ? eq(document.status, query.status) : undefined
	);
}

/** Marks around the words found in a snippet: private-use characters a page turns into <mark> (no HTML in the data). */
export const MARK_START = '\uE000';
export const MARK_END = '\uE001';

/** For each document, the page of its text that answers the words best, with the words marked. */
async function snippets(db: DbOrTx, ids: string[], q: string): Promise<Map<string, { page: number; text: string }>> {
	if (!ids.length) return new Map();
	const { fr, ar } = stemsOf(q);
	// the headline parses the page as written: Arabic with the Arabic stemmer (the query as typed and normalised),
	// French with accents ignored (migration 0030's configuration)
	const arabic = /[\u0600-\u06FF]/.test(q);
	const config = arabic ? 'arabic' : 'knowledge.french_unaccent';
	const shown = arabic
		? sql`(websearch_to_tsquery('arabic'::regconfig, ${q}) || websearch_to_tsquery('arabic'::regconfig, ${searchNormalised(q)}))`
		: sql`websearch_to_tsquery('knowledge.french_unaccent'::regconfig, ${q})`;
	const result = await db.execute(sql`
		select distinct on (p.document_id) p.document_id, p.page,
			ts_headline(${config}::regconfig, p.text, ${shown}, ${`StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "`}) as snippet
		from ${documentPage} p
		where p.document_id in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)}) and (p.stems @@ ${fr} or p.stems @@ ${ar})
		order by p.document_id, ts_rank(p.stems, ${fr}) + ts_rank(p.stems, ${ar}) desc, p.page`);
	const rows = (result as unknown as { rows: { document_id: string; page: number; snippet: string }[] }).rows;
	return new Map(rows.map((row) => [row.document_id, { page: Number(row.page), text: row.snippet }]));
}

async function facet(db: DbOrTx, query: Partial<DocumentListQuery>, name: 'type' | 'theme' | 'language' | 'year'): Promise<Record<string, number>> {
	const value =
		name === 'type' ? sql<string>`${document.type}` : name === 'year' ? sql<string>`${document.year}::text` : sql<string>`jsonb_array_elements_text(${name === 'theme' ? document.themes : document.languages})`;
	const rows = await db
		.select({ value, n: sql<number>`count(*)::int` })
		.from(document)
		.where(filters(query, name))
		.groupBy(sql`1`);
	return Object.fromEntries(rows.filter((row) => row.value !== null).map((row) => [row.value, row.n]));
}

/** One page of documents (real ones before samples, newest first, then by title), the total and the facets (each ignoring its own filter). */
export async function listDocuments(db: DbOrTx, query: Partial<DocumentListQuery>) {
	const page = query.page ?? 1;
	const pageSize = query.pageSize ?? 20;
	const where = filters(query);
	const [[{ total }], rows, type, theme, language, year] = await Promise.all([
		db.select({ total: sql<number>`count(*)::int` }).from(document).where(where),
		db
			.select()
			.from(document)
			.where(where)
			.orderBy(
				asc(document.isSample),
				...(query.q ? [sql`${relevance(query.q)} desc`] : []),
				sql`${document.year} desc nulls last`,
				sql`${document.title}->>'fr'`,
				asc(document.slug)
			)
			.limit(pageSize)
			.offset((page - 1) * pageSize),
		facet(db, query, 'type'),
		facet(db, query, 'theme'),
		facet(db, query, 'language'),
		facet(db, query, 'year')
	]);
	const names = await organisationNames(db, [...new Set(rows.flatMap((row) => row.organisations))]);
	const found = query.q ? await snippets(db, rows.map((row) => row.id), query.q) : new Map();
	return { total, page, pageSize, items: rows.map((row) => ({ ...summaryOf(row, names), snippet: found.get(row.id) ?? null })), facets: { type, theme, language, year } };
}

/** Every document of a list's filters, for the CSV/XLSX export (capped: the library is small). */
export async function documentsForExport(db: DbOrTx, query: Partial<DocumentListQuery>) {
	const rows = await db.select().from(document).where(filters(query)).orderBy(sql`${document.year} desc nulls last`, asc(document.slug)).limit(20000);
	const names = await organisationNames(db, [...new Set(rows.flatMap((row) => row.organisations))]);
	return rows.map((row) => ({ ...summaryOf(row, names), sources: row.sources }));
}

/** One document by slug or id (null: none). */
export async function getDocument(db: DbOrTx, idOrSlug: string): Promise<DocumentDetail | null> {
	const [row] = await db
		.select()
		.from(document)
		.where(UUID.test(idOrSlug) ? eq(document.id, idOrSlug) : eq(document.slug, idOrSlug.toLowerCase()));
	if (!row) return null;
	const names = await organisationNames(db, row.organisations);
	return {
		...summaryOf(row, names),
		summary: row.summary,
		countries: row.countries,
		initiatives: row.initiatives,
		licence: row.licence,
		file: row.file ? { bytes: row.file.bytes, pages: row.file.pages, url: `/fr/knowledge/documents/${row.slug}/file` } : null,
		recommendations: row.recommendations,
		sources: row.sources,
		updatedAt: row.updatedAt.toISOString()
	};
}

/** The stored file of a document (null: none). */
export async function documentFile(db: DbOrTx, slug: string) {
	const [row] = await db.select({ file: document.file, slug: document.slug }).from(document).where(eq(document.slug, slug.toLowerCase()));
	return row?.file ?? null;
}

/** A document's published versions, newest first. */
export async function listDocumentVersions(db: DbOrTx, documentId: string) {
	return db
		.select({ number: documentVersion.number, createdAt: documentVersion.createdAt, comment: documentVersion.comment })
		.from(documentVersion)
		.where(eq(documentVersion.documentId, documentId))
		.orderBy(desc(documentVersion.number));
}


/** The platform's organisations, by name, for the filters and the propose form's picker. */
export function organisationChoices(db: DbOrTx) {
	return db.select({ slug: organisation.slug, name: organisation.name, acronym: organisation.acronym }).from(organisation).orderBy(asc(organisation.name));
}
