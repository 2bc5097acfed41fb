import { getApp } from '#platform/app.ts';
import { apiEndpoint, readQuery } from '#platform/http/api.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { listEvents } from '#modules/knowledge/events/event.service.ts';
import { EventListQuery } from '#modules/knowledge/events/event.schemas.ts';
import { eventForApi, placesOfEvents } from '#modules/knowledge/events/registration.service.ts';

/** Upcoming or past events (drafts for the editors only), with their places when they take registrations (public). */
export const GET = apiEndpoint(async ({ url, locals }) => {
	const ctx = requestContext(await getApp(), locals);
	const query = readQuery(url, EventListQuery);
	const rows = await listEvents(ctx, query);
	const places = await placesOfEvents(ctx.db, rows);
	const items = rows.map((row) => {
		const { description: _description, organisers: _organisers, documents: _documents, sources: _sources, ...summary } = eventForApi(ctx, row, places.get(row.id)!);
		return summary;
	});
	return Response.json({ items });
});
