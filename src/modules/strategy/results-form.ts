// The reporters' and owner's forms: a refused value or review as the form's failure, the rule in words.
import { fail } from '@sveltejs/kit';
import { isAppError } from '../../platform/http/app-error.ts';
import { formLists, formValues } from '../../platform/http/form.ts';
import { translate } from '../../platform/i18n/translator.ts';
import type { Language } from '../../platform/i18n/languages.ts';

const REASONS: Record<string, string> = {
	period_outside_strategy: 'strategy.reason_period_outside',
	region_not_disaggregated: 'strategy.reason_region_not_disaggregated',
	region_unknown: 'strategy.reason_region_not_disaggregated',
	indicator_of_another_strategy: 'strategy.reason_indicator_other_strategy',
	value_already_approved: 'strategy.reason_value_approved',
	value_not_waiting: 'strategy.reason_value_not_waiting',
	reason_required: 'strategy.reason_return_reason'
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
