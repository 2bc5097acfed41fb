import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { translate } from '#platform/i18n/translator.ts';
import { statisticsView } from '#modules/jobs/placement/statistics.service.ts';

/** The public statistics of international placement, small counts suppressed, samples only when asked; described as a Dataset. */
export async function load({ locals, url }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const ctx = requestContext(await getApp(), locals);
	const samples = url.searchParams.get('samples') === 'include';
	const view = await statisticsView(ctx.db, locals.language, { samples });
	const base = `${ctx.publicUrl}/${locals.language}/jobs/placement/statistics`;
	return {
		...view,
		jsonLd: {
			'@context': 'https://schema.org',
			'@type': 'Dataset',
			name: translate(locals.language, 'placement_stats.title'),
			description: translate(locals.language, 'placement_stats.intro'),
			inLanguage: locals.language,
			url: base,
			isAccessibleForFree: true,
			distribution: [
				{ '@type': 'DataDownload', encodingFormat: 'text/csv', contentUrl: `${base}/export?format=csv` },
				{ '@type': 'DataDownload', encodingFormat: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', contentUrl: `${base}/export?format=xlsx` },
				{ '@type': 'DataDownload', encodingFormat: 'application/json', contentUrl: `${ctx.publicUrl}/api/v1/placement/statistics` }
			]
		}
	};
}
