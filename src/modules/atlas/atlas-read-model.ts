// The published Atlas in memory, for the public list, facets and statistics (ADR 0012): every
// initiative's narrow facts — what filters, facets, sorting, a list item and the statistics need, with its
// normalised search documents — loaded in one statement per data revision. Any combination of filters is
// then filtered, counted and sorted in a few milliseconds, where the same SQL reads every matching row
// (hundreds of milliseconds at 10,000 initiatives under load). PostgreSQL stays the source of truth:
// the model is rebuilt from it whenever `cache.atlas_revision` moves, and writes never touch it.
// Its answers are exactly those of `searchInitiatives` and `atlasStats` (initiative.service.ts), which
// stay as the reference (and for services that read inside a transaction): a test compares them.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.ts';
import { platformDay } from '../../platform/time-zone.ts';
import type { InitiativeData } from './atlas.schemas.ts';
import type { InitiativeFilters, InitiativeQuery, StatsDimension } from './atlas.schemas.ts';
import { atlasRegion, initiative, initiativeOrganisation, initiativeProvince, initiativeRegion, normalisedSql, type Translated } from './atlas.table.ts';
import { organisation } from '../../platform/accounts/accounts.table.ts';
import { queryWords, type FacetName, type PageRow, type StatsRow, type searchInitiatives } from './initiative.service.ts';
import { mayConcernMoroccoSql } from './recipient-regions.ts';
import { centsByYear, yearlyCentsSql, type YearCents } from './year-amounts.ts';

type SearchResult = Awaited<ReturnType<typeof searchInitiatives>>;

interface ModelOrganisation {
	id: string;
	slug: string;
	name: string;
	acronym: string | null;
	role: 'funder' | 'implementer';
	amountEur: number | null;
}

interface ModelInitiative {
	id: string;
	slug: string;
	title: Translated;
	summary: Translated;
	status: InitiativeData['status'];
	startYear: number | null;
	/** the start as a day number (actual, else planned, else 1 January of the start year): the `start` order */
	startDay: number | null;
	endYear: number | null;
	nationalScope: boolean;
	themes: InitiativeData['themes'];
	countries: string[];
	targetGroups: string[];
	budgetEur: number | null;
	/** the part of budgetEur counted for Morocco (its share when the source gives one) */
	moroccoEur: number | null;
	/** the same in cents as the statistics by year count it (null: no budget) */
	moroccoCents: number | null;
	/** its amounts by year in EUR cents, as the statistics by year count them (year-amounts.ts) */
	yearly: YearCents[];
	mayConcernMorocco: boolean;
	/** per cent in Morocco when the source gives a share (Morocco then one recipient among others) */
	moroccoShare: number | null;
	isSample: boolean;
	version: number;
	updatedAt: string;
	/** microseconds, as the database orders them (two versions a millisecond apart keep their order) */
	updatedMicros: number;
	regions: string[];
	provinces: string[];
	/** HCP codes */
	communes: string[];
	goodPractice: boolean;
	/** the index of the larger initiative it is part of (-1: none) */
	parent: number;
	funders: ModelOrganisation[];
	implementers: ModelOrganisation[];
	searchDocument: string;
	titleDocument: string;
}

/** What the load reads of an initiative: a list row's columns, with what filters, facets and orders need. */
type Row = Omit<PageRow, 'funders' | 'updated_at'> & {
	parent_id: string | null;
	good_practice: boolean;
	morocco_eur: number | null;
	morocco_cents: string | number | null;
	may_concern_morocco: boolean;
	morocco_share: number | null;
	target_groups: string[];
	updated_at: string;
	updated_micros: string | number;
	start_day: string | number | null;
	provinces: string[];
	communes: string[];
	organisations: ModelOrganisation[] | string;
	search_document: string;
	title_document: string;
};

const json = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

const facetLimits: Record<FacetName, number> = { theme: 100, region: 100, status: 100, target: 100, country: 100, funder: 20, implementer: 20 };

/** Facet rows: count first (most first), then the key (as PostgreSQL's C ordering: code units). */
function facetRows(counts: Map<string, { name?: string; count: number }>, limit: number) {
	return [...counts.entries()]
		.sort(([keyA, a], [keyB, b]) => b.count - a.count || (keyA < keyB ? -1 : keyA > keyB ? 1 : 0))
		.slice(0, limit)
		.map(([key, entry]) => (entry.name === undefined ? { key, count: entry.count } : { key, name: entry.name, count: entry.count }));
}

const byId = (a: ModelInitiative, b: ModelInitiative) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

type Lang = 'fr' | 'ar' | 'en';

/** Where a word is in each initiative's search document (-1: absent), and whether its titles hold it. */
interface WordPostings {
	at: Int32Array;
	inTitle: Uint8Array;
}

const MAX_WORDS = 2000;

export class AtlasReadModel {
	readonly #initiatives: ModelInitiative[];
	readonly #regions: string[];
	/** indexes of the initiatives, newest first (ties: by id), and each one's place in that order */
	readonly #newest: Int32Array;
	readonly #newestRank: Int32Array;
	/** orders computed once per model, when first asked: a new filter then only walks them */
	readonly #orders = new Map<string, Int32Array>();
	/** each facet's values numbered, and each initiative's values as those numbers: counting is adding in an array */
	readonly #facetKeys = {} as Record<FacetName, { keys: string[]; names: (string | undefined)[] }>;
	readonly #facetCodes = {} as Record<FacetName, number[][]>;
	readonly #facetNumbers = {} as Record<FacetName, Map<string, number>>;
	/** each initiative's budget in euros, NaN when unknown */
	readonly #budgets: Float64Array;
	readonly #wordPostings = new Map<string, WordPostings>();

	private constructor(initiatives: ModelInitiative[], regions: string[]) {
		this.#initiatives = initiatives;
		this.#regions = regions;
		const values: Record<FacetName, (item: ModelInitiative) => { key: string; name?: string }[]> = {
			theme: (item) => item.themes.map((key) => ({ key })),
			region: (item) => item.regions.map((key) => ({ key })),
			status: (item) => [{ key: item.status }],
			target: (item) => item.targetGroups.map((key) => ({ key })),
			country: (item) => item.countries.map((key) => ({ key })),
			funder: (item) => item.funders.map((entry) => ({ key: entry.slug, name: entry.name })),
			implementer: (item) => item.implementers.map((entry) => ({ key: entry.slug, name: entry.name }))
		};
		for (const facet of Object.keys(values) as FacetName[]) {
			const numbers = new Map<string, number>();
			const keys: string[] = [];
			const names: (string | undefined)[] = [];
			this.#facetCodes[facet] = initiatives.map((item) =>
				values[facet](item).map(({ key, name }) => {
					let number = numbers.get(key);
					if (number === undefined) {
						numbers.set(key, (number = keys.length));
						keys.push(key);
						names.push(name);
					}
					return number;
				})
			);
			this.#facetKeys[facet] = { keys, names };
			this.#facetNumbers[facet] = numbers;
		}
		this.#budgets = Float64Array.from(initiatives, (item) => item.budgetEur ?? NaN);
		this.#newest = this.#sortedIndexes((a, b) => b.updatedMicros - a.updatedMicros);
		this.#newestRank = new Int32Array(initiatives.length);
		this.#newest.forEach((index, rank) => (this.#newestRank[index] = rank));
	}

	get size() {
		return this.#initiatives.length;
	}
	/** Every initiative as the public reads need it, in one statement. */
	static async load(db: DbOrTx): Promise<AtlasReadModel> {
		const i = initiative;
		const result = (await db.execute(sql`
			select ${i.id} as id, ${i.slug} as slug, ${i.title} as title, ${i.summary} as summary, ${i.status} as status,
				${i.startYear} as start_year, ${i.endYear} as end_year,
				(coalesce(${i.actualStart}, ${i.plannedStart}, make_date(${i.startYear}, 1, 1)) - date '1970-01-01') as start_day, ${i.nationalScope} as national_scope, ${i.themes} as themes,
				${i.countries} as countries, ${i.targetGroups} as target_groups, ${i.budgetEur}::float8 as budget_eur,
				(${i.budgetEur} * coalesce(${i.moroccoShare}, 100) / 100)::float8 as morocco_eur,
				round(${i.budgetEur} * coalesce(${i.moroccoShare}, 100))::int8 as morocco_cents,
				${mayConcernMoroccoSql('initiative')} as may_concern_morocco, ${i.moroccoShare}::float8 as morocco_share,
				${i.isSample} as is_sample, ${i.version} as version, to_json(${i.updatedAt}) #>> '{}' as updated_at,
				(extract(epoch from ${i.updatedAt}) * 1000000)::int8 as updated_micros,
				${i.searchDocument} as search_document, ${i.titleDocument} as title_document, ${i.parentId} as parent_id, ${i.goodPracticeAt} is not null as good_practice,
				array(select ir.region_iso from ${initiativeRegion} ir where ir.initiative_id = ${i.id} order by 1) as regions,
				array(select ip.province_iso from ${initiativeProvince} ip where ip.initiative_id = ${i.id}) as provinces,
				${i.communes} as communes,
				coalesce((select json_agg(json_build_object('id', o.id, 'slug', o.slug, 'name', o.name, 'acronym', o.acronym, 'role', io.role,
						'amountEur', io.amount_eur::float8) order by io.position)
					from ${initiativeOrganisation} io join ${organisation} o on o.id = io.organisation_id
					where io.initiative_id = ${i.id} and io.role in ('funder', 'implementer')), '[]'::json) as organisations
			from ${initiative}`)) as unknown as { rows: Row[] };
		const regions = (await db.select({ iso: atlasRegion.iso }).from(atlasRegion)).map((row) => row.iso).sort();
		const yearlyRows = (await db.execute(sql`select id, year, cents from (${yearlyCentsSql}) g order by id, year`)) as unknown as {
			rows: { id: string; year: number; cents: string | number }[];
		};
		const yearly = new Map<string, YearCents[]>();
		for (const row of yearlyRows.rows) {
			if (!yearly.has(row.id)) yearly.set(row.id, []);
			yearly.get(row.id)!.push({ year: Number(row.year), cents: Number(row.cents) });
		}
		const positions = new Map(result.rows.map((row, position) => [row.id, position]));
		const initiatives = result.rows.map((row): ModelInitiative => {
			const organisations = json<ModelOrganisation[]>(row.organisations);
			return {
				id: row.id,
				slug: row.slug,
				title: json<Translated>(row.title),
				summary: json<Translated>(row.summary),
				status: row.status,
				startYear: row.start_year,
				startDay: row.start_day == null ? null : Number(row.start_day),
				endYear: row.end_year,
				nationalScope: row.national_scope,
				themes: row.themes,
				countries: row.countries,
				mayConcernMorocco: row.may_concern_morocco,
				moroccoShare: row.morocco_share == null ? null : Number(row.morocco_share),
				targetGroups: row.target_groups,
				budgetEur: row.budget_eur == null ? null : Number(row.budget_eur),
				moroccoEur: row.morocco_eur == null ? null : Number(row.morocco_eur),
				moroccoCents: row.morocco_cents == null ? null : Number(row.morocco_cents),
				yearly: yearly.get(row.id) ?? [],
				isSample: row.is_sample,
				version: row.version,
				updatedAt: new Date(row.updated_at).toISOString(),
				updatedMicros: Number(row.updated_micros),
				regions: row.regions,
				provinces: row.provinces,
				communes: row.communes,
				goodPractice: row.good_practice,
				parent: row.parent_id === null ? -1 : (positions.get(row.parent_id) ?? -1),
				funders: organisations.filter((entry) => entry.role === 'funder'),
				implementers: organisations.filter((entry) => entry.role === 'implementer'),
				searchDocument: row.search_document,
				titleDocument: row.title_document
			};
		});
		return new AtlasReadModel(initiatives, regions);
	}

	/** The indexes of every initiative in an order (ties: by id). */
	#sortedIndexes(order: (a: ModelInitiative, b: ModelInitiative) => number): Int32Array {
		const items = this.#initiatives;
		return Int32Array.from(items.keys()).sort((x, y) => order(items[x], items[y]) || byId(items[x], items[y]));
	}

	/**
	 * The filter as tests on one initiative (by its index), the cheap ones first; `words` are normalised by the
	 * database. Facet filters compare the facets' numbers and the budget a typed column, not strings and
	 * objects: every initiative is tested on each new filter.
	 */
	#tests(filters: Partial<InitiativeFilters>, words: string[]): ((index: number) => boolean)[] {
		const items = this.#initiatives;
		const tests: ((index: number) => boolean)[] = [];
		// the text first, through the word's postings (the initiatives whose document holds it)
		for (const word of words) {
			const { at } = this.#postings(word);
			tests.push((index) => at[index] >= 0);
		}
		const budgets = this.#budgets;
		const { budgetMin, budgetMax, from, to } = filters;
		// an unknown budget is NaN: never within bounds
		if (budgetMin !== undefined) tests.push((index) => budgets[index] >= budgetMin);
		if (budgetMax !== undefined) tests.push((index) => budgets[index] <= budgetMax);
		const facet = (name: 'theme' | 'target' | 'country', wanted: readonly string[] | undefined) => {
			if (!wanted?.length) return;
			const numbers = this.#facetNumbers[name];
			const chosen = new Uint8Array(this.#facetKeys[name].keys.length);
			for (const key of wanted) {
				const number = numbers.get(key);
				if (number !== undefined) chosen[number] = 1;
			}
			const codes = this.#facetCodes[name];
			tests.push((index) => {
				const values = codes[index];
				for (let i = 0; i < values.length; i++) if (chosen[values[i]] === 1) return true;
				return false;
			});
		};
		facet('theme', filters.theme);
		facet('target', filters.target);
		facet('country', filters.country);
		if (filters.sample === 'exclude') tests.push((index) => !items[index].isSample);
		if (filters.sample === 'only') tests.push((index) => items[index].isSample);
		if (filters.status?.length) {
			const statuses = new Set<string>(filters.status);
			tests.push((index) => statuses.has(items[index].status));
		}
		if (filters.undated === 'only') tests.push((index) => items[index].startYear === null);
		else {
			const undated = filters.undated === 'include';
			if (from !== undefined) tests.push((index) => (items[index].startYear !== null && (items[index].endYear ?? 9999) >= from) || (undated && items[index].startYear === null));
			if (to !== undefined) tests.push((index) => (items[index].startYear !== null && items[index].startYear! <= to) || (undated && items[index].startYear === null));
		}
		if (filters.components === 'exclude') tests.push((index) => items[index].parent === -1);
		if (filters.goodPractice === 'only') tests.push((index) => items[index].goodPractice);
		const place = this.#place(filters);
		if (place) tests.push(filters.national === 'exclude' ? (index) => place(items[index]) : (index) => items[index].nationalScope || place(items[index]));
		for (const [keys, entries] of [
			[filters.funder, (item: ModelInitiative) => item.funders],
			[filters.implementer, (item: ModelInitiative) => item.implementers]
		] as const) {
			if (!keys?.length) continue;
			const slugs = new Set(keys.map((key) => key.toLowerCase()));
			const ids = new Set(keys);
			tests.push((index) => entries(items[index]).some((entry) => slugs.has(entry.slug) || ids.has(entry.id)));
		}
		return tests;
	}

	/**
	 * Where each initiative's search document holds a word (or -1), and whether its titles do: an inverted index built word by word,
	 * the first time a word is searched in this model (one pass over the documents, a few milliseconds), and
	 * kept with the model — like a database's text index, it is over the vocabulary, not over requests.
	 */
	#postings(word: string): WordPostings {
		let postings = this.#wordPostings.get(word);
		if (postings) {
			this.#wordPostings.delete(word);
		} else {
			const at = new Int32Array(this.#initiatives.length);
			const inTitle = new Uint8Array(this.#initiatives.length);
			this.#initiatives.forEach((item, index) => {
				at[index] = item.searchDocument.indexOf(word);
				if (at[index] >= 0 && item.titleDocument.includes(word)) inTitle[index] = 1;
			});
			postings = { at, inTitle };
		}
		this.#wordPostings.set(word, postings);
		// at most this many words kept (10,000 initiatives: 50 kB each), the least recently searched going first
		if (this.#wordPostings.size > MAX_WORDS) this.#wordPostings.delete(this.#wordPostings.keys().next().value!);
		return postings;
	}

	/** Named in the chosen regions, provinces and communes (null: no place chosen). */
	#place(filters: Partial<InitiativeFilters>): ((item: ModelInitiative) => boolean) | null {
		const regions = filters.region?.length ? new Set<string>(filters.region) : null;
		const provinces = filters.province?.length ? new Set<string>(filters.province) : null;
		const communes = filters.commune?.length ? new Set<string>(filters.commune) : null;
		if (!regions && !provinces && !communes) return null;
		return (item) =>
			(!regions || item.regions.some((code) => regions.has(code))) &&
			(!provinces || item.provinces.some((code) => provinces.has(code))) &&
			(!communes || item.communes.some((code) => communes.has(code)));
	}

	/** The indexes of the initiatives matching the filter, in the model's own order. */
	#matching(filters: Partial<InitiativeFilters>, words: string[]): number[] {
		const tests = this.#tests(filters, words);
		const found: number[] = [];
		const count = this.#initiatives.length;
		next: for (let index = 0; index < count; index++) {
			for (let t = 0; t < tests.length; t++) if (!tests[t](index)) continue next;
			found.push(index);
		}
		return found;
	}

	/** The same answer as `searchInitiatives(db, query)`, given the query's words normalised by the database. */
	search(query: InitiativeQuery & { lang?: Lang }, words: string[]): SearchResult {
		const items = this.#initiatives;
		const matches = this.#matching(query, words);
		const place = this.#place(query);
		let national = 0;
		let nationalOnly = 0;
		for (const index of matches) {
			if (!items[index].nationalScope) continue;
			national++;
			if (place && query.national !== 'exclude' && !place(items[index])) nationalOnly++;
		}
		const facets = Object.fromEntries(
			(Object.keys(facetLimits) as FacetName[]).map((facet) => {
				const { keys, names } = this.#facetKeys[facet];
				const codes = this.#facetCodes[facet];
				const counts = new Int32Array(keys.length);
				for (const index of matches) for (const code of codes[index]) counts[code]++;
				const rows = new Map<string, { name?: string; count: number }>();
				counts.forEach((count, code) => {
					if (count) rows.set(keys[code], names[code] === undefined ? { count } : { name: names[code], count });
				});
				return [facet, facetRows(rows, facetLimits[facet])];
			})
		);
		const start = (query.page - 1) * query.pageSize;
		return {
			total: matches.length,
			national: { total: national, onlyNational: nationalOnly },
			page: query.page,
			pageSize: query.pageSize,
			items: this.#page(matches, query, words, start, query.pageSize).map((index) => {
				const item = items[index];
				return {
					id: item.id,
					slug: item.slug,
					title: item.title,
					summary: item.summary,
					status: item.status,
					startYear: item.startYear,
					endYear: item.endYear,
					nationalScope: item.nationalScope,
					themes: item.themes,
					countries: item.countries,
					mayConcernMorocco: item.mayConcernMorocco,
					moroccoShare: item.moroccoShare,
					budgetEur: item.budgetEur,
					isSample: item.isSample,
					version: item.version,
					updatedAt: item.updatedAt,
					regions: item.regions,
					funders: item.funders.map((entry) => ({ slug: entry.slug, name: entry.name, acronym: entry.acronym }))
				};
			}),
			facets: facets as SearchResult['facets']
		};
	}

	/** One page of the matches in the list's order, as `searchStatement` writes it (ties: by id). */
	#page(matches: number[], query: InitiativeQuery & { lang?: Lang }, words: string[], start: number, size: number): number[] {
		const items = this.#initiatives;
		if (words.length && (query.sort === 'relevance' || query.sort === undefined)) {
			// relevance: more of the words in the title first, then the first word found earliest, then the newest
			// (read from the words' postings: where each word is, whether the title holds it)
			const postings = words.map((word) => this.#postings(word));
			const keyed = matches.map((index) => {
				let inTitle = 0;
				for (const posting of postings) inTitle += posting.inTitle[index];
				return { index, inTitle, at: postings[0].at[index], rank: this.#newestRank[index] };
			});
			keyed.sort((a, b) => b.inTitle - a.inTitle || a.at - b.at || a.rank - b.rank);
			return keyed.slice(start, start + size).map((entry) => entry.index);
		}
		// the other orders do not depend on the filter: walk the order kept for the model, taking the page's matches
		const order = this.#orderOf(query.sort, query.lang ?? 'fr');
		const matched = new Uint8Array(items.length);
		for (const index of matches) matched[index] = 1;
		const page: number[] = [];
		let seen = 0;
		for (const index of order) {
			if (!matched[index]) continue;
			if (seen++ >= start) page.push(index);
			if (page.length === size) break;
		}
		return page;
	}

	#orderOf(sort: InitiativeQuery['sort'] | undefined, lang: Lang): Int32Array {
		if (sort !== 'title' && sort !== 'start' && sort !== 'budget') return this.#newest;
		const key = sort === 'budget' ? sort : `${sort} ${lang}`;
		let order = this.#orders.get(key);
		if (!order) {
			const collator = new Intl.Collator(lang);
			const titles = new Map(this.#initiatives.map((item) => [item, (item.title[lang] ?? item.title.fr ?? item.title.en ?? item.title.ar)?.toLowerCase() ?? null]));
			const byTitle = (a: ModelInitiative, b: ModelInitiative) => {
				const x = titles.get(a)!;
				const y = titles.get(b)!;
				return x === null ? (y === null ? 0 : 1) : y === null ? -1 : collator.compare(x, y);
			};
			const nullsLast = (x: number | null, y: number | null) => (x === null ? (y === null ? 0 : 1) : y === null ? -1 : y - x);
			order =
				sort === 'title'
					? this.#sortedIndexes(byTitle)
					: sort === 'start'
						? this.#sortedIndexes((a, b) => nullsLast(a.startDay, b.startDay) || byTitle(a, b))
						: this.#sortedIndexes((a, b) => nullsLast(a.budgetEur, b.budgetEur));
			this.#orders.set(key, order);
		}
		return order;
	}

	/** The same answer as `atlasStats(db, by, filters)`, given the filter's words normalised by the database. */
	stats(by: StatsDimension, filters: Partial<InitiativeFilters>, words: string[], now: Date = new Date()): { by: typeof by; rows: StatsRow[] } {
		const indexes = this.#matching(filters, words);
		const matched = new Uint8Array(this.#initiatives.length);
		for (const index of indexes) matched[index] = 1;
		// a component adds no money when a larger initiative it belongs to is counted with a known budget
		const within = (item: ModelInitiative) => {
			for (let up = item.parent, depth = 0; up !== -1 && depth < 100; up = this.#initiatives[up].parent, depth++) {
				if (matched[up] && this.#initiatives[up].budgetEur !== null) return true;
			}
			return false;
		};
		const matches = indexes.map((index) => {
			const item = this.#initiatives[index];
			return { item, within: item.parent !== -1 && within(item) };
		});
		type Sum = { label: string | null; count: number; budget: number; unknown: number; cents?: number };
		type Match = (typeof matches)[number];
		const add = (sums: Map<string, Sum>, key: string, match: Match, amount: number | null = match.item.moroccoEur, label: string | null = null) => {
			const sum = sums.get(key) ?? { label, count: 0, budget: 0, unknown: 0 };
			sum.count++;
			if (!match.within) {
				if (amount === null) sum.unknown++;
				else sum.budget += amount;
			}
			sums.set(key, sum);
		};
		const sums = new Map<string, Sum>();
		const byCount = () => [...sums.keys()].sort((x, y) => sums.get(y)!.count - sums.get(x)!.count || (x < y ? -1 : x > y ? 1 : 0));
		let keys: string[];
		if (by === 'region') {
			for (const region of this.#regions) sums.set(region, { label: null, count: 0, budget: 0, unknown: 0 });
			for (const match of matches) for (const region of match.item.regions) if (sums.has(region)) add(sums, region, match);
			keys = this.#regions;
		} else if (by === 'theme' || by === 'target' || by === 'country' || by === 'status') {
			const values = { theme: (item: ModelInitiative) => item.themes, target: (item: ModelInitiative) => item.targetGroups, country: (item: ModelInitiative) => item.countries, status: (item: ModelInitiative) => [item.status] }[by];
			for (const match of matches) for (const value of values(match.item)) add(sums, value, match);
			keys = byCount();
		} else if (by === 'year' || by === 'started') {
			const thisYear = Number(platformDay(now).slice(0, 4));
			// by year: each dated initiative's cents by year (its amounts by year, else its budget spread; year-amounts.ts)
			const perYear =
				by === 'year'
					? matches.map(({ item, within }) =>
							item.startYear === null ? null : centsByYear(item.startYear, item.endYear, thisYear, within ? 0 : item.moroccoCents, within ? [] : item.yearly)
						)
					: [];
			const starts = matches.flatMap(({ item }) => (item.startYear === null ? [] : [item.startYear]));
			const ends = matches.flatMap(({ item }) => (item.endYear ?? item.startYear) ?? []);
			let first = Math.min(starts.length ? Math.min(...starts) : 2004, 2004);
			let last = Math.max(ends.length ? Math.max(...ends) : 0, thisYear);
			// a year an amount by year names, outside the others
			for (const years of perYear) for (const year of years?.keys() ?? []) [first, last] = [Math.min(first, year), Math.max(last, year)];
			keys = [];
			for (let year = first; year <= last; year++) {
				keys.push(String(year));
				sums.set(String(year), { label: null, count: 0, budget: 0, unknown: 0 });
			}
			sums.set('unknown', { label: null, count: 0, budget: 0, unknown: 0 });
			matches.forEach((match, index) => {
				const { startYear } = match.item;
				if (startYear === null) add(sums, 'unknown', match);
				else if (by === 'started') add(sums, String(startYear), match);
				else {
					// cents added as integers, turned into euros once at the end (as the SQL sums them)
					for (const [year, cents] of perYear[index]!) {
						const sum = sums.get(String(year))!;
						sum.count++;
						if (cents === null) sum.unknown++;
						else sum.cents = (sum.cents ?? 0) + cents;
					}
				}
			});
			keys.push('unknown');
		} else {
			for (const match of matches) for (const entry of match.item.funders) add(sums, entry.slug, match, entry.amountEur, entry.name);
			keys = [...sums.keys()].sort((x, y) => {
				const a = sums.get(x)!;
				const b = sums.get(y)!;
				return b.count - a.count || b.budget - a.budget || (x < y ? -1 : x > y ? 1 : 0);
			});
		}
		return {
			by,
			rows: keys.map((key) => {
				const sum = sums.get(key)!;
				const budget = sum.cents === undefined ? sum.budget : sum.cents / 100;
				return { key, label: sum.label, count: sum.count, budgetEur: Math.round(budget * 100) / 100, budgetUnknown: sum.unknown };
			})
		};
	}
}

/** Words already normalised: the database's function of a word does not change while the server runs. */
const normalised = new Map<string, string>();
const MAX_NORMALISED = 10_000;

/** The words of a query as the stored documents hold them: normalised by the database's own function (once per word). */
export async function normalisedWords(db: DbOrTx, q: string | undefined): Promise<string[]> {
	const words = queryWords(q);
	const answer = new Map(words.flatMap((word) => (normalised.has(word) ? [[word, normalised.get(word)!] as const] : [])));
	const missing = [...new Set(words.filter((word) => !answer.has(word)))];
	if (missing.length) {
		const result = (await db.execute(sql`select w as original, ${normalisedSql(sql`w`)} as word from unnest(${sql.param(missing)}::text[]) as t(w)`)) as unknown as {
			rows: { original: string; word: string }[];
		};
		for (const row of result.rows) {
			answer.set(row.original, row.word);
			if (normalised.size >= MAX_NORMALISED) normalised.delete(normalised.keys().next().value!);
			normalised.set(row.original, row.word);
		}
	}
	return words.map((word) => answer.get(word)!);
}
