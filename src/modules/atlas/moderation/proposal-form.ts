// The HTML form of a complete version of an initiative (no JavaScript): to and from InitiativeInput.
import { fail } from '@sveltejs/kit';
import type { InitiativeData } from '../atlas.schemas.ts';
import { deliverableTypes, initiativeStatuses, initiativeThemes, organisationRoles, partOfRelations, targetGroups } from '../atlas.model.ts';
import { provinceChoiceGroups, regionChoices } from '../../../platform/geo/place-choices.ts';
import { communeByCode, communeChoiceGroups } from '../../../platform/geo/communes.ts';
import { countryCodes, countryName } from '../../../platform/geo/countries.ts';
import { rowsOf, rowValues, withBlankRow } from '../../../platform/ui/pickers/rows.ts';
import { isAppError } from '../../../platform/http/app-error.ts';
import { hasMessage, translate } from '../../../platform/i18n/translator.ts';
import type { Language } from '../../../platform/i18n/languages.ts';
import { endAfterMonths, parseWrittenDate, writtenDate } from '../partial-dates.ts';

/** Field name → text, or the checked values of a group of checkboxes. */
export type ProposalFormValues = Record<string, string | string[]>;

const languages = ['fr', 'ar', 'en'] as const;
export const listFields = ['regions', 'provinces', 'communes', 'countries', 'themes', 'targetGroups'] as const;

/** The fields made of rows (RowsField) and their columns. */
export const rowFields = {
	organisations: ['organisation', 'role', 'amount', 'currency', 'secondAmount', 'secondCurrency', 'propose'],
	yearlyAmounts: ['organisation', 'year', 'amount', 'currency'],
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
/**
 * A date as people write it (15/04/2021, or only the month: 04/2021, "avril 2021"; ISO too) → YYYY-MM-DD or
 * YYYY-MM; what is no date is passed on as written, for the service to refuse on its field.
 */
const dayOrNull = (value: string | undefined) => {
	const written = orNull(value);
	const parsed = parseWrittenDate(written);
	return parsed === undefined ? written : parsed;
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
	// a day or a month (from April 2021 for 48 months: to March 2025)
	const start = [values.actualStart, values.plannedStart].map((value) => dayOrNull(typeof value === 'string' ? value : undefined)).find((value) => value && /^\d{4}-\d{2}(-\d{2})?$/.test(value));
	return start ? { months, start } : { problem: 'atlas_shares.duration_needs_start' };
}

/** The last day (or month) of a duration of `months` months from `start` (a project from 2021-04-01 for 48 months ends on 2025-03-31). */
export const endAfter = endAfterMonths;

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
	// a second figure (the same amount as the source also gives it in another currency), when one is written
	const secondFigure = (amount: string, currency: string) =>
		amount.trim() || currency.trim() ? { amount: numberOrNull(amount), currency: orNull(currency) } : null;
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
		communes: list('communes'),
		otherPlaces: orNull(text('otherPlaces')),
		countries: list('countries'),
		points: rows('points').map(({ lat, lon, label }) => ({ lat: numberOrNull(lat), lon: numberOrNull(lon), ...(label ? { label } : {}) })),
		foreignPlaces: rows('foreignPlaces').map(({ country, region }) => ({ country, region })),
		// Morocco's share and the other countries' (issue #17 rule 4): checked by the service as the API's are
		moroccoShare: numberOrNull(text('moroccoShare')),
		countryShares: rows('countryShares').map(({ country, percentage }) => ({ country, percentage: numberOrNull(percentage) })),
		themes: list('themes'),
		targetGroups: list('targetGroups'),
		budget:
			budgetTotal === null && !text('budgetCurrency').trim() && !secondFigure(text('budgetSecondAmount'), text('budgetSecondCurrency'))
				? null
				: {
						total: budgetTotal,
						currency: text('budgetCurrency').trim() || 'EUR',
						...(secondFigure(text('budgetSecondAmount'), text('budgetSecondCurrency')) ? { secondFigure: secondFigure(text('budgetSecondAmount'), text('budgetSecondCurrency')) } : {})
					},
		organisations: rows('organisations').map(({ organisation, role, amount, currency, secondAmount, secondCurrency }) => ({
			organisation,
			role,
			amount: numberOrNull(amount),
			currency: orNull(currency),
			...(secondFigure(secondAmount, secondCurrency) ? { secondFigure: secondFigure(secondAmount, secondCurrency) } : {})
		})),
		// one row per year (and funder, when it is a funder's): the organisation as written until the form names it
		yearlyAmounts: rows('yearlyAmounts').map(({ organisation, year, amount, currency }) => ({
			organisation: orNull(organisation),
			year: numberOrNull(year),
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
	for (const key of ['startYear', 'endYear', 'otherPlaces', 'contact', 'website', 'iatiIdentifier'] as const) {
		values[key] = plain(d[key]);
	}
	// dates as people write them: 15/04/2021, or 04/2021 when only the month is known
	for (const key of ['plannedStart', 'plannedEnd', 'actualStart', 'actualEnd', 'lastVerifiedOn'] as const) values[key] = writtenDate(d[key]);
	values.nationalScope = d.nationalScope ? 'on' : '';
	values.partOf = d.partOf?.initiative ?? '';
	values.evaluationBy = d.evaluation?.by ?? '';
	values.evaluationDate = writtenDate(d.evaluation?.date);
	values.evaluationUrl = d.evaluation?.url ?? '';
	values.partOfRelation = d.partOf?.relation ?? '';
	values.regions = [...(d.regions ?? [])];
	values.themes = [...(d.themes ?? [])];
	values.targetGroups = [...(d.targetGroups ?? [])];
	values.provinces = [...(d.provinces ?? [])];
	// codes (a version's data), or the communes a detail names (their code)
	values.communes = ((d.communes ?? []) as (string | { code: string })[]).map((commune) => (typeof commune === 'string' ? commune : commune.code));
	values.countries = [...(d.countries ?? [])];
	values.moroccoShare = plain(d.moroccoShare);
	values.budgetTotal = d.budget ? String(d.budget.total) : '';
	values.budgetCurrency = d.budget?.currency ?? '';
	values.budgetSecondAmount = plain(d.budget?.secondFigure?.amount);
	values.budgetSecondCurrency = d.budget?.secondFigure?.currency ?? '';
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
				currency: entry.currency ?? '',
				secondAmount: plain(entry.secondFigure?.amount),
				secondCurrency: entry.secondFigure?.currency ?? ''
			}))
		),
		...rowValues(
			'yearlyAmounts',
			// a version names the funder by slug, a detail by an object with its slug
			((d.yearlyAmounts ?? []) as { organisation?: string | { slug: string } | null; year: number; amount: number; currency: string }[]).map((entry) => ({
				organisation: (typeof entry.organisation === 'object' ? entry.organisation?.slug : entry.organisation) ?? '',
				year: plain(entry.year),
				amount: plain(entry.amount),
				currency: entry.currency
			}))
		),
		...rowValues(
			'deliverables',
			(d.deliverables ?? []).map((entry) => ({ title: entry.title, url: entry.url ?? '', type: entry.type ?? '', status: entry.status === 'forthcoming' ? 'forthcoming' : '' }))
		),
		...rowValues(
			'sources',
			(d.sources ?? []).map((entry) => ({ citation: entry.citation, url: entry.url ?? '', date: writtenDate(entry.date) }))
		)
	};
}

/** The form field that shows the problem found at a path of InitiativeInput. */
export function formFieldOf(path: string): string {
	const [head, second, third, fourth] = path.split('.');
	if (head === 'evaluation') return `evaluation${(second ?? 'by').charAt(0).toUpperCase()}${(second ?? 'by').slice(1)}`;
	if (['title', 'summary', 'description', 'results', 'lessons'].includes(head)) return `${head}_${second && languages.includes(second as 'fr') ? second : 'fr'}`;
	if (head === 'budget') {
		if (second === 'secondFigure') return third === 'currency' ? 'budgetSecondCurrency' : 'budgetSecondAmount';
		return second === 'currency' ? 'budgetCurrency' : 'budgetTotal';
	}
	// a cell of a row field (its rows are renumbered from 0 when the form is refilled, as the service counts them)
	if (head in rowFields && /^\d+$/.test(second ?? '') && third) {
		if (third === 'secondFigure') return `${head}.${second}.${fourth === 'currency' ? 'secondCurrency' : 'secondAmount'}`;
		return `${head}.${second}.${third}`;
	}
	return head || '';
}

/** What each field and row column expects, said when its value is refused (issue #17 rule 18: the format, not just "invalid"). */
const formatOf: Record<string, string> = {
	plannedStart: 'date',
	plannedEnd: 'date',
	actualStart: 'date',
	actualEnd: 'date',
	evaluationDate: 'date',
	lastVerifiedOn: 'day',
	startYear: 'year',
	endYear: 'year',
	budgetTotal: 'amount',
	budgetCurrency: 'choice',
	budgetSecondAmount: 'amount',
	budgetSecondCurrency: 'choice',
	moroccoShare: 'percentage',
	website: 'url',
	evaluationUrl: 'url',
	'organisations.role': 'choice',
	'organisations.amount': 'amount',
	'organisations.currency': 'choice',
	'organisations.secondAmount': 'amount',
	'organisations.secondCurrency': 'choice',
	'yearlyAmounts.organisation': 'funder',
	'yearlyAmounts.year': 'year',
	'yearlyAmounts.amount': 'amount',
	'yearlyAmounts.currency': 'choice',
	'points.lat': 'lat',
	'points.lon': 'lon',
	'countryShares.country': 'choice',
	'countryShares.percentage': 'percentage',
	'foreignPlaces.country': 'choice',
	'deliverables.url': 'url',
	'deliverables.type': 'choice',
	'sources.url': 'url',
	'sources.date': 'date'
};

/** The label of a row field's row ("Organisation 2") and of its column ("Amount"), as the form shows them. */
const rowLabels: Record<RowField, { row: string; columns: Record<string, string> }> = {
	organisations: {
		row: 'atlas_moderation.row_organisation',
		columns: {
			organisation: 'atlas_moderation.col_organisation_name',
			role: 'atlas_moderation.col_role',
			amount: 'atlas_moderation.col_amount',
			currency: 'atlas_moderation.col_currency',
			secondAmount: 'atlas_entry.col_second_amount',
			secondCurrency: 'atlas_entry.col_second_currency'
		}
	},
	yearlyAmounts: {
		row: 'atlas_entry.row_yearly',
		columns: { organisation: 'atlas_entry.col_funder', year: 'atlas_entry.col_year', amount: 'atlas_moderation.col_amount', currency: 'atlas_moderation.col_currency' }
	},
	points: { row: 'atlas_moderation.row_point', columns: { lat: 'atlas_moderation.col_lat', lon: 'atlas_moderation.col_lon', label: 'atlas_moderation.col_label' } },
	foreignPlaces: { row: 'atlas_moderation.row_foreign_place', columns: { country: 'atlas_moderation.col_country', region: 'atlas_moderation.col_foreign_region' } },
	countryShares: { row: 'atlas_shares.row_country_share', columns: { country: 'atlas_moderation.col_country', percentage: 'atlas_shares.col_percentage' } },
	deliverables: {
		row: 'atlas_moderation.row_deliverable',
		columns: { title: 'atlas_moderation.col_title', url: 'atlas_moderation.col_url', type: 'atlas_moderation.col_deliverable_type', status: 'atlas_moderation.col_deliverable_status' }
	},
	sources: { row: 'atlas_moderation.row_source', columns: { citation: 'atlas_moderation.col_citation', url: 'atlas_moderation.col_url', date: 'moderation.col_date' } }
};

const capitalised = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

/** The label of a field outside the rows, as the form shows it (null: none to name). */
function fieldLabel(language: Language, field: string): string | null {
	const own: Record<string, string> = {
		budgetTotal: 'atlas_moderation.label_budget_total',
		budgetCurrency: 'atlas_moderation.label_budget_currency',
		budgetSecondAmount: 'atlas_entry.label_budget_second_amount',
		budgetSecondCurrency: 'atlas_entry.label_budget_second_currency',
		moroccoShare: 'atlas_shares.field_moroccoShare'
	};
	const key = own[field] ?? `atlas_moderation.field_${field}`;
	return hasMessage(language, key) ? translate(language, key) : null;
}

/** Whether a value as written has the format the field expects (then a refusal is about something else: a total, a choice not ticked…). */
function formatHolds(format: string, written: string | undefined): boolean {
	const text = (written ?? '').trim();
	if (!text) return false;
	const number = numberOrNull(text);
	switch (format) {
		case 'date':
			return parseWrittenDate(text) != null;
		case 'year':
			return /^\d{4}$/.test(text);
		case 'amount':
			return typeof number === 'number' && number >= 0;
		case 'percentage':
			return typeof number === 'number' && number > 0 && number <= 100;
		case 'choice':
			// a value of the list, refused for what it means (a country not ticked…)
			return true;
		default:
			return false;
	}
}

/**
 * The message of a problem on a form field: for a cell of a row, the row by its number and the column by
 * its label ("Organisation 2, Amount: write an amount in figures, e.g. 250000 or 250 000.50."); for any
 * field whose value has a format, the format expected; else the platform's message.
 */
export function problemText(language: Language, field: string, problem: { messageKey: string; values?: Record<string, string | number> }, values: ProposalFormValues = {}): string {
	const [head, position, column] = field.split('.');
	const isRow = head in rowFields && column !== undefined;
	const written = typeof values[field] === 'string' ? (values[field] as string) : undefined;
	// a value written in the right format is refused for another reason, said below (else the format is)
	const format = formatHolds(formatOf[isRow ? `${head}.${column}` : field] ?? '', written) ? undefined : formatOf[isRow ? `${head}.${column}` : field];
	const specific: Record<string, string> = {
		// shares (checkShares): the country's box, the total
		'countryShares.country/field_choice': 'atlas_entry.problem_share_country',
		'moroccoShare/field_invalid': 'atlas_entry.problem_shares_over',
		'countryShares/field_invalid': 'atlas_entry.problem_shares_over',
		// the service's own checks of amounts (checkAmounts) and dates
		'organisations.secondCurrency/field_invalid': 'atlas_entry.problem_second_same_currency',
		'budgetSecondCurrency/field_invalid': 'atlas_entry.problem_second_same_currency',
		'organisations.amount/field_required': 'atlas_entry.problem_amount_for_second',
		'yearlyAmounts.year/field_taken': 'atlas_entry.problem_year_twice',
		'plannedEnd/field_invalid': 'atlas_entry.problem_end_before_start',
		'actualEnd/field_invalid': 'atlas_entry.problem_end_before_start'
	};
	const key = format ? undefined : specific[`${isRow ? `${head}.${column}` : field}/${problem.messageKey}`];
	let text: string;
	if (key) text = translate(language, key, problem.values);
	else if (format && problem.messageKey !== 'field_required') text = translate(language, `atlas_entry.format_${format}`);
	else if (!isRow) return translate(language, `errors.${problem.messageKey}`, problem.values);
	else text = translate(language, problem.messageKey === 'field_required' ? 'atlas_entry.problem_required' : 'atlas_entry.format_choice');
	if (!isRow) {
		// the field named too, for the summary at the top ("Actual start: write a date as …")
		const label = fieldLabel(language, field);
		return label ? translate(language, 'atlas_entry.field_cell', { field: label, problem: text }) : translate(language, 'atlas_entry.field_problem', { problem: capitalised(text) });
	}
	const labels = rowLabels[head as RowField];
	return translate(language, 'atlas_entry.row_cell', {
		row: translate(language, labels.row, { n: Number(position) + 1 }),
		column: labels.columns[column] ? translate(language, labels.columns[column]) : column,
		problem: text
	});
}

/** A failed submission of the proposal form: the values typed, and a localised message per form field. */
export function proposalFailure(language: Language, error: unknown, values: ProposalFormValues) {
	if (!isAppError(error)) throw error;
	const communes = communeGroupsFor(language, values);
	if (error.code === 'conflict' && error.extra?.reason === 'stale_version') {
		return fail(409, { values, errors: { '': translate(language, 'atlas_moderation.error_stale', { current: Number(error.extra.currentVersion) }) }, stale: true, communes });
	}
	const errors: Record<string, string> = {};
	for (const problem of error.fields) {
		const field = formFieldOf(problem.path);
		errors[field] ??= problemText(language, field, problem, values);
	}
	if (!error.fields.length) errors[''] = translate(language, `errors.${error.code}`, error.values);
	return fail(error.status, { values, errors, stale: false, communes });
}

/**
 * The communes the form lists (issue #17: not all 1,503): those of the provinces ticked, and the communes
 * already chosen wherever they are (grouped under their province), so that a choice never disappears.
 */
export function communeGroupsFor(language: Language, values: ProposalFormValues) {
	const list = (key: string) => {
		const value = values[key];
		return Array.isArray(value) ? value : value ? [value] : [];
	};
	const ticked = list('provinces');
	const chosen = list('communes').filter((code) => communeByCode(code));
	const provinces = [...new Set([...ticked, ...chosen.map((code) => communeByCode(code)!.provinceIso)])];
	if (!provinces.length) return [];
	return communeChoiceGroups(language, provinces)
		.map((group) => (ticked.includes(group.province) ? group : { ...group, choices: group.choices.filter((choice) => chosen.includes(choice.value)) }))
		.filter((group) => group.choices.length);
}

/** "Name (ACRONYM)", as the organisation field suggests and reads it. */
export const organisationLabel = (entry: { name: string; acronym: string | null }) =>
	entry.acronym && !entry.name.includes(`(${entry.acronym})`) ? `${entry.name} (${entry.acronym})` : entry.name;

/** The controlled lists the form offers, named in the page's language (with their other names to filter by). */
export function proposalChoices(
	language: Language,
	organisations: { slug: string; name: string; acronym: string | null; status: string }[],
	currencies: string[],
	programmes: { slug: string; title: { fr?: string; ar?: string; en?: string } }[] = [],
	/** the form's values: the communes listed are those of the provinces ticked (and those chosen) */
	values: ProposalFormValues = {}
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
		/** the communes of the provinces ticked and those chosen, by province (`communeGroupsFor`); filtered as one types with JavaScript */
		communes: communeGroupsFor(language, values),
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
