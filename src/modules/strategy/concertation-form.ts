// The concertation pages' forms (no JavaScript needed): a body with its member rows to and from the service's
// input, a refusal as the form's failure (what was typed kept, one message per field, the rows numbered as the
// service counts them), the forms' choices in the page's language, and the decision form.
import { fail } from '@sveltejs/kit';
import { asc, eq, inArray } from 'drizzle-orm';
import { organisation } from '../../platform/accounts/accounts.table.ts';
import type { DbOrTx } from '../../platform/db/database.ts';
import { countryName } from '../../platform/geo/countries.ts';
import { isAppError } from '../../platform/http/app-error.ts';
import { formValues } from '../../platform/http/form.ts';
import { isolate, pickText } from '../../platform/i18n/content-language.ts';
import type { Language } from '../../platform/i18n/languages.ts';
import { translate } from '../../platform/i18n/translator.ts';
import { rowsOf, rowValues, withBlankRow, type FormValues } from '../../platform/ui/pickers/rows.ts';
import { placeChoices } from './places.ts';
import { concertationRoles, concertationStatuses, recommendationHorizons, recommendationKinds, type StrategyCountry } from './strategy.model.ts';
import { concertationBody, strategy } from './strategy.table.ts';
import type { bodyForEdit } from './concertation.service.ts';

/** The member rows' columns (RowsField `members.<n>.<column>`). */
export const MEMBER_COLUMNS = ['organisationId', 'role', 'since', 'until'] as const;

const text = (values: FormValues, name: string) => {
	const value = values[name];
	return (Array.isArray(value) ? (value[0] ?? '') : (value ?? '')).trim();
};

/** The submitted form as it was typed. */
export function bodyValues(form: FormData): FormValues {
	const values: FormValues = {};
	for (const key of new Set(form.keys())) values[key] = String(form.get(key) ?? '');
	return values;
}

/**
 * The member rows filled in: a row with neither organisation nor dates is blank, whatever its role (a select's
 * first choice, sent for the blank row the form shows again after a refusal).
 */
const memberRows = (values: FormValues) => rowsOf(values, 'members', MEMBER_COLUMNS).filter((row) => row.organisationId || row.since || row.until);

/** The form as the service's input (blank member rows dropped). */
export function bodyFromForm(values: FormValues) {
	return {
		country: text(values, 'country') || 'MA',
		region: text(values, 'region'),
		name: { fr: text(values, 'name_fr'), ar: text(values, 'name_ar'), en: text(values, 'name_en') },
		termsOfReference: { fr: text(values, 'terms_fr'), ar: text(values, 'terms_ar'), en: text(values, 'terms_en') },
		originalLanguage: text(values, 'originalLanguage') || 'fr',
		establishedOn: text(values, 'establishedOn'),
		status: text(values, 'status') || 'active',
		strategyId: text(values, 'strategyId'),
		members: memberRows(values).map((row) => ({ organisationId: row.organisationId, role: row.role || 'member', since: row.since, until: row.until }))
	};
}

/** The no-JavaScript "add a member": the form again with one more blank row; null when another button was pressed. */
export function withAddedMember(values: FormValues): FormValues | null {
	return values.addRow === 'members' ? withBlankRow(values, 'members', MEMBER_COLUMNS) : null;
}

/** The values with the filled member rows numbered from 0, as the service counts them (its errors name `members.<n>`). */
function compacted(values: FormValues): FormValues {
	const kept = Object.fromEntries(Object.entries(values).filter(([key]) => !/^members\.\d+\./.test(key)));
	return { ...kept, ...rowValues('members', memberRows(values)) };
}

/** A refused body as the form's failure: values kept, one message per field (texts and member cells named as the form names them). */
export function bodyFailure(language: Language, error: unknown, values: FormValues) {
	if (!isAppError(error)) throw error;
	const errors: Record<string, string> = {};
	for (const problem of error.fields) {
		const field = problem.path.replace(/^name\./, 'name_').replace(/^termsOfReference\./, 'terms_').replace(/^(members\.\d+\.\w+).*$/, '$1');
		errors[field] ??= translate(language, `errors.${problem.messageKey}`, problem.values);
	}
	const reason = typeof error.extra?.reason === 'string' ? error.extra.reason : null;
	if (errors.name_fr && !text(values, 'name_fr') && !text(values, 'name_ar') && !text(values, 'name_en')) errors.name_fr = translate(language, 'strategy.concertation_error_name');
	if (errors.terms_fr && !text(values, 'terms_fr') && !text(values, 'terms_ar') && !text(values, 'terms_en')) errors.terms_fr = translate(language, 'strategy.concertation_error_terms');
	// a region of another country than the body's, a plan of another country's: said in words, the country named
	const country = typeof error.extra?.country === 'string' ? countryName(error.extra.country, language) : '';
	if (reason === 'region_of_another_country' && errors.region) errors.region = translate(language, 'strategy.concertation_error_region_of_another_country', { country });
	if (errors.strategyId && reason === 'strategy_of_another_country') errors.strategyId = translate(language, 'strategy.concertation_error_strategy_of_another_country', { country });
	if (errors.region && !text(values, 'region')) errors.region = translate(language, 'strategy.concertation_error_region');
	for (const key of Object.keys(errors)) {
		if (/^members\.\d+\.until$/.test(key)) errors[key] = translate(language, 'strategy.concertation_error_until');
		if (reason === 'member_twice' && /^members\.\d+\.organisationId$/.test(key) && errors[key] === translate(language, 'errors.field_invalid')) errors[key] = translate(language, 'strategy.concertation_error_member_twice');
	}
	if (!Object.keys(errors).length) errors[''] = translate(language, `errors.${error.code}`, error.values);
	return fail(error.status, { values: compacted(values), errors });
}

/**
 * The body form's controlled lists, in the page's language, for the countries whose bodies the person manages:
 * the countries, their regions grouped by country (names from the places' lists, the French one marked where no
 * Arabic name is known), statuses, roles, organisations, and the strategies of those countries.
 */
export async function bodyChoices(db: DbOrTx, language: Language, countries: readonly StrategyCountry[]) {
	return {
		countries: countries.map((code) => ({ value: code, label: countryName(code, language) })),
		regionGroups: countries.map((code) => ({ label: countryName(code, language), choices: placeChoices(code, language) })),
		statuses: concertationStatuses.map((value) => ({ value, label: translate(language, `strategy.concertation_status_${value}`) })),
		roles: concertationRoles.map((value) => ({ value, label: translate(language, `strategy.concertation_role_${value}`) })),
		organisations: await organisationOptions(db),
		strategies: (
			countries.length ? await db.select({ id: strategy.id, title: strategy.title, country: strategy.country, isSample: strategy.isSample }).from(strategy).where(inArray(strategy.country, [...countries])).orderBy(asc(strategy.isSample), asc(strategy.slug)) : []
		).map((entry) => {
			const title = pickText(entry.title as Record<string, string>, language);
			return { value: entry.id, label: title.text, lang: title.lang === language ? undefined : title.lang };
		})
	};
}

/** The active organisations by name (with their acronym), for a select: names, never ids, are what people see. */
export async function organisationOptions(db: DbOrTx) {
	const rows = await db.select({ id: organisation.id, name: organisation.name, acronym: organisation.acronym }).from(organisation).where(eq(organisation.status, 'active')).orderBy(asc(organisation.name));
	return rows.map((entry) => ({ value: entry.id, label: isolate(entry.acronym ? `${entry.name} (${entry.acronym})` : entry.name) }));
}

/** A body as its edit form's values. */
export function bodyFormValues(found: Awaited<ReturnType<typeof bodyForEdit>>): FormValues {
	const { row, members } = found;
	return {
		country: row.country,
		region: row.region,
		name_fr: row.name.fr ?? '',
		name_ar: row.name.ar ?? '',
		name_en: row.name.en ?? '',
		terms_fr: row.termsOfReference.fr ?? '',
		terms_ar: row.termsOfReference.ar ?? '',
		terms_en: row.termsOfReference.en ?? '',
		originalLanguage: row.originalLanguage,
		establishedOn: row.establishedOn ?? '',
		status: row.status,
		strategyId: row.strategyId ?? '',
		...rowValues('members', members.map((member) => ({ organisationId: member.organisationId, role: member.role, since: member.since ?? '', until: member.until ?? '' })))
	};
}

// ---------- the decision form ----------

/** The decision form's lists: kinds, horizons, organisations (the owner). */
export async function decisionChoices(db: DbOrTx, language: Language) {
	return {
		kinds: recommendationKinds.map((value) => ({ value, label: translate(language, `strategy.kind_item_${value}`) })),
		horizons: recommendationHorizons.map((value) => ({ value, label: translate(language, `strategy.horizon_${value}`) })),
		owners: await organisationOptions(db)
	};
}

/** A refused decision as the form's failure: a due day before the meeting and an unknown owner said in plain words. */
export function decisionFailure(language: Language, error: unknown, form: FormData, message?: string) {
	if (!isAppError(error)) throw error;
	const errors: Record<string, string> = message ? { '': message } : {};
	for (const problem of error.fields) errors[problem.path.split('.')[0]] ??= translate(language, `errors.${problem.messageKey}`, problem.values);
	if (error.extra?.reason === 'due_before_meeting') errors.dueOn = translate(language, 'strategy.concertation_error_due_before_meeting');
	if (errors.dueYear) {
		errors.dueOn ??= errors.dueYear;
		delete errors.dueYear;
	}
	if (errors.ownerOrganisationId) errors.ownerOrganisationId = translate(language, 'strategy.concertation_error_owner');
	if (!Object.keys(errors).length) errors[''] = translate(language, `errors.${error.code}`, error.values);
	return fail(error.status, { values: formValues(form), errors });
}

/** The tracker form's concertation bodies (where a recommendation or decision comes from). */
export async function bodyOptions(db: DbOrTx, language: Language) {
	const rows = await db.select({ id: concertationBody.id, slug: concertationBody.slug, name: concertationBody.name, isSample: concertationBody.isSample }).from(concertationBody).orderBy(asc(concertationBody.isSample), asc(concertationBody.slug));
	const sample = translate(language, 'strategy.sample_badge');
	return rows.map((entry) => {
		const name = pickText(entry.name as Record<string, string>, language);
		return { value: entry.id, slug: entry.slug, label: entry.isSample ? `${name.text} (${sample})` : name.text, lang: name.lang === language ? undefined : name.lang };
	});
}
