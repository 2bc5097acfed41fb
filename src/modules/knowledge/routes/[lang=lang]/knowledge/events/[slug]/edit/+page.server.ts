import { error, fail, redirect } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { forPage } from '#platform/http/page.ts';
import { formAction, formFailureFrom, formValues } from '#platform/http/form.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { instantToMoroccoTime } from '#modules/knowledge/events/time.ts';
import { getEvent, updateEvent } from '#modules/knowledge/events/event.service.ts';
import { eventFailure, eventFormChoices, eventFormValues, eventFromForm } from '#modules/knowledge/events/event-form.ts';
import { addSession, programmeOf, removeSession, sessionFromForm } from '#modules/knowledge/events/programme.service.ts';
import { sessionKinds } from '#modules/knowledge/events/event.model.ts';
import { translate } from '#platform/i18n/translator.ts';

/** An editor changes an event: its facts, status (publish, cancel), registration and capacity, and its programme. */
export async function load({ locals, params, url }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	const row = await forPage(getEvent(requestContext(app, locals), params.slug));
	const sessions = await programmeOf(app.database.db, row.id);
	return {
		slug: row.slug,
		title: row.title,
		values: eventFormValues(row),
		choices: await eventFormChoices(app.database.db, locals.language),
		kinds: sessionKinds.map((kind) => ({ value: kind, label: translate(locals.language, `events.session_${kind}`) })),
		// a new session starts on the event's first day
		eventStart: instantToMoroccoTime(row.startsAt),
		sessions: sessions.map((session) => ({ id: session.id, title: session.title, kind: session.kind, startsAt: session.startsAt.toISOString(), endsAt: session.endsAt.toISOString(), room: session.room, speakers: session.speakers })),
		sessionAdded: url.searchParams.get('session') === 'added'
	};
}

/** The session form's fields, for a problem at a path of the session's data. */
const sessionField = (path: string) => (path.startsWith('title') ? 'session_title_fr' : path === 'startsAt' ? 'sessionStartsAt' : path === 'endsAt' ? 'sessionEndsAt' : path.split('.')[0]);

export const actions = {
	save: async ({ request, locals, params }) => {
		const ctx = requestContext(await getApp(), locals);
		const form = await request.formData();
		const { values, input } = eventFromForm(form);
		try {
			await updateEvent(ctx, params.slug, input);
		} catch (failure) {
			return eventFailure(ctx.language, failure, form, values);
		}
		redirect(303, `/${ctx.language}/knowledge/events/${params.slug}?saved=1`);
	},
	addSession: async ({ request, locals, params }) => {
		const ctx = requestContext(await getApp(), locals);
		const form = await request.formData();
		try {
			await addSession(ctx, params.slug, sessionFromForm(form));
		} catch (failure) {
			const refused = formFailureFrom(ctx.language, failure, form);
			const errors: Record<string, string> = {};
			for (const [path, message] of Object.entries(refused.data.errors as Record<string, string>)) errors[sessionField(path)] ??= message;
			return fail(refused.status, { session: true, values: formValues(form), errors });
		}
		redirect(303, `/${ctx.language}/knowledge/events/${params.slug}/edit?session=added#programme-title`);
	},
	removeSession: async ({ request, locals, params }) => {
		const ctx = requestContext(await getApp(), locals);
		const form = await request.formData();
		return formAction(ctx.language, form, () => removeSession(ctx, params.slug, String(form.get('session') ?? '')), { done: () => ({ sessionRemoved: true }) });
	}
};
