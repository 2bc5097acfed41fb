import { error, fail } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { formFailureFrom, parseForm } from '#platform/http/form.ts';
import { translate } from '#platform/i18n/translator.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { occupationChoiceGroups } from '#modules/jobs/jobs.service.ts';
import { consentHistory, getOwnProfile, profileView, saveProfile, setConsent } from '#modules/jobs/seekers/seekers.service.ts';
import { ConsentForm, languageRows, ProfileForm } from '#modules/jobs/seekers/seekers.schemas.ts';
import { formFieldErrors } from './profile-form.ts';
import { provinceChoiceGroups } from '#platform/geo/place-choices.ts';
import { countryOptions } from '#platform/geo/countries.ts';
import { spokenLanguageOptions, takesCefrLevel } from '#platform/i18n/spoken-languages.ts';

export async function load({ locals }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	const row = await getOwnProfile(requestContext(app, locals));
	return {
		profile: row ? profileView(row) : null,
		consentHistory: row ? (await consentHistory(app.database.db, row.userId)).map((entry) => ({ scope: entry.scope, at: entry.at.toISOString() })) : [],
		occupations: await occupationChoiceGroups(app.database.db, locals.language),
		countries: countryOptions(locals.language),
		spokenLanguages: spokenLanguageOptions(locals.language).map((option) => ({ ...option, ranked: takesCefrLevel(option.value) })),
		languageRows,
		places: provinceChoiceGroups(locals.language, (region) => translate(locals.language, 'seekers.whole_region', { region })),
		done: ''
	};
}

export const actions = {
	save: async ({ request, locals }) => {
		const app = await getApp();
		const data = await request.formData();
		const parsed = parseForm(locals.language, ProfileForm, data);
		if (!parsed.ok) {
			const failure = parsed.failure.data;
			return fail(400, { values: failure.values, errors: formFieldErrors(failure.errors), form: 'profile' });
		}
		try {
			await saveProfile(requestContext(app, locals), parsed.data);
		} catch (failure) {
			const result = formFailureFrom(locals.language, failure, data);
			return fail(result.status, { ...result.data, errors: formFieldErrors(result.data.errors), form: 'profile' });
		}
		return { done: 'profile_saved' };
	},
	consent: async ({ request, locals }) => {
		const app = await getApp();
		const data = await request.formData();
		const parsed = parseForm(locals.language, ConsentForm, data);
		if (!parsed.ok) return fail(400, { values: {}, errors: { scope: translate(locals.language, 'errors.field_choice') }, form: 'consent' });
		try {
			await setConsent(requestContext(app, locals), { scope: parsed.data.scope === 'none' ? null : parsed.data.scope });
		} catch (failure) {
			if (isAppError(failure) && failure.code === 'conflict') {
				return fail(409, { values: {}, errors: { '': translate(locals.language, 'seekers.consent_needs_profile') }, form: 'consent' });
			}
			return formFailureFrom(locals.language, failure, data);
		}
		return { done: 'consent_saved' };
	}
};
