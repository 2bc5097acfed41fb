// The HTML form of a complete version of an initiative (no JavaScript): to and from InitiativeInput.
import { fail } from '@sveltejs/kit';
import type { InitiativeData } from '../atlas.schemas.ts';
import { initiativeStatuses, initiativeThemes, targetGroups } from '../atlas.table.ts';
import { regions } from '../../../platform/geo/morocco.ts';
import { isAppError } from '../../../platform/http/app-error.ts';
import { translate } from '../../../platform/i18n/translator.ts';
import type { Language } from '../../../platform/i18n/languages.ts';

/** Field name → text, or the checked values of a group of checkboxes. */
export type ProposalFormValues = Record<string, string | string[]>;

const languages = ['fr', 'ar', 'en'] as const;
export const listFields = ['regions', 'themes', 'targetGroups'] as const;

const lines = (value: string) =>
	value
		.split(/\r?\n/)
		.map((line) => line.trim())
		.filter(Boolean);
const cells = (line: string) => line.split('|').map((cell) => cell.trim());
const orNull = (value: string | undefined) => (value && value.trim() ? value.trim() : null);
const numberOrNull = (value: string | undefined) => {
	if (!value || !value.trim()) return null;
	const parsed = Number(value.replace(/\s/g, '').replace(',', '.'));
	return Number.isFinite(parsed) ? parsed : value;
};

/** The submitted form as it was typed (to refill the form after an error). */
export function valuesFromForm(data: FormData): ProposalFormValues {
	const values: ProposalFormValues = {};
	for (const key of new Set(data.keys())) {
		const all = data.getAll(key).filter((value): value is string => typeof value === 'string');
		values[key] = (listFields as readonly string[]).includes(key) ? all : (all[0] ?? '');
	}
	for (const key of listFields) values[key] ??= [];
	return values;
}

/** The form's fields as an InitiativeInput (validated later by the service). */
export function initiativeFromForm(values: ProposalFormValues): Record<string, unknown> {
	const text = (key: string) => {
		const value = values[key];
		return typeof value === 'string' ? value : '';
	};
	const list = (key: string) => {
		const value = values[key];
		return Array.isArray(value) ? value : value ? [value] : [];
	};
	const translated = (field: string) =>
		Object.fromEntries(languages.flatMap((language) => (text(`${field}_${language}`).trim() ? [[language, text(`${field}_${language}`).trim()]] : [])));
	const budgetTotal = numberOrNull(text('budgetTotal'));
	return {
		title: translated('title'),
		summary: translated('summary'),
		description: translated('description'),
		status: text('status'),
		plannedStart: orNull(text('plannedStart')),
		plannedEnd: orNull(text('plannedEnd')),
		actualStart: orNull(text('actualStart')),
		actualEnd: orNull(text('actualEnd')),
		startYear: numberOrNull(text('startYear')),
		endYear: numberOrNull(text('endYear')),
		nationalScope: text('nationalScope') === 'on' || text('nationalScope') === 'true',
		regions: list('regions'),
		provinces: text('provinces')
			.split(/[,\s]+/)
			.map((code) => code.trim().toUpperCase())
			.filter(Boolean),
		communes: orNull(text('communes')),
		countries: text('countries')
			.split(/[,\s]+/)
			.map((code) => code.trim())
			.filter(Boolean),
		points: lines(text('points')).map((line) => {
			const [lat, lon, label] = cells(line);
			return { lat: numberOrNull(lat), lon: numberOrNull(lon), ...(label ? { label } : {}) };
		}),
		themes: list('themes'),
		targetGroups: list('targetGroups'),
		budget: budgetTotal === null && !text('budgetCurrency').trim() ? null : { total: budgetTotal, currency: text('budgetCurrency').trim() || 'EUR' },
		organisations: lines(text('organisations')).map((line) => {
			const [organisation, role, amount, currency] = cells(line);
			return { organisation, role, amount: numberOrNull(amount), currency: orNull(currency) };
		}),
		deliverables: lines(text('deliverables')).map((line) => {
			const [title, url] = cells(line);
			return { title, url: orNull(url) };
		}),
		sources: lines(text('sources')).map((line) => {
			const [citation, url, date] = cells(line);
			return { citation, url: orNull(url), date: orNull(date) };
		}),
		contact: orNull(text('contact')),
		website: orNull(text('website')),
		iatiIdentifier: orNull(text('iatiIdentifier')),
		lastVerifiedOn: orNull(text('lastVerifiedOn'))
	};
}

/** A version as the form's fields (to start a proposal from the current version, or to edit a proposal). */
export function formFromInitiative(data: Partial<InitiativeData> | Record<string, unknown>): ProposalFormValues {
	const d = data as Partial<InitiativeData>;
	const values: ProposalFormValues = {};
	for (const field of ['title', 'summary', 'description'] as const) {
		for (const language of languages) values[`${field}_${language}`] = (d[field] as Record<string, string> | undefined)?.[language] ?? '';
	}
	const plain = (value: unknown) => (value === null || value === undefined ? '' : String(value));
	values.status = plain(d.status);
	for (const key of ['plannedStart', 'plannedEnd', 'actualStart', 'actualEnd', 'startYear', 'endYear', 'communes', 'contact', 'website', 'iatiIdentifier', 'lastVerifiedOn'] as const) {
		values[key] = plain(d[key]);
	}
	values.nationalScope = d.nationalScope ? 'on' : '';
	values.regions = [...(d.regions ?? [])];
	values.themes = [...(d.themes ?? [])];
	values.targetGroups = [...(d.targetGroups ?? [])];
	values.provinces = (d.provinces ?? []).join(', ');
	values.countries = (d.countries ?? []).join(', ');
	values.points = (d.points ?? []).map((point) => [point.lat, point.lon, point.label].filter((cell) => cell !== undefined).join(' | ')).join('\n');
	values.budgetTotal = d.budget ? String(d.budget.total) : '';
	values.budgetCurrency = d.budget?.currency ?? '';
	values.organisations = (d.organisations ?? [])
		.map((entry) => [entry.organisation, entry.role, entry.amount ?? '', entry.currency ?? ''].join(' | ').replace(/( \| )+$/, ''))
		.join('\n');
	values.deliverables = (d.deliverables ?? []).map((entry) => [entry.title, entry.url ?? ''].join(' | ').replace(/ \| $/, '')).join('\n');
	values.sources = (d.sources ?? [])
		.map((entry) => [entry.citation, entry.url ?? '', entry.date ?? ''].join(' | ').replace(/( \| )+$/, ''))
		.join('\n');
	return values;
}

/** The form field that shows the problem found at a path of InitiativeInput. */
export function formFieldOf(path: string): string {
	const [head, second] = path.split('.');
	if (['title', 'summary', 'description'].includes(head)) return `${head}_${second && languages.includes(second as 'fr') ? second : 'fr'}`;
	if (head === 'budget') return second === 'currency' ? 'budgetCurrency' : 'budgetTotal';
	return head || '';
}

/** A failed submission of the proposal form: the values typed, and a localised message per form field. */
export function proposalFailure(language: Language, error: unknown, values: ProposalFormValues) {
	if (!isAppError(error)) throw error;
	if (error.code === 'conflict' && error.extra?.reason === 'stale_version') {
		return fail(409, { values, errors: { '': translate(language, 'moderation.error_stale', { current: Number(error.extra.currentVersion) }) }, stale: true });
	}
	const errors: Record<string, string> = {};
	for (const problem of error.fields) errors[formFieldOf(problem.path)] ??= translate(language, `errors.${problem.messageKey}`, problem.values);
	if (!error.fields.length) errors[''] = translate(language, `errors.${error.code}`, error.values);
	return fail(error.status, { values, errors, stale: false });
}

/** The controlled lists the form offers, with the regions named in the language. */
export function proposalChoices(language: Language) {
	return {
		statuses: [...initiativeStatuses] as string[],
		themes: [...initiativeThemes] as string[],
		targetGroups: [...targetGroups] as string[],
		regions: regions.map((region) => ({ iso: region.iso, name: language === 'ar' ? region.nameAr : language === 'en' ? region.nameEn : region.nameFr }))
	};
}
export type ProposalChoices = ReturnType<typeof proposalChoices>;
