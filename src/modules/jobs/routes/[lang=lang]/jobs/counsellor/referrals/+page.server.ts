import { error, fail } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { translate } from '#platform/i18n/translator.ts';
import { referralStatuses, type ReferralStatus } from '#platform/casework/casework.model.ts';
import { answerAgencyReferral, listAgencyReferralsReceived } from '#modules/jobs/counsellors/agency-referrals.service.ts';

/** The referrals associations sent to the counsellor's agencies; the people's contacts shown are an audited read. */
export async function load({ locals, url }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const wanted = url.searchParams.get('status') ?? '';
	const status = (referralStatuses as readonly string[]).includes(wanted) ? (wanted as ReferralStatus) : undefined;
	return { status: status ?? '', referrals: await listAgencyReferralsReceived(requestContext(await getApp(), locals), { status }) };
}

export const actions = {
	status: async ({ request, locals }) => {
		const data = await request.formData();
		try {
			await answerAgencyReferral(requestContext(await getApp(), locals), String(data.get('referralId') ?? ''), { status: String(data.get('status') ?? '') });
			return { done: true };
		} catch (failure) {
			if (isAppError(failure) && (failure.code === 'conflict' || failure.code === 'invalid_input')) {
				return fail(failure.status, { errors: { '': translate(locals.language, 'counsellors.agency_referral_transition') } });
			}
			if (isAppError(failure)) error(failure.status, failure.code);
			throw failure;
		}
	}
};
