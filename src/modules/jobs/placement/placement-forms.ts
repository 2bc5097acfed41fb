// The division's forms (no JavaScript needed): what their fields send, turned into the services' inputs,
// and the records turned back into the fields' values. Kept out of the route files so they stay thin.
import { asList, splitItems } from '../../../platform/http/form.ts';
import { countryName, countryOptions } from '../../../platform/geo/countries.ts';
import type { Language } from '../../../platform/i18n/languages.ts';
import { cefrLevels, spokenLanguageLabel } from '../../../platform/i18n/spoken-languages.ts';
import { rowsOf, rowValues, withBlankRow, type FormValues } from '../../../platform/ui/pickers/rows.ts';
import { translate } from '../../../platform/i18n/translator.ts';
import { contractTypes, educationLevels, placementChannels, requiredLanguages, salaryPeriods, workingTimes } from '../job-offer.model.ts';
import { agreementKinds, agreementStatuses, costItems, costPayers, economicSectors, handlingUnits, partnerSectors } from './placement.model.ts';
import type { PlacementAgreementRecord } from './placement.table.ts';
import { agencyChoices, counsellorChoices, type PlacementOfferForEdit } from './placement-offers.service.ts';
import { agreementChoices } from './placement.service.ts';
import type { RequestContext } from '../../../platform/kernel/context.ts';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { organisationChoices } from '../../../platform/accounts/organisation.service.ts';
import { occupationChoiceGroups } from '../jobs.service.ts';

/** The form's fields as a plain object, the fields sent several times as lists. */
export function formObject(data: FormData): FormValues {
	const values: FormValues = {};
	for (const key of new Set(data.keys())) {
		const all = data.getAll(key).filter((value): value is string => typeof value === 'string');
		values[key] = all.length > 1 ? all : (all[0] ?? '');
	}
	return values;
}

const one = (value: unknown) => (Array.isArray(value) ? String(value[0] ?? '') : String(value ?? ''));

/** "Add a row" pressed without JavaScript: the same values with one more blank row of that field (nothing saved). */
export function addedRow(data: FormData, fields: Record<string, readonly string[]>) {
	const name = String(data.get('addRow') ?? '');
	if (!(name in fields)) return null;
	return withBlankRow(formObject(data), name, fields[name]);
}

// ---------- agreements ----------

export const agreementRowFields = { quotas: ['year', 'positions'] } as const;

/** The agreement form's fields → the service's input (unticked boxes are false). */
export function agreementInputFrom(data: FormData) {
	const values = formObject(data);
	return {
		kind: one(values.kind),
		organisationId: one(values.organisationId),
		partnerName: one(values.partnerName),
		sector: one(values.sector),
		hostCountry: one(values.hostCountry),
		title: one(values.title),
		lang: one(values.lang) || 'fr',
		summary: one(values.summary),
		startsOn: one(values.startsOn),
		endsOn: one(values.endsOn),
		economicSectors: asList(values.economicSectors),
		occupationCodes: asList(values.occupationCodes),
		quotas: rowsOf(values, 'quotas', agreementRowFields.quotas),
		status: one(values.status),
		published: one(values.published) === 'on',
		quotasPublished: one(values.quotasPublished) === 'on'
	};
}

/** An agreement as the form's values. */
export function agreementFormValues(row: PlacementAgreementRecord): FormValues {
	return {
		kind: row.kind,
		organisationId: row.organisationId ?? '',
		partnerName: row.partnerName,
		sector: row.sector,
		hostCountry: row.hostCountry,
		title: row.title,
		lang: row.lang,
		summary: row.summary ?? '',
		startsOn: row.startsOn ?? '',
		endsOn: row.endsOn ?? '',
		economicSectors: row.economicSectors,
		occupationCodes: row.occupationCodes,
		...rowValues('quotas', row.quotas.map((quota) => ({ year: String(quota.year), positions: String(quota.positions) }))),
		status: row.status,
		published: row.published ? 'on' : '',
		quotasPublished: row.quotasPublished ? 'on' : ''
	};
}

/** The agreement form's controlled lists, named in the page's language. */
export function agreementChoiceLists(language: Language) {
	const t = (key: string) => translate(language, key);
	return {
		kinds: agreementKinds.map((value) => ({ value, label: t(`placement.kind_${value}`) })),
		sectors: partnerSectors.map((value) => ({ value, label: t(`placement.sector_${value}`) })),
		statuses: agreementStatuses.map((value) => ({ value, label: t(`placement.status_${value}`) })),
		economicSectors: economicSectors.map((value) => ({ value, label: t(`placement.isic_${value}`), keywords: value })),
		countries: countryOptions(language).filter((option) => option.value !== 'MA')
	};
}

// ---------- offers abroad ----------

export const offerRowFields = { languages: ['language', 'level'], agencyShares: ['agencyId', 'positions'] } as const;

/** The offer form's fields → the service's input. */
export function placementOfferInputFrom(data: FormData) {
	const values = formObject(data);
	const costs = Object.fromEntries(costItems.flatMap((item) => (one(values[`costs.${item}`]) ? [[item, one(values[`costs.${item}`])]] : [])));
	return {
		title: one(values.title),
		description: one(values.description),
		lang: one(values.lang) || 'fr',
		occupationCode: one(values.occupationCode),
		skills: splitItems(one(values.skills)),
		hostCountry: one(values.hostCountry),
		city: one(values.city),
		organisationId: one(values.organisationId),
		employerAbroad: one(values.employerAbroad),
		agreementId: one(values.agreementId),
		channel: one(values.channel),
		contractType: one(values.contractType),
		contractMonths: one(values.contractMonths),
		workingTime: one(values.workingTime) || 'full_time',
		hoursPerWeek: one(values.hoursPerWeek),
		seasonStartsOn: one(values.seasonStartsOn),
		seasonEndsOn: one(values.seasonEndsOn),
		salaryMin: one(values.salaryMin),
		salaryMax: one(values.salaryMax),
		salaryPeriod: one(values.salaryPeriod),
		salaryCurrency: one(values.salaryCurrency),
		languages: rowsOf(values, 'languages', offerRowFields.languages),
		education: one(values.education) || 'none',
		experienceYears: one(values.experienceYears),
		positions: one(values.positions),
		closingDate: one(values.closingDate),
		housing: one(values.housing),
		travel: one(values.travel),
		costs,
		noWorkerFees: one(values.noWorkerFees),
		handlingUnit: one(values.handlingUnit) || 'division',
		counsellorUserId: one(values.counsellorUserId),
		agencyShares: rowsOf(values, 'agencyShares', offerRowFields.agencyShares),
		openToForeigners: one(values.openToForeigners) === 'on'
	};
}

/** An offer abroad as the form's values. */
export function placementOfferFormValues({ offer, terms }: PlacementOfferForEdit): FormValues {
	return {
		title: offer.title,
		description: offer.description,
		lang: terms.lang,
		occupationCode: offer.occupationCode,
		skills: offer.skills.join(', '),
		hostCountry: offer.hostCountry,
		city: offer.city,
		organisationId: offer.organisationId,
		employerAbroad: terms.employerAbroad ?? '',
		agreementId: terms.agreementId ?? '',
		channel: offer.channel ?? '',
		contractType: offer.contractType,
		contractMonths: terms.contractMonths?.toString() ?? '',
		workingTime: offer.workingTime,
		hoursPerWeek: offer.hoursPerWeek?.toString() ?? '',
		seasonStartsOn: terms.seasonStartsOn ?? '',
		seasonEndsOn: terms.seasonEndsOn ?? '',
		salaryMin: offer.salaryMin?.toString() ?? '',
		salaryMax: offer.salaryMax?.toString() ?? '',
		salaryPeriod: offer.salaryPeriod ?? '',
		salaryCurrency: offer.salaryCurrency,
		...rowValues('languages', offer.languages.map((entry) => ({ language: entry.language, level: entry.level }))),
		education: offer.education,
		experienceYears: String(offer.experienceYears),
		positions: String(offer.positions),
		closingDate: offer.closingDate,
		housing: terms.housing ?? '',
		travel: terms.travel ?? '',
		...Object.fromEntries(Object.entries(terms.costs).map(([item, payer]) => [`costs.${item}`, payer])),
		noWorkerFees: offer.noWorkerFees === null ? '' : offer.noWorkerFees ? 'yes' : 'no',
		handlingUnit: terms.handlingUnit,
		counsellorUserId: terms.counsellorUserId ?? '',
		...rowValues('agencyShares', terms.agencyShares.map((share) => ({ agencyId: share.agencyId, positions: String(share.positions) }))),
		openToForeigners: offer.openToForeigners ? 'on' : ''
	};
}

/** Currencies of the host markets first, then the others (ISO 4217), named in the page's language. */
const usualCurrencies = ['EUR', 'GBP', 'CHF', 'SEK', 'NOK', 'DKK', 'CAD', 'USD', 'AED', 'SAR', 'QAR', 'KWD', 'JPY', 'MAD'];

/** The offer form's controlled lists, named in the page's language. */
export function placementOfferChoiceLists(language: Language) {
	const t = (key: string) => translate(language, key);
	const currencyNames = new Intl.DisplayNames([language], { type: 'currency' });
	return {
		countries: countryOptions(language).filter((option) => option.value !== 'MA'),
		channels: placementChannels.map((value) => ({ value, label: t(`placement.channel_${value}`) })),
		contractTypes: contractTypes.map((value) => ({ value, label: t(`jobs.contract_${value}`) })),
		workingTimes: workingTimes.map((value) => ({ value, label: t(`jobs.working_${value}`) })),
		salaryPeriods: salaryPeriods.map((value) => ({ value, label: t(`jobs.period_${value}`) })),
		educationLevels: educationLevels.map((value) => ({ value, label: t(`jobs.education_${value}`) })),
		currencies: usualCurrencies.map((code) => ({ value: code, label: `${currencyNames.of(code) ?? code} (${code})` })),
		languages: requiredLanguages.map((code) => ({ value: code, label: spokenLanguageLabel(code, language) })),
		levels: cefrLevels.map((level) => ({ value: level, label: level })),
		costItems: costItems.map((value) => ({ value, label: t(`placement.cost_${value}`) })),
		costPayers: costPayers.map((value) => ({ value, label: t(`placement.payer_${value}`) })),
		handlingUnits: handlingUnits.map((value) => ({ value, label: t(`placement.handling_${value}`) }))
	};
}

/** Everything the agreement form offers: its lists, the organisations directory and the ISCO-08 unit groups. */
export async function agreementFormChoices(db: DbOrTx, language: Language) {
	const [organisations, occupations] = await Promise.all([organisationChoices(db), occupationChoiceGroups(db, language)]);
	return { ...agreementChoiceLists(language), organisations, occupations };
}

/** Everything the offer form offers: its lists, the organisations, occupations, agreements, counsellors and agencies. */
export async function placementOfferFormChoices(ctx: RequestContext) {
	const language = ctx.language;
	const [organisations, occupations, agreements, counsellors, agencies] = await Promise.all([
		organisationChoices(ctx.db),
		occupationChoiceGroups(ctx.db, language),
		agreementChoices(ctx),
		counsellorChoices(ctx),
		agencyChoices(ctx)
	]);
	return {
		...placementOfferChoiceLists(language),
		organisations,
		occupations,
		agreements: agreements.map((row) => ({
			value: row.id,
			label: `${countryName(row.hostCountry, language)} — ${row.title}${row.isSample ? ` (${translate(language, 'placement.sample_badge')})` : ''}`,
			lang: row.lang === language ? undefined : row.lang
		})),
		// people's and agencies' names are proper nouns: isolated, whatever the page's language
		counsellors: counsellors.map((row) => ({ value: row.id, label: row.name, isolate: true })),
		agencies: agencies.map((row) => ({ value: row.id, label: row.name, isolate: true }))
	};
}
