import { getApp } from '#platform/app.ts';
import { apiEndpoint } from '#platform/http/api.ts';
import { csvResponse } from '#platform/ui/charts/csv.ts';
import { networkRows, networksCsv, networksXlsx } from '#modules/talents/networks-export.ts';

/** The networks as CSV or XLSX (public). */
export const GET = apiEndpoint(async ({ url, locals }) => {
	const app = await getApp();
	const rows = await networkRows(app.database.db);
	const name = `sharaka-reseaux-talents-${new Date().toISOString().slice(0, 10)}`;
	if (url.searchParams.get('format') === 'xlsx') {
		return new Response(new Uint8Array(await networksXlsx(rows, locals.language)), {
			headers: {
				'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
				'Content-Disposition': `attachment; filename="${name}.xlsx"`,
				'X-Content-Type-Options': 'nosniff'
			}
		});
	}
	return csvResponse(networksCsv(rows), `${name}.csv`);
});
