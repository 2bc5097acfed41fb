import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { atlasReads } from '#modules/atlas/atlas-reads.ts';
import { csvResponse, toCsv } from '#platform/ui/charts/csv.ts';
import { CHARTS, dashboardData, type ChartName } from '#modules/atlas/web/atlas-pages.server.ts';
import { chartTable } from '#modules/atlas/web/dashboard-tables.ts';
import { parseState, readState, statisticsState } from '#modules/atlas/web/filters.ts';

/** One dashboard chart's data as CSV, for the same filters as the dashboard (header row in the page language). */
export async function GET({ locals, params, url }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	if (!(CHARTS as readonly string[]).includes(params.chart)) error(404, 'not_found');
	const parsed = parseState(locals.language, statisticsState(readState(url)));
	if (!parsed.ok) error(400, 'invalid_input');
	const atlas = await atlasReads(await getApp());
	const data = await atlas.read(`dashboard ${JSON.stringify(parsed.query)}`, () => dashboardData(atlas.db, parsed.query));
	const chart = params.chart as ChartName;
	return csvResponse(toCsv(chartTable(locals.language, chart, data)), `atlas-${chart}-${locals.language}.csv`);
}
