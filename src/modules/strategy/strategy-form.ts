// The pages that create a strategy and edit its own details (no JavaScript needed): the form to and from the
// service's input, a refusal as the form's failure (what was typed kept, one localised message per field), and
// the form's choices in the page's language (countries, statuses, organisations by name).
import { fail } from '@sveltejs/kit';
import type { DbOrTx } from '../../platform/db/database.ts';
import { countryName } from '../../platform/geo/countries.ts';
import { isAppError } from '../../platform/http/app-error.ts';
import type { Language } from '../../platform/i18n/languages.ts';
import { translate } from '../../platform/i18n/translator.ts';
import { rowsOf, rowValues, withBlankRow, type FormValues } from '../../platform/ui/pickers/rows.ts';
import { organisationOptions } from './concertation-form.ts';
import { STRATEGY_COUNTRIES, STRATEGY_STATUSES } from './strategy.model.ts';
import type { StrategyRow } from './strategy.table.ts';

/** The source rows' columns (RowsField `sources.<n>.<column>`). */
export const SOURCE_COLUMNS = ['citation', 'url'] as const;

const text = (values: FormValues, name: string) => {
	const value = values[name];
	return (Array.isArray(value) ? (value[0] ?? '') : (value ?? '')).trim();
};

/** The submitted form as it was typed. */
export function strategyValues(form: FormData): FormValues {
	const values: FormValues = {};
	for (const key of new Set(form.keys())) values[key] = String(form.get(key) ?? '');
	return values;
}

/** The form as the service's input (blank source rows dropped; an empty year is no year). */
export function strategyFromForm(values: FormValues) {
	return {
		title: { fr: text(values, 'title_fr'), ar: text(values, 'title_ar'), en: text(values, 'title_en') },
		summary: { fr: text(values, 'summary_fr'), ar: text(values, 'summary_ar'), en: text(values, 'summary_en') },
		country: text(values, 'country'),
		ownerOrganisationId: text(values, 'ownerOrganisationId') || null,
		periodStart: text(values, 'periodStart') || null,
		periodEnd: text(values, 'periodEnd') || null,
		status: text(values, 'status') || 'draft',
		published: text(values, 'published') === 'on',
		sources: rowsOf(values, 'sources', SOURCE_COLUMNS).map((row) => ({ citation: row.citation, ...(row.url ? { url: row.url } : {}) }))
	};
}

/** The no-JavaScript "add a source": the same form with one more blank row; null when another button was pressed. */
export function withAddedSource(values: FormValues): FormValues | null {
	return values.addRow === 'sources' ? withBlankRow(values, 'sources', SOURCE_COLUMNS) : null;
}

/** A strategy as its edit form's values. */
export function strategyFormValues(row: StrategyRow): FormValues {
	return {
		title_fr: row.title.fr ?? '',
		title_ar: row.title.ar ?? '',
		title_en: row.title.en ?? '',
		summary_fr: row.summary.fr ?? '',
		summary_ar: row.summary.ar ?? '',
		summary_en: row.summary.en ?? '',
		country: row.country,
		ownerOrganisationId: row.ownerOrganisationId ?? '',
		periodStart: row.periodStart == null ? '' : String(row.periodStart),
		periodEnd: row.periodEnd == null ? '' : String(row.periodEnd),
		status: row.status,
		published: row.published ? 'on' : '',
		...rowValues(
			'sources',
			row.sources.map((source) => ({ citation: source.citation, url: source.url ?? '' }))
		)
	};
}

/** The form field a service's field path names (`title.fr` → `title_fr`, `sources.1.url` → `sources.1.url`). */
function formFieldOf(path: string): string {
	if (/^(title|summary)\.(fr|ar|en)/.test(path)) return path.slice(0, path.indexOf('.') + 3).replace('.', '_');
	if (/^sources\.\d+\.\w+/.test(path)) return path.replace(/^(sources\.\d+\.\w+).*$/, '$1');
	if (path.startsWith('sources')) return 'sources';
	return path.split('.')[0];
}

/** The values with the filled source rows numbered from 0, as the service counts them (its errors name `sources.<n>`). */
function compacted(values: FormValues): FormValues {
	const kept = Object.fromEntries(Object.entries(values).filter(([key]) => !/^sources\.\d+\./.test(key)));
	return { ...kept, ...rowValues('sources', rowsOf(values, 'sources', SOURCE_COLUMNS)) };
}

/** A refused strategy as the form's failure: values kept, one message per field, the reasons in words. */
export function strategyFailure(language: Language, error: unknown, values: FormValues) {
	if (!isAppError(error)) throw error;
	const errors: Record<string, string> = {};
	const reason = typeof error.extra?.reason === 'string' ? error.extra.reason : null;
	for (const problem of error.fields) errors[formFieldOf(problem.path)] ??= translate(language, `errors.${problem.messageKey}`, problem.values);
	if (errors.title_fr && !text(values, 'title_fr') && !text(values, 'title_ar') && !text(values, 'title_en')) errors.title_fr = translate(language, 'strategy_details.error_title');
	if (reason === 'period_ends_before_start') errors.periodEnd = translate(language, 'strategy_details.error_period');
	if (reason === 'slug_taken') errors.title_fr = translate(language, 'strategy_details.error_slug_taken');
	if (reason === 'country_has_regions') errors.country = translate(language, 'strategy_details.error_country_regions', { count: Number(error.extra?.nodes ?? 0) });
	if (reason === 'country_has_regional_values') errors.country = translate(language, 'strategy_details.error_country_values', { count: Number(error.extra?.values ?? 0) });
	for (const key of Object.keys(errors)) if (/^sources\.\d+\.citation$/.test(key)) errors[key] = translate(language, 'strategy_details.error_citation');
	for (const key of Object.keys(errors)) if (/^sources\.\d+\.url$/.test(key)) errors[key] = translate(language, 'strategy_details.error_url');
	if (!Object.keys(errors).length) errors[''] = translate(language, `errors.${error.code}`, error.values);
	return fail(error.status, { values: compacted(values), errors });
}

/** The form's controlled lists in the page's language. */
export async function strategyChoices(db: DbOrTx, language: Language) {
	return {
		countries: STRATEGY_COUNTRIES.map((code) => ({ value: code, label: countryName(code, language) })),
		statuses: STRATEGY_STATUSES.map((value) => ({ value, label: translate(language, `strategy.status_${value}`) })),
		organisations: await organisationOptions(db)
	};
}
