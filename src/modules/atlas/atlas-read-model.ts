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
import type { InitiativeFilters, InitiativeQuery } from './atlas.schemas.ts';
import { atlasRegion, initiative, initiativeOrganisation, initiativeProvince, initiativeRegion, normalisedSql, type Translated } from './atlas.table.ts';
import { organisation } from '../../platform/accounts/accounts.table.ts';
import { queryWords, type FacetName, type StatsRow, type searchInitiatives } from './initiative.service.ts';

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
	endYear: number | null;
	nationalScope: boolean;
	themes: InitiativeData['themes'];
	countries: string[];
	targetGroups: string[];
	budgetEur: number | null;
	isSample: boolean;
	version: number;
	updatedAt: string;
	/** microseconds, as the database orders them (two versions a millisecond apart keep their order) */
	updatedMicros: number;
	regions: string[];
	provinces: string[];
	funders: ModelOrganisation[];
	implementers: ModelOrganisation[];
	searchDocument: string;
	titleDocument: string;
}

type Row = {
	id: string;
	slug: string;
	title: Translated;
	summary: Translated;
	status: InitiativeData['status'];
	start_year: number | null;
	end_year: number | null;
	national_scope: boolean;
	themes: InitiativeData['themes'];
	countries: string[];
	target_groups: string[];
	budget_eur: number | string | null;
	is_sample: boolean;
	version: number;
	updated_at: string;
	updated_micros: string | number;
	regions: string[];
	provinces: string[];
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

function bump(counts: Map<string, { name?: string; count: number }>, key: string, name?: string) {
	const entry = counts.get(key);
	if (entry) entry.count++;
	else counts.set(key, name === undefined ? { count: 1 } : { name, count: 1 });
}

const byId = (a: ModelInitiative, b: ModelInitiative) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export class AtlasReadModel {
	readonly #initiatives: ModelInitiative[];
	readonly #regions: string[];

	private constructor(initiatives: ModelInitiative[], regions: string[]) {
		this.#initiatives = initiatives;
		this.#regions = regions;
	}

	get size() {
		return this.#initiatives.length;
	}

	/** Every initiative as the public reads need it, in one statement. */
	static async load(db: DbOrTx): Promise<AtlasReadModel> {
		const i = initiative;
		const result = (await db.execute(sql`
			select ${i.id} as id, ${i.slug} as slug, ${i.title} as title, ${i.summary} as summary, ${i.status} as status,
				${i.startYear} as start_year, ${i.endYear} as end_year, ${i.nationalScope} as national_scope, ${i.themes} as themes,
				${i.countries} as countries, ${i.targetGroups} as target_groups, ${i.budgetEur}::float8 as budget_eur,
				${i.isSample} as is_sample, ${i.version} as version, to_json(${i.updatedAt}) #>> '{}' as updated_at,
				(extract(epoch from ${i.updatedAt}) * 1000000)::int8 as updated_micros,
				${i.searchDocument} as search_document, ${i.titleDocument} as title_document,
				array(select ir.region_iso from ${initiativeRegion} ir where ir.initiative_id = ${i.id} order by 1) as regions,
				array(select ip.province_iso from ${initiativeProvince} ip where ip.initiative_id = ${i.id}) as provinces,
				coalesce((select json_agg(json_build_object('id', o.id, 'slug', o.slug, 'name', o.name, 'acronym', o.acronym, 'role', io.role,
						'amountEur', io.amount_eur::float8) order by io.position)
					from ${initiativeOrganisation} io join ${organisation} o on o.id = io.organisation_id
					where io.initiative_id = ${i.id} and io.role in ('funder', 'implementer')), '[]'::json) as organisations
			from ${initiative}`)) as unknown as { rows: Row[] };
		const regions = (await db.select({ iso: atlasRegion.iso }).from(atlasRegion)).map((row) => row.iso).sort();
		const initiatives = result.rows.map((row): ModelInitiative => {
			const organisations = json<ModelOrganisation[]>(row.organisations);
			return {
				id: row.id,
				slug: row.slug,
				title: json<Translated>(row.title),
				summary: json<Translated>(row.summary),
				status: row.status,
				startYear: row.start_year,
				endYear: row.end_year,
				nationalScope: row.national_scope,
				themes: row.themes,
				countries: row.countries,
				targetGroups: row.target_groups,
				budgetEur: row.budget_eur == null ? null : Number(row.budget_eur),
				isSample: row.is_sample,
				version: row.version,
				updatedAt: new Date(row.updated_at).toISOString(),
				updatedMicros: Number(row.updated_micros),
				regions: row.regions,
				provinces: row.provinces,
				funders: organisations.filter((entry) => entry.role === 'funder'),
				implementers: organisations.filter((entry) => entry.role === 'implementer'),
				searchDocument: row.search_document,
				titleDocument: row.title_document
			};
		});
		return new AtlasReadModel(initiatives, regions);
	}

	/** The filter as a test on one initiative; `words` are the query's words, normalised by the database. */
	#matcher(filters: Partial<InitiativeFilters>, words: string[]): (item: ModelInitiative) => boolean {
		const any = (values: readonly string[] | undefined, wanted: readonly string[] | undefined) => !wanted?.length || values!.some((value) => wanted.includes(value));
		const place = this.#place(filters);
		const organisationTest = (keys: string[] | undefined) => {
			if (!keys?.length) return null;
			const lowered = keys.map((key) => key.toLowerCase());
			return (entries: ModelOrganisation[]) => entries.some((entry) => lowered.includes(entry.slug) || keys.includes(entry.id));
		};
		const funder = organisationTest(filters.funder);
		const implementer = organisationTest(filters.implementer);
		return (item) =>
			words.every((word) => item.searchDocument.includes(word)) &&
			any(item.themes, filters.theme) &&
			any(item.targetGroups, filters.target) &&
			any(item.countries, filters.country) &&
			(!filters.status?.length || filters.status.includes(item.status)) &&
			(!place || (filters.national === 'exclude' ? place(item) : place(item) || item.nationalScope)) &&
			(!funder || funder(item.funders)) &&
			(!implementer || implementer(item.implementers)) &&
			(filters.from === undefined || (item.startYear !== null && (item.endYear ?? 9999) >= filters.from)) &&
			(filters.to === undefined || (item.startYear !== null && item.startYear <= filters.to)) &&
			(filters.budgetMin === undefined || (item.budgetEur !== null && item.budgetEur >= filters.budgetMin)) &&
			(filters.budgetMax === undefined || (item.budgetEur !== null && item.budgetEur <= filters.budgetMax)) &&
			(filters.sample !== 'exclude' || !item.isSample) &&
			(filters.sample !== 'only' || item.isSample);
	}

	/** Named in the chosen regions and provinces (null: no place chosen). */
	#place(filters: Partial<InitiativeFilters>): ((item: ModelInitiative) => boolean) | null {
		const regions = filters.region?.length ? filters.region : null;
		const provinces = filters.province?.length ? filters.province : null;
		if (!regions && !provinces) return null;
		return (item) => (!regions || item.regions.some((code) => regions.includes(code))) && (!provinces || item.provinces.some((code) => provinces.includes(code)));
	}

	/** The same answer as `searchInitiatives(db, query)`, given the query's words normalised by the database. */
	search(query: InitiativeQuery & { lang?: 'fr' | 'ar' | 'en' }, words: string[]): SearchResult {
		const matches = this.#initiatives.filter(this.#matcher(query, words));
		const place = this.#place(query);
		const nationalOnly = place && query.national !== 'exclude' ? matches.filter((item) => item.nationalScope && !place(item)).length : 0;

		const counts = Object.fromEntries((Object.keys(facetLimits) as FacetName[]).map((name) => [name, new Map<string, { name?: string; count: number }>()])) as Record<
			FacetName,
			Map<string, { name?: string; count: number }>
		>;
		for (const item of matches) {
			for (const theme of item.themes) bump(counts.theme, theme);
			for (const region of item.regions) bump(counts.region, region);
			bump(counts.status, item.status);
			for (const target of item.targetGroups) bump(counts.target, target);
			for (const country of item.countries) bump(counts.country, country);
			for (const entry of item.funders) bump(counts.funder, entry.slug, entry.name);
			for (const entry of item.implementers) bump(counts.implementer, entry.slug, entry.name);
		}
		const facets = Object.fromEntries((Object.keys(facetLimits) as FacetName[]).map((name) => [name, facetRows(counts[name], facetLimits[name])]));

		const sorted = matches.sort(this.#order(query, words));
		const start = (query.page - 1) * query.pageSize;
		return {
			total: matches.length,
			national: { total: matches.filter((item) => item.nationalScope).length, onlyNational: nationalOnly },
			page: query.page,
			pageSize: query.pageSize,
			items: sorted.slice(start, start + query.pageSize).map((item) => ({
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
				budgetEur: item.budgetEur,
				isSample: item.isSample,
				version: item.version,
				updatedAt: item.updatedAt,
				regions: item.regions,
				funders: item.funders.map((entry) => ({ slug: entry.slug, name: entry.name, acronym: entry.acronym }))
			})),
			facets: facets as SearchResult['facets']
		};
	}

	/** The list's order, as `searchStatement` writes it (ties: by id). */
	#order(query: InitiativeQuery & { lang?: 'fr' | 'ar' | 'en' }, words: string[]): (a: ModelInitiative, b: ModelInitiative) => number {
		const lang = query.lang ?? 'fr';
		const collator = new Intl.Collator(lang);
		const titleOf = (item: ModelInitiative) => {
			const title = item.title[lang] ?? item.title.fr ?? item.title.en ?? item.title.ar;
			return title === undefined ? null : title.toLowerCase();
		};
		const byTitle = (a: ModelInitiative, b: ModelInitiative) => {
			const x = titleOf(a);
			const y = titleOf(b);
			return x === null ? (y === null ? 0 : 1) : y === null ? -1 : collator.compare(x, y);
		};
		const nullsLast = (x: number | null, y: number | null) => (x === null ? (y === null ? 0 : 1) : y === null ? -1 : y - x);
		const newest = (a: ModelInitiative, b: ModelInitiative) => b.updatedMicros - a.updatedMicros;
		let order: (a: ModelInitiative, b: ModelInitiative) => number;
		if (query.sort === 'title') order = byTitle;
		else if (query.sort === 'start') order = (a, b) => nullsLast(a.startYear, b.startYear) || byTitle(a, b);
		else if (query.sort === 'budget') order = (a, b) => nullsLast(a.budgetEur, b.budgetEur);
		else if (query.sort === 'updated' || !words.length) order = newest;
		else {
			// relevance: more of the words in the title first, then the first word found earliest, then the newest
			const inTitle = new Map<ModelInitiative, number>();
			const titleWords = (item: ModelInitiative) => {
				let found = inTitle.get(item);
				if (found === undefined) inTitle.set(item, (found = words.filter((word) => item.titleDocument.includes(word)).length));
				return found;
			};
			order = (a, b) => titleWords(b) - titleWords(a) || a.searchDocument.indexOf(words[0]) - b.searchDocument.indexOf(words[0]) || newest(a, b);
		}
		return (a, b) => order(a, b) || byId(a, b);
	}

	/** The same answer as `atlasStats(db, by, filters)`, given the filter's words normalised by the database. */
	stats(by: 'region' | 'theme' | 'year' | 'funder', filters: Partial<InitiativeFilters>, words: string[], now: Date = new Date()): { by: typeof by; rows: StatsRow[] } {
		const matches = this.#initiatives.filter(this.#matcher(filters, words));
		type Sum = { label: string | null; count: number; budget: number; unknown: number };
		const add = (sums: Map<string, Sum>, key: string, amount: number | null, label: string | null = null) => {
			const sum = sums.get(key) ?? { label, count: 0, budget: 0, unknown: 0 };
			sum.count++;
			if (amount === null) sum.unknown++;
			else sum.budget += amount;
			sums.set(key, sum);
		};
		const sums = new Map<string, Sum>();
		let keys: string[];
		if (by === 'region') {
			for (const region of this.#regions) sums.set(region, { label: null, count: 0, budget: 0, unknown: 0 });
			for (const item of matches) for (const region of item.regions) if (sums.has(region)) add(sums, region, item.budgetEur);
			keys = this.#regions;
		} else if (by === 'theme') {
			for (const item of matches) for (const theme of item.themes) add(sums, theme, item.budgetEur);
			keys = [...sums.keys()].sort((x, y) => sums.get(y)!.count - sums.get(x)!.count || (x < y ? -1 : x > y ? 1 : 0));
		} else if (by === 'year') {
			const thisYear = Number(platformDay(now).slice(0, 4));
			const starts = matches.flatMap((item) => (item.startYear === null ? [] : [item.startYear]));
			const ends = matches.flatMap((item) => (item.endYear ?? item.startYear) ?? []);
			const first = Math.min(starts.length ? Math.min(...starts) : 2004, 2004);
			const last = Math.max(ends.length ? Math.max(...ends) : 0, thisYear);
			keys = [];
			for (let year = first; year <= last; year++) {
				keys.push(String(year));
				sums.set(String(year), { label: null, count: 0, budget: 0, unknown: 0 });
			}
			for (const item of matches) {
				if (item.startYear === null) continue;
				for (let year = Math.max(item.startYear, first); year <= Math.min(item.endYear ?? thisYear, last); year++) add(sums, String(year), item.budgetEur);
			}
		} else {
			for (const item of matches) for (const entry of item.funders) add(sums, entry.slug, entry.amountEur, entry.name);
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
				return { key, label: sum.label, count: sum.count, budgetEur: Math.round(sum.budget * 100) / 100, budgetUnknown: sum.unknown };
			})
		};
	}
}

/** The words of a query as the stored documents hold them: normalised by the database's own function. */
export async function normalisedWords(db: DbOrTx, q: string | undefined): Promise<string[]> {
	const words = queryWords(q);
	if (!words.length) return [];
	const result = (await db.execute(sql`select ${normalisedSql(sql`w`)} as word from unnest(${sql.param(words)}::text[]) with ordinality as t(w, n) order by n`)) as unknown as {
		rows: { word: string }[];
	};
	return result.rows.map((row) => row.word);
}
