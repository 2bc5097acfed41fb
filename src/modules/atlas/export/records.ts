// What the exports read: the initiatives of a filter, everything each format needs, in batches
// (keyset pagination on the slug), so 10,000 initiatives never sit in memory at once.
import { and, asc, gt, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { organisation } from '../../../platform/accounts/accounts.table.ts';
import {
	initiative,
	initiativeOrganisation,
	initiativeProvince,
	initiativeRegion,
	initiativeSource,
	initiativeYearlyAmount,
	type CountryShare,
	type InitiativePoint,
	type RecipientRegion,
	type Translated
} from '../atlas.table.ts';
import type { OrganisationRole } from '../atlas.model.ts';
import { filterCondition } from '../initiative.service.ts';
import type { InitiativeFilters } from '../atlas.schemas.ts';
import { datesOf, withPrecision } from '../partial-dates.ts';

/** An amount as the source also gives it in another currency (never converted). */
export type SecondFigure = { amount: number; currency: string };

export interface ExportOrganisation {
	slug: string;
	name: string;
	acronym: string | null;
	type: string;
	role: OrganisationRole;
	amount: number | null;
	currency: string | null;
	secondFigure: SecondFigure | null;
}

/** An amount of one year: a funder's (by slug), or the initiative's own budget (`organisation` null). */
export interface ExportYearlyAmount {
	organisation: { slug: string; name: string; acronym: string | null; type: string } | null;
	year: number;
	amount: number;
	currency: string;
}

/** One initiative as the exports see it. */
export interface ExportRecord {
	id: string;
	slug: string;
	title: Translated;
	summary: Translated;
	status: 'planned' | 'ongoing' | 'completed' | 'suspended' | 'cancelled';
	/** YYYY-MM-DD, or YYYY-MM when only the month is known */
	plannedStart: string | null;
	plannedEnd: string | null;
	actualStart: string | null;
	actualEnd: string | null;
	startYear: number | null;
	endYear: number | null;
	nationalScope: boolean;
	regions: string[];
	provinces: string[];
	/** HCP codes */
	communes: string[];
	otherPlaces: string | null;
	countries: string[];
	/** what the source says of the shares (null: not said) and the supranational regions it names */
	moroccoShare: number | null;
	countryShares: CountryShare[];
	recipientRegions: RecipientRegion[];
	points: InitiativePoint[];
	themes: string[];
	targetGroups: string[];
	organisations: ExportOrganisation[];
	budgetTotal: number | null;
	budgetCurrency: string | null;
	/** the total as the source also gives it in another currency */
	budgetSecondFigure: SecondFigure | null;
	/** amounts per year, in the order given */
	yearlyAmounts: ExportYearlyAmount[];
	budgetEur: number | null;
	budgetMad: number | null;
	contact: string | null;
	website: string | null;
	iatiIdentifier: string | null;
	/** the larger initiative it is part of, and its own parts (IATI related-activity) */
	partOf: { slug: string; iatiIdentifier: string | null; relation: string } | null;
	parts: { slug: string; iatiIdentifier: string | null }[];
	/** dates: YYYY-MM-DD, or YYYY-MM */
	sources: { citation: string; url: string | null; date: string | null }[];
	lastVerifiedOn: string | null;
	isSample: boolean;
	updatedAt: Date;
}

const num = (value: unknown) => (value == null ? null : Number(value));

/**
 * The initiatives matching `filters`, in slug order, `batchSize` at a time (default 500).
 * Each batch costs seven queries whatever its size.
 */
export async function* exportBatches(
	db: DbOrTx,
	filters: Partial<InitiativeFilters>,
	options: { batchSize?: number; limit?: number } = {}
): AsyncGenerator<ExportRecord[]> {
	const batchSize = options.batchSize ?? 500;
	let remaining = options.limit ?? Infinity;
	let after: string | null = null;
	const where = filterCondition(filters);
	while (remaining > 0) {
		const rows = await db
			.select()
			.from(initiative)
			.where(after === null ? where : and(where, gt(initiative.slug, after)))
			.orderBy(asc(initiative.slug))
			.limit(Math.min(batchSize, remaining));
		if (!rows.length) return;
		after = rows.at(-1)!.slug;
		remaining -= rows.length;
		const ids = rows.map((row) => row.id);
		const parentIds = [...new Set(rows.flatMap((row) => (row.parentId ? [row.parentId] : [])))];
		const [regionRows, provinceRows, orgRows, sourceRows, parentRows, partRows, yearlyRows] = await Promise.all([
			db
				.select({ id: initiativeRegion.initiativeId, iso: initiativeRegion.regionIso })
				.from(initiativeRegion)
				.where(inArray(initiativeRegion.initiativeId, ids))
				.orderBy(asc(initiativeRegion.regionIso)),
			db
				.select({ id: initiativeProvince.initiativeId, iso: initiativeProvince.provinceIso })
				.from(initiativeProvince)
				.where(inArray(initiativeProvince.initiativeId, ids))
				.orderBy(asc(initiativeProvince.provinceIso)),
			db
				.select({
					id: initiativeOrganisation.initiativeId,
					slug: organisation.slug,
					name: organisation.name,
					acronym: organisation.acronym,
					type: organisation.type,
					role: initiativeOrganisation.role,
					amount: initiativeOrganisation.amount,
					currency: initiativeOrganisation.currency,
					secondAmount: initiativeOrganisation.secondAmount,
					secondCurrency: initiativeOrganisation.secondCurrency
				})
				.from(initiativeOrganisation)
				.innerJoin(organisation, sql`${organisation.id} = ${initiativeOrganisation.organisationId}`)
				.where(inArray(initiativeOrganisation.initiativeId, ids))
				.orderBy(asc(initiativeOrganisation.role), asc(initiativeOrganisation.position)),
			db
				.select({
					id: initiativeSource.initiativeId,
					citation: initiativeSource.citation,
					url: initiativeSource.url,
					date: initiativeSource.publishedOn,
					precision: initiativeSource.publishedPrecision
				})
				.from(initiativeSource)
				.where(inArray(initiativeSource.initiativeId, ids))
				.orderBy(asc(initiativeSource.position)),
			parentIds.length
				? db.select({ id: initiative.id, slug: initiative.slug, iatiIdentifier: initiative.iatiIdentifier }).from(initiative).where(inArray(initiative.id, parentIds))
				: Promise.resolve([]),
			db
				.select({ id: initiative.parentId, slug: initiative.slug, iatiIdentifier: initiative.iatiIdentifier })
				.from(initiative)
				.where(inArray(initiative.parentId, ids))
				.orderBy(asc(initiative.slug)),
			db
				.select({
					id: initiativeYearlyAmount.initiativeId,
					slug: organisation.slug,
					name: organisation.name,
					acronym: organisation.acronym,
					type: organisation.type,
					year: initiativeYearlyAmount.year,
					amount: initiativeYearlyAmount.amount,
					currency: initiativeYearlyAmount.currency
				})
				.from(initiativeYearlyAmount)
				.leftJoin(organisation, sql`${organisation.id} = ${initiativeYearlyAmount.organisationId}`)
				.where(inArray(initiativeYearlyAmount.initiativeId, ids))
				.orderBy(asc(initiativeYearlyAmount.initiativeId), asc(initiativeYearlyAmount.position))
		]);
		const group = <T extends { id: string }>(list: T[]) => {
			const map = new Map<string, T[]>();
			for (const item of list) {
				if (!map.has(item.id)) map.set(item.id, []);
				map.get(item.id)!.push(item);
			}
			return map;
		};
		const regions = group(regionRows);
		const provinces = group(provinceRows);
		const orgs = group(orgRows);
		const sources = group(sourceRows);
		const yearly = group(yearlyRows);
		const parents = new Map(parentRows.map((entry) => [entry.id, entry]));
		const parts = group(partRows.map((entry) => ({ ...entry, id: entry.id! })));
		yield rows.map(
			(row): ExportRecord => ({
				id: row.id,
				slug: row.slug,
				title: row.title,
				summary: row.summary,
				status: row.status,
				...datesOf(row),
				startYear: row.startYear,
				endYear: row.endYear,
				nationalScope: row.nationalScope,
				regions: (regions.get(row.id) ?? []).map((entry) => entry.iso),
				provinces: (provinces.get(row.id) ?? []).map((entry) => entry.iso),
				communes: row.communes,
				otherPlaces: row.otherPlaces,
				countries: row.countries,
				moroccoShare: num(row.moroccoShare),
				countryShares: row.countryShares,
				recipientRegions: row.recipientRegions,
				points: row.points,
				themes: row.themes,
				targetGroups: row.targetGroups,
				organisations: (orgs.get(row.id) ?? []).map(({ id: _id, amount, secondAmount, secondCurrency, ...entry }) => ({
					...entry,
					amount: num(amount),
					secondFigure: secondAmount != null && secondCurrency ? { amount: Number(secondAmount), currency: secondCurrency } : null
				})),
				budgetTotal: num(row.budgetTotal),
				budgetCurrency: row.budgetCurrency,
				budgetSecondFigure:
					row.budgetSecondAmount != null && row.budgetSecondCurrency ? { amount: Number(row.budgetSecondAmount), currency: row.budgetSecondCurrency } : null,
				yearlyAmounts: (yearly.get(row.id) ?? []).map((entry) => ({
					organisation: entry.slug ? { slug: entry.slug, name: entry.name!, acronym: entry.acronym, type: entry.type! } : null,
					year: entry.year,
					amount: Number(entry.amount),
					currency: entry.currency
				})),
				budgetEur: num(row.budgetEur),
				budgetMad: num(row.budgetMad),
				contact: row.contact,
				website: row.website,
				iatiIdentifier: row.iatiIdentifier,
				partOf: row.parentId && parents.has(row.parentId)
					? { slug: parents.get(row.parentId)!.slug, iatiIdentifier: parents.get(row.parentId)!.iatiIdentifier, relation: row.parentRelation ?? 'component' }
					: null,
				parts: (parts.get(row.id) ?? []).map(({ slug, iatiIdentifier }) => ({ slug, iatiIdentifier })),
				sources: (sources.get(row.id) ?? []).map(({ id: _id, precision, ...entry }) => ({ ...entry, date: withPrecision(entry.date, precision) })),
				lastVerifiedOn: row.lastVerifiedOn,
				isSample: row.isSample,
				updatedAt: new Date(row.updatedAt)
			})
		);
		if (rows.length < batchSize) return;
	}
}
