import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { translate } from '#platform/i18n/translator.ts';
import { csvResponse } from '#platform/ui/charts/csv.ts';
import { xlsxResponse } from '#platform/ui/charts/xlsx.ts';
import { statisticsCsv, statisticsXlsx } from '#modules/jobs/placement/statistics.service.ts';

/** The placement statistics as open data: one table, CSV by default, `format=xlsx`; samples only with `samples=include`. */
export async function GET({ url, locals }) {
	const format = url.searchParams.get('format') ?? 'csv';
	if (format !== 'csv' && format !== 'xlsx') error(400, 'invalid_input');
	const samples = url.searchParams.get('samples') === 'include';
	const { db } = (await getApp()).database;
	const name = `${translate(locals.language, 'placement_stats.sheet')}${samples ? '-samples' : ''}`;
	return format === 'xlsx' ? xlsxResponse(await statisticsXlsx(db, locals.language, samples), name) : csvResponse(await statisticsCsv(db, locals.language, samples), `${name}.csv`);
}
