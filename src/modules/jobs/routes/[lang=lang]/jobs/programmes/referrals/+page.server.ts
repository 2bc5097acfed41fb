import { error, fail } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { translate } from '#platform/i18n/translator.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { formFailureFrom, formValues } from '#platform/http/form.ts';
import { seekerEnvOf } from '#modules/jobs/seekers/seekers.service.ts';
import { listProgrammeReferrals, setReferralStatus } from '#modules/jobs/counsellors/follow-up.service.ts';
import { referralStatuses, type ReferralStatus } from '#modules/jobs/counsellors/counsellors.model.ts';

/** The referrals to the programmes of the partner's organisations; the contact details shown are an audited read. */
export async function load({ locals, url }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	const wanted = url.searchParams.get('status') ?? '';
	const status = (referralStatuses as readonly string[]).includes(wanted) ? (wanted as ReferralStatus) : undefined;
	const referrals = await listProgrammeReferrals(app.database.db, locals.audit, locals.actor, locals.language, { status });
	return {
		status: status ?? '',
		statuses: [...referralStatuses],
		hasOrganisation: (locals.actor?.organisationIds.length ?? 0) > 0,
		referrals: referrals.map(({ seekerUserId: _seeker, counsellorUserId: _counsellor, ...rest }) => rest)
	};
}

export const actions = {
	status: async ({ request, locals }) => {
		const app = await getApp();
		const data = await request.formData();
		try {
			await setReferralStatus(app.database.db, locals.audit, locals.actor, seekerEnvOf(app), String(data.get('referralId') ?? ''), { status: data.get('status') });
		} catch (failure) {
			if (isAppError(failure) && failure.code === 'conflict') {
				return fail(409, { values: formValues(data), errors: { '': translate(locals.language, 'counsellors.error_referral_transition') } });
			}
			if (isAppError(failure) && failure.code === 'not_found') error(404, 'not_found');
			return formFailureFrom(locals.language, failure, data);
		}
		return { done: 'referral_saved' };
	}
};
