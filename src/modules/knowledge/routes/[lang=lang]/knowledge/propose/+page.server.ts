import { error, fail } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { notifyOf } from '#platform/moderation/notify.ts';
import { proposeNew } from '#platform/moderation/moderation.service.ts';
import { documentProposals } from '#modules/knowledge/document.service.ts';
import { documentFailure, documentFormChoices, documentFromForm, fileFromForm } from '#modules/knowledge/document-form.ts';
import { translate } from '#platform/i18n/translator.ts';
import { extractSoon } from '#modules/knowledge/text-extraction.ts';

export async function load({ locals }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	const ctx = requestContext(app, locals);
	return {
		// an editor's document is published at once; a partner's waits for an editor
		publishes: ctx.can('knowledge.moderate'),
		choices: await documentFormChoices(app.database.db, locals.language)
	};
}

export const actions = {
	default: async ({ request, locals }) => {
		const app = await getApp();
		const ctx = requestContext(app, locals);
		const form = await request.formData();
		const { values, input } = documentFromForm(form);
		try {
			// the file is checked by its content and stored only when it is a readable PDF
			const file = await fileFromForm(form, ctx.files);
			if (input.status !== 'forthcoming' && !file && !input.externalUrl) {
				return fail(400, { values, errors: { file: translate(locals.language, 'knowledge.error_file_or_link') } });
			}
			const result = await proposeNew(ctx, documentProposals, { ...input, file }, { comment: String(form.get('comment') ?? ''), notify: notifyOf(app) });
			if (result.published && file) await extractSoon(app.queue);
			return { done: result.published ? 'published' : 'proposed', slug: result.published?.slug ?? null };
		} catch (failure) {
			return documentFailure(locals.language, failure, values);
		}
	}
};
