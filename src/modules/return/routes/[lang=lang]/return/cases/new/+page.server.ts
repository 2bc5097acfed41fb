import { error, fail, redirect } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { formFailureFrom, formValues } from '#platform/http/form.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { translate } from '#platform/i18n/translator.ts';
import { countryOptions } from '#platform/geo/countries.ts';
import { provinceChoiceGroups, regionChoices } from '#platform/geo/place-choices.ts';
import { caseworkerOperators, openReintegrationCaseByEmail } from '#modules/return/reintegration.ts';
import { schemeChoices } from '#modules/return/schemes/schemes.service.ts';

/** The "open a case" form: the returnee's account (by e-mail), their consent, their return and settlement. */
export async function load({ locals }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const ctx = requestContext(await getApp(), locals);
	return {
		operators: (await caseworkerOperators(ctx)).map((row) => ({ value: row.id, label: row.name, isolate: true })),
		countries: countryOptions(locals.language),
		schemes: (await schemeChoices(ctx.db, locals.language)).map(({ value, label, lang }) => ({ value, label, lang })),
		regions: regionChoices(locals.language),
		provinces: provinceChoiceGroups(locals.language)
	};
}

export const actions = {
	default: async ({ request, locals }) => {
		const ctx = requestContext(await getApp(), locals);
		const data = await request.formData();
		let opened;
		try {
			opened = await openReintegrationCaseByEmail(ctx, Object.fromEntries(data));
		} catch (failure) {
			if (isAppError(failure) && failure.extra?.reason === 'case_exists') {
				return fail(409, { values: formValues(data), errors: { email: translate(ctx.language, 'return.error_case_exists') }, existingCaseId: String(failure.extra.caseId) });
			}
			const result = formFailureFrom(ctx.language, failure, data);
			const errors = result.data.errors as Record<string, string>;
			if (errors.email) errors.email = translate(ctx.language, 'return.error_unknown_email');
			if (errors.consent) errors.consent = translate(ctx.language, 'return.error_consent');
			if (errors.schemeId) errors.schemeId = translate(ctx.language, 'return.error_scheme_country');
			return result;
		}
		redirect(303, `/${ctx.language}/return/cases/${opened.id}?done=case_opened`);
	}
};
