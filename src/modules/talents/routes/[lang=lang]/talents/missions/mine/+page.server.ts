import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { formAction } from '#platform/http/form.ts';
import { pickText } from '#platform/i18n/content-language.ts';
import { deleteDraft, listDrafts, withdrawProposal } from '#platform/moderation/moderation.service.ts';
import { missionProposals, organisationMissions } from '#modules/talents/missions/missions.service.ts';
import { missionCard } from '#modules/talents/missions/missions-pages.ts';

export async function load({ locals }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	const ctx = requestContext(app, locals);
	const language = locals.language;
	const found = await organisationMissions(ctx);
	return {
		organisations: found.organisations.map((entry) => entry.name),
		missions: found.missions.map((entry) => ({ ...missionCard(language, entry), interested: entry.interested, shortlisted: entry.shortlisted })),
		proposals: found.proposals.map((entry) => ({ ...entry, title: pickText(entry.title, language) })),
		drafts: (await listDrafts(ctx, missionProposals)).map((entry) => ({ id: entry.id, title: entry.title, updatedAt: entry.updatedAt.toISOString() }))
	};
}

export const actions = {
	withdraw: async ({ request, locals }) => {
		const app = await getApp();
		const data = await request.formData();
		return formAction(locals.language, data, () => withdrawProposal(requestContext(app, locals), missionProposals, String(data.get('id') ?? '')), {
			done: () => ({ done: 'proposal_withdrawn' }),
			conflicts: { not_pending: 'missions.error_not_pending' }
		});
	},
	discard: async ({ request, locals }) => {
		const app = await getApp();
		const data = await request.formData();
		return formAction(locals.language, data, () => deleteDraft(requestContext(app, locals), missionProposals, String(data.get('id') ?? '')), { done: () => ({ done: 'draft_discarded' }) });
	}
};
