import { error, fail } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { notifyOf } from '#platform/moderation/notify.ts';
import { deleteDraft, getDraft, ownProposal, proposeNew, saveDraft, withdrawProposal } from '#platform/moderation/moderation.service.ts';
import { regionChoices } from '#platform/geo/place-choices.ts';
import { spokenLanguageOptions } from '#platform/i18n/spoken-languages.ts';
import { linkChoices } from '#platform/kernel/links.ts';
import { INITIATIVE_KIND, organisationChoices, missionProposals } from '#modules/talents/missions/missions.service.ts';
import { formValuesOf, missionFailure, missionFromForm, type FormValues } from '#modules/talents/missions/missions-pages.ts';
import { missionLanguageRows } from '#modules/talents/missions/missions.schemas.ts';
import { occupationChoiceGroups } from '#modules/talents/occupations.ts';

export async function load({ url, locals }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	const ctx = requestContext(app, locals);
	const language = locals.language;
	let values: FormValues = {};
	let returned: { reason: string | null } | null = null;
	const from = url.searchParams.get('from');
	const draft = url.searchParams.get('draft');
	const notFound = (failure: unknown) => {
		if (isAppError(failure) && failure.code === 'not_found') error(404, 'not_found');
		throw failure;
	};
	if (from) {
		// starting again from a proposal returned for changes
		const proposal = await ownProposal(ctx, missionProposals, from).catch(notFound);
		values = { ...formValuesOf(proposal.data), from };
		returned = { reason: proposal.reviewReason };
	} else if (draft) {
		values = { ...(await getDraft(ctx, missionProposals, draft).catch(notFound)).values, draftId: draft };
	}
	return {
		values,
		returned,
		publishes: ctx.can('talents.moderate'),
		choices: {
			organisations: (await organisationChoices(ctx)).map((entry) => ({ value: entry.id, label: entry.acronym ? `${entry.name} (${entry.acronym})` : entry.name })),
			regions: regionChoices(language),
			initiatives: await linkChoices(app.database.db, INITIATIVE_KIND, language),
			occupations: await occupationChoiceGroups(app.database.db, language),
			languages: spokenLanguageOptions(language),
			languageRows: missionLanguageRows
		}
	};
}

export const actions = {
	propose: async ({ request, locals }) => {
		const app = await getApp();
		const ctx = requestContext(app, locals);
		const form = await request.formData();
		const { values, input } = missionFromForm(form);
		const draftId = String(form.get('draftId') ?? '');
		try {
			const result = await proposeNew(ctx, missionProposals, input, { comment: String(form.get('comment') ?? ''), notify: notifyOf(app) });
			if (draftId) await deleteDraft(ctx, missionProposals, draftId);
			// the proposal returned for changes is replaced by this one
			const from = String(form.get('from') ?? '');
			if (from) await withdrawProposal(ctx, missionProposals, from).catch(() => undefined);
			return { done: result.published ? 'published' : 'proposed', slug: result.published?.slug ?? null };
		} catch (failure) {
			return missionFailure(locals.language, failure, { ...values, draftId });
		}
	},
	draft: async ({ request, locals }) => {
		const app = await getApp();
		const ctx = requestContext(app, locals);
		const form = await request.formData();
		const { values } = missionFromForm(form);
		try {
			const id = await saveDraft(ctx, missionProposals, { draftId: String(form.get('draftId') ?? '') || null, resumePath: '/talents/missions/new', values });
			return { done: 'draft_saved', values: { ...values, draftId: id }, draftId: id };
		} catch (failure) {
			if (!isAppError(failure)) throw failure;
			return fail(failure.status, { values, errors: { '': failure.code } });
		}
	}
};
