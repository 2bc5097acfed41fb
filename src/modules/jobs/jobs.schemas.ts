import { z } from 'zod';
import { cefrLevels } from '../../platform/i18n/spoken-languages.ts';
import { contractTypes, educationLevels, offerLanguages, offerStatuses, placementChannels, requiredLanguages, salaryPeriods, workingTimes } from './job-offer.model.ts';
import { countryCodes } from '../../platform/geo/countries.ts';
import { costItems, costPayers, handlingUnits } from './placement/placement.model.ts';
import { provinces, regions } from '../../platform/geo/morocco.ts';

const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

const regionCodes = regions.map((region) => region.iso);
const provinceCodes = provinces.map((province) => province.iso);

export const ContractType = z.enum(contractTypes).meta({
	id: 'JobContractType',
	description: 'cdi (permanent), cdd (fixed term), seasonal, internship, temporary, integration (contrat d’insertion)'
});
export const OfferLanguage = z.enum(requiredLanguages).meta({
	id: 'JobLanguage',
	description:
		'ar Arabic, ary Moroccan Arabic (Darija), zgh Amazigh, fr French, en English, es Spanish; for offers abroad also de German, it Italian, sv Swedish, nl Dutch, pt Portuguese'
});
export const PlacementChannel = z.enum(placementChannels).meta({
	id: 'PlacementChannel',
	description: 'international placement channel: individual (a qualified candidate placed one by one), mass (mass recruitment), seasonal (seasonal work)'
});
/** A host country abroad (ISO 3166-1 alpha-2, not MA). */
export const HostCountry = z
	.string()
	.trim()
	.toUpperCase()
	.refine((code) => code !== 'MA' && countryCodes.includes(code))
	.meta({ description: 'ISO 3166-1 alpha-2 host country, other than MA', example: 'DE' });
const regionCode = z.string().trim().toUpperCase().refine((code) => regionCodes.includes(code)).meta({ description: 'ISO 3166-2:MA region code', example: 'MA-01' });
const provinceCode = z.string().trim().toUpperCase().refine((code) => provinceCodes.includes(code)).meta({ description: 'ISO 3166-2:MA province or prefecture code', example: 'MA-TNG' });
const day = z.iso.date().meta({ description: 'a day, YYYY-MM-DD' });

/** The search of published offers: the page's GET form and `GET /api/v1/job-offers`. */
export const OfferSearchQuery = z.object({
	q: optional(z.string().trim().max(200).describe('words searched in title, description, skills, occupation, employer and city; accents and Arabic spelling variants do not matter')),
	occupation: optional(z.string().trim().regex(/^\d{1,4}$/).describe('an ISCO-08 code: a major, sub-major or minor group matches all its unit groups')),
	region: optional(regionCode),
	province: optional(provinceCode),
	contract: optional(ContractType),
	language: optional(OfferLanguage.describe('offers requiring this language')),
	since: optional(day.describe('published on or after this day (Morocco time)')),
	foreigners: optional(z.enum(['yes']).describe('`yes`: only offers open to foreign applicants')),
	abroad: optional(z.enum(['yes', 'no']).describe('`yes`: only international placement offers (a job abroad); `no`: only offers in Morocco; by default both')),
	country: optional(HostCountry.describe('offers abroad in this host country (ISO 3166-1 alpha-2)')),
	channel: optional(PlacementChannel.describe('offers abroad of this channel')),
	sort: optional(z.enum(['date', 'relevance']).describe('default: relevance when `q` is given, else date (newest first)')),
	page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(10000).default(1)),
	pageSize: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(100).default(20))
});
export type OfferSearchQuery = z.output<typeof OfferSearchQuery>;

const RequiredLanguage = z.object({ language: OfferLanguage, level: z.enum(cefrLevels).describe('CEFR level') });

/** What an employer writes (service input). */
export const OfferInput = z
	.object({
		title: z.string().trim().min(3).max(200),
		description: z.string().trim().min(10).max(10000),
		occupationCode: z.string().trim().regex(/^\d{4}$/),
		skills: z.array(z.string().trim().min(1).max(80)).max(30).default([]),
		regionCode,
		provinceCode: provinceCode.nullable().default(null),
		city: z.string().trim().min(2).max(120),
		contractType: ContractType,
		workingTime: z.enum(workingTimes),
		hoursPerWeek: z.number().int().min(1).max(60).nullable().default(null),
		salaryMin: z.number().int().min(0).max(10_000_000).nullable().default(null),
		salaryMax: z.number().int().min(0).max(10_000_000).nullable().default(null),
		salaryPeriod: z.enum(salaryPeriods).nullable().default(null),
		languages: z.array(RequiredLanguage).max(6).default([]),
		education: z.enum(educationLevels).default('none'),
		experienceYears: z.number().int().min(0).max(40).default(0),
		positions: z.number().int().min(1).max(1000).default(1),
		closingDate: day,
		openToForeigners: z.boolean().default(true)
	});
export type OfferInput = z.input<typeof OfferInput>;

const level = optional(z.enum(cefrLevels));
const int = (schema: z.ZodNumber) => z.preprocess(blankToUndefined, z.coerce.number().pipe(schema).optional());

/** The employer's HTML form: strings in, `OfferInput` out (languages as one select per language). */
export const OfferForm = z
	.object({
		title: z.string(),
		description: z.string(),
		occupationCode: z.string(),
		skills: z.string().max(3000).default(''),
		regionCode: z.string(),
		provinceCode: optional(z.string()),
		city: z.string(),
		contractType: z.string(),
		workingTime: z.string(),
		hoursPerWeek: int(z.number().int().min(1).max(60)),
		salaryMin: int(z.number().int().min(0).max(10_000_000)),
		salaryMax: int(z.number().int().min(0).max(10_000_000)),
		salaryPeriod: optional(z.string()),
		education: optional(z.string()),
		experienceYears: int(z.number().int().min(0).max(40)),
		positions: int(z.number().int().min(1).max(1000)),
		closingDate: z.string(),
		openToForeigners: optional(z.string()),
		lang_ar: level,
		lang_ary: level,
		lang_zgh: level,
		lang_fr: level,
		lang_en: level,
		lang_es: level
	})
	.transform(
		(form) =>
			({
		title: form.title,
		description: form.description,
		occupationCode: form.occupationCode,
		skills: form.skills
			.split(/[,\n;،]/)
			.map((skill) => skill.trim())
			.filter(Boolean),
		regionCode: form.regionCode,
		provinceCode: form.provinceCode ?? null,
		city: form.city,
		contractType: form.contractType,
		workingTime: form.workingTime,
		hoursPerWeek: form.hoursPerWeek ?? null,
		salaryMin: form.salaryMin ?? null,
		salaryMax: form.salaryMax ?? null,
		salaryPeriod: form.salaryPeriod ?? null,
		education: form.education ?? 'none',
		experienceYears: form.experienceYears ?? 0,
		positions: form.positions ?? 1,
		closingDate: form.closingDate,
		openToForeigners: form.openToForeigners === 'yes',
		languages: offerLanguages.flatMap((language) => {
			const level = form[`lang_${language}`];
			return level ? [{ language, level }] : [];
		})
			}) as z.input<typeof OfferInput>
	)
	.pipe(OfferInput);

export const ReturnReasonForm = z.object({ reason: z.string().trim().min(5).max(2000) });

// ---- API responses ----

const Place = z.object({ code: z.string(), name: z.string() });

/** What an offer abroad adds (issue 10): the employer abroad, the agreement, the contract, the season, who pays what, who handles it. */
export const PlacementTerms = z
	.object({
		lang: z.string().describe('the language the offer’s texts are written in (fr, ar, en)'),
		employerAbroad: z.string().nullable().describe('the employer abroad when the offer comes through a partner recruiting for it'),
		agreement: z.object({ id: z.uuid(), title: z.string(), lang: z.string(), isSample: z.boolean() }).nullable().describe('the published partnership agreement the offer comes through'),
		contractMonths: z.number().int().nullable(),
		season: z.object({ startsOn: z.iso.date(), endsOn: z.iso.date() }).nullable(),
		housing: z.string().nullable(),
		travel: z.string().nullable(),
		costs: z
			.record(z.enum(['recruitment', 'travel', 'visa', 'housing', 'training', 'medical']), z.enum(['employer', 'worker', 'shared', 'public', 'none']))
			.describe('who pays each cost: employer, worker, shared, public (the State or ANAPEC), none'),
		handlingUnit: z.enum(handlingUnits).describe('who handles the candidates: ANAPEC’s international placement division, a mobility counsellor, or local agencies'),
		agencies: z.array(z.object({ id: z.uuid(), name: z.string(), positions: z.number().int() })).describe('the local agencies and their share of the positions')
	})
	.meta({ id: 'PlacementTerms' });
export const OfferSummary = z
	.object({
		id: z.uuid(),
		title: z.string(),
		occupation: z.object({
			code: z.string().describe('ISCO-08 unit group'),
			title: z.string().describe('in the language asked (Accept-Language or ?lang)'),
			titleNote: z.enum(['unofficial_translation', 'french_fallback']).nullable().describe('Arabic titles are our own translation; without one the French title is given')
		}),
		employer: z.object({ id: z.uuid(), name: z.string(), isSample: z.boolean() }),
		hostCountry: Place.describe('ISO 3166-1 alpha-2 country of the job and its name: MA, or the host country of an offer abroad'),
		region: Place.nullable().describe('ISO 3166-2:MA region; null for an offer abroad'),
		province: Place.nullable(),
		city: z.string(),
		channel: PlacementChannel.nullable().describe('offers abroad: the international placement channel; null in Morocco'),
		noWorkerFees: z.boolean().nullable().describe('offers abroad: true when no recruitment fee or cost is charged to the worker (ethical recruitment); null in Morocco'),
		contractType: ContractType,
		workingTime: z.enum(workingTimes),
		publishedAt: z.iso.datetime().nullable(),
		closingDate: z.iso.date(),
		openToForeigners: z.boolean(),
		isSample: z.boolean().describe('a fictional offer of the demo data')
	})
	.meta({ id: 'JobOfferSummary' });

export const OfferDetail = OfferSummary.extend({
	description: z.string(),
	skills: z.array(z.string()),
	hoursPerWeek: z.number().int().nullable(),
	salary: z
		.object({ min: z.number().int().nullable(), max: z.number().int().nullable(), period: z.enum(salaryPeriods).nullable(), currency: z.string().describe('ISO 4217: MAD in Morocco') })
		.nullable(),
	languages: z.array(RequiredLanguage),
	education: z.enum(educationLevels),
	experienceYears: z.number().int(),
	positions: z.number().int(),
	status: z.enum(offerStatuses),
	abroad: PlacementTerms.nullable().describe('the terms of an international placement offer; null for an offer in Morocco')
}).meta({ id: 'JobOffer' });

const Facet = z.array(z.object({ value: z.string(), count: z.number().int() }));
export const OfferSearchResult = z
	.object({
		total: z.number().int(),
		page: z.number().int(),
		pageSize: z.number().int(),
		items: z.array(OfferSummary),
		facets: z
			.object({ contractType: Facet, region: Facet, occupationMajorGroup: Facet, language: Facet, hostCountry: Facet, channel: Facet })
			.describe('counts over all the offers matching the filters (hostCountry and channel: only when searching abroad)')
	})
	.meta({ id: 'JobOfferSearchResult' });
