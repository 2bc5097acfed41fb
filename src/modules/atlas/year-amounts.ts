// What an initiative adds to each year of the statistics by year (dashboard "active initiatives per year",
// its CSV, API `atlas/stats?by=year`): its amounts by year where the source gives them, else its budget
// spread evenly over its active years — never the whole budget in every year, never a budget twice.
//
// The rule (the SQL of `atlasStats` and the read model apply it alike; README "Statistics by year"):
// - the amounts by year used are those of the initiative's own budget when it has any, else its funders'
//   (a funder's yearly contribution is part of that same budget: the two are never added);
// - each is converted to EUR like the budget — with the Atlas's rate of the initiative's start year (else of
//   the nearest year known, the earlier one on a tie) — and counts Morocco's share like the budget; an
//   amount in a currency without any rate is left out (as if not given);
// - what the years given leave of the counted budget (never below zero) is spread evenly, to the cent, over
//   the active years with no amount given (when every active year has one: over all of them); a budget
//   with no amount by year is spread over all its active years;
// - the active years run from the start year to the end year (no end: this year; never before the start);
//   a year an amount names outside them counts the initiative there too;
// - with no budget known, the years with an amount count it, the other active years count the initiative
//   as "amount unknown"; a component whose larger initiative is counted with a known budget adds 0 to each
//   of its years (its money is in that budget); an initiative with no start year is in the "unknown" row
//   with its whole budget.
// Figures are integer cents, so that the years add up exactly to the budget and both engines agree.
import { sql } from 'drizzle-orm';
import { exchangeRate, initiative, initiativeYearlyAmount } from './atlas.table.ts';

/** An initiative's amount of one year, in EUR cents (Morocco's share), as `yearlyCentsSql` computes it. */
export interface YearCents {
	year: number;
	cents: number;
}

/**
 * Each dated initiative's amounts by year in EUR cents (`id`, `year`, `cents`): its own budget's rows when
 * it has any, else its funders', converted and shared as the statistics count its budget.
 */
export const yearlyCentsSql = sql`select y.initiative_id as id, y.year, round(sum(y.eur) * coalesce(y.morocco_share, 100))::int8 as cents
	from (select ya.initiative_id, ya.year, i.morocco_share,
			case when upper(ya.currency) = 'EUR' then ya.amount
				else round(ya.amount / nullif((select r.per_eur from ${exchangeRate} r where r.currency = upper(ya.currency)
					order by abs(r.year - i.start_year), r.year limit 1), 0), 2) end as eur
		from ${initiativeYearlyAmount} ya join ${initiative} i on i.id = ya.initiative_id
		where i.start_year is not null
			and (ya.organisation_id is null or not exists (select 1 from ${initiativeYearlyAmount} o where o.initiative_id = ya.initiative_id and o.organisation_id is null))) y
	where y.eur is not null
	group by y.initiative_id, y.year, y.morocco_share`;

/** The last active year of an initiative: its end year, else this year, never before its start. */
export function lastActiveYear(startYear: number, endYear: number | null, thisYear: number): number {
	return Math.max(endYear ?? thisYear, startYear);
}

/**
 * The cents an initiative adds to each of its years (null: amount unknown that year), given its counted
 * budget in cents (null: unknown) and its amounts by year. `yearly` is empty for a component counted within
 * a larger initiative, whose `totalCents` is then 0.
 */
export function centsByYear(startYear: number, endYear: number | null, thisYear: number, totalCents: number | null, yearly: readonly YearCents[]): Map<number, number | null> {
	const last = lastActiveYear(startYear, endYear, thisYear);
	const given = new Map(yearly.map((entry) => [entry.year, entry.cents]));
	const years = new Map<number, number | null>();
	const active: number[] = [];
	for (let year = startYear; year <= last; year++) active.push(year);
	for (const year of active) years.set(year, given.get(year) ?? (totalCents === null ? null : 0));
	for (const [year, cents] of given) years.set(year, cents);
	if (totalCents !== null) {
		let placed = 0;
		for (const cents of given.values()) placed += cents;
		const free = active.filter((year) => !given.has(year));
		const takers = free.length ? free : active;
		const rest = Math.max(totalCents - placed, 0);
		const base = Math.floor(rest / takers.length);
		const extra = rest % takers.length;
		takers.forEach((year, index) => years.set(year, years.get(year)! + base + (index < extra ? 1 : 0)));
	}
	return years;
}
