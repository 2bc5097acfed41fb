import { translate } from '#platform/i18n/translator.ts';
import { decisionActions, loadReview } from '#platform/moderation/proposal-pages.ts';
import { documentProposals } from '#modules/knowledge/document.service.ts';
import { describeDocumentChange } from '#modules/knowledge/diff-labels.ts';
import { valueNamesFor } from '#modules/knowledge/document-history.ts';
import { extractSoon } from '#modules/knowledge/text-extraction.ts';
import { rejectDocumentProposal } from '#modules/knowledge/refused-files.ts';

/** An editor's review of a proposal: who sent it, its file, what it changes field by field, and the decision while it waits. */
export const load = async (event) => {
	const { app, ctx, review, proposal } = await loadReview(event, documentProposals);
	const data = review.proposal.data;
	// the files and organisations of the proposal and of the version it starts from, by name
	const base = review.subject ? await documentProposals.version(ctx, review.subject.id, review.proposal.baseVersion ?? review.subject.version) : null;
	const names = await valueNamesFor(ctx.db, event.locals.language, [data, base]);
	return {
		proposal,
		title: review.title,
		subject: review.subject ? { slug: review.subject.slug, version: review.subject.version } : null,
		stale: review.stale,
		file: data.file ? { name: data.file.name, pages: data.file.pages, stored: await app.files.exists(data.file.key) } : null,
		changes: review.fromBase.map((change) => describeDocumentChange(event.locals.language, change, names))
	};
};

export const actions = decisionActions(documentProposals, {
	// the PDF's text is read at once, not at the next minute
	approved: async (published, app) => {
		await extractSoon(app.queue);
		return { version: published.version, slug: published.slug };
	},
	stale: (language, current) => translate(language, 'knowledge.error_stale', { current }),
	// a refusal also removes the proposal's PDF from the file store when nothing else names it
	reject: rejectDocumentProposal
});
