// The HTML form of a complete version of an initiative (no JavaScript): to and from InitiativeInput.
import { fail } from '@sveltejs/kit';
import type { InitiativeData } from '../atlas.schemas.ts';
import { deliverableTypes, initiativeStatuses, initiativeThemes, organisationRoles, partOfRelations, targetGroups } from '../atlas.model.ts';
import { provinceChoiceGroups, regionChoices } from '../../../platform/geo/place-choices.ts';
import { countryCodes, countryName } from '../../../platform/geo/countries.ts';
import { rowsOf, rowValues, withBlankRow } from '../../../platform/ui/pickers/rows.ts';
import { isAppError } from '../../../platform/http/app-error.ts';
import { translate } from '../../../platform/i18n/translator.ts';
import type { Language } from '../../../platform/i18n/languages.ts';

/** Field name → text, or the checked values of a group of checkboxes. */
export type ProposalFormValues = Record<string, string | string[]>;

const languages = ['fr', 'ar', 'en'] as const;
export const listFields = ['regions', 'provinces', 'countries', 'themes', 'targetGroups'] as const;

/** The fields made of rows (RowsField) and their columns. */
export const rowFields = {
	organisations: ['organisation', 'role', 'amount', 'currency', 'propose'],
	points: ['lat', 'lon', 'label'],
	foreignPlaces: ['country', 'region'],
	countryShares: ['country', 'percentage'],
	deliverables: ['title', 'url', 'type', 'status'],
	sources: ['citation', 'url', 'date']
} as const;
export type RowField = keyof typeof rowFields;

/** The values with each row field's filled rows numbered from 0, as the initiative (and its errors) count them. */
export function compactRows(values: ProposalFormValues): ProposalFormValues {
	const rowKey = /^(\w+)\.\d+\.\w+$/;
	const kept = Object.fromEntries(Object.entries(values).filter(([key]) => !((rowKey.exec(key)?.[1] ?? '') in rowFields)));
	return Object.assign(kept, ...Object.entries(rowFields).map(([field, keys]) => rowValues(field, rowsOf(values, field, keys))));
}

/** The form as it was, with one more blank row in the field whose "add a row" was pressed (no JavaScript); null otherwise. */
export function withAddedRow(values: ProposalFormValues): ProposalFormValues | null {
	const field = values.addRow;
	if (typeof field !== 'string' || !(field in rowFields)) return null;
	return withBlankRow(values, field, rowFields[field as RowField]);
}
const orNull = (value: string | undefined) => (value && value.trim() ? value.trim() : null);
/** A day as the date widget sends it (YYYY-MM-DD) or as people write it where there is none (DD/MM/YYYY). */
const dayOrNull = (value: string | undefined) => {
	const written = orNull(value);
	const match = written && /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(written);
	return match ? `${match[3]}-${match[2].padStart(2, '0')}-${match[1].padStart(2, '0')}` : written;
};
const numberOrNull = (value: string | undefined) => {
	if (!value || !value.trim()) return null;
	const parsed = Number(value.replace(/\s/g, '').replace(',', '.'));
	return Number.isFinite(parsed) ? parsed : value;
};

/**
 * A duration in whole months as the sources give it ("48 months", issue #17 rule 18): 1 to 600, or a
 * problem (a message key) — not a whole number, or no start date to count from. Null: none given.
 */
export function durationOf(values: ProposalFormValues): { months: number; start: string } | { problem: 'field_invalid' | 'atlas_shares.duration_needs_start' } | null {
	const written = typeof values.durationMonths === 'string' ? values.durationMonths.trim() : '';
	if (!written) return null;
	const months = /^\d{1,3}$/.test(written) ? Number(written) : NaN;
	if (!Number.isInteger(months) || months < 1 || months > 600) return { problem: 'field_invalid' };
	const start = [values.actualStart, values.plannedStart].map((value) => dayOrNull(typeof value === 'string' ? value : undefined)).find((value) => value && /^\d{4}-\d{2}-\d{2}$/.test(value));
	return start ? { months, start } : { problem: 'atlas_shares.duration_needs_start' };
}

/** The last day of a duration of `months` months from `start` (a project from 2021-04-01 for 48 months ends on 2025-03-31). */
export function endAfter(start: string, months: number): string {
	const [year, month, day] = start.split('-').map(Number);
	const end = new Date(Date.UTC(year, month - 1 + months, day) - 86_400_000);
	return end.toISOString().slice(0, 10);
}

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
	const rows = (field: RowField) => rowsOf(values, field, rowFields[field]);
	const budgetTotal = numberOrNull(text('budgetTotal'));
	const duration = durationOf(values);
	// an end date from a duration, when none is given
	const plannedEnd = dayOrNull(text('plannedEnd')) ?? (duration && 'months' in duration ? endAfter(duration.start, duration.months) : null);
	return {
		title: translated('title'),
		summary: translated('summary'),
		description: translated('description'),
		status: text('status'),
		plannedStart: dayOrNull(text('plannedStart')),
		plannedEnd,
		actualStart: dayOrNull(text('actualStart')),
		actualEnd: dayOrNull(text('actualEnd')),
		startYear: numberOrNull(text('startYear')),
		endYear: numberOrNull(text('endYear')),
		results: translated('results'),
		lessons: translated('lessons'),
		evaluation:
			text('evaluationBy').trim() || text('evaluationDate').trim() || text('evaluationUrl').trim()
				? { by: orNull(text('evaluationBy')), date: dayOrNull(text('evaluationDate')), url: orNull(text('evaluationUrl')) }
				: null,
		partOf: text('partOf').trim() ? { initiative: text('partOf').trim(), relation: text('partOfRelation') || 'component' } : null,
		nationalScope: text('nationalScope') === 'on' || text('nationalScope') === 'true',
		regions: list('regions'),
		provinces: list('provinces'),
		communes: orNull(text('communes')),
		countries: list('countries'),
		points: rows('points').map(({ lat, lon, label }) => ({ lat: numberOrNull(lat), lon: numberOrNull(lon), ...(label ? { label } : {}) })),
		foreignPlaces: rows('foreignPlaces').map(({ country, region }) => ({ country, region })),
		// Morocco's share and the other countries' (issue #17 rule 4): checked by the service as the API's are
		moroccoShare: numberOrNull(text('moroccoShare')),
		countryShares: rows('countryShares').map(({ country, percentage }) => ({ country, percentage: numberOrNull(percentage) })),
		themes: list('themes'),
		targetGroups: list('targetGroups'),
		budget: budgetTotal === null && !text('budgetCurrency').trim() ? null : { total: budgetTotal, currency: text('budgetCurrency').trim() || 'EUR' },
		organisations: rows('organisations').map(({ organisation, role, amount, currency }) => ({
			organisation,
			role,
			amount: numberOrNull(amount),
			currency: orNull(currency)
		})),
		deliverables: rows('deliverables').map(({ title, url, type, status }) => ({ title, url: orNull(url), type: orNull(type), status: orNull(status) ?? 'published' })),
		sources: rows('sources').map(({ citation, url, date }) => ({ citation, url: orNull(url), date: dayOrNull(date) })),
		contact: orNull(text('contact')),
		website: orNull(text('website')),
		iatiIdentifier: orNull(text('iatiIdentifier')),
		lastVerifiedOn: dayOrNull(text('lastVerifiedOn'))
	};
}

/** A version as the form's fields (to start a proposal from the current version, or to edit a proposal). */
export function formFromInitiative(data: Partial<InitiativeData> | Record<string, unknown>): ProposalFormValues {
	const d = data as Partial<InitiativeData>;
	const values: ProposalFormValues = {};
	for (const field of ['title', 'summary', 'description', 'results', 'lessons'] as const) {
		for (const language of languages) values[`${field}_${language}`] = (d[field] as Record<string, string> | undefined)?.[language] ?? '';
	}
	const plain = (value: unknown) => (value === null || value === undefined ? '' : String(value));
	values.status = plain(d.status);
	for (const key of ['plannedStart', 'plannedEnd', 'actualStart', 'actualEnd', 'startYear', 'endYear', 'communes', 'contact', 'website', 'iatiIdentifier', 'lastVerifiedOn'] as const) {
		values[key] = plain(d[key]);
	}
	values.nationalScope = d.nationalScope ? 'on' : '';
	values.partOf = d.partOf?.initiative ?? '';
	values.evaluationBy = d.evaluation?.by ?? '';
	values.evaluationDate = d.evaluation?.date ?? '';
	values.evaluationUrl = d.evaluation?.url ?? '';
	values.partOfRelation = d.partOf?.relation ?? '';
	values.regions = [...(d.regions ?? [])];
	values.themes = [...(d.themes ?? [])];
	values.targetGroups = [...(d.targetGroups ?? [])];
	values.provinces = [...(d.provinces ?? [])];
	values.countries = [...(d.countries ?? [])];
	values.moroccoShare = plain(d.moroccoShare);
	values.budgetTotal = d.budget ? String(d.budget.total) : '';
	values.budgetCurrency = d.budget?.currency ?? '';
	return {
		...values,
		...rowValues(
			'foreignPlaces',
			(d.foreignPlaces ?? []).map((place) => ({ country: place.country, region: place.region }))
		),
		...rowValues(
			'countryShares',
			(d.countryShares ?? []).map((share) => ({ country: share.country, percentage: String(share.percentage) }))
		),
		...rowValues(
			'points',
			(d.points ?? []).map((point) => ({ lat: String(point.lat), lon: String(point.lon), label: point.label ?? '' }))
		),
		...rowValues(
			'organisations',
			(d.organisations ?? []).map((entry) => ({
				organisation: entry.organisation,
				role: entry.role,
				amount: plain(entry.amount),
				currency: entry.currency ?? ''
			}))
		),
		...rowValues(
			'deliverables',
			(d.deliverables ?? []).map((entry) => ({ title: entry.title, url: entry.url ?? '', type: entry.type ?? '', status: entry.status === 'forthcoming' ? 'forthcoming' : '' }))
		),
		...rowValues(
			'sources',
			(d.sources ?? []).map((entry) => ({ citation: entry.citation, url: entry.url ?? '', date: entry.date ?? '' }))
		)
	};
}

/** The form field that shows the problem found at a path of InitiativeInput. */
export function formFieldOf(path: string): string {
	const [head, second, third] = path.split('.');
	if (head === 'evaluation') return `evaluation${(second ?? 'by').charAt(0).toUpperCase()}${(second ?? 'by').slice(1)}`;
	if (['title', 'summary', 'description', 'results', 'lessons'].includes(head)) return `${head}_${second && languages.includes(second as 'fr') ? second : 'fr'}`;
	if (head === 'budget') return second === 'currency' ? 'budgetCurrency' : 'budgetTotal';
	// a cell of a row field (its rows are renumbered from 0 when the form is refilled, as the service counts them)
	if (head in rowFields && /^\d+$/.test(second ?? '') && third) return `${head}.${second}.${third}`;
	return head || '';
}

/** A failed submission of the proposal form: the values typed, and a localised message per form field. */
export function proposalFailure(language: Language, error: unknown, values: ProposalFormValues) {
	if (!isAppError(error)) throw error;
	if (error.code === 'conflict' && error.extra?.reason === 'stale_version') {
		return fail(409, { values, errors: { '': translate(language, 'atlas_moderation.error_stale', { current: Number(error.extra.currentVersion) }) }, stale: true });
	}
	const errors: Record<string, string> = {};
	for (const problem of error.fields) errors[formFieldOf(problem.path)] ??= translate(language, `errors.${problem.messageKey}`, problem.values);
	if (!error.fields.length) errors[''] = translate(language, `errors.${error.code}`, error.values);
	return fail(error.status, { values, errors, stale: false });
}

/** "Name (ACRONYM)", as the organisation field suggests and reads it. */
export const organisationLabel = (entry: { name: string; acronym: string | null }) =>
	entry.acronym && !entry.name.includes(`(${entry.acronym})`) ? `${entry.name} (${entry.acronym})` : entry.name;

/** The controlled lists the form offers, named in the page's language (with their other names to filter by). */
export function proposalChoices(
	language: Language,
	organisations: { slug: string; name: string; acronym: string | null; status: string }[],
	currencies: string[],
	programmes: { slug: string; title: { fr?: string; ar?: string; en?: string } }[] = []
) {
	const collator = new Intl.Collator(language);
	const currencyNames = new Intl.DisplayNames([language], { type: 'currency' });
	return {
		statuses: [...initiativeStatuses] as string[],
		themes: [...initiativeThemes] as string[],
		targetGroups: [...targetGroups] as string[],
		roles: [...organisationRoles] as string[],
		relations: [...partOfRelations] as string[],
		deliverableTypes: [...deliverableTypes] as string[],
		/** the initiatives this one can be part of, by title in the page's language (else another) */
		programmes: programmes
			.map((entry) => {
				const lang = ([language, 'fr', 'en', 'ar'] as const).find((candidate) => entry.title[candidate]);
				return { value: entry.slug, label: lang ? entry.title[lang]! : entry.slug, ...(lang && lang !== language ? { lang } : {}) };
			})
			.sort((a, b) => collator.compare(a.label, b.label)),
		regions: regionChoices(language),
		provinces: provinceChoiceGroups(language),
		countries: countryCodes
			.map((code) => ({ value: code, label: countryName(code, language), keywords: ['fr', 'ar', 'en'].map((other) => countryName(code, other)).join(' ') }))
			.sort((a, b) => collator.compare(a.label, b.label)),
		/** "Name (ACRONYM)" as the organisation field shows and accepts it, by slug; only the published ones are suggested (`listed`) */
		organisations: organisations
			.map((entry) => ({ slug: entry.slug, label: organisationLabel(entry), listed: entry.status === 'active' }))
			.sort((a, b) => collator.compare(a.label, b.label)),
		currencies: [...new Set(['MAD', 'EUR', 'USD', ...currencies])].map((code) => ({ value: code, label: `${code} — ${currencyNames.of(code) ?? code}` }))
	};
}
export type ProposalChoices = ReturnType<typeof proposalChoices>;
