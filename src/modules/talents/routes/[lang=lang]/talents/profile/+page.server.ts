import { error, fail } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { formFailureFrom, parseForm } from '#platform/http/form.ts';
import { translate } from '#platform/i18n/translator.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { countryOptions } from '#platform/geo/countries.ts';
import { regionChoices } from '#platform/geo/place-choices.ts';
import { spokenLanguageOptions } from '#platform/i18n/spoken-languages.ts';
import { pickText } from '#platform/i18n/content-language.ts';
import { consentHistory, getOwnProfile, profileView, saveProfile, setConsent } from '#modules/talents/profile.service.ts';
import { myNetworks } from '#modules/talents/networks.service.ts';
import { occupationChoiceGroups } from '#modules/talents/occupations.ts';
import { ConsentForm, languageRows, TalentProfileForm } from '#modules/talents/talents.schemas.ts';
import { formFieldErrors } from './profile-form.ts';
import { profileViews } from '#modules/talents/missions/candidates.service.ts';
import { completedMissions } from '#modules/talents/missions/missions.service.ts';

export async function load({ locals }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	const ctx = requestContext(app, locals);
	const row = await getOwnProfile(ctx);
	return {
		profile: row ? profileView(row) : null,
		consentHistory: row ? (await consentHistory(app.database.db, row.userId)).map((entry) => ({ level: entry.level, at: entry.at.toISOString() })) : [],
		// who looked at my profile: the organisations that saw it for a mission, by mission
		views: row ? (await profileViews(ctx)).map((entry) => ({ ...entry, title: pickText(entry.title, locals.language) })) : [],
		completedMissions: row ? await completedMissions(app.database.db, row.userId) : 0,
		networks: (await myNetworks(ctx)).map((entry) => ({ slug: entry.slug, name: pickText(entry.name, locals.language), status: entry.status })),
		occupations: await occupationChoiceGroups(app.database.db, locals.language),
		countries: countryOptions(locals.language),
		regions: regionChoices(locals.language),
		spokenLanguages: spokenLanguageOptions(locals.language),
		languageRows
	};
}

export const actions = {
	save: async ({ request, locals }) => {
		const app = await getApp();
		const data = await request.formData();
		const parsed = parseForm(locals.language, TalentProfileForm, data);
		if (!parsed.ok) {
			const failure = parsed.failure.data;
			return fail(400, { ...failure, errors: formFieldErrors(failure.errors), form: 'profile' });
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
		if (!parsed.ok) return fail(400, { values: {}, lists: {}, errors: { level: translate(locals.language, 'errors.field_choice') }, form: 'consent' });
		try {
			await setConsent(requestContext(app, locals), parsed.data);
		} catch (failure) {
			if (isAppError(failure) && failure.code === 'conflict') {
				return fail(409, { values: {}, lists: {}, errors: { '': translate(locals.language, 'talents.consent_needs_profile') }, form: 'consent' });
			}
			return formFailureFrom(locals.language, failure, data);
		}
		return { done: 'consent_saved' };
	}
};
