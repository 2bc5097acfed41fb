import { error, redirect } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { translate } from '#platform/i18n/translator.ts';
import { strategyDetail } from '#modules/strategy/strategy.service.ts';
import { createIndicator, indicatorsOf, periodYears } from '#modules/strategy/results.service.ts';
import { resultsFailure } from '#modules/strategy/results-form.ts';
import { strategyForPage } from '#modules/strategy/plan-page.ts';
import { DISAGGREGATIONS, INDICATOR_LEVELS } from '#modules/strategy/strategy.model.ts';
import type { TreeNode } from '#modules/strategy/strategy.schemas.ts';

export async function load({ params, locals, url }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	const ctx = requestContext(app, locals);
	const row = await strategyForPage(ctx, params.slug, 'strategy.plan');
	const detail = await strategyDetail(app.database.db, params.slug, locals.language, {}, { canPlan: () => true });
	// every node of the tree, actions included, indented by depth: what an indicator may measure
	const nodes: { value: string; label: string }[] = [];
	const walk = (items: TreeNode[], depth: number) => {
		for (const item of items) {
			nodes.push({ value: item.id, label: `${'\u00a0\u00a0'.repeat(depth)}${translate(locals.language, `strategy.kind_${item.kind}`)} — ${item.title}` });
			walk(item.children, depth + 1);
		}
	};
	walk(detail.tree, 0);
	return {
		strategy: { slug: row.slug, titles: row.title as Record<string, string> },
		indicators: (await indicatorsOf(app.database.db, row, locals.language)).map((item) => ({ id: item.id, code: item.code, definition: item.definition, node: item.node, isSample: item.isSample })),
		nodes,
		years: periodYears(row, ctx.now()),
		levels: INDICATOR_LEVELS.map((value) => ({ value, label: translate(locals.language, `strategy.level_${value}`) })),
		disaggregations: DISAGGREGATIONS.map((value) => ({ value, label: translate(locals.language, `strategy.disaggregation_${value}`) })),
		done: url.searchParams.get('done')
	};
}

export const actions = {
	add: async ({ params, request, locals }) => {
		const app = await getApp();
		const ctx = requestContext(app, locals);
		const form = await request.formData();
		const field = (name: string) => String(form.get(name) ?? '').trim();
		const targets = [...form.keys()]
			.filter((key) => /^target_\d{4}$/.test(key) && field(key) !== '')
			.map((key) => ({ year: key.slice(7), value: field(key) }));
		try {
			await createIndicator(ctx, params.slug, {
				nodeId: field('nodeId'),
				code: field('code'),
				definition: { fr: field('definition_fr'), ar: field('definition_ar'), en: field('definition_en') },
				unit: { fr: field('unit_fr'), ar: field('unit_ar'), en: field('unit_en') },
				level: field('level'),
				disaggregations: form.getAll('disaggregations').map(String),
				baselineValue: field('baselineValue'),
				baselineYear: field('baselineYear'),
				targets
			});
		} catch (failure) {
			const result = resultsFailure(locals.language, failure, form, 'indicator');
			// `definition.fr` → `definition_fr`, `targets.2.value` → the year's field
			const errors = result.data.errors;
			if (isAppError(failure))
				for (const problem of failure.fields) {
					const [head, second] = problem.path.split('.');
					if ((head === 'definition' || head === 'unit') && second) errors[`${head}_${second}`] = errors[head] ?? translate(locals.language, `errors.${problem.messageKey}`);
					if (head === 'targets' && second) errors[`target_${targets[Number(second)]?.year}`] = errors[head] ?? translate(locals.language, `errors.${problem.messageKey}`);
					if (head === 'definition' || head === 'unit' || head === 'targets') delete errors[head];
				}
			return result;
		}
		redirect(303, `/${locals.language}/strategy/${params.slug}/plan/indicators?done=added`);
	}
};
