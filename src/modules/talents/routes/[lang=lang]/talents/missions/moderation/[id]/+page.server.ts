import { decisionActions, loadReview } from '#platform/moderation/proposal-pages.ts';
import { missionProposals, proposalPreview } from '#modules/talents/missions/missions.service.ts';
import { missionPage } from '#modules/talents/missions/missions-pages.ts';

/** A mission proposed: who sent it, the mission as it would be published, and the decision while it waits. */
export const load = async (event) => {
	const { app, review, proposal } = await loadReview(event, missionProposals);
	return {
		proposal,
		// a change to a published mission (a new mission once approved has a subject too, but no base version)
		subject: review.subject && review.proposal.baseVersion !== null ? { slug: review.subject.slug, version: review.proposal.baseVersion } : null,
		stale: review.stale,
		changed: review.fromBase.map((change) => change.field),
		mission: await missionPage(app.database.db, event.locals.language, await proposalPreview(app.database.db, review.proposal.data))
	};
};

export const actions = decisionActions(missionProposals, { approved: (published) => ({ slug: published.slug }) });
