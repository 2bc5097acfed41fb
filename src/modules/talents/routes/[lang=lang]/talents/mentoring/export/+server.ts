import { getApp } from '#platform/app.ts';
import { apiEndpoint } from '#platform/http/api.ts';
import { csvResponse } from '#platform/ui/charts/csv.ts';
import { offerRows, offersCsv, offersXlsx } from '#modules/talents/mentoring/mentoring-export.ts';

/** The listed mentoring offers (the list's filters) as CSV or XLSX (public). */
export const GET = apiEndpoint(async ({ url, locals }) => {
	const app = await getApp();
	const { format, ...filters } = Object.fromEntries(url.searchParams);
	const rows = await offerRows(app.database.db, filters);
	const name = `sharaka-mentoring-${new Date().toISOString().slice(0, 10)}`;
	if (format === 'xlsx') {
		return new Response(new Uint8Array(await offersXlsx(rows, locals.language)), {
			headers: {
				'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
				'Content-Disposition': `attachment; filename="${name}.xlsx"`,
				'X-Content-Type-Options': 'nosniff'
			}
		});
	}
	return csvResponse(offersCsv(rows), `${name}.csv`);
});
