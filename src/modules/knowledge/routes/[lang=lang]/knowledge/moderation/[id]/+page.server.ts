import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { translate } from '#platform/i18n/translator.ts';
import { notifyOf } from '#platform/moderation/notify.ts';
import { approveProposal, requestChanges, reviewProposal } from '#platform/moderation/moderation.service.ts';
import { documentProposals } from '#modules/knowledge/document.service.ts';
import { describeDocumentChange } from '#modules/knowledge/diff-labels.ts';
import { valueNamesFor } from '#modules/knowledge/document-history.ts';
import type { DocumentData } from '#modules/knowledge/knowledge.schemas.ts';
import { extractSoon } from '#modules/knowledge/text-extraction.ts';
import { rejectDocumentProposal } from '#modules/knowledge/refused-files.ts';

export async function load({ params, locals }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	const ctx = requestContext(app, locals);
	const review = await reviewProposal(ctx, documentProposals, params.id).catch((failure: unknown) => {
		if (isAppError(failure) && failure.code === 'not_found') error(404, 'not_found');
		throw failure;
	});
	const data = review.proposal.data as DocumentData;
	// the files and organisations of the proposal and of the version it starts from, by name
	const base = review.subject ? await documentProposals.version(ctx, review.subject.id, review.proposal.baseVersion ?? review.subject.version) : null;
	const names = await valueNamesFor(ctx.db, locals.language, [data, base]);
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
		title: review.title,
		subject: review.subject ? { slug: review.subject.slug, version: review.subject.version } : null,
		stale: review.stale,
		file: data.file ? { name: data.file.name, pages: data.file.pages, stored: await app.files.exists(data.file.key) } : null,
		changes: review.fromBase.map((change) => describeDocumentChange(locals.language, change, names))
	};
}

function decisionFailure(language: App.Locals['language'], failure: unknown) {
	if (!isAppError(failure)) throw failure;
	if (failure.code === 'conflict' && failure.extra?.reason === 'stale_version') {
		return fail(409, { errors: { '': translate(language, 'knowledge.error_stale', { current: Number(failure.extra.currentVersion) }) } });
	}
	if (failure.fields.length) {
		return fail(failure.status, { errors: Object.fromEntries(failure.fields.map((field) => [field.path, translate(language, `errors.${field.messageKey}`, field.values)])) });
	}
	return fail(failure.status, { errors: { '': translate(language, `errors.${failure.code}`, failure.values) } });
}

async function decideWithReason(
	{ request, params, locals }: Pick<RequestEvent<{ id: string }>, 'request' | 'params' | 'locals'>,
	decide: (ctx: ReturnType<typeof requestContext>, id: string, reason: string, notify: ReturnType<typeof notifyOf>) => Promise<unknown>,
	done: 'done_rejected' | 'done_changes_requested'
) {
	const app = await getApp();
	const form = await request.formData();
	try {
		await decide(requestContext(app, locals), params.id, String(form.get('reason') ?? ''), notifyOf(app));
		return { done };
	} catch (failure) {
		return decisionFailure(locals.language, failure);
	}
}

export const actions = {
	approve: async ({ params, locals }) => {
		const app = await getApp();
		try {
			const result = await approveProposal(requestContext(app, locals), documentProposals, params.id, { notify: notifyOf(app) });
			await extractSoon(app.queue);
			return { done: 'done_approved', version: result.published.version, slug: result.published.slug };
		} catch (failure) {
			return decisionFailure(locals.language, failure);
		}
	},
	// a refusal also removes the proposal's PDF from the file store when nothing else names it
	reject: (event) => decideWithReason(event, rejectDocumentProposal, 'done_rejected'),
	changes: (event) => decideWithReason(event, (ctx, id, reason, notify) => requestChanges(ctx, documentProposals, id, reason, notify), 'done_changes_requested')
};
