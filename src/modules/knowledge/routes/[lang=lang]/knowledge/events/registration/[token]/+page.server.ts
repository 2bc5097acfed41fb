import { getApp } from '#platform/app.ts';
import { formAction } from '#platform/http/form.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { cancelRegistration, registrationByToken } from '#modules/knowledge/events/registration.service.ts';

/** A person's registration through their personal link: status, code, calendar, cancel. No sign-in: the link is the key. */
export async function load({ params, url, setHeaders, locals }) {
	// a personal link: never kept by a cache, never sent on as a referrer
	setHeaders({ 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' });
	const registration = await registrationByToken(requestContext(await getApp(), locals).db, params.token);
	return { registration, isNew: url.searchParams.get('new') === '1' };
}

export const actions = {
	cancel: async ({ request, locals, params }) => {
		const ctx = requestContext(await getApp(), locals);
		const data = await request.formData();
		return formAction(ctx.language, data, () => cancelRegistration(ctx, params.token), {
			done: () => ({ cancelled: true }),
			conflicts: { registration_cancelled: 'events.registration_unknown', event_past: 'events.error_event_past' }
		});
	}
};
