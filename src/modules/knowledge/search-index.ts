// The library's full-text search answered from memory (ADR 0014). PostgreSQL keeps the text and does the
// language work — the French and Arabic stems of every page (document_page.stems), gathered per document
// with the pages holding each stem (document.text_stems, migration 0065), and the parsing of what people type
// (websearch_to_tsquery with the same configurations and normalisation) — while each instance of the app
// holds an inverted index of those stems, refreshed per data revision (`cache.knowledge_revision`, bumped by
// every write to the documents) by reading only the documents that changed. A query never asked before is
// then matched, ranked (BM25 over the description and the pages) and counted for its facets in a few
// milliseconds instead of PostgreSQL ranking every matching document. `listDocuments` (SQL) stays the
// reference and answers what the index cannot: phrases (`"…"`, hyphenated words), whose words must follow
// each other on one page.
import { sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../platform/db/database.ts';
import { jsonOf, rowsOf } from '../../platform/db/rows.ts';
import { currentRevision } from '../../platform/cache/revision-cache.ts';
import type { DocumentListQuery } from './knowledge.schemas.ts';

// ── What people type, as PostgreSQL parsed it ───────────────────────────────────────────────────────────

export type QueryTree = { term: string } | { not: QueryTree } | { and: [QueryTree, QueryTree] } | { or: [QueryTree, QueryTree] };

/**
 * A tsquery's text (`'insert' & !'migr' | 'retour'`) as a tree; null for an empty query (only stop words);
 * 'phrase' when it holds a phrase operator (`<->`, `<N>`) or a prefix or weight mark, which the index
 * (stems per document, pages as positions) cannot answer.
 */
export function parseTsQuery(text: string): QueryTree | null | 'phrase' {
	const tokens: string[] = [];
	for (let index = 0; index < text.length; ) {
		const char = text[index];
		if (char === ' ') index++;
		else if (char === "'") {
			let lexeme = '';
			index++;
			for (;;) {
				if (index >= text.length) throw new Error(`unterminated lexeme in tsquery: ${text}`);
				if (text[index] === '\\') lexeme += text[index + 1] ?? '';
				else if (text[index] === "'" && text[index + 1] === "'") lexeme += "'";
				else if (text[index] === "'") break;
				else lexeme += text[index];
				index += text[index] === '\\' || (text[index] === "'" && text[index + 1] === "'") ? 2 : 1;
			}
			index++;
			if (text[index] === ':') return 'phrase';
			tokens.push('=' + lexeme);
		} else if (char === '<') return 'phrase';
		else if ('!&|()'.includes(char)) {
			tokens.push(char);
			index++;
		} else throw new Error(`unexpected "${char}" in tsquery: ${text}`);
	}
	if (!tokens.length) return null;
	let at = 0;
	// precedence as PostgreSQL's: ! binds tightest, then &, then |
	const or = (): QueryTree => {
		let left = and();
		while (tokens[at] === '|') {
			at++;
			left = { or: [left, and()] };
		}
		return left;
	};
	const and = (): QueryTree => {
		let left = unary();
		while (tokens[at] === '&') {
			at++;
			left = { and: [left, unary()] };
		}
		return left;
	};
	const unary = (): QueryTree => {
		const token = tokens[at++];
		if (token === '!') return { not: unary() };
		if (token === '(') {
			const inner = or();
			if (tokens[at++] !== ')') throw new Error(`unbalanced parentheses in tsquery: ${text}`);
			return inner;
		}
		if (token?.startsWith('=')) return { term: token.slice(1) };
		throw new Error(`unexpected end of tsquery: ${text}`);
	};
	const tree = or();
	if (at !== tokens.length) throw new Error(`trailing tokens in tsquery: ${text}`);
	return tree;
}

/** The words a query ranks by: those it asks for (not those it excludes). */
function wantedTerms(tree: QueryTree | null, into: Set<string>, negated = false): Set<string> {
	if (!tree) return into;
	if ('term' in tree) {
		if (!negated) into.add(tree.term);
	} else if ('not' in tree) wantedTerms(tree.not, into, !negated);
	else for (const part of 'and' in tree ? tree.and : tree.or) wantedTerms(part, into, negated);
	return into;
}

/** The stems a query asks for, in French and in Arabic (those it excludes aside): what ranks and what snippets show. */
export const searchedStems = (probe: SearchProbe) => wantedTerms(probe.arabic, wantedTerms(probe.french, new Set()));

/** One request's view of the words: the library's revision, the words parsed in French and Arabic, and each word normalised. */
export interface SearchProbe {
	revision: bigint;
	french: QueryTree | null;
	arabic: QueryTree | null;
	/**
	 * each word asked for as typed, through search_normalise: a document whose titles, summaries or authors hold
	 * every one (as part of a word) and none of `excludedWords` matches too
	 */
	words: string[];
	/** the words typed after `-`, through search_normalise */
	excludedWords: string[];
	/** a phrase: answered by SQL, page by page */
	phrase: boolean;
	/** the tsqueries as text, for the SQL reference */
	tsquery: { fr: string; ar: string };
	/**
	 * what snippets mark, any word of the query: the text configuration that parses a page as written (Arabic
	 * with the Arabic stemmer, the query as typed and normalised; French with accents ignored) and its tsquery
	 */
	headline: { config: string; query: string };
}

/** Arabic letters: the query is marked on pages as Arabic. */
const ARABIC = /[\u0600-\u06FF]/;

/**
 * The words a query splits into for the part-of-a-word match (the SQL's and the index's): those asked for, and
 * those excluded (`-word`); quotes and the `or` operator are not words.
 */
export function queryWords(q: string): { asked: string[]; excluded: string[] } {
	const asked: string[] = [];
	const excluded: string[] = [];
	for (const typed of q.split(/\s+/)) {
		const word = typed.replaceAll('"', '');
		if (!word || word.toLowerCase() === 'or') continue;
		if (word.startsWith('-')) {
			if (word.length > 1) excluded.push(word.slice(1));
		} else asked.push(word);
	}
	return { asked: asked.slice(0, 8), excluded: excluded.slice(0, 8) };
}

/**
 * What a query of plain words (letters of one script each: one token apiece for PostgreSQL's parser, no
 * operator) is made of, word by word: `websearch_to_tsquery` of such a query is its words' tsqueries joined
 * by `&` (a stop word giving none), and `search_normalise` works letter by letter. Words recur across
 * queries never asked before, so each is asked of PostgreSQL once (per database handle, the 10,000 last);
 * anything else (quotes, `-`, `or`, hyphens, digits, marks) is parsed whole by PostgreSQL.
 */
interface WordProbe {
	/** websearch_to_tsquery('french' | 'arabic', search_normalise(word)) */
	fr: string;
	ar: string;
	/** the headline's parts: the word in Arabic as typed, and in French with accents ignored */
	arAsTyped: string;
	frHeadline: string;
	normalised: string;
}
const PLAIN_WORD = /^(?:[\p{L}--\p{Script=Arabic}]+|[\p{L}&&\p{Script=Arabic}]+)$/v;
const WORDS_KEPT = 10_000;
const wordProbes = new WeakMap<object, Map<string, WordProbe>>();

async function probeWords(db: DbOrTx, words: string[]): Promise<WordProbe[]> {
	let kept = wordProbes.get(db);
	if (!kept) wordProbes.set(db, (kept = new Map()));
	const missing = [...new Set(words.filter((word) => !kept.has(word)))];
	if (missing.length) {
		const rows = rowsOf<{ word: string; fr: string; ar: string; ar_as_typed: string; fr_headline: string; normalised: string }>(
			await db.execute(sql`select w as word,
				websearch_to_tsquery('french'::regconfig, search_normalise(w))::text as fr,
				websearch_to_tsquery('arabic'::regconfig, search_normalise(w))::text as ar,
				websearch_to_tsquery('arabic'::regconfig, w)::text as ar_as_typed,
				websearch_to_tsquery('knowledge.french_unaccent'::regconfig, w)::text as fr_headline,
				search_normalise(w) as normalised
				from jsonb_array_elements_text(${JSON.stringify(missing)}::jsonb) w`)
		);
		for (const row of rows) {
			if (kept.size >= WORDS_KEPT) kept.delete(kept.keys().next().value!);
			kept.set(row.word, { fr: row.fr, ar: row.ar, arAsTyped: row.ar_as_typed, frHeadline: row.fr_headline, normalised: row.normalised });
		}
	}
	return words.map((word) => kept.get(word)!);
}

/** The revision, and the query parsed and normalised by PostgreSQL itself (plain words from what it answered before). */
export async function probeSearch(db: DbOrTx, q: string | undefined): Promise<SearchProbe> {
	if (!q) {
		return { revision: BigInt(await currentRevision(db, 'knowledge_revision')), french: null, arabic: null, words: [], excludedWords: [], phrase: false, tsquery: { fr: '', ar: '' }, headline: { config: 'simple', query: '' } };
	}
	const inArabic = ARABIC.test(q);
	const config = inArabic ? 'arabic' : 'knowledge.french_unaccent';
	const words = q.split(/\s+/).filter(Boolean);
	if (words.every((word) => PLAIN_WORD.test(word) && word.toLowerCase() !== 'or')) {
		const [revision, probes] = await Promise.all([currentRevision(db, 'knowledge_revision'), probeWords(db, words)]);
		const joined = (parts: string[], operator: string) => parts.filter(Boolean).join(operator);
		return probeOf(BigInt(revision), {
			fr: joined(probes.map((probe) => probe.fr), ' & '),
			ar: joined(probes.map((probe) => probe.ar), ' & '),
			headline: { config, query: joined(inArabic ? [...probes.map((probe) => probe.arAsTyped), ...probes.map((probe) => probe.ar)] : probes.map((probe) => probe.frHeadline), ' | ') },
			// plain words: all asked for
			words: probes.slice(0, queryWords(q).asked.length).map((probe) => probe.normalised),
			excludedWords: []
		});
	}
	const headline = inArabic
		? sql`websearch_to_tsquery('arabic'::regconfig, ${q}) || websearch_to_tsquery('arabic'::regconfig, search_normalise(${q}))`
		: sql`websearch_to_tsquery('knowledge.french_unaccent'::regconfig, ${q})`;
	const { asked, excluded } = queryWords(q);
	const [[row], revision] = await Promise.all([
		db.execute(sql`select websearch_to_tsquery('french'::regconfig, search_normalise(${q}))::text as fr,
			websearch_to_tsquery('arabic'::regconfig, search_normalise(${q}))::text as ar,
			replace((${headline})::text, ' & ', ' | ') as headline,
			(select coalesce(json_agg(search_normalise(w)), '[]'::json) from jsonb_array_elements_text(${JSON.stringify(asked)}::jsonb) w) as words,
			(select coalesce(json_agg(search_normalise(w)), '[]'::json) from jsonb_array_elements_text(${JSON.stringify(excluded)}::jsonb) w) as excluded`).then((result) =>
			rowsOf<{ fr: string; ar: string; words: string[] | string; excluded: string[] | string; headline: string }>(result)
		),
		currentRevision(db, 'knowledge_revision')
	]);
	return probeOf(BigInt(revision), {
		fr: row.fr,
		ar: row.ar,
		headline: { config, query: row.headline },
		words: jsonOf(row.words) ?? [],
		excludedWords: jsonOf(row.excluded) ?? []
	});
}

/** The probe of a query PostgreSQL parsed: its trees, and whether it asks for a phrase. */
function probeOf(revision: bigint, parsed: { fr: string; ar: string; headline: SearchProbe['headline']; words: string[]; excludedWords: string[] }): SearchProbe {
	const french = parseTsQuery(parsed.fr);
	const arabic = parseTsQuery(parsed.ar);
	return {
		revision,
		french: french === 'phrase' ? null : french,
		arabic: arabic === 'phrase' ? null : arabic,
		words: parsed.words,
		excludedWords: parsed.excludedWords,
		phrase: french === 'phrase' || arabic === 'phrase',
		tsquery: { fr: parsed.fr, ar: parsed.ar },
		headline: parsed.headline
	};
}

// ── The index ───────────────────────────────────────────────────────────────────────────────────────────

interface IndexedDocument {
	id: string;
	/** PostgreSQL's row version (xmin): another value, the document changed */
	rowVersion: string;
	isSample: boolean;
	status: string;
	type: string;
	themes: string[];
	languages: string[];
	regions: string[];
	organisations: string[];
	/** the records the document links to (platform links: Atlas initiatives, strategies' actions) */
	links: string[];
	year: number | null;
	searchText: string;
	/** the document's stems (ids in the index's dictionary), sorted, with their counts in the description and the number of pages holding each */
	terms: Int32Array;
	inDescription: Uint16Array;
	inPages: Uint16Array;
	/**
	 * per stem, the parts of the text holding it: the pages cut in 32 equal parts (bit b: pages whose
	 * (page − 1) · 32 / pageCount is b) — each page its own part up to 32 pages
	 */
	inParts: Uint32Array;
	/** the last page with text */
	pageCount: number;
	descriptionLength: number;
	pagesLength: number;
}

/** One faceted field: its values numbered, and each document's values' numbers (document i's from starts[i] to starts[i + 1] in all). */
interface NumberedFacet {
	values: string[];
	codes: Map<string, number>;
	starts: Int32Array;
	all: Int32Array;
	/** when no document has more than one value: each one's value (−1: none), read directly */
	single: Int32Array | null;
}

function numberFacet(documents: IndexedDocument[], valuesOf: (entry: IndexedDocument) => string[]): NumberedFacet {
	const codes = new Map<string, number>();
	const starts = new Int32Array(documents.length + 1);
	const all: number[] = [];
	documents.forEach((entry, index) => {
		for (const value of valuesOf(entry)) {
			let code = codes.get(value);
			if (code === undefined) codes.set(value, (code = codes.size));
			all.push(code);
		}
		starts[index + 1] = all.length;
	});
	const single = starts.every((start, index) => index === 0 || start - starts[index - 1] <= 1)
		? Int32Array.from(documents, (_, index) => (starts[index + 1] > starts[index] ? all[starts[index]] : -1))
		: null;
	return { values: [...codes.keys()], codes, starts, all: Int32Array.from(all), single };
}

/** The fields a list counts its documents by (each count ignoring the field's own filter). */
export const facetNames = ['type', 'theme', 'language', 'year', 'region', 'organisation', 'linked'] as const;
export type FacetName = (typeof facetNames)[number];
type Facets = Record<FacetName, Record<string, number>>;

/** A list's filter on a faceted field, as the values asked for. */
function filterValues(query: Partial<DocumentListQuery>, name: FacetName): string[] | undefined {
	if (name === 'year') return query.year ? [String(query.year)] : undefined;
	return query[name];
}

export interface IndexAnswer {
	total: number;
	/** the ids of the asked page's documents, in order */
	ids: string[];
	facets: Facets;
	/** with words: for each document of the page whose text holds some, the pages to take its snippet from (first and last) */
	snippetPages: Record<string, [number, number]>;
}

const K1 = 1.2;
const B = 0.75;
/** the description (titles, summaries, authors) weighs twice a page of text */
const DESCRIPTION_WEIGHT = 2;

/** The library's documents and an inverted index of their stems, as of one revision. Never mutated once built. */
export class LibrarySearchIndex {
	readonly revision: bigint;
	readonly #documents: IndexedDocument[];
	/** each document's place in the library's order without words (real before samples, newest, title, slug) */
	readonly #order: Int32Array;
	readonly #dictionary: Map<string, number>;
	/**
	 * per stem id: the documents holding it (ascending), and its BM25 part in each but the idf — the
	 * description's and the pages' counts against their lengths, computed once per index
	 */
	readonly #postings: { documents: Int32Array; weights: Float32Array }[];
	/** the stems held by many documents (one in 32 or more), as sets of documents ready to copy */
	readonly #denseSets = new Map<number, Uint32Array>();
	/** per three characters of the descriptions' texts, the documents holding them: where a word typed can be part of a word */
	readonly #trigrams = new Map<string, number[]>();
	/** buffers every search of this index reuses (a search runs start to end without awaiting: one at a time) */
	#buffers: { sets: Uint32Array[]; used: number; scores: Float64Array; found: Int32Array; keys: Float64Array; byPlace: Int32Array } | null = null;
	/** 1 for a sample document */
	readonly #samples: Uint8Array;
	/** the faceted fields' values, numbered once per index (counting is adding in arrays) */
	readonly #facets: Record<FacetName, NumberedFacet>;
	/** each facet's counts over the whole library, in the order of `facetNames` */
	readonly #libraryCounts: Int32Array[];

	private constructor(revision: bigint, documents: IndexedDocument[], order: Int32Array, dictionary: Map<string, number>) {
		this.revision = revision;
		this.#documents = documents;
		this.#order = order;
		this.#dictionary = dictionary;
		let description = 0;
		let pages = 0;
		for (const entry of documents) {
			description += entry.descriptionLength;
			pages += entry.pagesLength;
		}
		const averageDescription = description / Math.max(1, documents.length) || 1;
		const averagePages = pages / Math.max(1, documents.length) || 1;
		const counts = new Int32Array(dictionary.size);
		for (const entry of documents) for (const term of entry.terms) counts[term]++;
		this.#postings = Array.from(counts, (n) => ({ documents: new Int32Array(n), weights: new Float32Array(n) }));
		const filled = new Int32Array(dictionary.size);
		documents.forEach((entry, index) => {
			const descriptionNorm = K1 * (1 - B + (B * entry.descriptionLength) / averageDescription);
			const pagesNorm = K1 * (1 - B + (B * entry.pagesLength) / averagePages);
			for (let k = 0; k < entry.terms.length; k++) {
				const posting = this.#postings[entry.terms[k]];
				const at = filled[entry.terms[k]]++;
				posting.documents[at] = index;
				const inDescription = entry.inDescription[k];
				const inPages = entry.inPages[k];
				posting.weights[at] =
					(inDescription ? (DESCRIPTION_WEIGHT * (inDescription * (K1 + 1))) / (inDescription + descriptionNorm) : 0) + (inPages ? (inPages * (K1 + 1)) / (inPages + pagesNorm) : 0);
			}
		});
		const words = (documents.length + 31) >>> 5;
		this.#postings.forEach((posting, term) => {
			if (posting.documents.length * 32 < documents.length) return;
			const set = new Uint32Array(words);
			for (const index of posting.documents) set[index >>> 5] |= 1 << (index & 31);
			this.#denseSets.set(term, set);
		});
		this.#facets = {
			type: numberFacet(documents, (entry) => [entry.type]),
			theme: numberFacet(documents, (entry) => entry.themes),
			language: numberFacet(documents, (entry) => entry.languages),
			year: numberFacet(documents, (entry) => (entry.year === null ? [] : [String(entry.year)])),
			region: numberFacet(documents, (entry) => entry.regions),
			organisation: numberFacet(documents, (entry) => entry.organisations),
			linked: numberFacet(documents, (entry) => entry.links)
		};
		const everyDocument = Int32Array.from(documents, (_, index) => index);
		this.#libraryCounts = facetNames.map((name) => {
			const into = new Int32Array(this.#facets[name].values.length);
			countInto(into, this.#facets[name], everyDocument, everyDocument.length);
			return into;
		});
		this.#samples = Uint8Array.from(documents, (entry) => (entry.isSample ? 1 : 0));
		documents.forEach((entry, index) => {
			const text = entry.searchText;
			const seen = new Set<string>();
			for (let at = 0; at + 3 <= text.length; at++) seen.add(text.slice(at, at + 3));
			for (const trigram of seen) {
				const holders = this.#trigrams.get(trigram);
				if (holders) holders.push(index);
				else this.#trigrams.set(trigram, [index]);
			}
		});
	}

	get size() {
		return this.#documents.length;
	}

	/** Every record the documents link to (the values of the `linked` facet). */
	get linkedValues(): readonly string[] {
		return this.#facets.linked.values;
	}

	/**
	 * The index of the library as of now, built from `previous` by reading only the documents whose row
	 * changed (all of them the first time), in one read-only snapshot of the database.
	 */
	static async load(db: Db, previous?: LibrarySearchIndex): Promise<LibrarySearchIndex> {
		const index = await db.transaction(
			async (tx) => {
				const [{ revision }] = rowsOf<{ revision: string }>(await tx.execute(sql`select revision::text as revision from cache.knowledge_revision where id = 1`));
				const versions = rowsOf<{ id: string; row_version: string; place: number }>(
					await tx.execute(sql`select id, xmin::text as row_version,
						(row_number() over (order by is_sample, year desc nulls last, title->>'fr', slug))::int as place
						from knowledge.document order by place`)
				);
				const held = new Map((previous ? previous.#documents : []).map((entry) => [entry.id, entry]));
				const dictionary = previous ? new Map(previous.#dictionary) : new Map<string, number>();
				const changed = versions.filter((row) => held.get(row.id)?.rowVersion !== row.row_version).map((row) => row.id);
				const fresh = new Map<string, IndexedDocument>();
				for (let start = 0; start < changed.length; start += 500) {
					for (const entry of await readDocuments(tx, changed.slice(start, start + 500), dictionary)) fresh.set(entry.id, entry);
				}
				const documents: IndexedDocument[] = [];
				const order = new Int32Array(versions.length);
				for (const row of versions) {
					const entry = fresh.get(row.id) ?? held.get(row.id);
					if (!entry) continue;
					order[documents.length] = documents.length + 1;
					documents.push(entry);
				}
				return new LibrarySearchIndex(BigInt(revision), documents, order.subarray(0, documents.length), dictionary);
			},
			{ isolationLevel: 'repeatable read', accessMode: 'read only' }
		);
		// stems that only changed or deleted documents held stay in the dictionary until it is twice the size it needs
		return previous && index.#dictionary.size > 2 * index.#postings.filter((posting) => posting.documents.length).length + 1000 ? LibrarySearchIndex.load(db) : index;
	}

	/**
	 * The documents matching a query's words and filters: the total, one page of ids in order, and the facets (each
	 * ignoring its own filter). `parts`: the linked records made of others, with their parts (the query's `linked`
	 * already holds a chosen whole's parts); a whole's `linked` count is of the documents linked to it or to any part.
	 */
	search(query: Partial<DocumentListQuery>, probe: SearchProbe, parts: ReadonlyMap<string, readonly string[]> = new Map()): IndexAnswer {
		const documents = this.#documents;
		const n = documents.length;
		this.#buffers ??= { sets: [], used: 0, scores: new Float64Array(n), found: new Int32Array(n), keys: new Float64Array(n), byPlace: new Int32Array(n + 1) };
		this.#buffers.used = 0;
		const matched = query.q ? this.#match(probe) : null;
		const scores = query.q ? this.#scores(probe, matched!) : null;
		const facets = facetNames.map((name) => this.#facets[name]);
		// the filters on faceted fields, as the facet values' numbers (null: no filter)
		const filters = facetNames.map((name, f) => {
			const values = filterValues(query, name);
			if (!values?.length) return null;
			const codes = new Uint8Array(facets[f].values.length);
			for (const value of values) {
				const code = facets[f].codes.get(value);
				if (code !== undefined) codes[code] = 1;
			}
			return codes;
		});
		const filtered = facetNames.flatMap((_, f) => (filters[f] ? [f] : []));
		const anyCode = (codes: Uint8Array, facet: NumberedFacet, index: number) => {
			if (facet.single) return facet.single[index] >= 0 && codes[facet.single[index]] === 1;
			for (let k = facet.starts[index]; k < facet.starts[index + 1]; k++) if (codes[facet.all[k]]) return true;
			return false;
		};
		const found = this.#buffers.found;
		let total = 0;
		const status = query.status;
		// a document every filter keeps counts in every facet and is found; one that a single filter refuses
		// counts in that filter's facet only (each facet ignores its own filter); two refusals, nowhere
		const refusedBy = facets.map(() => [] as number[]);
		if (!filtered.length && !status) {
			if (matched) forEachIn(matched, (index) => (found[total++] = index));
			else for (let index = 0; index < n; index++) found[total++] = index;
		} else {
			const visit = (index: number) => {
				if (status && documents[index].status !== status) return;
				let refusing = -1;
				for (const f of filtered) {
					if (anyCode(filters[f]!, facets[f], index)) continue;
					if (refusing >= 0) return;
					refusing = f;
				}
				if (refusing >= 0) refusedBy[refusing].push(index);
				else found[total++] = index;
			};
			if (matched) forEachIn(matched, visit);
			else for (let index = 0; index < n; index++) visit(index);
		}
		// counted field by field (tight loops over arrays); when most documents are found, as the library's
		// counts less those of the documents not found
		const fewerMissing = !filtered.length && !status && total > n / 2;
		const missing = fewerMissing ? this.#missing(found, total) : null;
		const counts = facets.map((facet, f) => {
			if (missing) {
				const into = this.#libraryCounts[f].slice();
				uncountFrom(into, facet, missing);
				return into;
			}
			const into = new Int32Array(facet.values.length);
			countInto(into, facet, found, total);
			if (refusedBy[f].length) countInto(into, facet, Int32Array.from(refusedBy[f]), refusedBy[f].length);
			return into;
		});
		const named = (f: number) => Object.fromEntries(facets[f].values.flatMap((value, code) => (counts[f][code] ? [[value, counts[f][code]]] : [])));
		const answered = Object.fromEntries(facetNames.map((name, f) => [name, named(f)])) as Facets;
		// each whole counts the documents linked to it or to any of its parts once, among those its own filter leaves aside
		const linkedAt = facetNames.indexOf('linked');
		const linkedFacet = facets[linkedAt];
		for (const [whole, members] of parts) {
			const codes = new Uint8Array(linkedFacet.values.length);
			for (const value of [whole, ...members]) {
				const code = linkedFacet.codes.get(value);
				if (code !== undefined) codes[code] = 1;
			}
			let n = 0;
			for (let k = 0; k < total; k++) if (anyCode(codes, linkedFacet, found[k])) n++;
			for (const index of refusedBy[linkedAt]) if (anyCode(codes, linkedFacet, index)) n++;
			if (n) answered.linked[whole] = n;
			else delete answered.linked[whole];
		}
		const page = query.page ?? 1;
		const pageSize = query.pageSize ?? 20;
		const shown = this.#sorted(found.subarray(0, total), scores, (page - 1) * pageSize, pageSize);
		return {
			total,
			ids: shown.map((index) => documents[index].id),
			facets: answered,
			snippetPages: query.q ? this.#snippetPages(shown, probe) : {}
		};
	}

	/**
	 * For each shown document, the part of its text holding the most of the words asked for (the first such
	 * part): a page up to 32 pages, a few consecutive pages beyond (the database picks the best of them).
	 */
	#snippetPages(shown: number[], probe: SearchProbe): Record<string, [number, number]> {
		const wanted = [...searchedStems(probe)].flatMap((stem) => this.#dictionary.get(stem) ?? []);
		const pages: Record<string, [number, number]> = {};
		const counts = new Int32Array(32);
		for (const index of shown) {
			const entry = this.#documents[index];
			counts.fill(0);
			for (const term of wanted) {
				const k = binarySearch(entry.terms, term);
				if (k < 0) continue;
				for (let mask = entry.inParts[k], part = 0; mask; mask >>>= 1, part++) if (mask & 1) counts[part]++;
			}
			let best = 0;
			for (let part = 1; part < 32; part++) if (counts[part] > counts[best]) best = part;
			if (!counts[best]) continue;
			const n = entry.pageCount;
			pages[entry.id] = [Math.ceil((best * n) / 32) + 1, Math.max(Math.ceil((best * n) / 32) + 1, Math.ceil(((best + 1) * n) / 32))];
		}
		return pages;
	}

	/** The documents not among the `total` first of `found` (which are in order). */
	#missing(found: Int32Array, total: number): Int32Array {
		const missing = new Int32Array(this.#documents.length - total);
		let k = 0;
		let at = 0;
		for (let index = 0; index < this.#documents.length; index++) {
			if (k < total && found[k] === index) k++;
			else missing[at++] = index;
		}
		return missing;
	}

	/** An empty set of documents from the buffers (cleared): one bit per document. */
	#emptySet(): Uint32Array {
		const buffers = this.#buffers!;
		const set = (buffers.sets[buffers.used++] ??= new Uint32Array((this.#documents.length + 31) >>> 5));
		return set.fill(0);
	}

	/**
	 * Which documents the words match: every word asked for within the description's text and none excluded, or
	 * the French or the Arabic query over all the document's stems.
	 */
	#match(probe: SearchProbe): Uint32Array {
		const matched = this.#emptySet();
		for (const tree of [probe.french, probe.arabic]) {
			if (!tree) continue;
			const set = this.#evaluate(tree);
			for (let word = 0; word < matched.length; word++) matched[word] |= set[word];
		}
		if (probe.words.length) {
			const documents = this.#documents;
			const substring = (index: number) => {
				if (matched[index >>> 5] & (1 << (index & 31))) return;
				const text = documents[index].searchText;
				if (probe.words.every((word) => text.includes(word)) && !probe.excludedWords.some((word) => text.includes(word))) matched[index >>> 5] |= 1 << (index & 31);
			};
			const candidates = this.#holdersOfRarestTrigram(probe.words);
			if (candidates) candidates.forEach(substring);
			else for (let index = 0; index < documents.length; index++) substring(index);
		}
		return matched;
	}

	/**
	 * The documents whose description's text holds the rarest three characters of the words (every word must
	 * be part of it, so only those can); null when no word is three characters long (all are candidates).
	 */
	#holdersOfRarestTrigram(words: string[]): number[] | null {
		let rarest: number[] | null = null;
		for (const word of words) {
			for (let at = 0; at + 3 <= word.length; at++) {
				const holders = this.#trigrams.get(word.slice(at, at + 3)) ?? [];
				if (!rarest || holders.length < rarest.length) rarest = holders;
				if (!rarest.length) return rarest;
			}
		}
		return rarest;
	}

	#evaluate(tree: QueryTree): Uint32Array {
		if ('term' in tree) {
			const set = this.#emptySet();
			const id = this.#dictionary.get(tree.term);
			if (id === undefined || id >= this.#postings.length) return set;
			const dense = this.#denseSets.get(id);
			if (dense) set.set(dense);
			else for (const index of this.#postings[id].documents) set[index >>> 5] |= 1 << (index & 31);
			return set;
		}
		if ('not' in tree) {
			const set = this.#evaluate(tree.not);
			for (let word = 0; word < set.length; word++) set[word] = ~set[word];
			// no documents beyond the last
			const tail = this.#documents.length & 31;
			if (tail) set[set.length - 1] &= (1 << tail) - 1;
			return set;
		}
		const [left, right] = ('and' in tree ? tree.and : tree.or).map((part) => this.#evaluate(part));
		if ('and' in tree) for (let word = 0; word < left.length; word++) left[word] &= right[word];
		else for (let word = 0; word < left.length; word++) left[word] |= right[word];
		return left;
	}

	/** BM25 of the words asked for (French and Arabic stems), the description counting double. */
	#scores(probe: SearchProbe, matched: Uint32Array): Float64Array {
		const n = this.#documents.length;
		const scores = this.#buffers!.scores.fill(0);
		for (const term of searchedStems(probe)) {
			const id = this.#dictionary.get(term);
			if (id === undefined || id >= this.#postings.length) continue;
			const { documents, weights } = this.#postings[id];
			const df = documents.length;
			const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
			for (let k = 0; k < df; k++) {
				const index = documents[k];
				if (matched[index >>> 5] & (1 << (index & 31))) scores[index] += idf * weights[k];
			}
		}
		return scores;
	}

	/**
	 * One page of the found documents in the list's order: real documents before samples, then the best
	 * scores (with words), then the order without words. Sorted as numbers (one key each) for speed.
	 */
	#sorted(found: Int32Array, scores: Float64Array | null, offset: number, limit: number): number[] {
		const keys = this.#buffers!.keys.subarray(0, found.length);
		// places run from 1 to the number of documents
		const span = this.#documents.length + 1;
		const byPlace = this.#buffers!.byPlace;
		const order = this.#order;
		const samples = this.#samples;
		for (let k = 0; k < found.length; k++) {
			const index = found[k];
			const place = order[index];
			byPlace[place] = index;
			// scores kept to 1/10,000, below 100,000 (BM25 of a few words stays far below)
			keys[k] = scores ? (samples[index] * (1e9 + 1) + 1e9 - Math.min(1e9, Math.round(scores[index] * 1e4))) * span + place : place;
		}
		// only the keys up to the page's end are sorted: the others are set apart first (selection, linear)
		const end = Math.min(keys.length, offset + limit);
		const kept = end < keys.length / 4 ? keys.subarray(0, selectSmallest(keys, end)) : keys;
		kept.sort();
		return Array.from(kept.subarray(offset, end), (key) => byPlace[key % span]);
	}
}

/** Adds the values of the `length` first documents of `indexes` to a facet's counts. */
function countInto(into: Int32Array, facet: NumberedFacet, indexes: Int32Array, length: number) {
	const { single, starts, all } = facet;
	if (single) {
		for (let k = 0; k < length; k++) {
			const code = single[indexes[k]];
			if (code >= 0) into[code]++;
		}
	} else {
		for (let k = 0; k < length; k++) {
			const index = indexes[k];
			for (let j = starts[index]; j < starts[index + 1]; j++) into[all[j]]++;
		}
	}
}

/** Takes the values of the documents of `indexes` from a facet's counts. */
function uncountFrom(into: Int32Array, facet: NumberedFacet, indexes: Int32Array) {
	const { single, starts, all } = facet;
	for (const index of indexes) {
		if (single) {
			if (single[index] >= 0) into[single[index]]--;
		} else for (let j = starts[index]; j < starts[index + 1]; j++) into[all[j]]--;
	}
}

/** Calls `visit` with each document of a set, in order. */
function forEachIn(set: Uint32Array, visit: (index: number) => void) {
	for (let word = 0; word < set.length; word++) {
		for (let bits = set[word]; bits; ) {
			const lowest = bits & -bits;
			visit((word << 5) + 31 - Math.clz32(lowest));
			bits ^= lowest;
		}
	}
}

/**
 * Moves the `count` smallest keys to the front (in any order) and returns `count`: quickselect, linear on
 * average, so that a page of 20 among 10,000 found sorts 20 keys instead of 10,000.
 */
function selectSmallest(keys: Float64Array, count: number): number {
	let low = 0;
	let high = keys.length - 1;
	while (low < high) {
		const pivot = keys[(low + high) >>> 1];
		let i = low;
		let j = high;
		while (i <= j) {
			while (keys[i] < pivot) i++;
			while (keys[j] > pivot) j--;
			if (i <= j) {
				const swap = keys[i];
				keys[i] = keys[j];
				keys[j] = swap;
				i++;
				j--;
			}
		}
		if (count - 1 <= j) high = j;
		else if (count - 1 >= i) low = i;
		else break;
	}
	return count;
}

/**
 * A tsvector's text form (`'lexeme':1,4B 'other'`) as its lexemes with their positions (weights dropped).
 * Lexemes are quoted, a quote doubled and a backslash escaping the next character, as PostgreSQL writes them.
 */
export function parseTsVector(text: string): [string, number[]][] {
	const entries: [string, number[]][] = [];
	let index = 0;
	while (index < text.length) {
		if (text[index] === ' ') {
			index++;
			continue;
		}
		if (text[index] !== "'") throw new Error(`unexpected "${text[index]}" in tsvector at ${index}`);
		let lexeme = '';
		index++;
		for (;;) {
			const char = text[index];
			if (char === undefined) throw new Error('unterminated lexeme in tsvector');
			if (char === '\\') {
				lexeme += text[index + 1] ?? '';
				index += 2;
			} else if (char === "'" && text[index + 1] === "'") {
				lexeme += "'";
				index += 2;
			} else if (char === "'") {
				index++;
				break;
			} else {
				// a run of plain characters at once
				let end = index + 1;
				while (end < text.length && text[end] !== "'" && text[end] !== '\\') end++;
				lexeme += text.slice(index, end);
				index = end;
			}
		}
		const positions: number[] = [];
		if (text[index] === ':') {
			index++;
			let value = 0;
			for (; index < text.length && text[index] !== ' '; index++) {
				const code = text.charCodeAt(index);
				if (code >= 48 && code <= 57) value = value * 10 + code - 48;
				else if (text[index] === ',') {
					positions.push(value);
					value = 0;
				}
			}
			positions.push(value);
		}
		entries.push([lexeme, positions]);
	}
	return entries;
}

/** Where `value` is in the sorted `values` (−1: absent). */
function binarySearch(values: Int32Array, value: number): number {
	let low = 0;
	let high = values.length - 1;
	while (low <= high) {
		const middle = (low + high) >>> 1;
		if (values[middle] < value) low = middle + 1;
		else if (values[middle] > value) high = middle - 1;
		else return middle;
	}
	return -1;
}

/** The documents' facts and stems, read for the index; stems new to the dictionary are numbered. */
async function readDocuments(db: DbOrTx, ids: string[], dictionary: Map<string, number>): Promise<IndexedDocument[]> {
	if (!ids.length) return [];
	type Row = {
		id: string;
		row_version: string;
		is_sample: boolean;
		status: string;
		type: string;
		themes: string[];
		languages: string[];
		regions: string[];
		organisations: string[];
		links: string[];
		year: number | null;
		search_text: string;
		search_stems: string;
		text_stems: string;
	};
	// the vectors as text, parsed here: far cheaper for the database than taking them apart in SQL
	const rows = rowsOf<Row>(
		await db.execute(sql`select d.id, d.xmin::text as row_version, d.is_sample, d.status, d.type, d.themes, d.languages, d.regions, d.organisations, d.links,
			d.year, d.search_text, d.search_stems::text as search_stems, d.text_stems::text as text_stems
			from knowledge.document d where d.id in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})`)
	);
	return rows.map((row) => {
		const counts = new Map<number, [number, number, number]>();
		const termId = (lexeme: string) => {
			let id = dictionary.get(lexeme);
			if (id === undefined) dictionary.set(lexeme, (id = dictionary.size));
			return id;
		};
		let descriptionLength = 0;
		let pagesLength = 0;
		for (const [lexeme, positions] of parseTsVector(row.search_stems ?? '')) {
			const id = termId(lexeme);
			const n = Math.max(1, positions.length);
			counts.set(id, [n, counts.get(id)?.[1] ?? 0, counts.get(id)?.[2] ?? 0]);
			descriptionLength += n;
		}
		// text_stems' positions are the pages holding the stem (migration 0065)
		const pages = parseTsVector(row.text_stems ?? '');
		let pageCount = 1;
		for (const [, positions] of pages) for (const page of positions) if (page > pageCount) pageCount = page;
		for (const [lexeme, positions] of pages) {
			const id = termId(lexeme);
			let parts = 0;
			for (const page of positions) parts |= 1 << Math.floor(((page - 1) * 32) / pageCount);
			const n = Math.max(1, positions.length);
			counts.set(id, [counts.get(id)?.[0] ?? 0, n, parts >>> 0]);
			pagesLength += n;
		}
		const terms = Int32Array.from([...counts.keys()].sort((a, b) => a - b));
		return {
			id: row.id,
			rowVersion: row.row_version,
			isSample: row.is_sample,
			status: row.status,
			type: row.type,
			themes: jsonOf(row.themes) ?? [],
			languages: jsonOf(row.languages) ?? [],
			regions: jsonOf(row.regions) ?? [],
			organisations: jsonOf(row.organisations) ?? [],
			links: jsonOf(row.links) ?? [],
			year: row.year === null ? null : Number(row.year),
			searchText: row.search_text,
			terms,
			inDescription: Uint16Array.from(terms, (id) => Math.min(65535, counts.get(id)![0])),
			inPages: Uint16Array.from(terms, (id) => Math.min(65535, counts.get(id)![1])),
			inParts: Uint32Array.from(terms, (id) => counts.get(id)![2] >>> 0),
			pageCount,
			descriptionLength,
			pagesLength
		};
	});
}

// ── One index per database and instance ─────────────────────────────────────────────────────────────────

const held = new WeakMap<object, { current?: LibrarySearchIndex; loading?: Promise<LibrarySearchIndex> }>();

/**
 * The index at least as new as `revision` (read by the request's probe): the held one, or one loading,
 * or a new one built from the held one. Concurrent requests share one load; a failed load is not kept.
 */
export async function searchIndexAt(db: Db, revision: bigint): Promise<LibrarySearchIndex> {
	let slot = held.get(db);
	if (!slot) held.set(db, (slot = {}));
	for (;;) {
		if (slot.current && slot.current.revision >= revision) return slot.current;
		if (!slot.loading) {
			const loading = LibrarySearchIndex.load(db, slot.current);
			slot.loading = loading;
			loading.then(
				(index) => {
					if (!slot.current || index.revision >= slot.current.revision) slot.current = index;
				},
				() => undefined
			);
			loading.finally(() => {
				if (slot.loading === loading) slot.loading = undefined;
			}).catch(() => undefined);
		}
		const index = await slot.loading;
		if (index.revision >= revision) return index;
	}
}
