import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { forPage } from '#platform/http/page.ts';
import { formAction } from '#platform/http/form.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { cancelMyRegistration, myRegistrations } from '#modules/knowledge/events/registration.service.ts';

/** The signed-in person's registrations for events to come: status, code, calendar, cancel. */
export async function load({ locals }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const ctx = requestContext(await getApp(), locals);
	return { registrations: await forPage(myRegistrations(ctx)) };
}

export const actions = {
	cancel: async ({ request, locals }) => {
		const ctx = requestContext(await getApp(), locals);
		const data = await request.formData();
		return formAction(ctx.language, data, () => cancelMyRegistration(ctx, String(data.get('registration') ?? '')), {
			done: () => ({ cancelled: true }),
			conflicts: { registration_cancelled: 'events.registration_unknown', event_past: 'events.error_event_past' }
		});
	}
};
