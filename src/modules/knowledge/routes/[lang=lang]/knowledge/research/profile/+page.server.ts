import { error, redirect } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { formAction } from '#platform/http/form.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { deleteMyResearcherProfile, myResearcherProfile, saveMyResearcherProfile } from '#modules/knowledge/research/research.service.ts';
import { profileChoices, profileFailure, profileFromForm, profileValues } from '#modules/knowledge/research/research-form.ts';

/** A researcher's own profile: to create, correct, show or hide (their consent), or delete. */
export async function load({ locals, url }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const ctx = requestContext(await getApp(), locals);
	const row = await myResearcherProfile(ctx);
	return {
		exists: row !== null,
		slug: row?.slug ?? null,
		visible: row?.visible ?? false,
		values: profileValues(row, locals.user?.name ?? ''),
		choices: await profileChoices(ctx.db, ctx.language),
		saved: url.searchParams.get('saved') === '1'
	};
}

export const actions = {
	save: async ({ request, locals }) => {
		const ctx = requestContext(await getApp(), locals);
		const form = await request.formData();
		const { values, input } = profileFromForm(form);
		try {
			await saveMyResearcherProfile(ctx, input);
		} catch (failure) {
			return profileFailure(ctx.language, failure, form, values);
		}
		redirect(303, `/${ctx.language}/knowledge/research/profile?saved=1`);
	},
	remove: async ({ request, locals }) => {
		const ctx = requestContext(await getApp(), locals);
		const data = await request.formData();
		return formAction(ctx.language, data, () => deleteMyResearcherProfile(ctx), { done: () => ({ removed: true }) });
	}
};
