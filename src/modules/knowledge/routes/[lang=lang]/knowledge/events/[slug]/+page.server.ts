import { error, redirect } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { formAction } from '#platform/http/form.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { eventPage } from '#modules/knowledge/events/event.service.ts';
import { eventJsonLd } from '#modules/knowledge/events/json-ld.ts';
import { placesOf, registerForEvent, registrationIsOpen } from '#modules/knowledge/events/registration.service.ts';
import { programmeOf } from '#modules/knowledge/events/programme.service.ts';
import { instantToMoroccoTime } from '#modules/knowledge/events/time.ts';
import { surveysOfEvent } from '#modules/knowledge/surveys/survey.service.ts';

export async function load({ params, locals, url }) {
	const app = await getApp();
	const ctx = requestContext(app, locals);
	const { row, organisers, documents, linked } = await eventPage(ctx, params.slug).catch((problem) => {
		if (isAppError(problem) && problem.code === 'not_found') error(404, 'not_found');
		throw problem;
	});
	const pageUrl = `${app.settings.publicUrl.replace(/\/$/, '')}/${locals.language}/knowledge/events/${row.slug}`;
	const open = registrationIsOpen(row, ctx.now());
	// the event's parts at once (each its own query)
	const [sessions, surveys, places] = await Promise.all([programmeOf(ctx.db, row.id), surveysOfEvent(ctx, row.id), row.registrationOpen ? placesOf(ctx.db, row) : null]);
	// the programme by day (in Morocco)
	const days = new Map<string, { day: string; sessions: { id: string; title: Record<string, string>; kind: string; startsAt: string; endsAt: string; room: string | null; speakers: string[] }[] }>();
	for (const session of sessions) {
		const day = instantToMoroccoTime(session.startsAt).slice(0, 10);
		if (!days.has(day)) days.set(day, { day, sessions: [] });
		days.get(day)!.sessions.push({ id: session.id, title: session.title, kind: session.kind, startsAt: session.startsAt.toISOString(), endsAt: session.endsAt.toISOString(), room: session.room, speakers: session.speakers });
	}
	return {
		event: { ...row, startsAt: row.startsAt.toISOString(), endsAt: row.endsAt.toISOString(), createdAt: undefined, updatedAt: undefined },
		organisers,
		documents,
		linked: linked.map(({ kind, value, label, lang, path, isSample }) => ({ kind, value, label, lang, path, isSample })),
		programme: [...days.values()],
		surveys,
		registration: places ? { open, places } : null,
		// a signed-in person's name and e-mail, to register in one step
		person: locals.user ? { name: locals.user.name, email: locals.user.email } : null,
		canOrganise: ctx.can('knowledge.edit_events'),
		saved: url.searchParams.get('saved') === '1',
		jsonLd: { ...eventJsonLd(row, pageUrl, organisers), subEvent: sessions.map((session) => ({ '@type': 'Event', name: session.title.fr ?? session.title.ar ?? session.title.en, startDate: session.startsAt.toISOString(), endDate: session.endsAt.toISOString(), ...(session.room ? { location: { '@type': 'Place', name: session.room } } : {}), ...(session.speakers.length ? { performer: session.speakers.map((name) => ({ '@type': 'Person', name })) } : {}) })) }
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
