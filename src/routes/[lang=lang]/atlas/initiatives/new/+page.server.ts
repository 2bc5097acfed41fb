import { error, redirect } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import { proposeNewInitiative } from '#lib/server/atlas/moderation/moderation.service.ts';
import { formFromInitiative, initiativeFromForm, proposalChoices, proposalFailure, valuesFromForm } from '#lib/server/atlas/moderation/proposal-form.ts';
import { notifyOf } from '#lib/server/atlas/moderation/notify.ts';

export async function load({ locals }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	return { values: formFromInitiative({ status: 'ongoing' }), choices: proposalChoices(locals.language) };
}

export const actions = {
	default: async ({ request, locals }) => {
		const app = await getApp();
		const values = valuesFromForm(await request.formData());
		let published: string | null = null;
		try {
			const result = await proposeNewInitiative(app.database.db, locals.audit, locals.actor, initiativeFromForm(values), {
				comment: typeof values.comment === 'string' ? values.comment : null,
				notify: notifyOf(app)
			});
			published = result.initiative?.slug ?? null;
		} catch (failure) {
			return proposalFailure(locals.language, failure, values);
		}
		// Moderators publish at once.
		if (published) redirect(303, `/${locals.language}/atlas/initiatives/${published}`);
		return { sent: true };
	}
};
