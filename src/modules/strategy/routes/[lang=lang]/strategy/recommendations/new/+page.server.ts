import { error, redirect } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { createRecommendation } from '#modules/strategy/recommendations.service.ts';
import { recommendationChoices, recommendationFailure, recommendationFromForm } from '#modules/strategy/recommendation-form.ts';

/** A tracker enters a recommendation of a study or a deliverable. */
export async function load({ locals, url }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	// from a library document's page: its recommendations' source filled in
	const source = url.searchParams.get('source');
	return { choices: await recommendationChoices(app.database.db, locals.language), source: source && /^[a-z0-9-]{1,200}$/.test(source) ? `knowledge.document:${source}` : '' };
}

export const actions = {
	default: async ({ request, locals }) => {
		const ctx = requestContext(await getApp(), locals);
		const form = await request.formData();
		let id: string;
		try {
			id = (await createRecommendation(ctx, recommendationFromForm(form))).id;
		} catch (failure) {
			return recommendationFailure(ctx.language, failure, form);
		}
		redirect(303, `/${ctx.language}/strategy/recommendations/${id}?saved=1`);
	}
};
