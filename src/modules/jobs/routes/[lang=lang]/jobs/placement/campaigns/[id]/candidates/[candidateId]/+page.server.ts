import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { candidateDetail } from '#modules/jobs/placement/pipeline.service.ts';
import { staffPartnerViews } from '#modules/jobs/placement/shortlist.service.ts';

/** One candidate's path in a campaign: every move, who made it and when (an audited staff read). */
export async function load({ locals, params }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const ctx = requestContext(await getApp(), locals);
	try {
		const { access, candidate, history } = await candidateDetail(ctx, params.id, params.candidateId);
		return {
			campaign: { id: access.campaign.id, title: access.campaign.title, lang: access.campaign.lang },
			candidate: { ...candidate, stageChangedAt: candidate.stageChangedAt.toISOString() },
			history: history.map((move) => ({ ...move, at: move.at.toISOString() })),
			partners: await staffPartnerViews(ctx, access.campaign, candidate.id)
		};
	} catch (failure) {
		if (isAppError(failure) && failure.code === 'not_found') error(404, 'not_found');
		throw failure;
	}
}
