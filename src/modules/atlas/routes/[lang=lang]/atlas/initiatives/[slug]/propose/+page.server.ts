import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { getInitiative } from '#modules/atlas/initiative.service.ts';
import { getVersion, proposeChange } from '#modules/atlas/moderation/moderation.service.ts';
import { formFromInitiative, proposalFailure } from '#modules/atlas/moderation/proposal-form.ts';
import { loadProposalChoices, readProposalForm } from '#modules/atlas/moderation/proposal-organisations.ts';
import { deleteDraft, getDraft } from '#modules/atlas/moderation/drafts.ts';
import { notifyOf } from '#platform/moderation/notify.ts';

export async function load({ params, locals, url }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	try {
		const current = await getInitiative(app.database.db, params.slug);
		const { snapshot } = await getVersion(app.database.db, current.id, current.version);
		const draftId = url.searchParams.get('draft');
		const draft = draftId ? await getDraft(requestContext(app, locals), draftId) : null;
		const title = current.title[locals.language] ?? current.title.fr ?? current.title.en ?? current.title.ar ?? '';
		const values = draft ? { ...draft.values, draft: draft.id } : formFromInitiative(snapshot as Record<string, unknown>);
		return {
			slug: current.slug,
			title,
			version: current.version,
			values,
			choices: await loadProposalChoices(app.database.db, locals.language, values)
		};
	} catch (failure) {
		if (isAppError(failure) && failure.code === 'not_found') error(404, 'not_found');
		throw failure;
	}
}

export const actions = {
	default: async ({ request, params, locals }) => {
		const app = await getApp();
		const ctx = requestContext(app, locals);
		const form = await readProposalForm(ctx, await request.formData(), `/atlas/initiatives/${params.slug}/propose`);
		if (form.answer) return form.answer;
		const { values, initiative, draftId } = form;
		const baseVersion = Number(values.baseVersion);
		try {
			await proposeChange(ctx, params.slug, initiative, {
				baseVersion: Number.isInteger(baseVersion) ? baseVersion : -1,
				comment: typeof values.comment === 'string' ? values.comment : null,
				notify: notifyOf(app)
			});
		} catch (failure) {
			return proposalFailure(locals.language, failure, values);
		}
		if (draftId) await deleteDraft(ctx, draftId);
		return { sent: true };
	}
};
