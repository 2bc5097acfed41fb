import { error, fail } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { notifyOf } from '#platform/moderation/notify.ts';
import { deleteDraft, getDraft, listDrafts, proposeNew, saveDraft } from '#platform/moderation/moderation.service.ts';
import { documentProposals } from '#modules/knowledge/document.service.ts';
import { documentFailure, documentFormChoices, documentFromForm, fileFromForm } from '#modules/knowledge/document-form.ts';
import { translate } from '#platform/i18n/translator.ts';
import { extractSoon } from '#modules/knowledge/text-extraction.ts';

const RESUME_PATH = '/knowledge/propose';

export async function load({ locals, url }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	const ctx = requestContext(app, locals);
	// a draft is its author's own: anyone else's is not found
	const draftId = url.searchParams.get('draft');
	const draft = draftId ? await getDraft(ctx, documentProposals, draftId).catch(() => error(404, 'not_found')) : null;
	return {
		// an editor's document is published at once; a partner's waits for an editor
		publishes: ctx.can('knowledge.moderate'),
		draft: draft ? { id: draft.id, values: { ...draft.values, draft: draft.id }, updatedAt: draft.updatedAt.toISOString() } : null,
		drafts: (await listDrafts(ctx, documentProposals)).map((entry) => ({ ...entry, updatedAt: entry.updatedAt.toISOString() })),
		choices: await documentFormChoices(app.database.db, locals.language)
	};
}

export const actions = {
	propose: async ({ request, locals }) => {
		const app = await getApp();
		const ctx = requestContext(app, locals);
		const form = await request.formData();
		const { values, input } = documentFromForm(form);
		const draftId = String(form.get('draft') ?? '') || null;
		// kept as typed, valid or not, without the file (the platform's moderation drafts)
		if (form.get('saveDraft')) {
			const saved = await saveDraft(ctx, documentProposals, { draftId, resumePath: RESUME_PATH, values });
			return { draftSaved: true, values: { ...values, draft: saved } };
		}
		if (draftId) values.draft = draftId;
		try {
			// the file is checked by its content and stored only when it is a readable PDF
			const file = await fileFromForm(form, ctx.files);
			if (input.status !== 'forthcoming' && !file && !input.externalUrl) {
				return fail(400, { values, errors: { file: translate(locals.language, 'knowledge.error_file_or_link') } });
			}
			const result = await proposeNew(ctx, documentProposals, { ...input, file }, { comment: String(form.get('comment') ?? ''), notify: notifyOf(app) });
			if (draftId) await deleteDraft(ctx, documentProposals, draftId);
			if (result.published && file) await extractSoon(app.queue);
			return { done: result.published ? 'published' : 'proposed', slug: result.published?.slug ?? null };
		} catch (failure) {
			return documentFailure(locals.language, failure, values);
		}
	},
	discard: async ({ request, locals }) => {
		const app = await getApp();
		await deleteDraft(requestContext(app, locals), documentProposals, String((await request.formData()).get('draft') ?? ''));
		return { draftDiscarded: true };
	}
};
