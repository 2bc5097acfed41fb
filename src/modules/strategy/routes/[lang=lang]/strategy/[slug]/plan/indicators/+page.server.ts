import { error, redirect } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { createIndicator, indicatorsOf } from '#modules/strategy/results.service.ts';
import { indicatorFormChoices, indicatorFormFailure, indicatorFormInput } from '#modules/strategy/results-form.ts';
import { strategyForPage } from '#modules/strategy/plan-page.ts';

export async function load({ params, locals, url }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	const ctx = requestContext(app, locals);
	const row = await strategyForPage(ctx, params.slug, 'strategy.plan');
	return {
		strategy: { slug: row.slug, titles: row.title as Record<string, string> },
		indicators: (await indicatorsOf(app.database.db, row, locals.language)).map((item) => ({ id: item.id, code: item.code, definition: item.definition, node: item.node, isSample: item.isSample })),
		...(await indicatorFormChoices(app.database.db, ctx, row, locals.language)),
		done: url.searchParams.get('done')
	};
}

export const actions = {
	add: async ({ params, request, locals }) => {
		const ctx = requestContext(await getApp(), locals);
		const form = await request.formData();
		const { input, targets } = indicatorFormInput(form);
		try {
			await createIndicator(ctx, params.slug, input);
		} catch (failure) {
			return indicatorFormFailure(locals.language, failure, form, targets);
		}
		redirect(303, `/${locals.language}/strategy/${params.slug}/plan/indicators?done=added`);
	}
};
