import type { RequestEvent } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { translate } from '#platform/i18n/translator.ts';
import { listEvents } from '#modules/knowledge/events/event.service.ts';
import { eventsIcs } from '#modules/knowledge/events/ics.ts';

/** The upcoming published and cancelled events as one iCalendar feed that calendars subscribe to (public). */
export async function GET({ locals }: Pick<RequestEvent, 'locals'>) {
	const app = await getApp();
	// as a visitor sees them: never an editor's drafts in a feed that anyone may copy
	const rows = (await listEvents(requestContext(app, locals), { when: 'upcoming' })).filter((row) => row.status !== 'draft');
	const base = `${app.settings.publicUrl.replace(/\/$/, '')}/${locals.language}/knowledge/events`;
	return new Response(eventsIcs(rows, locals.language, (row) => `${base}/${row.slug}`, new Date(), `Sharaka — ${translate(locals.language, 'events.title')}`), {
		headers: { 'content-type': 'text/calendar; charset=utf-8', 'cache-control': 'public, max-age=300' }
	});
}
