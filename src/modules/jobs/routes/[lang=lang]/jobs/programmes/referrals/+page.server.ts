import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { answerReferralForm, loadEntryReferrals } from '#platform/casework/casework.web.ts';
import { caseloadOfReferral } from '#platform/casework/casework.service.ts';
import { agencyFollowUp } from '#modules/jobs/counsellors/follow-up.caseload.ts';
import { placementFollowUp } from '#modules/jobs/placement/mobility.caseload.ts';

/**
 * The referrals to the programmes of the partner's organisations, from ANAPEC's agencies and from its mobility
 * counsellors (two caseloads, one directory), newest first; the contact details shown are an audited read.
 */
export async function load({ locals, url }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const ctx = requestContext(await getApp(), locals);
	const [agencies, mobility] = await Promise.all([loadEntryReferrals(ctx, agencyFollowUp, url), loadEntryReferrals(ctx, placementFollowUp, url)]);
	return { ...agencies, referrals: [...agencies.referrals, ...mobility.referrals].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id)) };
}

export const actions = {
	status: async ({ request, locals }) => {
		const ctx = requestContext(await getApp(), locals);
		const data = await request.formData();
		const key = await caseloadOfReferral(ctx.db, String(data.get('referralId') ?? ''));
		return answerReferralForm(ctx, key === placementFollowUp.key ? placementFollowUp : agencyFollowUp, data);
	}
};
