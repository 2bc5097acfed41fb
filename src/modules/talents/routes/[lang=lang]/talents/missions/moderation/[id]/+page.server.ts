import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { translate } from '#platform/i18n/translator.ts';
import { notifyOf } from '#platform/moderation/notify.ts';
import { approveProposal, rejectProposal, requestChanges, reviewProposal } from '#platform/moderation/moderation.service.ts';
import { missionProposals, proposalPreview } from '#modules/talents/missions/missions.service.ts';
import { missionPage } from '#modules/talents/missions/missions-pages.ts';
import type { MissionData } from '#modules/talents/missions/missions.schemas.ts';

export async function load({ params, locals }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	const ctx = requestContext(app, locals);
	const review = await reviewProposal(ctx, missionProposals, params.id).catch((failure: unknown) => {
		if (isAppError(failure) && failure.code === 'not_found') error(404, 'not_found');
		throw failure;
	});
	const data = review.proposal.data as MissionData;
	return {
		proposal: {
			id: review.proposal.id,
			status: review.proposal.status,
			comment: review.proposal.comment,
			reviewReason: review.proposal.reviewReason,
			createdAt: review.proposal.createdAt,
			proposer: review.proposal.proposer,
			proposerOrganisation: review.proposal.proposerOrganisation
		},
		// a change to a published mission (a new mission once approved has a subject too, but no base version)
		subject: review.subject && review.proposal.baseVersion !== null ? { slug: review.subject.slug, version: review.proposal.baseVersion } : null,
		stale: review.stale,
		changed: review.fromBase.map((change) => change.field),
		mission: await missionPage(app.database.db, locals.language, await proposalPreview(app.database.db, data))
	};
}

function decisionFailure(language: App.Locals['language'], failure: unknown) {
	if (!isAppError(failure)) throw failure;
	if (failure.fields.length) return fail(failure.status, { errors: Object.fromEntries(failure.fields.map((field) => [field.path, translate(language, `errors.${field.messageKey}`, field.values)])) });
	return fail(failure.status, { errors: { '': translate(language, `errors.${failure.code}`, failure.values) } });
}

async function decideWithReason(
	{ request, params, locals }: Pick<RequestEvent<{ id: string }>, 'request' | 'params' | 'locals'>,
	decide: typeof rejectProposal | typeof requestChanges,
	done: 'rejected' | 'changes_requested'
) {
	const app = await getApp();
	const form = await request.formData();
	try {
		await decide(requestContext(app, locals), missionProposals, params.id, String(form.get('reason') ?? ''), notifyOf(app));
		return { done };
	} catch (failure) {
		return decisionFailure(locals.language, failure);
	}
}

export const actions = {
	approve: async ({ params, locals }) => {
		const app = await getApp();
		try {
			const result = await approveProposal(requestContext(app, locals), missionProposals, params.id, { notify: notifyOf(app) });
			return { done: 'approved', slug: result.published.slug };
		} catch (failure) {
			return decisionFailure(locals.language, failure);
		}
	},
	reject: (event) => decideWithReason(event, rejectProposal, 'rejected'),
	changes: (event) => decideWithReason(event, requestChanges, 'changes_requested')
};
