import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { listOccupationGroups } from '#modules/jobs/jobs.service.ts';
import { hostMarkets } from '#modules/jobs/placement/placement-dashboard.ts';
import { marketCharts } from '#modules/jobs/placement/placement-pages.ts';
import { statisticsView } from '#modules/jobs/placement/statistics.service.ts';

/** The division's host-markets dashboard (samples left out unless asked). */
export async function load({ locals, url }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const ctx = requestContext(await getApp(), locals);
	const samples = url.searchParams.get('samples') === 'yes';
	const [markets, groups] = await Promise.all([hostMarkets(ctx, { samples }), listOccupationGroups(ctx.db, locals.language)]);
	// the pipeline's people by host country, exact (the division's own figures; the public page suppresses small counts)
	const people = await statisticsView(ctx.db, locals.language, { samples, suppress: false });
	const format = new Intl.NumberFormat(locals.language);
	const byCountry = people.breakdowns.find((item) => item.dimension === 'country')!.rows.filter((row) => row.candidates);
	return {
		...marketCharts(markets, locals.language, new Map(groups.filter((group) => group.level === 1).map((group) => [group.code, group.title]))),
		people: byCountry.map((row) => ({ label: row.label, value: row.candidates ?? 0, display: format.format(row.candidates ?? 0), extra: [format.format(row.departures ?? 0), format.format(row.returns ?? 0)] }))
	};
}
