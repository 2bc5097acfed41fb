// What the mentoring pages show of an offer: names in the page's language (country, occupation, languages).
import type { DbOrTx } from '../../../platform/db/database.ts';
import type { Language } from '../../../platform/i18n/languages.ts';
import { countryName } from '../../../platform/geo/countries.ts';
import { spokenLanguageLabel } from '../../../platform/i18n/spoken-languages.ts';
import { occupationTitles } from '../occupations.ts';
import type { MentoringOfferView } from './mentoring.schemas.ts';

export async function offersForPage(db: DbOrTx, language: Language, offers: MentoringOfferView[]) {
	const codes = [...new Set(offers.flatMap((offer) => [offer.occupationCode, offer.mentor.occupationCode].filter((code): code is string => Boolean(code))))];
	const titles = await occupationTitles(db, codes, language);
	const title = (code: string | null) => (code ? (titles.get(code) ?? { title: code }) : null);
	return offers.map((offer) => ({
		...offer,
		mentorCountry: offer.mentor.hostCountry ? countryName(offer.mentor.hostCountry, language) : null,
		occupation: title(offer.occupationCode) ?? title(offer.mentor.occupationCode),
		languageNames: offer.languages.map((code) => spokenLanguageLabel(code, language))
	}));
}
export type OfferForPage = Awaited<ReturnType<typeof offersForPage>>[number];

/** Form values of the offer form: a field sent several times keeps all its values. */
export function offerFromForm(data: FormData) {
	return {
		skills: data.getAll('skills').map(String),
		occupationCode: String(data.get('occupationCode') ?? ''),
		languages: data.getAll('languages').map(String),
		remote: String(data.get('remote') ?? 'yes'),
		hoursPerMonth: String(data.get('hoursPerMonth') ?? ''),
		capacity: String(data.get('capacity') ?? ''),
		about: String(data.get('about') ?? ''),
		aboutLanguage: String(data.get('aboutLanguage') ?? ''),
		status: String(data.get('status') ?? 'open')
	};
}

/** Errors on list items (`languages.0`) are shown on their field. */
export function foldItemErrors(errors: Record<string, string>) {
	for (const key of Object.keys(errors)) {
		const field = key.split('.')[0]!;
		if (field !== key) {
			errors[field] ??= errors[key]!;
			delete errors[key];
		}
	}
}

/** The form's conflicts, by the service's reason. */
export const mentoringConflicts = {
	profile_missing: 'mentoring.error_profile_missing',
	own_offer: 'mentoring.error_own_offer',
	offer_closed: 'mentoring.error_offer_closed',
	already_asked: 'mentoring.error_already_asked',
	capacity_full: 'mentoring.error_capacity_full',
	not_waiting: 'mentoring.error_not_waiting',
	not_accepted: 'mentoring.error_not_accepted'
};
