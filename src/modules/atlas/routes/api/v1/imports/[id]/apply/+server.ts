import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { apiEndpoint, readJson } from '#platform/http/api.ts';
import { applyImport, applyEnvOf, importSummary } from '#modules/atlas/import/import.service.ts';
import { ApplyBody } from '#modules/atlas/import/import.schemas.ts';

/** Applies the chosen activities in the background (202); follow with GET /api/v1/imports/{id}. */
export const POST = apiEndpoint(async ({ params, request, locals }) => {
	const app = await getApp();
	const hasBody = (request.headers.get('content-length') ?? '') !== '0' && request.headers.has('content-type');
	const body = hasBody ? await readJson(request, ApplyBody) : {};
	const choice = body.identifiers || body.positions ? { only: { identifiers: body.identifiers, positions: body.positions } } : undefined;
	const view = await applyImport(requestContext(app, locals), applyEnvOf(app), params.id ?? '', choice, body.organisationMatches);
	return Response.json(importSummary(view), { status: 202, headers: { location: `/api/v1/imports/${view.id}`, 'cache-control': 'no-store' } });
});
