import { fail } from '@sveltejs/kit';
import { translate } from '../../platform/i18n/translator.ts';
import type { Language } from '../../platform/i18n/languages.ts';
import { regions } from '../../platform/geo/morocco.ts';
import { formFailureFrom, formValues } from '../../platform/http/form.ts';
import { isAppError } from '../../platform/http/app-error.ts';
import { pickText } from '../../platform/i18n/content-language.ts';
import type { DirectoryEntryWithOrganisation } from '../../platform/directory/directory.service.ts';
import type { DbOrTx } from '../../platform/db/database.ts';
import { organisation } from '../../platform/accounts/accounts.table.ts';
import { asc, eq } from 'drizzle-orm';
import { linkChoices, type ResolvedLink } from '../../platform/kernel/links.ts';
import { INITIATIVE_LINK } from './programmes.ts';

/** The Atlas initiatives a programme can belong to, named in the page's language; samples say so. */
export async function initiativeOptions(db: DbOrTx, language: Language) {
	const sample = translate(language, 'support.sample_badge');
	return (await linkChoices(db, INITIATIVE_LINK, language)).map((choice) => ({
		value: choice.value,
		label: choice.isSample ? `${choice.label} (${sample})` : choice.label,
		keywords: choice.keywords,
		lang: choice.lang
	}));
}

/** The organisations a programme can say it is funded by: every published one, "Name (ACRONYM)". */
export async function funderOptions(db: DbOrTx) {
	const rows = await db
		.select({ id: organisation.id, name: organisation.name, acronym: organisation.acronym })
		.from(organisation)
		.where(eq(organisation.status, 'active'))
		.orderBy(asc(organisation.name));
	return rows.map((row) => ({ value: row.id, label: row.acronym && !row.name.includes(`(${row.acronym})`) ? `${row.name} (${row.acronym})` : row.name }));
}

/** Fields whose "required" means "in at least one language" or "at least one choice". */
const oneLanguageFields = ['title_fr', 'body_fr', 'name_fr', 'description_fr'];
const choiceFields = ['services', 'languages'];

/** Replaces the generic messages of the support forms by clearer ones. */
export function clarifyErrors(language: Language, errors: Record<string, string>): Record<string, string> {
	const result = { ...errors };
	for (const field of oneLanguageFields) if (result[field]) result[field] = translate(language, 'support.error_one_language');
	for (const field of choiceFields) if (result[field]) result[field] = translate(language, 'support.error_choose_one');
	return result;
}

/** A service failure on a support form: stale version has its own message. */
export function supportFormFailure(language: Language, error: unknown, data: FormData) {
	if (isAppError(error) && error.extra?.reason === 'stale_version') {
		return fail(409, {
			values: formValues(data),
			errors: { '': translate(language, 'support.error_stale_version', { version: Number(error.extra.currentVersion) }) }
		});
	}
	return formFailureFrom(language, error, data);
}

export function regionName(iso: string, language: Language): string {
	const region = regions.find((row) => row.iso === iso);
	if (!region) return iso;
	return language === 'ar' ? region.nameAr : language === 'en' ? region.nameEn : region.nameFr;
}

export function regionOptions(language: Language) {
	return regions.map((region) => ({ value: region.iso, label: regionName(region.iso, language) }));
}

/** What a page shows of a programme, in the reader's language (with fallback). */
export function programmeView(
	{ entry: programme, organisation }: DirectoryEntryWithOrganisation,
	language: Language,
	funders: { name: string; acronym: string | null; slug: string }[] = [],
	initiatives: ResolvedLink[] = []
) {
	const name = pickText(programme.name, language);
	const description = pickText(programme.description, language);
	const eligibility = pickText(programme.eligibility, language);
	return {
		id: programme.id,
		organisation,
		name: name.text,
		nameLanguage: name.lang,
		description: description.text,
		descriptionLanguage: description.lang,
		eligibility: eligibility.text,
		eligibilityLanguage: eligibility.lang,
		fallback: name.fallback || description.fallback,
		services: programme.services,
		cities: programme.cities,
		regions: programme.regions.map((iso) => ({ iso, name: regionName(iso, language) })),
		languages: programme.languages,
		phone: programme.phone,
		email: programme.email,
		address: programme.address,
		website: programme.website,
		funders,
		initiatives: initiatives.map((link) => ({ label: link.label, lang: link.lang, href: `/${language}${link.path}`, isSample: link.isSample })),
		isSample: programme.isSample,
		archived: programme.status === 'archived'
	};
}

/** The edit form's starting values for a programme (text fields and the chosen checkboxes). */
export function programmeFormValues(programme: DirectoryEntryWithOrganisation['entry'] | null, organisationId = '') {
	const values: Record<string, string> = { organisationId: programme?.organisationId ?? organisationId };
	for (const language of ['fr', 'ar', 'en'] as const) {
		values[`name_${language}`] = programme?.name[language] ?? '';
		values[`description_${language}`] = programme?.description[language] ?? '';
		values[`eligibility_${language}`] = programme?.eligibility[language] ?? '';
	}
	values.cities = programme?.cities.join(', ') ?? '';
	values.phone = programme?.phone ?? '';
	values.email = programme?.email ?? '';
	values.address = programme?.address ?? '';
	values.website = programme?.website ?? '';
	return {
		values,
		chosen: { services: programme?.services ?? [], regions: programme?.regions ?? [], languages: programme?.languages ?? [], funderIds: programme?.funderIds ?? [], links: programme?.links ?? [] }
	};
}

/** The boxes ticked in a submitted programme form (to tick them again after an error). */
export function chosenFrom(data: FormData) {
	const strings = (name: string) => data.getAll(name).filter((value): value is string => typeof value === 'string');
	return { services: strings('services'), regions: strings('regions'), languages: strings('languages'), funderIds: strings('funderIds'), links: strings('links') };
}
