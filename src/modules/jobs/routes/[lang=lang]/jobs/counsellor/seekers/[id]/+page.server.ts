import { error, fail } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { translate } from '#platform/i18n/translator.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { formFailureFrom, formValues } from '#platform/http/form.ts';
import { instantToLocalDateTime } from '#platform/time-zone.ts';
import { seekerEnvOf } from '#modules/jobs/seekers/seekers.service.ts';
import {
	addNote,
	deleteNote,
	nextReferralStatuses,
	openFollowUp,
	planAppointment,
	setAppointmentStatus,
	setReferralStatus
} from '#modules/jobs/counsellors/follow-up.service.ts';
import { appointmentModes, appointmentStatuses } from '#modules/jobs/counsellors/counsellors.model.ts';

const notices = ['referral_sent'];

/** A person's follow-up file; opening it is an audited read of their profile. */
export async function load({ locals, params, url }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	try {
		const file = await openFollowUp(app.database.db, locals.audit, locals.actor, params.id, locals.language);
		const done = url.searchParams.get('done') ?? '';
		return {
			file: { ...file, referrals: file.referrals.map((item) => ({ ...item, next: nextReferralStatuses(item.status) })) },
			modes: [...appointmentModes],
			statuses: [...appointmentStatuses],
			// a new appointment's field starts at tomorrow 10:00, Morocco time
			defaultStart: `${instantToLocalDateTime(new Date(Date.now() + 24 * 3600_000)).slice(0, 10)}T10:00`,
			done: notices.includes(done) ? done : ''
		};
	} catch (failure) {
		if (isAppError(failure)) error(failure.status === 403 ? 403 : 404, failure.code);
		throw failure;
	}
}

type Language = App.Locals['language'];

/** A failed form: which form (`_form`), its values and messages; known conflicts get their own message. */
function failure(language: Language, thrown: unknown, data: FormData) {
	if (isAppError(thrown) && thrown.code === 'not_found') error(404, 'not_found');
	if (isAppError(thrown) && thrown.code === 'conflict' && thrown.extra?.reason === 'referral_transition') {
		return fail(409, { values: formValues(data), errors: { '': translate(language, 'counsellors.error_referral_transition') } });
	}
	if (isAppError(thrown) && thrown.extra?.reason === 'in_the_past') {
		return fail(400, { values: formValues(data), errors: { startsAt: translate(language, 'counsellors.error_in_the_past') } });
	}
	const result = formFailureFrom(language, thrown, data);
	return result;
}

async function run(locals: App.Locals, data: FormData, action: () => Promise<unknown>, done: string) {
	try {
		await action();
	} catch (thrown) {
		return failure(locals.language, thrown, data);
	}
	return { done };
}

export const actions = {
	note: async ({ request, locals, params }) => {
		const app = await getApp();
		const data = await request.formData();
		return run(locals, data, () => addNote(app.database.db, locals.audit, locals.actor, params.id, { body: data.get('body') }), 'note_added');
	},
	deleteNote: async ({ request, locals, params }) => {
		const app = await getApp();
		const data = await request.formData();
		return run(locals, data, () => deleteNote(app.database.db, locals.audit, locals.actor, params.id, String(data.get('noteId') ?? '')), 'note_deleted');
	},
	appointment: async ({ request, locals, params }) => {
		const app = await getApp();
		const data = await request.formData();
		const input = { startsAt: data.get('startsAt'), mode: data.get('mode'), purpose: data.get('purpose') };
		return run(locals, data, () => planAppointment(app.database.db, locals.audit, locals.actor, seekerEnvOf(app), params.id, input), 'appointment_planned');
	},
	appointmentStatus: async ({ request, locals, params }) => {
		const app = await getApp();
		const data = await request.formData();
		const id = String(data.get('appointmentId') ?? '');
		return run(
			locals,
			data,
			() => setAppointmentStatus(app.database.db, locals.audit, locals.actor, seekerEnvOf(app), params.id, id, { status: data.get('status') }),
			'appointment_saved'
		);
	},
	referralStatus: async ({ request, locals }) => {
		const app = await getApp();
		const data = await request.formData();
		const id = String(data.get('referralId') ?? '');
		return run(locals, data, () => setReferralStatus(app.database.db, locals.audit, locals.actor, seekerEnvOf(app), id, { status: data.get('status') }), 'referral_saved');
	}
};
