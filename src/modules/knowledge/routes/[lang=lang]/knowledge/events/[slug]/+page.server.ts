import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { eventPage } from '#modules/knowledge/events/event.service.ts';
import { eventJsonLd } from '#modules/knowledge/events/json-ld.ts';

export async function load({ params, locals }) {
	const app = await getApp();
	const { row, organisers, documents } = await eventPage(requestContext(app, locals), params.slug).catch((problem) => {
		if (isAppError(problem) && problem.code === 'not_found') error(404, 'not_found');
		throw problem;
	});
	const pageUrl = `${app.settings.publicUrl.replace(/\/$/, '')}/${locals.language}/knowledge/events/${row.slug}`;
	return {
		event: { ...row, startsAt: row.startsAt.toISOString(), endsAt: row.endsAt.toISOString(), createdAt: undefined, updatedAt: undefined },
		organisers,
		documents,
		// `<` escaped so that a title can never close the script element
		jsonLd: eventJsonLd(row, pageUrl, organisers)
	};
}
