import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { forPage } from '#platform/http/page.ts';
import { formAction } from '#platform/http/form.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { checkIn, eventRegistrations } from '#modules/knowledge/events/registration.service.ts';

/** The organisers' list of an event's registrations, the counts by category and the check-in at the door. */
export async function load({ locals, params }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const ctx = requestContext(await getApp(), locals);
	const { row, ...list } = await forPage(eventRegistrations(ctx, params.slug));
	return { event: { slug: row.slug, title: row.title, startsAt: row.startsAt.toISOString() }, ...list };
}

export const actions = {
	checkIn: async ({ request, locals, params }) => {
		const ctx = requestContext(await getApp(), locals);
		const data = await request.formData();
		return formAction(ctx.language, data, () => checkIn(ctx, params.slug, Object.fromEntries(data)), {
			done: (person) => ({ checkedIn: person.name }),
			conflicts: {
				unknown_code: 'events.check_in_unknown_code',
				already_checked_in: 'events.check_in_already',
				registration_waiting: 'events.check_in_waiting'
			}
		});
	}
};
