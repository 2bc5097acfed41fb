import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { translate } from '#platform/i18n/translator.ts';
import { pickText } from '#platform/i18n/content-language.ts';
import { notifyOf } from '#platform/moderation/notify.ts';
import { approveProposal, rejectProposal, requestChanges, reviewProposal } from '#platform/moderation/moderation.service.ts';
import { describeDirectoryChanges, directoryProposals, entryPath, parseSubject, type DirectoryProposalData } from '#modules/talents/directories/directory-proposals.ts';

/** A proposal to the directories: who sent it and why, what it changes field by field, and the decision while it waits. */
export async function load({ params, locals }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	const ctx = requestContext(app, locals);
	const review = await reviewProposal(ctx, directoryProposals, params.id).catch((failure: unknown) => {
		if (isAppError(failure) && failure.code === 'not_found') error(404, 'not_found');
		throw failure;
	});
	const data = review.proposal.data as DirectoryProposalData;
	const subject = review.subject ? parseSubject(review.subject.slug) : null;
	return {
		proposal: {
			id: review.proposal.id,
			kind: data.kind,
			status: review.proposal.status,
			comment: review.proposal.comment,
			reviewReason: review.proposal.reviewReason,
			createdAt: review.proposal.createdAt,
			proposer: review.proposal.proposer,
			proposerOrganisation: review.proposal.proposerOrganisation,
			baseVersion: review.proposal.baseVersion,
			publishedVersion: review.proposal.publishedVersion
		},
		// the proposed name in the page's language when it is given in it
		title: pickText(data.name, locals.language),
		// a correction (an approved new entry has a subject too, but no base version)
		entry: review.subject && subject ? { path: entryPath(subject.kind ?? data.kind, subject.id), version: review.subject.version } : null,
		stale: review.stale,
		changes: await describeDirectoryChanges(ctx.db, locals.language, data.kind, review.fromBase),
		sinceCurrent: review.fromCurrent ? await describeDirectoryChanges(ctx.db, locals.language, data.kind, review.fromCurrent) : null
	};
}

function decisionFailure(language: App.Locals['language'], failure: unknown) {
	if (!isAppError(failure)) throw failure;
	if (failure.code === 'conflict' && failure.extra?.reason === 'stale_version') {
		return fail(409, { errors: { '': translate(language, 'directories.error_stale_review', { version: Number(failure.extra.currentVersion) }) } });
	}
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
		await decide(requestContext(app, locals), directoryProposals, params.id, String(form.get('reason') ?? ''), notifyOf(app));
		return { done };
	} catch (failure) {
		return decisionFailure(locals.language, failure);
	}
}

export const actions = {
	approve: async ({ params, locals }) => {
		const app = await getApp();
		try {
			const result = await approveProposal(requestContext(app, locals), directoryProposals, params.id, { notify: notifyOf(app) });
			const published = parseSubject(result.published.slug);
			return { done: 'approved', path: published ? entryPath(published.kind ?? 'house', published.id) : null, version: result.published.version };
		} catch (failure) {
			return decisionFailure(locals.language, failure);
		}
	},
	reject: (event) => decideWithReason(event, rejectProposal, 'rejected'),
	changes: (event) => decideWithReason(event, requestChanges, 'changes_requested')
};
