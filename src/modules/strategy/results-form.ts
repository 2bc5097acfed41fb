// The reporters' and owner's forms: a refused value or review as the form's failure, the rule in words.
import { fail } from '@sveltejs/kit';
import { isAppError } from '../../platform/http/app-error.ts';
import { formLists, formValues } from '../../platform/http/form.ts';
import type { DbOrTx } from '../../platform/db/database.ts';
import type { RequestContext } from '../../platform/kernel/context.ts';
import { DISAGGREGATIONS, INDICATOR_LEVELS } from './strategy.model.ts';
import type { TreeNode } from './strategy.schemas.ts';
import { strategyDetail } from './strategy.service.ts';
import { periodYears } from './results.service.ts';
import type { StrategyRow } from './strategy.table.ts';
import { translate } from '../../platform/i18n/translator.ts';
import type { Language } from '../../platform/i18n/languages.ts';

const REASONS: Record<string, string> = {
	period_outside_strategy: 'strategy.reason_period_outside',
	region_not_disaggregated: 'strategy.reason_region_not_disaggregated',
	region_unknown: 'strategy.reason_region_not_disaggregated',
	region_of_another_country: 'strategy.reason_region_of_another_country',
	indicator_of_another_strategy: 'strategy.reason_indicator_other_strategy',
	value_already_approved: 'strategy.reason_value_approved',
	dimension_not_declared: 'strategy.reason_dimension_not_declared',
	part_category_unknown: 'strategy.reason_part_category_unknown',
	part_twice: 'strategy.reason_part_twice',
	parts_above_total: 'strategy.reason_parts_above_total',
	value_not_waiting: 'strategy.reason_value_not_waiting',
	reason_required: 'strategy.reason_return_reason',
	disaggregation_in_use: 'strategy.reason_disaggregation_in_use',
	indicator_has_values: 'strategy.reason_indicator_has_values',
	evidence_document_unknown: 'strategy.reason_evidence_document'
};

/** `form` names which form failed (a page has several), so that only it shows the values and errors. */
export function resultsFailure(language: Language, error: unknown, data: FormData, form: string) {
	if (!isAppError(error)) throw error;
	const errors: Record<string, string> = {};
	const reason = typeof error.extra?.reason === 'string' ? error.extra.reason : null;
	const field = error.fields[0]?.path.split('.')[0] ?? '';
	if (reason && REASONS[reason]) errors[field] = translate(language, REASONS[reason]);
	for (const problem of error.fields) errors[problem.path.split('.')[0]] ??= translate(language, `errors.${problem.messageKey}`, problem.values);
	if (!Object.keys(errors).length) errors[''] = translate(language, `errors.${error.code}`, error.values);
	return fail(error.status, { form, values: formValues(data), lists: formLists(data), errors });
}

/** How many nationality lines the reporting form offers (the most numerous nationalities; the rest stays unknown). */
export const NATIONALITY_ROWS = 5;

/**
 * A value's parts from the reporting form's fields: `part_sex_<category>`, `part_age_<group>`, and
 * `part_nationality_country_<n>` with `part_nationality_value_<n>`; blank fields are parts not given.
 */
export function partsFromForm(form: FormData): { dimension: string; category: string; value: string }[] {
	const parts: { dimension: string; category: string; value: string }[] = [];
	for (const [name, raw] of form.entries()) {
		const value = String(raw).trim();
		const match = /^part_(sex|age)_(.+)$/.exec(name);
		if (match && value) parts.push({ dimension: match[1], category: match[2], value });
	}
	for (let row = 1; row <= NATIONALITY_ROWS; row++) {
		const country = String(form.get(`part_nationality_country_${row}`) ?? '').trim();
		const value = String(form.get(`part_nationality_value_${row}`) ?? '').trim();
		// a line with only one of its two fields is refused as a part without its category (or its number)
		if (country || value) parts.push({ dimension: 'nationality', category: country, value });
	}
	return parts;
}

/** An indicator's form (adding or correcting one) as the service's input, and its targets by year. */
export function indicatorFormInput(form: FormData) {
	const field = (name: string) => String(form.get(name) ?? '').trim();
	const targets = [...form.keys()].filter((key) => /^target_\d{4}$/.test(key) && field(key) !== '').map((key) => ({ year: key.slice(7), value: field(key) }));
	return {
		targets,
		input: {
			nodeId: field('nodeId'),
			code: field('code'),
			definition: { fr: field('definition_fr'), ar: field('definition_ar'), en: field('definition_en') },
			unit: { fr: field('unit_fr'), ar: field('unit_ar'), en: field('unit_en') },
			level: field('level'),
			disaggregations: form.getAll('disaggregations').map(String),
			baselineValue: field('baselineValue'),
			baselineYear: field('baselineYear'),
			targets
		}
	};
}

/** A refused indicator form: `definition.fr` on `definition_fr`, `targets.2.value` on its year's field. */
export function indicatorFormFailure(language: Language, failure: unknown, form: FormData, targets: { year: string }[]) {
	const result = resultsFailure(language, failure, form, 'indicator');
	const errors = result.data.errors;
	if (isAppError(failure))
		for (const problem of failure.fields) {
			const [head, second] = problem.path.split('.');
			if ((head === 'definition' || head === 'unit') && second) errors[`${head}_${second}`] = errors[head] ?? translate(language, `errors.${problem.messageKey}`);
			if (head === 'targets' && second) errors[`target_${targets[Number(second)]?.year}`] = errors[head] ?? translate(language, `errors.${problem.messageKey}`);
			if (head === 'definition' || head === 'unit' || head === 'targets') delete errors[head];
		}
	return result;
}

/** What an indicator's form offers: every node of the tree (indented by depth), the years, levels and breakdowns. */
export async function indicatorFormChoices(db: DbOrTx, ctx: RequestContext, row: StrategyRow, language: Language) {
	const detail = await strategyDetail(db, row.slug, language, {}, { canPlan: () => true });
	const nodes: { value: string; label: string }[] = [];
	const walk = (items: TreeNode[], depth: number) => {
		for (const item of items) {
			nodes.push({ value: item.id, label: `${'\u00a0\u00a0'.repeat(depth)}${translate(language, `strategy.kind_${item.kind}`)} — ${item.title}` });
			walk(item.children, depth + 1);
		}
	};
	walk(detail.tree, 0);
	return {
		nodes,
		years: periodYears(row, ctx.now()),
		levels: INDICATOR_LEVELS.map((value) => ({ value, label: translate(language, `strategy.level_${value}`) })),
		disaggregations: DISAGGREGATIONS.map((value) => ({ value, label: translate(language, `strategy.disaggregation_${value}`) }))
	};
}
