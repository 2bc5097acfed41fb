// A library document's links to other modules' records (issue #14): the Atlas's initiatives and their
// components, the published strategies' actions. They are platform links (ADR 0003, `<kind>:<key>`):
// checked against their owners when written, named through them in the reader's language, and counted
// back on those records' pages (the manifest's `linksTo`), without this module importing the Atlas or
// the Strategy. A kind whose module is not installed is neither offered nor accepted.
import { asc, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.ts';
import type { Language } from '../../platform/i18n/languages.ts';
import { linkChoices, linkValue, parseLink, resolveLinks, unknownLinks, type ResolvedLink } from '../../platform/kernel/links.ts';
import type { Backlink, LinkChoice } from '../../platform/kernel/manifest.ts';
import { document, type Translated } from './knowledge.table.ts';

/** Atlas initiatives, components included (a component is an initiative part of another). */
export const INITIATIVE_KIND = 'atlas.initiative';
/** Strategies' actions: `strategy.action:<strategy slug>/<action id>`. */
export const ACTION_KIND = 'strategy.action';
/** What a document may link to, in the order the form and the page show them. */
export const documentLinkKinds = [INITIATIVE_KIND, ACTION_KIND] as const;
export type DocumentLinkKind = (typeof documentLinkKinds)[number];

/** The most links one document holds. */
export const MAX_DOCUMENT_LINKS = 60;

const isKind = (kind: string | undefined): kind is DocumentLinkKind => documentLinkKinds.includes(kind as DocumentLinkKind);

/**
 * A document's data with its links, whatever its age: before migration 0068 a document (its versions'
 * snapshots, a proposal waiting since then) named Atlas initiatives by bare slug in `initiatives`; they
 * read as `atlas.initiative:<slug>` links, after any links it has, each once.
 */
export function withLinks<T extends object>(data: T): Omit<T, 'initiatives'> & { links: string[] } {
	const { initiatives, ...rest } = data as T & { initiatives?: unknown; links?: unknown };
	const links = Array.isArray(rest.links) ? rest.links.filter((value): value is string => typeof value === 'string') : [];
	const legacy = Array.isArray(initiatives) ? initiatives.filter((slug): slug is string => typeof slug === 'string' && slug.trim() !== '').map((slug) => linkValue(INITIATIVE_KIND, slug.trim())) : [];
	return { ...(rest as Omit<T, 'initiatives'>), links: [...new Set([...links, ...legacy])] };
}

/**
 * The links among these a document may not hold: another kind than an initiative or an action, or a
 * record that is not there (removed, a draft strategy's action, a module not installed). Each is a
 * field problem at `links.<index>`, naming the value.
 */
export async function linkProblems(db: DbOrTx, links: readonly string[]) {
	const allowed = links.filter((value) => isKind(parseLink(value)?.kind));
	const unknown = new Set(allowed.length ? await unknownLinks(db, allowed, 'fr') : []);
	return links.flatMap((value, index) =>
		!isKind(parseLink(value)?.kind) || unknown.has(value) ? [{ path: `links.${index}`, messageKey: 'field_choice', values: { value } }] : []
	);
}

/** The form's choices: one list per kind installed (initiatives, then actions), values whole links. */
export async function documentLinkChoices(db: DbOrTx, language: Language): Promise<{ kind: DocumentLinkKind; choices: LinkChoice[] }[]> {
	const lists = await Promise.all(documentLinkKinds.map(async (kind) => ({ kind, choices: await linkChoices(db, kind, language) })));
	return lists.filter((list) => list.choices.length > 0);
}

/** A document's link as the pages and the API show it: the record named in the reader's language, or null when it is gone. */
export interface ShownLink {
	link: string;
	kind: string;
	title: string | null;
	lang: string | null;
	/** the record's page in the reader's language (null: gone, or its module not installed) */
	url: string | null;
	isSample: boolean;
}

/** The links named in `language`, in their order; those naming nothing keep their value with no title. */
export async function shownLinks(db: DbOrTx, links: readonly string[], language: Language): Promise<ShownLink[]> {
	const found = new Map((await resolveLinks(db, links, language)).map((link: ResolvedLink) => [link.value, link]));
	return links.map((value) => {
		const record = found.get(value);
		return {
			link: value,
			kind: parseLink(value)?.kind ?? '',
			title: record?.label ?? null,
			lang: record?.lang ?? null,
			url: record ? `/${language}${record.path}` : null,
			isSample: record?.isSample ?? false
		};
	});
}

/** Names for the links of some versions (a review's or a history's values), by value, in `language`. */
export async function linkNames(db: DbOrTx, links: readonly string[], language: Language): Promise<Map<string, ResolvedLink>> {
	if (!links.length) return new Map();
	return new Map((await resolveLinks(db, [...new Set(links)], language)).map((link) => [link.value, link]));
}

const linking = (value: string) => sql`${document.links} ? ${value}`;

/** The manifest's `linksTo`: on an initiative's or an action's page, how many documents link to it, and their list. */
export async function documentsLinkingTo(db: DbOrTx, value: string): Promise<Backlink[]> {
	if (!isKind(parseLink(value)?.kind)) return [];
	const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(document).where(linking(value));
	return n ? [{ titleKey: 'knowledge.documents_linking', count: n, path: `/knowledge/linked?to=${encodeURIComponent(value)}` }] : [];
}

export const LINKED_PAGE_SIZE = 50;

/**
 * The page of the documents linking to a record (`/knowledge/linked?to=<link>`): the record as its owner
 * names it (null: not a kind documents link to, or not there), and one page of the documents, real ones
 * first, newest first, then by title.
 */
export async function linkedDocuments(db: DbOrTx, value: string, language: Language, page = 1) {
	const link = parseLink(value);
	const [record] = link && isKind(link.kind) ? await resolveLinks(db, [value], language) : [];
	if (!record) return null;
	const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(document).where(linking(value));
	const items = await db
		.select({ slug: document.slug, title: document.title, type: document.type, status: document.status, year: document.year, isSample: document.isSample })
		.from(document)
		.where(linking(value))
		.orderBy(asc(document.isSample), sql`${document.year} desc nulls last`, asc(sql`coalesce(${document.title}->>${language}, ${document.title}->>'fr', ${document.title}->>'ar', ${document.title}->>'en')`), asc(document.slug))
		.limit(LINKED_PAGE_SIZE)
		.offset((page - 1) * LINKED_PAGE_SIZE);
	return { record: { ...record, kind: link!.kind as DocumentLinkKind }, total, page, pageSize: LINKED_PAGE_SIZE, items: items.map((item) => ({ ...item, title: item.title as Translated })) };
}

/**
 * The records among `values` (the library's filter: those the documents found link to, and the one chosen),
 * named in `language` and grouped by kind (initiatives, then actions), by name; those naming nothing are left out.
 */
export async function linkedChoices(db: DbOrTx, values: readonly string[], language: Language) {
	const wanted = [...new Set(values)].filter((value) => isKind(parseLink(value)?.kind));
	if (!wanted.length) return [];
	const resolved = await resolveLinks(db, wanted, language);
	return documentLinkKinds.flatMap((kind) => {
		const choices = resolved
			.filter((link) => parseLink(link.value)?.kind === kind)
			.map((link) => ({ value: link.value, label: link.label, lang: link.lang, isSample: link.isSample }))
			.sort((a, b) => a.label.localeCompare(b.label, language));
		return choices.length ? [{ kind, choices }] : [];
	});
}
