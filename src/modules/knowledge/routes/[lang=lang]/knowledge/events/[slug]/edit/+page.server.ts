import { error, redirect } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { forPage } from '#platform/http/page.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { getEvent, updateEvent } from '#modules/knowledge/events/event.service.ts';
import { eventFailure, eventFormChoices, eventFormValues, eventFromForm } from '#modules/knowledge/events/event-form.ts';

/** An editor changes an event: its facts, status (publish, cancel), registration and capacity. */
export async function load({ locals, params }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	const row = await forPage(getEvent(requestContext(app, locals), params.slug));
	return { slug: row.slug, title: row.title, values: eventFormValues(row), choices: await eventFormChoices(app.database.db, locals.language) };
}

export const actions = {
	default: async ({ request, locals, params }) => {
		const ctx = requestContext(await getApp(), locals);
		const form = await request.formData();
		const { values, input } = eventFromForm(form);
		try {
			await updateEvent(ctx, params.slug, input);
		} catch (failure) {
			return eventFailure(ctx.language, failure, form, values);
		}
		redirect(303, `/${ctx.language}/knowledge/events/${params.slug}?saved=1`);
	}
};
