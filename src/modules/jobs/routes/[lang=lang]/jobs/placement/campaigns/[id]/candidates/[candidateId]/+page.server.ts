import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { formAction } from '#platform/http/form.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { candidateDetail } from '#modules/jobs/placement/pipeline.service.ts';
import { correctionsFor, correctMove } from '#modules/jobs/placement/correction.service.ts';
import { staffPartnerViews } from '#modules/jobs/placement/shortlist.service.ts';

/** One candidate's path in a campaign: every move (corrections marked), who made it and when (an audited staff read); correcting the last move. */
export async function load({ locals, params, url }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const ctx = requestContext(await getApp(), locals);
	try {
		const { access, candidate, history } = await candidateDetail(ctx, params.id, params.candidateId);
		const corrections = await correctionsFor(ctx, access, [candidate]);
		return {
			campaign: { id: access.campaign.id, title: access.campaign.title, lang: access.campaign.lang },
			candidate: { ...candidate, stageChangedAt: candidate.stageChangedAt.toISOString() },
			history: history.map((move) => ({ ...move, at: move.at.toISOString() })),
			correction: corrections.get(candidate.id) ?? null,
			// the list's "correct this step" link unfolds the form
			openCorrection: url.searchParams.has('correct'),
			partners: await staffPartnerViews(ctx, access.campaign, candidate.id)
		};
	} catch (failure) {
		if (isAppError(failure) && failure.code === 'not_found') error(404, 'not_found');
		throw failure;
	}
}

export const actions = {
	correct: async ({ request, locals, params }) => {
		const ctx = requestContext(await getApp(), locals);
		const data = await request.formData();
		return formAction(ctx.language, data, () => correctMove(ctx, params.id, params.candidateId, { reason: data.get('reason') ?? '', moveId: data.get('moveId') ?? '' }), {
			done: (result) => ({ corrected: result }),
			conflicts: { campaign_closed: 'campaigns.campaign_closed', correction_stale: 'campaigns.correction_stale' }
		});
	}
};
