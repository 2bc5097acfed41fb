import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { answerReferralForm, loadEntryReferrals } from '#platform/casework/casework.web.ts';
import { agencyFollowUp } from '#modules/jobs/counsellors/follow-up.caseload.ts';

/** The referrals to the programmes of the partner's organisations; the contact details shown are an audited read. */
export async function load({ locals, url }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	return loadEntryReferrals(requestContext(await getApp(), locals), agencyFollowUp, url);
}

export const actions = {
	status: async ({ request, locals }) => answerReferralForm(requestContext(await getApp(), locals), agencyFollowUp, await request.formData())
};
