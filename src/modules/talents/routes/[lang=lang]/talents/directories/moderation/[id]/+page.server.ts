import { pickText } from '#platform/i18n/content-language.ts';
import { translate } from '#platform/i18n/translator.ts';
import { decisionActions, loadReview } from '#platform/moderation/proposal-pages.ts';
import { describeDirectoryChanges, directoryProposals, entryPath, parseSubject } from '#modules/talents/directories/directory-proposals.ts';

/** A proposal to the directories: who sent it and why, what it changes field by field, and the decision while it waits. */
export const load = async (event) => {
	const { ctx, review, proposal } = await loadReview(event, directoryProposals);
	const data = review.proposal.data;
	const subject = review.subject ? parseSubject(review.subject.slug) : null;
	const language = event.locals.language;
	return {
		proposal: { ...proposal, kind: data.kind },
		// the proposed name in the page's language when it is given in it
		title: pickText(data.name, language),
		// a correction (an approved new entry has a subject too, but no base version)
		entry: review.subject && subject ? { path: entryPath(subject.kind ?? data.kind, subject.id), version: review.subject.version } : null,
		stale: review.stale,
		changes: await describeDirectoryChanges(ctx.db, language, data.kind, review.fromBase),
		sinceCurrent: review.fromCurrent ? await describeDirectoryChanges(ctx.db, language, data.kind, review.fromCurrent) : null
	};
};

export const actions = decisionActions(directoryProposals, {
	approved: (published) => {
		const entry = parseSubject(published.slug);
		return { path: entry ? entryPath(entry.kind ?? 'house', entry.id) : null, version: published.version };
	},
	stale: (language, version) => translate(language, 'directories.error_stale_review', { version })
});
