import { getApp } from '#platform/app.ts';
import { apiEndpoint, readQuery } from '#platform/http/api.ts';
import { csvResponse } from '#platform/ui/charts/csv.ts';
import { DocumentListQuery } from '#modules/knowledge/knowledge.schemas.ts';
import { libraryCsv, libraryRows, libraryXlsx } from '#modules/knowledge/library-export.ts';

/** The list of the library with the list page's filters, as CSV or XLSX (public). */
export const GET = apiEndpoint(async ({ url, locals }) => {
	const app = await getApp();
	const query = readQuery(url, DocumentListQuery);
	const rows = await libraryRows(app.database.db, query, app.settings.publicUrl.replace(/\/$/, ''), locals.language);
	const name = `sharaka-bibliotheque-${new Date().toISOString().slice(0, 10)}`;
	if (url.searchParams.get('format') === 'xlsx') {
		return new Response(new Uint8Array(await libraryXlsx(rows, locals.language)), {
			headers: {
				'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
				'Content-Disposition': `attachment; filename="${name}.xlsx"`,
				'X-Content-Type-Options': 'nosniff'
			}
		});
	}
	return csvResponse(libraryCsv(rows), `${name}.csv`);
});
