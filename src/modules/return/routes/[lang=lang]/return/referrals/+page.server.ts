import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { answerReferralForm, loadEntryReferrals } from '#platform/casework/casework.web.ts';
import { reintegrationFollowUp } from '#modules/return/reintegration.ts';

/** The referrals to the services of the member's organisations; the contact details shown are an audited read. */
export async function load({ locals, url }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	return loadEntryReferrals(requestContext(await getApp(), locals), reintegrationFollowUp, url);
}

export const actions = {
	status: async ({ request, locals }) => answerReferralForm(requestContext(await getApp(), locals), reintegrationFollowUp, await request.formData())
};
