import { error, fail, redirect } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { translate } from '#platform/i18n/translator.ts';
import { proposeNewInitiative, withdrawProposal } from '#modules/atlas/moderation/moderation.service.ts';
import { formFromInitiative, proposalFailure } from '#modules/atlas/moderation/proposal-form.ts';
import { loadProposalChoices, readProposalForm } from '#modules/atlas/moderation/proposal-organisations.ts';
import { deleteDraft, getDraft, listDrafts } from '#modules/atlas/moderation/drafts.ts';
import { notifyOf } from '#platform/moderation/notify.ts';
import { InitiativeInput } from '#modules/atlas/atlas.schemas.ts';
import { likelyDuplicatesOfProposal } from '#modules/atlas/duplicates/duplicates.ts';

export async function load({ locals, url }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	const ctx = requestContext(app, locals);
	const draftId = url.searchParams.get('draft');
	const draft = draftId ? await getDraft(ctx, draftId).catch(() => error(404, 'not_found')) : null;
	const values = draft ? { ...draft.values, draft: draft.id } : formFromInitiative({ status: 'ongoing' });
	return {
		values,
		drafts: (await listDrafts(ctx)).map((draft) => ({ ...draft, updatedAt: draft.updatedAt.toISOString() })),
		choices: await loadProposalChoices(app.database.db, locals.language, values)
	};
}

export const actions = {
	propose: async ({ request, locals }) => {
		const app = await getApp();
		const ctx = requestContext(app, locals);
		const form = await readProposalForm(ctx, await request.formData(), '/atlas/initiatives/new');
		if (form.answer) return form.answer;
		const { values, initiative, draftId } = form;
		let published: string | null = null;
		let proposal: { id: string } | null = null;
		try {
			const result = await proposeNewInitiative(ctx, initiative, {
				comment: typeof values.comment === 'string' ? values.comment : null,
				notify: notifyOf(app)
			});
			published = result.initiative?.slug ?? null;
			proposal = result.proposal;
		} catch (failure) {
			return proposalFailure(locals.language, failure, values);
		}
		if (draftId) await deleteDraft(ctx, draftId);
		// Moderators publish at once.
		if (published) redirect(303, `/${locals.language}/atlas/initiatives/${published}`);
		// Published initiatives that look like it (atlas/duplicates): the partner may withdraw it or comment there.
		const duplicates = await likelyDuplicatesOfProposal(app.database.db, InitiativeInput.parse(initiative));
		return { sent: true, proposalId: proposal?.id ?? null, duplicates };
	},
	withdraw: async ({ request, locals }) => {
		const app = await getApp();
		const id = String((await request.formData()).get('proposal') ?? '');
		try {
			await withdrawProposal(requestContext(app, locals), id);
		} catch (failure) {
			if (!isAppError(failure)) throw failure;
			return fail(failure.status, { errors: { '': translate(locals.language, `errors.${failure.code}`, failure.values) } });
		}
		return { withdrawn: true };
	}
};
