import { error, redirect } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { createEvent } from '#modules/knowledge/events/event.service.ts';
import { eventFailure, eventFormChoices, eventFromForm } from '#modules/knowledge/events/event-form.ts';

/** An editor creates an event (a draft unless published at once). */
export async function load({ locals }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	return { choices: await eventFormChoices((await getApp()).database.db, locals.language) };
}

export const actions = {
	default: async ({ request, locals }) => {
		const ctx = requestContext(await getApp(), locals);
		const form = await request.formData();
		const { values, input } = eventFromForm(form);
		let slug: string;
		try {
			slug = (await createEvent(ctx, input)).slug;
		} catch (failure) {
			return eventFailure(ctx.language, failure, form, values);
		}
		redirect(303, `/${ctx.language}/knowledge/events/${slug}?saved=1`);
	}
};
