import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { asList, formAction } from '#platform/http/form.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { countryName } from '#platform/geo/countries.ts';
import { ATTENDANCE_OPENS_MINUTES, cancelRegistrationByStaff, recordAttendance, registerByStaff, sessionDetail } from '#modules/jobs/placement/orientation.service.ts';

/** A session: its people (registered, waiting), staff registering someone or cancelling one's registration, attendance from half an hour before the start. */
export async function load({ locals, params, url }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const ctx = requestContext(await getApp(), locals);
	let detail;
	try {
		detail = await sessionDetail(ctx, params.id);
	} catch (failure) {
		if (isAppError(failure) && failure.code === 'not_found') error(404, 'not_found');
		throw failure;
	}
	const { session } = detail;
	return {
		session: {
			id: session.id,
			startsAt: session.startsAt.toISOString(),
			durationMinutes: session.durationMinutes,
			country: countryName(session.hostCountry, locals.language),
			hostCountry: session.hostCountry,
			place: session.place,
			onlineUrl: session.onlineUrl,
			language: session.language,
			capacity: session.capacity,
			waitingList: session.waitingList,
			isSample: session.isSample,
			status: session.status
		},
		agencyName: detail.agencyName,
		started: detail.started,
		attendanceOpen: detail.attendanceOpen,
		attendanceOpensMinutes: ATTENDANCE_OPENS_MINUTES,
		people: detail.people.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() })),
		done: url.searchParams.get('done'),
		counts: { told: Number(url.searchParams.get('told') ?? 0) || 0, promoted: Number(url.searchParams.get('promoted') ?? 0) || 0, cancelled: Number(url.searchParams.get('cancelled') ?? 0) || 0 }
	};
}

export const actions = {
	register: async ({ request, locals, params }) => {
		const ctx = requestContext(await getApp(), locals);
		const data = await request.formData();
		return formAction(ctx.language, data, () => registerByStaff(ctx, params.id, { email: String(data.get('email') ?? '').trim() }), {
			done: (result) => ({ registered: result.already ? 'already' : result.registration.status })
		});
	},
	/** cancels one person's registration at their request; the first person waiting takes a freed seat */
	cancelRegistration: async ({ request, locals, params }) => {
		const ctx = requestContext(await getApp(), locals);
		const data = await request.formData();
		return formAction(ctx.language, data, () => cancelRegistrationByStaff(ctx, params.id, String(data.get('registrationId') ?? '')), { done: (result) => ({ registrationCancelled: result.promoted ? 'promoted' : 'freed' }) });
	},
	attendance: async ({ request, locals, params }) => {
		const ctx = requestContext(await getApp(), locals);
		const data = await request.formData();
		return formAction(ctx.language, data, () => recordAttendance(ctx, params.id, { attended: asList(data.getAll('attended')) }), { done: (result) => ({ attendance: result }) });
	}
};
