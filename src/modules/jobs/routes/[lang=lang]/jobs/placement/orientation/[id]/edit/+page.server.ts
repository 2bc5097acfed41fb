import { error, fail, redirect } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { formFailureFrom } from '#platform/http/form.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { translate } from '#platform/i18n/translator.ts';
import { countryName } from '#platform/geo/countries.ts';
import { instantToLocalDateTime } from '#platform/time-zone.ts';
import { cancelSession, sessionForEdit, updateSession } from '#modules/jobs/placement/orientation.service.ts';

/** A session's change form (day, time, place or link, seats…) and its cancellation, before it starts. */
export async function load({ locals, params }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const ctx = requestContext(await getApp(), locals);
	let found;
	try {
		found = await sessionForEdit(ctx, params.id);
	} catch (failure) {
		if (isAppError(failure) && failure.code === 'not_found') error(404, 'not_found');
		throw failure;
	}
	const { session } = found;
	const [date, time] = instantToLocalDateTime(session.startsAt).split('T');
	return {
		session: {
			id: session.id,
			startsAt: session.startsAt.toISOString(),
			country: countryName(session.hostCountry, locals.language),
			status: session.status,
			isSample: session.isSample
		},
		agencyName: found.agencyName,
		registered: found.registered,
		waiting: found.waiting,
		editable: found.editable,
		initial: {
			date,
			time,
			durationMinutes: String(session.durationMinutes),
			place: session.place ?? '',
			onlineUrl: session.onlineUrl ?? '',
			capacity: String(session.capacity),
			language: session.language,
			waitingList: session.waitingList ? 'on' : ''
		}
	};
}

const fieldsOf = (data: FormData) => Object.fromEntries([...data.entries()].filter(([key, value]) => typeof value === 'string' && key !== 'form'));

export const actions = {
	save: async ({ request, locals, params }) => {
		const ctx = requestContext(await getApp(), locals);
		const data = await request.formData();
		let result;
		try {
			result = await updateSession(ctx, params.id, fieldsOf(data));
		} catch (failure) {
			if (isAppError(failure) && failure.code === 'not_found') error(404, 'not_found');
			return formFailureFrom(ctx.language, failure, data);
		}
		redirect(303, `/${ctx.language}/jobs/placement/orientation/${params.id}?done=updated&told=${result.told}&promoted=${result.promoted}`);
	},
	cancel: async ({ request, locals, params }) => {
		const ctx = requestContext(await getApp(), locals);
		const data = await request.formData();
		if (data.get('confirm') !== 'on') return fail(400, { values: { form: 'cancel' }, errors: { confirm: translate(ctx.language, 'departure.field_cancel_confirm') } });
		let result;
		try {
			result = await cancelSession(ctx, params.id);
		} catch (failure) {
			if (isAppError(failure) && failure.code === 'not_found') error(404, 'not_found');
			return formFailureFrom(ctx.language, failure, data);
		}
		redirect(303, `/${ctx.language}/jobs/placement/orientation/${params.id}?done=cancelled&cancelled=${result.cancelled}&told=${result.told}`);
	}
};
