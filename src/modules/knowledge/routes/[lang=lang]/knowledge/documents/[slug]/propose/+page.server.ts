import { error, fail } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { notifyOf } from '#platform/moderation/notify.ts';
import { deleteDraft, getDraft, listDiscussion, listDrafts, postToDiscussion, proposeChange, saveDraft } from '#platform/moderation/moderation.service.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { translate } from '#platform/i18n/translator.ts';
import { documentFile, documentProposals, getDocument } from '#modules/knowledge/document.service.ts';
import { documentFailure, documentFormChoices, documentFromForm, fileFromForm, formFromDocument } from '#modules/knowledge/document-form.ts';

/** Where a draft of a change to this document is resumed. */
const resumePath = (slug: string) => `/knowledge/documents/${slug}/propose`;

export async function load({ params, locals, url }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	const doc = await getDocument(app.database.db, params.slug, locals.language);
	if (!doc) error(404, 'not_found');
	const file = await documentFile(app.database.db, doc.slug);
	const ctx = requestContext(app, locals);
	// a draft is its author's own, and of this document: anyone else's, or another document's, is not found
	const draftId = url.searchParams.get('draft');
	const draft = draftId ? await getDraft(ctx, documentProposals, draftId).catch(() => error(404, 'not_found')) : null;
	if (draft && draft.resumePath !== resumePath(doc.slug)) error(404, 'not_found');
	const drafts = (await listDrafts(ctx, documentProposals)).filter((entry) => entry.resumePath === resumePath(doc.slug));
	return {
		draft: draft ? { id: draft.id, updatedAt: draft.updatedAt.toISOString() } : null,
		drafts: drafts.map((entry) => ({ ...entry, updatedAt: entry.updatedAt.toISOString() })),
		// the document's private discussion between its proposers and the editors (the platform's moderation)
		messages: ctx.can('knowledge.discuss') ? await listDiscussion(ctx, documentProposals, doc.slug) : null,
		doc: { slug: doc.slug, title: doc.title, version: doc.version },
		values: draft ? { ...draft.values, draft: draft.id } : formFromDocument(doc),
		// a draft keeps the version it was begun on: proposing it after the document changed says so
		baseVersion: draft && Number(draft.values.baseVersion) > 0 ? Number(draft.values.baseVersion) : doc.version,
		currentFile: file ? { name: file.name, pages: file.pages } : null,
		choices: await documentFormChoices(app.database.db, locals.language)
	};
}

export const actions = {
	propose: async ({ request, params, locals }) => {
		const app = await getApp();
		const ctx = requestContext(app, locals);
		const form = await request.formData();
		const { values, input } = documentFromForm(form);
		const baseVersion = Number(form.get('baseVersion'));
		const draftId = String(form.get('draft') ?? '') || null;
		// kept as typed, valid or not, without a new file (the platform's moderation drafts)
		if (form.get('saveDraft')) {
			const saved = await saveDraft(ctx, documentProposals, { draftId, resumePath: resumePath(params.slug), values: { ...values, baseVersion: String(baseVersion || '') } });
			return { draftSaved: true, values: { ...values, draft: saved } };
		}
		if (draftId) values.draft = draftId;
		try {
			// without a new PDF the proposal keeps the current one (read here, never taken from the form)
			const file = (await fileFromForm(form, ctx.files)) ?? (await documentFile(app.database.db, params.slug));
			if (input.status !== 'forthcoming' && !file && !input.externalUrl) {
				return fail(400, { values, errors: { file: translate(locals.language, 'knowledge.error_file_or_link') } });
			}
			await proposeChange(ctx, documentProposals, params.slug, { ...input, file }, {
				baseVersion: Number.isInteger(baseVersion) && baseVersion > 0 ? baseVersion : 0,
				comment: String(form.get('comment') ?? ''),
				notify: notifyOf(app)
			});
			if (draftId) await deleteDraft(ctx, documentProposals, draftId);
			return { done: 'proposed' };
		} catch (failure) {
			if (failure && typeof failure === 'object' && 'extra' in failure && (failure as { extra?: { reason?: string } }).extra?.reason === 'stale_version') {
				return fail(409, { values, errors: { '': translate(locals.language, 'knowledge.error_stale', { current: Number((failure as { extra: { currentVersion?: number } }).extra.currentVersion) }) } });
			}
			return documentFailure(locals.language, failure, values);
		}
	},
	discard: async ({ request, locals }) => {
		const app = await getApp();
		await deleteDraft(requestContext(app, locals), documentProposals, String((await request.formData()).get('draft') ?? ''));
		return { draftDiscarded: true };
	},
	discuss: async ({ request, params, locals }) => {
		const app = await getApp();
		const body = String((await request.formData()).get('body') ?? '');
		try {
			await postToDiscussion(requestContext(app, locals), documentProposals, params.slug, body);
		} catch (failure) {
			if (!isAppError(failure)) throw failure;
			const problem = failure.fields[0];
			return fail(failure.status, {
				discussion: { body, error: translate(locals.language, problem ? `errors.${problem.messageKey}` : `errors.${failure.code}`, problem?.values ?? failure.values) }
			});
		}
		return { discussed: true };
	}
};
