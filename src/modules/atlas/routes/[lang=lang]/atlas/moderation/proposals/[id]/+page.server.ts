import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { translate } from '#platform/i18n/translator.ts';
import type { Language } from '#platform/i18n/languages.ts';
import { decisionActions, decisionFailure, loadReview } from '#platform/moderation/proposal-pages.ts';
import { notifyOf } from '#platform/moderation/notify.ts';
import { describeChange } from '#modules/atlas/moderation/diff.ts';
import { initiativeProposals } from '#modules/atlas/moderation/initiative-proposals.ts';
import { approveProposal } from '#modules/atlas/moderation/moderation.service.ts';
import { formFromInitiative, proposalFailure } from '#modules/atlas/moderation/proposal-form.ts';
import { loadProposalChoices, readProposalForm } from '#modules/atlas/moderation/proposal-organisations.ts';
import { likelyDuplicatesOfProposal } from '#modules/atlas/duplicates/duplicates.ts';

/** A moderator's review of a proposed initiative: the diff in words, likely duplicates, and the form to publish it edited. */
export const load = async (event) => {
	const { app, review, proposal } = await loadReview(event, initiativeProposals);
	const { language } = event.locals;
	// one read of the organisations serves the form and the diff's names
	const values = formFromInitiative(review.proposal.data);
	const choices = await loadProposalChoices(app.database.db, language, values);
	const names = new Map(choices.organisations.map((entry) => [entry.slug, entry.label]));
	return {
		proposal,
		title: review.title,
		initiative: review.subject ? { slug: review.subject.slug, version: review.subject.version } : null,
		stale: review.stale,
		fromBase: review.fromBase.map((change) => describeChange(language, change, names)),
		fromCurrent: review.fromCurrent?.map((change) => describeChange(language, change, names)) ?? null,
		values,
		// Published initiatives that look like the proposed one (atlas/duplicates).
		duplicates: await likelyDuplicatesOfProposal(app.database.db, review.proposal.data, review.subject?.id),
		choices
	};
};

const stale = (language: Language, current: number) => translate(language, 'atlas_moderation.error_stale', { current });

export const actions = {
	...decisionActions(initiativeProposals, {
		approved: (published) => ({ version: published.version, slug: published.slug }),
		stale
	}),
	/** Publishes the proposal as the moderator edited it (a new version; refused when the initiative changed meanwhile). */
	edit: async ({ request, params, locals }) => {
		const app = await getApp();
		const ctx = requestContext(app, locals);
		const form = await readProposalForm(ctx, await request.formData());
		if (form.answer) return form.answer;
		const { values, initiative } = form;
		const expected = Number(values.expectedVersion);
		try {
			const result = await approveProposal(ctx, params.id, {
				edited: initiative,
				expectedVersion: Number.isInteger(expected) && expected > 0 ? expected : undefined,
				notify: notifyOf(app)
			});
			return { done: 'approved' as const, version: result.initiative.version, slug: result.initiative.slug };
		} catch (failure) {
			if (isAppError(failure) && failure.code === 'invalid_input') return proposalFailure(locals.language, failure, values);
			return decisionFailure(locals.language, failure, stale);
		}
	}
};
