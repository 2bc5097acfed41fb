import { error, redirect } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { formAction } from '#platform/http/form.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { eventPage } from '#modules/knowledge/events/event.service.ts';
import { eventJsonLd } from '#modules/knowledge/events/json-ld.ts';
import { placesOf, registerForEvent, registrationIsOpen } from '#modules/knowledge/events/registration.service.ts';

export async function load({ params, locals, url }) {
	const app = await getApp();
	const ctx = requestContext(app, locals);
	const { row, organisers, documents } = await eventPage(ctx, params.slug).catch((problem) => {
		if (isAppError(problem) && problem.code === 'not_found') error(404, 'not_found');
		throw problem;
	});
	const pageUrl = `${app.settings.publicUrl.replace(/\/$/, '')}/${locals.language}/knowledge/events/${row.slug}`;
	const open = registrationIsOpen(row, ctx.now());
	return {
		event: { ...row, startsAt: row.startsAt.toISOString(), endsAt: row.endsAt.toISOString(), createdAt: undefined, updatedAt: undefined },
		organisers,
		documents,
		registration: row.registrationOpen ? { open, places: await placesOf(ctx.db, row) } : null,
		// a signed-in person's name and e-mail, to register in one step
		person: locals.user ? { name: locals.user.name, email: locals.user.email } : null,
		canOrganise: ctx.can('knowledge.edit_events'),
		saved: url.searchParams.get('saved') === '1',
		jsonLd: eventJsonLd(row, pageUrl, organisers)
	};
}

export const actions = {
	register: async ({ request, locals, params }) => {
		const ctx = requestContext(await getApp(), locals);
		const data = await request.formData();
		const answer = await formAction(ctx.language, data, () => registerForEvent(ctx, params.slug, Object.fromEntries(data)), {
			done: (result) => ({ registered: result }),
			conflicts: { already_registered: 'events.error_already_registered', registration_closed: 'events.error_registration_closed' }
		});
		// the personal page of the registration, once; the link is in the e-mail too
		if ('registered' in answer) redirect(303, `/${ctx.language}/knowledge/events/registration/${(answer.registered as { token: string }).token}?new=1`);
		return answer;
	}
};
