import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { apiEndpoint, readQuery } from '#platform/http/api.ts';
import { getImport, importSummary } from '#modules/atlas/import/import.service.ts';
import { ImportQuery } from '#modules/atlas/import/import.schemas.ts';

/** An import's progress and results, with one page of its activities. */
export const GET = apiEndpoint(async ({ params, url, locals }) => {
	const app = await getApp();
	const query = readQuery(url, ImportQuery);
	const detail = await getImport(requestContext(app, locals), params.id ?? '', query);
	return Response.json(
		{ ...importSummary(detail.import), organisationMatches: detail.organisationMatches, fieldConflicts: detail.fieldConflicts, total: detail.total, page: detail.page, pageSize: detail.pageSize, activities: detail.activities },
		{ headers: { 'cache-control': 'no-store' } }
	);
});
