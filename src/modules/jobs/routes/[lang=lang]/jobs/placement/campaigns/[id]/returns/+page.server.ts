import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { formAction } from '#platform/http/form.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { countryName } from '#platform/geo/countries.ts';
import { campaignInvitations, decideEligibility, eligibleReturnees, inviteReturnees, recordReturn, seasonReturns } from '#modules/jobs/placement/circular.service.ts';

const conflicts = { campaign_closed: 'campaigns.campaign_closed' };
const fields = (data: FormData, names: string[]) => Object.fromEntries(names.map((name) => [name, data.get(name) ?? '']));

/** A seasonal campaign's returns (record them, decide re-hire) and the invitations of earlier seasons' returnees. */
export async function load({ locals, params }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const ctx = requestContext(await getApp(), locals);
	let found;
	try {
		found = await seasonReturns(ctx, params.id);
	} catch (failure) {
		if (isAppError(failure) && failure.code === 'not_found') error(404, 'not_found');
		throw failure;
	}
	const { campaign } = found.access;
	const [invitees, invitations] = await Promise.all([eligibleReturnees(ctx, params.id), campaignInvitations(ctx, found.access)]);
	return {
		campaign: { id: campaign.id, title: campaign.title, lang: campaign.lang, country: countryName(campaign.hostCountry, locals.language), region: campaign.hostRegion, status: campaign.status, isSample: campaign.isSample },
		rows: found.rows,
		invitees,
		invitations: invitations.map((row) => ({ ...row, invitedAt: row.invitedAt.toISOString(), answeredAt: row.answeredAt?.toISOString() ?? null }))
	};
}

export const actions = {
	record: async ({ request, locals, params }) => {
		const ctx = requestContext(await getApp(), locals);
		const data = await request.formData();
		return formAction(ctx.language, data, () => recordReturn(ctx, params.id, fields(data, ['candidateId', 'outcome', 'returnedOn', 'earlyReason', 'note'])), { done: () => ({ recorded: true }) });
	},
	eligibility: async ({ request, locals, params }) => {
		const ctx = requestContext(await getApp(), locals);
		const data = await request.formData();
		return formAction(ctx.language, data, () => decideEligibility(ctx, params.id, fields(data, ['candidateId', 'eligible'])), { done: () => ({ decided: true }) });
	},
	invite: async ({ request, locals, params }) => {
		const ctx = requestContext(await getApp(), locals);
		const data = await request.formData();
		return formAction(ctx.language, data, () => inviteReturnees(ctx, params.id, data.getAll('candidateIds')), { done: (result) => ({ invited: result.invited }), conflicts });
	}
};
