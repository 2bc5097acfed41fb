import { error, redirect } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { indicatorForPlanner, removeIndicator, updateIndicator } from '#modules/strategy/results.service.ts';
import { indicatorFormChoices, indicatorFormFailure, indicatorFormInput, resultsFailure } from '#modules/strategy/results-form.ts';
import { orPageError, strategyForPage } from '#modules/strategy/plan-page.ts';

/** One indicator corrected by the strategy's planners, or removed while no value was reported. */
export async function load({ params, locals }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	const ctx = requestContext(app, locals);
	const row = await strategyForPage(ctx, params.slug, 'strategy.plan');
	const item = await orPageError(indicatorForPlanner(ctx, params.slug, params.id));
	const values: Record<string, string> = {
		nodeId: item.nodeId,
		code: item.code,
		level: item.level,
		baselineValue: item.baselineValue == null ? '' : String(item.baselineValue),
		baselineYear: item.baselineYear == null ? '' : String(item.baselineYear)
	};
	for (const language of ['fr', 'ar', 'en'] as const) {
		values[`definition_${language}`] = item.definition[language] ?? '';
		values[`unit_${language}`] = item.unit[language] ?? '';
	}
	for (const target of item.targets) values[`target_${target.year}`] = String(target.value);
	return {
		strategy: { slug: row.slug, titles: row.title as Record<string, string> },
		indicator: { id: item.id, code: item.code, reported: item.values, disaggregations: item.disaggregations as string[] },
		values,
		...(await indicatorFormChoices(app.database.db, ctx, row, locals.language))
	};
}

export const actions = {
	save: async ({ params, request, locals }) => {
		const ctx = requestContext(await getApp(), locals);
		const form = await request.formData();
		const { input, targets } = indicatorFormInput(form);
		try {
			await updateIndicator(ctx, params.slug, params.id, input);
		} catch (failure) {
			return indicatorFormFailure(locals.language, failure, form, targets);
		}
		redirect(303, `/${locals.language}/strategy/${params.slug}/plan/indicators?done=saved`);
	},
	remove: async ({ params, request, locals }) => {
		const ctx = requestContext(await getApp(), locals);
		const form = await request.formData();
		try {
			await removeIndicator(ctx, params.slug, params.id);
		} catch (failure) {
			return resultsFailure(locals.language, failure, form, 'remove');
		}
		redirect(303, `/${locals.language}/strategy/${params.slug}/plan/indicators?done=removed`);
	}
};
