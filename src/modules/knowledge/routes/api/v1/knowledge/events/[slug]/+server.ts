import { getApp } from '#platform/app.ts';
import { apiEndpoint } from '#platform/http/api.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { eventPage } from '#modules/knowledge/events/event.service.ts';
import { eventForApi, placesOf } from '#modules/knowledge/events/registration.service.ts';
import { programmeOf } from '#modules/knowledge/events/programme.service.ts';

/** One event, by slug (a draft: not found but for the editors). */
export const GET = apiEndpoint(async ({ params, locals }) => {
	const ctx = requestContext(await getApp(), locals);
	const { row, organisers, linked } = await eventPage(ctx, params.slug ?? '');
	const programme = (await programmeOf(ctx.db, row.id)).map((session) => ({
		title: session.title,
		kind: session.kind,
		startsAt: session.startsAt.toISOString(),
		endsAt: session.endsAt.toISOString(),
		room: session.room,
		speakers: session.speakers
	}));
	return Response.json({ ...eventForApi(ctx, row, await placesOf(ctx.db, row), organisers.map(({ slug, name }) => ({ slug, name })), linked), programme });
});
