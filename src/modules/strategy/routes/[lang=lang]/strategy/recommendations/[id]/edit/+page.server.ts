import { error, redirect } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { forPage } from '#platform/http/page.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { recommendationDetail, updateRecommendation } from '#modules/strategy/recommendations.service.ts';
import { recommendationChoices, recommendationFailure, recommendationFromForm } from '#modules/strategy/recommendation-form.ts';

/** A tracker corrects a recommendation (its state moves by follow-up, on its page). */
export async function load({ params, locals }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	const { row } = await forPage(recommendationDetail(app.database.db, params.id, locals.language));
	return {
		id: row.id,
		values: {
			text_fr: row.text.fr ?? '',
			text_ar: row.text.ar ?? '',
			text_en: row.text.en ?? '',
			originalLanguage: row.originalLanguage,
			horizon: row.horizon,
			ownerOrganisationId: row.ownerOrganisationId ?? '',
			dueYear: row.dueYear ? String(row.dueYear) : '',
			source: row.source ?? '',
			sourceCitation: row.sourceCitation ?? '',
			kind: row.kind,
			concertationBodyId: row.concertationBodyId ?? '',
			dueOn: row.dueOn ?? ''
		},
		lists: { actions: row.actions },
		choices: await recommendationChoices(app.database.db, locals.language)
	};
}

export const actions = {
	default: async ({ request, locals, params }) => {
		const ctx = requestContext(await getApp(), locals);
		const form = await request.formData();
		try {
			await updateRecommendation(ctx, params.id, recommendationFromForm(form));
		} catch (failure) {
			return recommendationFailure(ctx.language, failure, form);
		}
		redirect(303, `/${ctx.language}/strategy/recommendations/${params.id}?saved=1`);
	}
};
