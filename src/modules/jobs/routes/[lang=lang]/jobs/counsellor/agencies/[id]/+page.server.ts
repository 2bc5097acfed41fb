import { error, fail } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { translate } from '#platform/i18n/translator.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { formFailureFrom, formValues } from '#platform/http/form.ts';
import { forPage } from '#platform/http/page.ts';
import { requestContext } from '#platform/http/request-context.ts';
import {
	agencySeekerCounts,
	agencyView,
	assignCounsellor,
	getAgency,
	listAgencyCounsellors,
	removeCounsellor,
	setAgencyStatus,
	updateAgency
} from '#modules/jobs/counsellors/agencies.service.ts';
import { agencyInputFrom, agencyPlaceOptions } from '../agency-form.ts';

const notices = ['created'];

export async function load({ locals, params, url }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const ctx = requestContext(await getApp(), locals);
	const agency = await forPage(getAgency(ctx, params.id));
	const [counsellors, seekers] = await Promise.all([listAgencyCounsellors(ctx, agency.id), agencySeekerCounts(ctx)]);
	const done = url.searchParams.get('done') ?? '';
	return {
		agency: agencyView(agency),
		counsellors: counsellors.map((row) => ({ ...row, since: row.since.toISOString() })),
		seekers: seekers.get(agency.id) ?? 0,
		canAudit: ctx.can('audit.read'),
		done: notices.includes(done) ? done : '',
		...agencyPlaceOptions(locals.language)
	};
}

/** Messages for the known refusals of the counsellor forms. */
const reasons: Record<string, string> = {
	unknown_email: 'counsellors.error_unknown_email',
	not_counsellor: 'counsellors.error_not_counsellor',
	already_assigned: 'counsellors.error_already_assigned'
};

function failure(language: App.Locals['language'], thrown: unknown, data: FormData) {
	if (isAppError(thrown)) {
		const reason = thrown.extra?.reason;
		if (typeof reason === 'string' && reasons[reason]) {
			return fail(thrown.status, { values: formValues(data), errors: { counsellorEmail: translate(language, reasons[reason]) } });
		}
	}
	const result = formFailureFrom(language, thrown, data);
	// the counsellor form's field is `counsellorEmail` (the agency form has its own `email`)
	if (data.get('_form') === 'add_counsellor' && result.data.errors.email) {
		const { email, ...rest } = result.data.errors;
		result.data.errors = { ...rest, counsellorEmail: email };
	}
	return fail(result.status, result.data);
}

export const actions = {
	update: async ({ request, locals, params }) => {
		const data = await request.formData();
		try {
			await updateAgency(requestContext(await getApp(), locals), params.id, agencyInputFrom(data));
		} catch (thrown) {
			return failure(locals.language, thrown, data);
		}
		return { done: 'updated' };
	},
	status: async ({ request, locals, params }) => {
		const data = await request.formData();
		try {
			await setAgencyStatus(requestContext(await getApp(), locals), params.id, { status: data.get('status') });
		} catch (thrown) {
			return failure(locals.language, thrown, data);
		}
		return { done: data.get('status') === 'closed' ? 'closed' : 'reopened' };
	},
	addCounsellor: async ({ request, locals, params }) => {
		const data = await request.formData();
		try {
			await assignCounsellor(requestContext(await getApp(), locals), params.id, { email: String(data.get('counsellorEmail') ?? '').trim() });
		} catch (thrown) {
			return failure(locals.language, thrown, data);
		}
		return { done: 'counsellor_added' };
	},
	removeCounsellor: async ({ request, locals, params }) => {
		const data = await request.formData();
		try {
			await removeCounsellor(requestContext(await getApp(), locals), params.id, String(data.get('userId') ?? ''));
		} catch (thrown) {
			return failure(locals.language, thrown, data);
		}
		return { done: 'counsellor_removed' };
	}
};
