// The division's host-markets dashboard (issue 10, item 1): offers abroad and their positions by host
// country, channel, occupation group and year, and the agreements by host country with their quotas.
// Candidates and departures join it when the pipeline (items 3–4) records them.
import { and, eq, ne, sql, type SQL } from 'drizzle-orm';
import type { RequestContext } from '../../../platform/kernel/context.ts';
import { HOME_COUNTRY } from '../job-offer.model.ts';
import { jobOffer } from '../job-offer.table.ts';
import { placementAgreement } from './placement.table.ts';

export interface MarketFigure {
	value: string;
	offers: number;
	positions: number;
}

/**
 * Figures over the offers abroad that left the drafts (published, filled, closed, expired) and the
 * agreements that are not drafts; samples only when asked (they are left out of statistics by default).
 */
export async function hostMarkets(ctx: RequestContext, { samples = false }: { samples?: boolean } = {}) {
	ctx.require('placement.agreement.manage');
	const where = and(ne(jobOffer.hostCountry, HOME_COUNTRY), ne(jobOffer.status, 'draft'), ne(jobOffer.status, 'pending_validation'), samples ? undefined : eq(jobOffer.isSample, false));
	const by = (key: SQL) =>
		ctx.db
			.select({ value: sql<string>`${key}`, offers: sql<number>`count(*)::int`, positions: sql<number>`coalesce(sum(${jobOffer.positions}), 0)::int` })
			.from(jobOffer)
			.where(where)
			.groupBy(sql`1`)
			.orderBy(sql`3 desc`, sql`1`) as unknown as Promise<MarketFigure[]>;
	const agreementsWhere = and(ne(placementAgreement.status, 'draft'), samples ? undefined : eq(placementAgreement.isSample, false));
	const [byCountry, byChannel, byGroup, byYear, agreements] = await Promise.all([
		by(sql`${jobOffer.hostCountry}`),
		by(sql`coalesce(${jobOffer.channel}, 'individual')`),
		by(sql`left(${jobOffer.occupationCode}, 1)`),
		by(sql`extract(year from coalesce(${jobOffer.publishedAt}, ${jobOffer.createdAt}))::int::text`),
		ctx.db.select({ hostCountry: placementAgreement.hostCountry, status: placementAgreement.status, kind: placementAgreement.kind, quotas: placementAgreement.quotas }).from(placementAgreement).where(agreementsWhere)
	]);
	// agreements by host country: how many, how many in force, and the positions agreed by year
	const countries = new Map<string, { value: string; agreements: number; active: number; quotas: Map<number, number> }>();
	const quotaYears = new Set<number>();
	for (const row of agreements) {
		const entry = countries.get(row.hostCountry) ?? { value: row.hostCountry, agreements: 0, active: 0, quotas: new Map<number, number>() };
		entry.agreements++;
		if (row.status === 'active') entry.active++;
		for (const quota of row.quotas) {
			entry.quotas.set(quota.year, (entry.quotas.get(quota.year) ?? 0) + quota.positions);
			quotaYears.add(quota.year);
		}
		countries.set(row.hostCountry, entry);
	}
	const years = [...quotaYears].sort();
	return {
		byCountry,
		byChannel,
		byGroup,
		byYear: [...byYear].sort((a, b) => a.value.localeCompare(b.value)),
		agreements: [...countries.values()]
			.sort((a, b) => b.agreements - a.agreements || a.value.localeCompare(b.value))
			.map((entry) => ({ value: entry.value, agreements: entry.agreements, active: entry.active, quotas: years.map((year) => entry.quotas.get(year) ?? 0) })),
		quotaYears: years,
		samples
	};
}
export type HostMarkets = Awaited<ReturnType<typeof hostMarkets>>;
