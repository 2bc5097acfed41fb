import { getApp } from '#platform/app.ts';
import { apiEndpoint, readQuery } from '#platform/http/api.ts';
import { translate } from '#platform/i18n/translator.ts';
import { toCsv } from '#platform/ui/charts/csv.ts';
import { toXlsx } from '#platform/ui/charts/xlsx.ts';
import { listBodies } from '#modules/strategy/concertation.service.ts';
import { ConcertationFilters } from '#modules/strategy/strategy.schemas.ts';

/** The concertation bodies (the page's country and region filters) as CSV or XLSX, headers in the page's language (public). */
export const GET = apiEndpoint(async ({ url, locals }) => {
	const app = await getApp();
	const language = locals.language;
	const bodies = await listBodies(app.database.db, language, readQuery(url, ConcertationFilters));
	const header = ['slug', ...['concertation_export_name', 'concertation_country', 'concertation_export_country_code', 'concertation_region', 'concertation_export_region_code', 'concertation_status', 'concertation_established_on', 'concertation_follows', 'concertation_export_members', 'concertation_export_last_meeting', 'concertation_export_open_decisions', 'sample_badge'].map((key) => translate(language, `strategy.${key}`))];
	const rows = bodies.map((body) => [
		body.slug,
		body.name,
		body.countryName,
		body.country,
		body.regionName,
		body.region,
		translate(language, `strategy.concertation_status_${body.status}`),
		body.establishedOn ?? '',
		body.strategy?.title ?? '',
		body.members,
		body.lastMeeting ? body.lastMeeting.slice(0, 10) : '',
		body.openDecisions,
		body.isSample ? 'true' : 'false'
	]);
	const headers = { 'cache-control': 'public, max-age=60' };
	if (url.searchParams.get('format') === 'xlsx') {
		return new Response(new Uint8Array(await toXlsx([header, ...rows], { sheet: translate(language, 'strategy.concertation_title'), rightToLeft: language === 'ar' })), {
			headers: { ...headers, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'content-disposition': 'attachment; filename="instances-concertation.xlsx"' }
		});
	}
	return new Response(toCsv([header, ...rows]), { headers: { ...headers, 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="instances-concertation.csv"' } });
});
