import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { getEvent } from '#modules/knowledge/events/event.service.ts';
import { eventIcs } from '#modules/knowledge/events/ics.ts';

export async function GET({ params, locals }) {
	const app = await getApp();
	const row = await getEvent(requestContext(app, locals), params.slug).catch((problem) => {
		if (isAppError(problem) && problem.code === 'not_found') error(404, 'not_found');
		throw problem;
	});
	const pageUrl = `${app.settings.publicUrl.replace(/\/$/, '')}/${locals.language}/knowledge/events/${row.slug}`;
	return new Response(eventIcs(row, locals.language, pageUrl, new Date()), {
		headers: { 'content-type': 'text/calendar; charset=utf-8', 'content-disposition': `attachment; filename="${row.slug}.ics"` }
	});
}
