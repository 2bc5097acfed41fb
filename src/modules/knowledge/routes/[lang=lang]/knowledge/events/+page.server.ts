import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { listEvents } from '#modules/knowledge/events/event.service.ts';
import { participantCategories } from '#modules/knowledge/events/event.model.ts';

export async function load({ url, locals }) {
	const app = await getApp();
	const ctx = requestContext(app, locals);
	const when = url.searchParams.get('when') === 'past' ? 'past' : 'upcoming';
	const wanted = url.searchParams.get('category') ?? '';
	const category = (participantCategories as readonly string[]).includes(wanted) ? wanted : undefined;
	const events = await listEvents(ctx, { when, category });
	return {
		canEdit: ctx.can('knowledge.edit_events'),
		when,
		category: category ?? '',
		events: events.map((row) => ({ slug: row.slug, title: row.title, startsAt: row.startsAt.toISOString(), endsAt: row.endsAt.toISOString(), place: row.place, online: Boolean(row.onlineUrl), status: row.status, isSample: row.isSample }))
	};
}
