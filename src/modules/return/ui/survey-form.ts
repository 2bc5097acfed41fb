// The survey forms' refusals, as their pages show them: a missing answer names its question (fifteen
// "choose one of the values" would tell the person nothing), a round answered already says so.
import { fail } from '@sveltejs/kit';
import { formFailureFrom, formValues } from '../../../platform/http/form.ts';
import { isAppError } from '../../../platform/http/app-error.ts';
import type { Language } from '../../../platform/i18n/languages.ts';
import { translate } from '../../../platform/i18n/translator.ts';
import { surveyIndicators } from '../survey.model.ts';

const conflicts: Record<string, string> = { survey_answered: 'return.survey_already_answered', case_closed: 'return.error_case_closed' };

export function surveyFormFailure(language: Language, failure: unknown, data: FormData) {
	const reason = isAppError(failure) ? String(failure.extra?.reason ?? '') : '';
	if (conflicts[reason]) return fail(409, { values: formValues(data), errors: { '': translate(language, conflicts[reason]) } });
	const refused = formFailureFrom(language, failure, data);
	const errors = refused.data.errors as Record<string, string>;
	for (const indicator of surveyIndicators) {
		if (errors[indicator.key]) errors[indicator.key] = translate(language, 'return.error_survey_question', { question: translate(language, `return.survey_q_${indicator.key}`) });
	}
	return refused;
}
