import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { formAction } from '#platform/http/form.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { partnerAccess, partnerCard, recordDecision } from '#modules/jobs/placement/shortlist.service.ts';

/** One candidate of a partner's shortlist and the partner's decision form (the view is audited). */
export async function load({ locals, params, url }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const ctx = requestContext(await getApp(), locals);
	try {
		const access = await partnerAccess(ctx, params.id);
		const card = await partnerCard(ctx, access, params.candidateId);
		return {
			campaign: { id: access.campaign.id, title: access.campaign.title, lang: access.campaign.lang, status: access.campaign.status },
			card,
			done: url.searchParams.get('done') === '1'
		};
	} catch (failure) {
		if (isAppError(failure) && failure.code === 'not_found') error(404, 'not_found');
		throw failure;
	}
}

export const actions = {
	default: async ({ request, locals, params }) => {
		const ctx = requestContext(await getApp(), locals);
		const data = await request.formData();
		return formAction(
			ctx.language,
			data,
			() => recordDecision(ctx, params.id, params.candidateId, { outcome: data.get('outcome') ?? '', feedback: data.get('feedback') ?? '', feedbackLang: data.get('feedbackLang') ?? '' }),
			{ done: () => ({ decided: true }), conflicts: { campaign_closed: 'shortlist.campaign_closed' } }
		);
	}
};
