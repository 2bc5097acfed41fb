import { getApp } from '#platform/app.ts';
import { apiEndpoint } from '#platform/http/api.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { eventPage } from '#modules/knowledge/events/event.service.ts';
import { eventForApi } from '#modules/knowledge/events/registration.service.ts';

/** One event, by slug (a draft: not found but for the editors). */
export const GET = apiEndpoint(async ({ params, locals }) => {
	const ctx = requestContext(await getApp(), locals);
	const { row, organisers } = await eventPage(ctx, params.slug ?? '');
	return Response.json(await eventForApi(ctx, row, organisers.map(({ slug, name }) => ({ slug, name }))));
});
