import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { translate } from '#platform/i18n/translator.ts';
import { sampleCaseCount } from '#modules/return/reintegration.ts';
import { statisticsView } from '#modules/return/statistics-view.ts';

/** The joint platform's pooled statistics across operators, small counts suppressed, samples only when asked; described as a Dataset. */
export async function load({ locals, url }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const ctx = requestContext(await getApp(), locals);
	// the fictional sample cases only when asked for (`?samples=include`)
	const samples = url.searchParams.get('samples') === 'include';
	const [view, sampleCases] = await Promise.all([statisticsView(ctx.db, locals.language, samples), sampleCaseCount(ctx.db)]);
	const base = `${ctx.publicUrl}/${locals.language}/return/statistics`;
	const dataset = {
		'@context': 'https://schema.org',
		'@type': 'Dataset',
		name: translate(locals.language, 'return.stats_title'),
		description: translate(locals.language, 'return.stats_intro'),
		inLanguage: locals.language,
		url: base,
		isAccessibleForFree: true,
		spatialCoverage: { '@type': 'Country', name: 'Morocco' },
		distribution: [
			{ '@type': 'DataDownload', encodingFormat: 'text/csv', contentUrl: `${base}/export?format=csv` },
			{ '@type': 'DataDownload', encodingFormat: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', contentUrl: `${base}/export?format=xlsx` },
			{ '@type': 'DataDownload', encodingFormat: 'application/json', contentUrl: `${ctx.publicUrl}/api/v1/return/statistics` }
		]
	};
	return {
		samples,
		sampleCases,
		...view,
		jsonLd: dataset
	};
}
