// The library's documents: public reading (list with filters and facets, one document, versions),
// publication through the platform's moderation (ADR 0011): partners propose, Knowledge editors review.
import { and, asc, desc, eq, getTableColumns, inArray, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { organisation } from '../../platform/accounts/accounts.table.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { Db, DbOrTx } from '../../platform/db/database.ts';
import { jsonOf, rowsOf } from '../../platform/db/rows.ts';
import { searchNormalised } from '../../platform/db/search.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { parseOrThrow } from '../../platform/http/validation.ts';
import type { Language } from '../../platform/i18n/languages.ts';
import type { RequestContext } from '../../platform/kernel/context.ts';
import type { ModeratedCollection, ModeratedSubject, Publication } from '../../platform/moderation/moderation.service.ts';
import { documentsCollection } from './knowledge.model.ts';
import { facetNames, probeSearch, searchedStems, searchIndexAt, type FacetName, type SearchProbe } from './search-index.ts';
import { titleIn } from './titles.ts';
import { INITIATIVE_KIND, linkProblems, shownLinks, withLinks } from './document-links.ts';
import { linkWholes, parseLink } from '../../platform/kernel/links.ts';
export { titleIn, titleLanguage } from './titles.ts';
import { DocumentInput, type DocumentData, type DocumentDetail, type DocumentListQuery, type DocumentSummary } from './knowledge.schemas.ts';
import { document, documentPage, documentVersion, type DocumentRow, type Translated } from './knowledge.table.ts';

import { slugify } from '../../platform/text/slug.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the search column holds: every title, summary and author (normalised by SQL on write). */
const searchSource = (data: DocumentData) =>
	[...Object.values(data.title), ...Object.values(data.summary), ...data.authors].filter(Boolean).join(' \n ');

/**
 * The data compared and kept in versions (no ids, no search column). A proposal made before migration
 * 0068 names initiatives by slug: they are kept as links.
 */
export function snapshotOf(row: DocumentRow | (DocumentData & { slug: string })): DocumentData & { slug: string } {
	const { links } = withLinks(row);
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
		links,
		licence: row.licence ?? null,
		file: row.file ?? null,
		externalUrl: row.externalUrl ?? null,
		recommendations: row.recommendations ?? [],
		sources: row.sources ?? []
	} as DocumentData & { slug: string };
}

/** A new file's text is read from its first page: a run still reading the old one loses its claim. */
const textRestarted = { textPagesDone: 0, textPagesTotal: null, textClaim: null, textClaimedAt: null };

/**
 * Validates a document: the data, a file or a link for a published one, organisations that exist, links
 * to Atlas initiatives and strategies' actions that exist (`links.<index>`, naming the value).
 */
export async function normaliseDocument(db: DbOrTx, input: unknown): Promise<DocumentData> {
	const data = parseOrThrow(DocumentInput, input);
	const problems: { path: string; messageKey: string; values?: Record<string, string> }[] = [];
	const year = data.year ?? (data.publishedOn ? Number(data.publishedOn.slice(0, 4)) : null);
	if (data.organisations.length) {
		const known = new Set(
			(await db.select({ slug: organisation.slug }).from(organisation).where(inArray(organisation.slug, data.organisations))).map((row) => row.slug)
		);
		data.organisations.forEach((slug, index) => {
			if (!known.has(slug)) problems.push({ path: `organisations.${index}`, messageKey: 'field_choice' });
		});
	}
	const links = [...new Set(data.links)];
	problems.push(...(await linkProblems(db, links)));
	if (problems.length) throw new AppError('invalid_input', { fields: problems });
	return { ...data, year, authors: [...new Set(data.authors)], themes: [...new Set(data.themes)], languages: [...new Set(data.languages)], links };
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

/**
 * A new version of a document (its address never moves), with its audit event. A restore names the
 * version it copies (`restoredFrom`, kept in the version's snapshot for its history).
 */
export async function updateDocument(ctx: RequestContext, id: string, data: DocumentData, author: Author, expectedVersion: number | undefined, options: { restoredFrom?: number } = {}) {
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
			...(fileChanged ? { textStatus: data.file ? ('pending' as const) : ('none' as const), textError: null, ...textRestarted } : {}),
			searchText: sql`${searchNormalised(searchSource(data))}`,
			updatedAt: ctx.now()
		})
		.where(eq(document.id, id))
		.returning();
	const snapshot = options.restoredFrom ? { ...snapshotOf(row), restoredFrom: options.restoredFrom } : snapshotOf(row);
	await ctx.db.insert(documentVersion).values({ documentId: id, number: version, snapshot, authorUserId: author.userId, authorOrganisationId: author.organisationId, comment: author.comment, createdAt: ctx.now() });
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
	'links',
	'licence',
	'file',
	'externalUrl',
	'recommendations',
	'sources'
] as const;
export type DiffField = (typeof diffFields)[number];
const translatedFields = new Set<string>(['title', 'summary']);
const setFields = new Set<string>(['authors', 'organisations', 'languages', 'themes', 'regions', 'countries', 'links']);

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
			// a version published before links holds its initiatives by slug: compared as the links they became
			const data = withLinks((value ?? {}) as Record<string, unknown>) as Record<string, unknown>;
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
		// a new document's page, or a document's change page
		resumable: /^\/knowledge\/(?:propose|documents\/[a-z0-9]+(?:-[a-z0-9]+)*\/propose)$/,
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

/** A document's columns but its stems (search data, kilobytes each). */
const { searchStems: _searchStems, textStems: _textStems, ...listed } = getTableColumns(document);
type ListedRow = Omit<DocumentRow, 'searchStems' | 'textStems'>;

/** What a list shows of a document (no text, no sources): the columns of its summary. */
const summaryColumns = {
	id: document.id,
	slug: document.slug,
	version: document.version,
	title: document.title,
	type: document.type,
	status: document.status,
	authors: document.authors,
	organisations: document.organisations,
	year: document.year,
	publishedOn: document.publishedOn,
	languages: document.languages,
	themes: document.themes,
	regions: document.regions,
	hasFile: sql<boolean>`${document.file} is not null`,
	externalUrl: document.externalUrl,
	isSample: document.isSample
};
type SummaryRow = Pick<ListedRow, 'id' | 'slug' | 'version' | 'title' | 'type' | 'status' | 'authors' | 'organisations' | 'year' | 'publishedOn' | 'languages' | 'themes' | 'regions' | 'externalUrl' | 'isSample'> & {
	hasFile: boolean;
};

function summaryOf(row: SummaryRow, names: Map<string, string>): DocumentSummary {
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
		hasFile: row.hasFile,
		externalUrl: row.externalUrl,
		isSample: row.isSample
	};
}

const jsonHasAny = (column: AnyPgColumn, values: string[] | undefined) => (values?.length ? sql`${column} ?| array[${sql.join(values.map((value) => sql`${value}`), sql`, `)}]::text[]` : undefined);

/**
 * Words match a document through its titles, summaries and authors (every word as a part of a word) or
 * through its stems — the description's and its pages', together, in French or in Arabic. A phrase's words
 * must follow each other in the description or on one page.
 */
function textMatch(probe: SearchProbe): SQL {
	const fr = sql`${probe.tsquery.fr}::tsquery`;
	const ar = sql`${probe.tsquery.ar}::tsquery`;
	const stems = probe.phrase
		? sql`${document.searchStems} @@ ${fr} or ${document.searchStems} @@ ${ar}
			or exists (select 1 from ${documentPage} where ${documentPage.documentId} = ${document.id} and (${documentPage.stems} @@ ${fr} or ${documentPage.stems} @@ ${ar}))`
		: sql`(${document.searchStems} || ${document.textStems}) @@ ${fr} or (${document.searchStems} || ${document.textStems}) @@ ${ar}`;
	const words = probe.words.length
		? and(...probe.words.map((word) => sql`strpos(${document.searchText}, ${word}) > 0`), ...probe.excludedWords.map((word) => sql`strpos(${document.searchText}, ${word}) = 0`))
		: sql`false`;
	return sql`(${words} or ${stems})`;
}

/** A document's relevance to the words (SQL reference; the index ranks with BM25): its description counts double its text. */
function relevance(probe: SearchProbe): SQL<number> {
	const fr = sql`${probe.tsquery.fr}::tsquery`;
	const ar = sql`${probe.tsquery.ar}::tsquery`;
	return sql<number>`(2 * (ts_rank(${document.searchStems}, ${fr}) + ts_rank(${document.searchStems}, ${ar})) + ts_rank(${document.textStems}, ${fr}) + ts_rank(${document.textStems}, ${ar}))`;
}

function filters(query: Partial<DocumentListQuery>, probe: SearchProbe, without?: FacetName): SQL | undefined {
	return and(
		query.q ? textMatch(probe) : undefined,
		without !== 'type' && query.type?.length ? inArray(document.type, query.type) : undefined,
		without !== 'theme' ? jsonHasAny(document.themes, query.theme) : undefined,
		without !== 'language' ? jsonHasAny(document.languages, query.language) : undefined,
		without !== 'region' ? jsonHasAny(document.regions, query.region) : undefined,
		without !== 'organisation' ? jsonHasAny(document.organisations, query.organisation) : undefined,
		without !== 'year' && query.year ? eq(document.year, query.year) : undefined,
		query.status ? eq(document.status, query.status) : undefined,
		without !== 'linked' ? jsonHasAny(document.links, query.linked) : undefined
	);
}

/**
 * The records made of others among those the library's documents link to, each with its parts the documents
 * link to: an Atlas programme with its components (and their pilots and phases, every level down), as the
 * links' owners say (`LinkTarget.wholes`: Knowledge never reads the Atlas). A programme need not be linked
 * itself: its components' documents make it a choice of the filter.
 */
export async function partsOfLinked(db: DbOrTx, links: readonly string[]): Promise<Map<string, string[]>> {
	const parts = new Map<string, string[]>();
	for (const [part, wholes] of await linkWholes(db, links)) {
		for (const whole of wholes) {
			const list = parts.get(whole) ?? [];
			list.push(part);
			parts.set(whole, list);
		}
	}
	for (const list of parts.values()) list.sort();
	return parts;
}

/** The filter by linked record with each whole's parts: a programme chosen also finds the documents linked to its components. */
export function withParts<Q extends Partial<DocumentListQuery>>(query: Q, parts: Map<string, string[]>): Q {
	if (!query.linked?.length || !parts.size) return query;
	return { ...query, linked: [...new Set(query.linked.flatMap((value) => [value, ...(parts.get(value) ?? [])]))] };
}

/** Every record the library's documents link to (the SQL reference's; the index holds them as a facet). */
async function libraryLinks(db: DbOrTx): Promise<string[]> {
	const rows = await db.selectDistinct({ value: sql<string>`jsonb_array_elements_text(${document.links})` }).from(document);
	return rows.map((row) => row.value);
}

/** Marks around the words found in a snippet: private-use characters a page turns into <mark> (no HTML in the data). */
export const MARK_START = '\uE000';
export const MARK_END = '\uE001';

/** Beyond this many characters, a page's headline is taken from this much of its text around the words. */
const LONG_PAGE = 1600;
const HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "`;

/** A query's tsquery with its "and"s turned to "or"s: a page answers with any of the words. */
const anyWord = (tsquery: string) => tsquery.replaceAll(' & ', ' | ');

/**
 * A document's page of text that answers the words best, with the words marked (json `{ page, text }`, null
 * when none does), as a column of the SQL reference's page of results. A document matches by all its pages
 * together, so a page answers with any of the words: the one holding the most of them, read from the
 * document's text_stems (the pages of each stem), so that only the chosen page is parsed again for its
 * headline. A phrase's page holds the phrase.
 */
function snippetOf(probe: SearchProbe): SQL<{ page: number; text: string } | null> {
	const fr = sql`${probe.tsquery.fr}::tsquery`;
	const ar = sql`${probe.tsquery.ar}::tsquery`;
	const best = probe.phrase
		? sql`(select p.page from ${documentPage} p where p.document_id = ${document.id} and (p.stems @@ ${fr} or p.stems @@ ${ar})
			order by ts_rank(p.stems, ${fr}) + ts_rank(p.stems, ${ar}) desc, p.page limit 1)`
		: sql`(select page from unnest(${document.textStems}) u, unnest(u.positions) page
			where u.lexeme in (select jsonb_array_elements_text(${JSON.stringify([...searchedStems(probe)])}::jsonb))
			group by page order by count(*) desc, page limit 1)`;
	return sql`(select json_build_object('page', t.page, 'text', ts_headline(${probe.headline.config}::regconfig, t.text, ${probe.headline.query}::tsquery, ${HEADLINE_OPTIONS}))
		from ${documentPage} t where t.document_id = ${document.id} and t.page = ${best})`;
}

/** What a page of results shows of each document: its columns, its organisations' names, and with words its snippet. */
function shownColumns(query: Partial<DocumentListQuery>, probe: SearchProbe) {
	return {
		...summaryColumns,
		organisationNames: sql<Record<string, string> | null>`(select json_object_agg(o.slug, o.name) from ${organisation} o where ${document.organisations} ? o.slug)`,
		snippet: query.q ? snippetOf(probe) : sql<null>`null`
	};
}


/**
 * The index's page of documents as shown, in one statement: the columns a summary needs, the organisations'
 * names and the snippets. The index named each document's part of the text holding the most words (`pages`:
 * a page, or a few of a long text); the best page of it by the words it holds is parsed again for its
 * headline — one page per document.
 */
async function shownRows(db: Db, ids: string[], probe: SearchProbe, pages: Record<string, [number, number]>): Promise<ShownRow[]> {
	const first = ids.map((id) => pages[id]?.[0] ?? null);
	const last = ids.map((id) => pages[id]?.[1] ?? null);
	const stems = `{${[...searchedStems(probe)].map((stem) => `"${stem.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`).join(',')}}`;
	// a long page is parsed for its headline only around the first word asked for: its place among the page's
	// words (the stems' positions: the French ones, then the Arabic ones after them) as a share of the text
	const text = sql`case when length(p.text) <= ${LONG_PAGE} then p.text else (
		select substr(p.text, greatest(1, (length(p.text)::float8 * (case when f > m / 2 then f - m / 2 else f end) / greatest(1, m / 2))::int - ${LONG_PAGE / 4}), ${LONG_PAGE})
		from (select coalesce(min(x) filter (where u.lexeme = any(${stems}::text[])), 1) as f, max(x) as m from unnest(p.stems) u, unnest(u.positions) x) window_of_words) end`;
	const snippet = probe.headline.query
		? sql`(select json_build_object('page', p.page, 'text', ts_headline(${probe.headline.config}::regconfig, ${text}, ${probe.headline.query}::tsquery, ${HEADLINE_OPTIONS}))
			from knowledge.document_page p where p.document_id = d.id and p.page between w.first and w.last
			order by case when w.first = w.last then 0 else
				(p.stems @@ ${probe.tsquery.fr}::tsquery or p.stems @@ ${probe.tsquery.ar}::tsquery)::int * 1000
				+ ts_rank(p.stems, ${anyWord(probe.tsquery.fr)}::tsquery) + ts_rank(p.stems, ${anyWord(probe.tsquery.ar)}::tsquery) end desc, p.page limit 1)`
		: sql`null`;
	const rows = rowsOf<{
		id: string; slug: string; version: number; title: Translated; type: string; status: string; authors: string[]; organisations: string[];
		year: number | null; published_on: string | null; languages: string[]; themes: string[]; regions: string[]; has_file: boolean;
		external_url: string | null; is_sample: boolean; organisation_names: Record<string, string> | string | null; snippet: { page: number; text: string } | string | null;
	}>(
		await db.execute(sql`select d.id, d.slug, d.version, d.title, d.type, d.status, d.authors, d.organisations, d.year, d.published_on,
			d.languages, d.themes, d.regions, d.file is not null as has_file, d.external_url, d.is_sample,
			(select json_object_agg(o.slug, o.name) from ${organisation} o where d.organisations ? o.slug) as organisation_names,
			${snippet} as snippet
			from unnest(${`{${ids.join(',')}}`}::uuid[], ${`{${first.map((n) => n ?? 'NULL').join(',')}}`}::int[], ${`{${last.map((n) => n ?? 'NULL').join(',')}}`}::int[]) as w(id, first, last)
			join knowledge.document d on d.id = w.id`)
	);
	return rows.map((row) => ({
		id: row.id,
		slug: row.slug,
		version: row.version,
		title: jsonOf(row.title)!,
		type: row.type as ShownRow['type'],
		status: row.status as ShownRow['status'],
		authors: jsonOf(row.authors)!,
		organisations: jsonOf(row.organisations)!,
		year: row.year,
		publishedOn: row.published_on,
		languages: jsonOf(row.languages)!,
		themes: jsonOf(row.themes)!,
		regions: jsonOf(row.regions)!,
		hasFile: row.has_file,
		externalUrl: row.external_url,
		isSample: row.is_sample,
		organisationNames: jsonOf(row.organisation_names),
		snippet: jsonOf(row.snippet)
	}));
}

const facetLists = { theme: document.themes, language: document.languages, region: document.regions, organisation: document.organisations, linked: document.links };

async function facet(db: DbOrTx, query: Partial<DocumentListQuery>, probe: SearchProbe, name: FacetName): Promise<Record<string, number>> {
	const value = name === 'type' ? sql<string>`${document.type}` : name === 'year' ? sql<string>`${document.year}::text` : sql<string>`jsonb_array_elements_text(${facetLists[name]})`;
	const rows = await db
		.select({ value, n: sql<number>`count(*)::int` })
		.from(document)
		.where(filters(query, probe, name))
		.groupBy(sql`1`);
	return Object.fromEntries(rows.filter((row) => row.value !== null).map((row) => [row.value, row.n]));
}

/**
 * One page of documents (real ones before samples, the best matches first, then newest, then by title),
 * the total and the facets (each ignoring its own filter), each with the page of its text that answers the
 * words best. Answered by the library's search index (search-index.ts, ADR 0014); phrases by SQL.
 */
export async function searchDocuments(db: Db, query: Partial<DocumentListQuery>) {
	const probe = await probeSearch(db, query.q);
	if (probe.phrase) return listDocuments(db, query, probe);
	const index = await searchIndexAt(db, probe.revision);
	const parts = await partsOfLinked(db, index.linkedValues);
	const answer = index.search(withParts(query, parts), probe, parts);
	const rows = answer.ids.length ? await shownRows(db, answer.ids, probe, answer.snippetPages) : [];
	const byId = new Map(rows.map((row) => [row.id, row]));
	return pageOf(query, answer.total, answer.ids.flatMap((id) => byId.get(id) ?? []), answer.facets, parts);
}

/** The same as searchDocuments, every part asked of PostgreSQL: the reference the index is tested against, and what answers phrases. */
export async function listDocuments(db: DbOrTx, query: Partial<DocumentListQuery>, probe?: SearchProbe) {
	probe ??= await probeSearch(db, query.q);
	const parts = await partsOfLinked(db, await libraryLinks(db));
	const asked = query;
	query = withParts(query, parts);
	const where = filters(query, probe);
	const [[{ total }], rows, ...counted] = await Promise.all([
		db.select({ total: sql<number>`count(*)::int` }).from(document).where(where),
		db
			.select(shownColumns(query, probe))
			.from(document)
			.where(where)
			.orderBy(
				asc(document.isSample),
				...(query.q ? [sql`${relevance(probe)} desc`] : []),
				sql`${document.year} desc nulls last`,
				sql`${document.title}->>'fr'`,
				asc(document.slug)
			)
			.limit(query.pageSize ?? 20)
			.offset(((query.page ?? 1) - 1) * (query.pageSize ?? 20)),
		...facetNames.map((name) => facet(db, query, probe, name))
	]);
	const facets = Object.fromEntries(facetNames.map((name, f) => [name, counted[f]])) as Record<FacetName, Record<string, number>>;
	// a whole's count: the documents linked to it or to any of its parts, each once (the other filters kept)
	for (const [whole, members] of parts) {
		const [{ n }] = await db
			.select({ n: sql<number>`count(*)::int` })
			.from(document)
			.where(and(filters(query, probe, 'linked'), jsonHasAny(document.links, [whole, ...members])));
		if (n) facets.linked[whole] = n;
		else delete facets.linked[whole];
	}
	return pageOf(asked, total, rows, facets, parts);
}

type ShownRow = SummaryRow & { organisationNames: Record<string, string> | null; snippet: { page: number; text: string } | null };

function pageOf(query: Partial<DocumentListQuery>, total: number, rows: ShownRow[], facets: Record<FacetName, Record<string, number>>, parts: Map<string, string[]>) {
	return {
		total,
		page: query.page ?? 1,
		pageSize: query.pageSize ?? 20,
		items: rows.map(({ organisationNames, snippet, ...row }) => ({
			...summaryOf(row, new Map(Object.entries(organisationNames ?? {}))),
			snippet: snippet ? { page: Number(snippet.page), text: snippet.text } : null
		})),
		facets,
		parts: Object.fromEntries(parts)
	};
}

/** Every document of a list's filters, for the CSV/XLSX export (capped: the library is small). */
export async function documentsForExport(db: DbOrTx, query: Partial<DocumentListQuery>) {
	const expanded = withParts(query, await partsOfLinked(db, await libraryLinks(db)));
	const rows = await db.select(listed).from(document).where(filters(expanded, await probeSearch(db, query.q))).orderBy(sql`${document.year} desc nulls last`, asc(document.slug)).limit(20000);
	const names = await organisationNames(db, [...new Set(rows.flatMap((row) => row.organisations))]);
	return rows.map((row) => ({ ...summaryOf({ ...row, hasFile: Boolean(row.file) }, names), links: row.links, sources: row.sources }));
}

/** One document by slug or id (null: none), its links named in `language`. */
export async function getDocument(db: DbOrTx, idOrSlug: string, language: Language = 'fr'): Promise<DocumentDetail | null> {
	const [row] = await db
		.select(listed)
		.from(document)
		.where(UUID.test(idOrSlug) ? eq(document.id, idOrSlug) : eq(document.slug, idOrSlug.toLowerCase()));
	if (!row) return null;
	const names = await organisationNames(db, row.organisations);
	return {
		...summaryOf({ ...row, hasFile: Boolean(row.file) }, names),
		summary: row.summary,
		countries: row.countries,
		links: await shownLinks(db, row.links, language),
		// the API's earlier field, derived: the slugs of the Atlas initiatives linked
		initiatives: row.links.flatMap((value) => (parseLink(value)?.kind === INITIATIVE_KIND ? [parseLink(value)!.key] : [])),
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
/** Organisations to choose from, by name: all of them, or only those of `slugs` (the library's filter lists those with documents found). */
export async function organisationChoices(db: DbOrTx, slugs?: string[]) {
	if (slugs && !slugs.length) return [];
	return db
		.select({ slug: organisation.slug, name: organisation.name, acronym: organisation.acronym })
		.from(organisation)
		.where(slugs ? inArray(organisation.slug, slugs) : undefined)
		.orderBy(asc(organisation.name));
}
