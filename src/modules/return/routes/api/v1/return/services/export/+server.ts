import { getApp } from '#platform/app.ts';
import { apiEndpoint, readQuery } from '#platform/http/api.ts';
import { ServiceExportQuery } from '#modules/return/return.schemas.ts';
import { servicesCsv, servicesXlsx } from '#modules/return/services-export.ts';

/** The finder's filter as a CSV or XLSX file (route policy: public: open data). */
export const GET = apiEndpoint(async ({ url, locals }) => {
	const app = await getApp();
	const { lang, format, ...query } = readQuery(url, ServiceExportQuery);
	const language = lang ?? locals.language;
	if (format === 'xlsx') {
		return new Response(new Uint8Array(await servicesXlsx(app.database.db, query, language)), {
			headers: {
				'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
				'content-disposition': 'attachment; filename="ramre-services.xlsx"'
			}
		});
	}
	return new Response(await servicesCsv(app.database.db, query, language), {
		headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="ramre-services.csv"' }
	});
});
