import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { listOccupationGroups } from '#modules/jobs/jobs.service.ts';
import { hostMarkets } from '#modules/jobs/placement/placement-dashboard.ts';
import { marketCharts } from '#modules/jobs/placement/placement-pages.ts';

/** The division's host-markets dashboard (samples left out unless asked). */
export async function load({ locals, url }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const ctx = requestContext(await getApp(), locals);
	const samples = url.searchParams.get('samples') === 'yes';
	const [markets, groups] = await Promise.all([hostMarkets(ctx, { samples }), listOccupationGroups(ctx.db, locals.language)]);
	return marketCharts(markets, locals.language, new Map(groups.filter((group) => group.level === 1).map((group) => [group.code, group.title])));
}
