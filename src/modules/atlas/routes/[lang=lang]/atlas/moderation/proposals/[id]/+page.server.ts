import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { translate } from '#platform/i18n/translator.ts';
import { describeChange } from '#modules/atlas/moderation/diff.ts';
import { approveProposal, getProposalReview, rejectProposal, requestChanges } from '#modules/atlas/moderation/moderation.service.ts';
import { formFromInitiative, proposalFailure } from '#modules/atlas/moderation/proposal-form.ts';
import { loadProposalChoices, readProposalForm } from '#modules/atlas/moderation/proposal-organisations.ts';
import { notifyOf } from '#platform/moderation/notify.ts';
import { likelyDuplicatesOfProposal } from '#modules/atlas/duplicates/duplicates.ts';

export async function load({ params, locals }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	const review = await getProposalReview(requestContext(app, locals), params.id).catch((failure: unknown) => {
		if (isAppError(failure) && failure.code === 'not_found') error(404, 'not_found');
		throw failure;
	});
	// one read of the organisations serves the form and the diff's names
	const values = formFromInitiative(review.proposal.data);
	const choices = await loadProposalChoices(app.database.db, locals.language, values);
	const names = new Map(choices.organisations.map((entry) => [entry.slug, entry.label]));
	return {
		proposal: {
			id: review.proposal.id,
			status: review.proposal.status,
			comment: review.proposal.comment,
			reviewReason: review.proposal.reviewReason,
			baseVersion: review.proposal.baseVersion,
			createdAt: review.proposal.createdAt,
			proposer: review.proposal.proposer,
			proposerOrganisation: review.proposal.proposerOrganisation,
			publishedVersion: review.proposal.publishedVersion
		},
		title: review.title,
		initiative: review.initiative ? { slug: review.initiative.slug, version: review.initiative.version } : null,
		stale: review.stale,
		fromBase: review.fromBase.map((change) => describeChange(locals.language, change, names)),
		fromCurrent: review.fromCurrent?.map((change) => describeChange(locals.language, change, names)) ?? null,
		values,
		// Published initiatives that look like the proposed one (atlas/duplicates).
		duplicates: await likelyDuplicatesOfProposal(app.database.db, review.proposal.data, review.initiative?.id),
		choices
	};
}

function decisionFailure(language: App.Locals['language'], failure: unknown) {
	if (!isAppError(failure)) throw failure;
	if (failure.code === 'conflict' && failure.extra?.reason === 'stale_version') {
		return fail(409, { errors: { '': translate(language, 'atlas_moderation.error_stale', { current: Number(failure.extra.currentVersion) }) } });
	}
	if (failure.fields.length) {
		return fail(failure.status, {
			errors: Object.fromEntries(failure.fields.map((field) => [field.path, translate(language, `errors.${field.messageKey}`, field.values)]))
		});
	}
	return fail(failure.status, { errors: { '': translate(language, `errors.${failure.code}`, failure.values) } });
}

export const actions = {
	approve: async ({ params, locals }) => {
		const app = await getApp();
		try {
			const result = await approveProposal(requestContext(app, locals), params.id, { notify: notifyOf(app) });
			return { done: 'done_approved', version: result.initiative.version, slug: result.initiative.slug };
		} catch (failure) {
			return decisionFailure(locals.language, failure);
		}
	},
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
			return { done: 'done_approved', version: result.initiative.version, slug: result.initiative.slug };
		} catch (failure) {
			if (isAppError(failure) && failure.code === 'invalid_input') return proposalFailure(locals.language, failure, values);
			return decisionFailure(locals.language, failure);
		}
	},
	reject: (event) => decideWithReason(event, rejectProposal, 'done_rejected'),
	changes: (event) => decideWithReason(event, requestChanges, 'done_changes_requested')
};

/** A decision the proposer is told with the moderator's reason: a rejection, or a request for changes. */
async function decideWithReason(
	{ request, params, locals }: Pick<RequestEvent<{ id: string }>, 'request' | 'params' | 'locals'>,
	decide: typeof rejectProposal | typeof requestChanges,
	done: 'done_rejected' | 'done_changes_requested'
) {
	const app = await getApp();
	const data = await request.formData();
	try {
		await decide(requestContext(app, locals), params.id, String(data.get('reason') ?? ''), notifyOf(app));
		return { done };
	} catch (failure) {
		return decisionFailure(locals.language, failure);
	}
}
