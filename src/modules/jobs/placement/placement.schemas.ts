import { z } from 'zod';
import { countryCodes } from '../../../platform/geo/countries.ts';
import { cefrLevels } from '../../../platform/i18n/spoken-languages.ts';
import { contractTypes, educationLevels, offerStatuses, placementChannels, requiredLanguages, salaryPeriods, workingTimes } from '../job-offer.model.ts';
import { HostCountry } from '../jobs.schemas.ts';
import { agreementKinds, agreementStatuses, costItems, costPayers, economicSectors, handlingUnits, partnerSectors } from './placement.model.ts';

const blankToNull = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? null : value);
const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)));
const checkbox = z.preprocess((value) => value === true || value === 'on' || value === 'true', z.boolean());

export const YearlyQuota = z.object({
	year: z.coerce.number().int().min(2000).max(2100),
	positions: z.coerce.number().int().min(1).max(100000)
});

export const AgreementInput = z
	.object({
		kind: z.enum(agreementKinds).default('agreement'),
		organisationId: z.preprocess(blankToNull, uuid.nullable().default(null)).describe('the partner in the organisations directory, when it is there'),
		partnerName: z.preprocess(blankToNull, z.string().trim().min(2).max(200).nullable().default(null)).describe('required unless the organisation is given: its name then'),
		sector: z.enum(partnerSectors),
		hostCountry: z.enum(countryCodes as [string, ...string[]]).describe('ISO 3166-1 alpha-2'),
		title: z.string().trim().min(3).max(200),
		lang: z.enum(['fr', 'ar', 'en']).default('fr'),
		summary: z.preprocess(blankToNull, z.string().trim().max(4000).nullable().default(null)),
		startsOn: z.preprocess(blankToNull, day.nullable().default(null)),
		endsOn: z.preprocess(blankToNull, day.nullable().default(null)),
		economicSectors: z.array(z.enum(economicSectors)).max(21).default([]).describe('ISIC Rev.4 sections (A agriculture, Q health…)'),
		occupationCodes: z.array(z.string().regex(/^\d{4}$/)).max(50).default([]).describe('ISCO-08 unit groups'),
		quotas: z.array(YearlyQuota).max(20).default([]),
		status: z.enum(agreementStatuses).default('draft'),
		published: checkbox.default(false),
		quotasPublished: checkbox.default(true).describe('whether the public list shows the yearly quotas')
	})
	.meta({ id: 'PlacementAgreementInput' });
export type AgreementInput = z.output<typeof AgreementInput>;

// ---------- API shapes ----------

export const PlacementAgreement = z
	.object({
		id: z.string(),
		kind: z.enum(agreementKinds),
		partnerName: z.string(),
		organisationId: z.string().nullable(),
		sector: z.enum(partnerSectors),
		hostCountry: z.string().describe('ISO 3166-1 alpha-2'),
		title: z.string(),
		lang: z.string(),
		summary: z.string().nullable(),
		startsOn: z.string().nullable(),
		endsOn: z.string().nullable(),
		economicSectors: z.array(z.enum(economicSectors)).describe('ISIC Rev.4 sections'),
		occupationCodes: z.array(z.string()),
		quotas: z.array(z.object({ year: z.number(), positions: z.number() })).describe('empty when the division keeps them internal'),
		documents: z.array(z.object({ id: z.string(), kind: z.enum(['file', 'link']), title: z.string(), url: z.string().describe('the link, or the address of the PDF') })).describe('the public documents'),
		status: z.enum(agreementStatuses),
		source: z.string().nullable().describe('the document a real fact comes from; null for samples'),
		isSample: z.boolean()
	})
	.meta({ id: 'PlacementAgreement' });

export const AgreementListQuery = z.object({
	country: z.preprocess((value) => (value === '' ? undefined : value), z.string().regex(/^[A-Z]{2}$/).optional())
});

/** A document added to an agreement: a link (the PDF comes as a file with the form). */
export const AgreementDocumentInput = z.object({
	title: z.string().trim().min(3).max(200),
	url: z.preprocess(blankToNull, z.url({ protocol: /^https?$/ }).max(2000).nullable().default(null)),
	public: checkbox.default(false)
});

const text = (max: number) => z.preprocess(blankToNull, z.string().trim().max(max).nullable().default(null));
const whole = (min: number, max: number) => z.preprocess(blankToNull, z.coerce.number().int().min(min).max(max).nullable().default(null));

/**
 * An international placement offer as the division writes it (issue 10, item 2): the job offer's fields
 * with a host country instead of a Moroccan place, and the terms of the placement.
 */
export const PlacementOfferInput = z
	.object({
		title: z.string().trim().min(3).max(200),
		description: z.string().trim().min(10).max(10000),
		lang: z.enum(['fr', 'ar', 'en']).default('fr').describe('the language of the offer’s texts'),
		occupationCode: z.string().trim().regex(/^\d{4}$/).describe('ISCO-08 unit group'),
		skills: z.array(z.string().trim().min(1).max(80)).max(30).default([]),
		hostCountry: z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), HostCountry),
		city: z.string().trim().min(2).max(120).describe('the city or region of the job abroad'),
		organisationId: uuid.describe('the employer abroad or the partner recruiting, from the organisations directory'),
		employerAbroad: text(200).describe('the employer abroad, when the organisation is a partner recruiting for it'),
		agreementId: z.preprocess(blankToNull, uuid.nullable().default(null)).describe('the partnership agreement the offer comes through'),
		channel: z.enum(placementChannels),
		contractType: z.enum(contractTypes),
		contractMonths: whole(1, 120).describe('length of the contract in months'),
		workingTime: z.enum(workingTimes).default('full_time'),
		hoursPerWeek: whole(1, 60),
		seasonStartsOn: z.preprocess(blankToNull, day.nullable().default(null)),
		seasonEndsOn: z.preprocess(blankToNull, day.nullable().default(null)),
		salaryMin: whole(0, 10_000_000),
		salaryMax: whole(0, 10_000_000),
		salaryPeriod: z.preprocess(blankToNull, z.enum(salaryPeriods).nullable().default(null)),
		salaryCurrency: z
			.string()
			.trim()
			.toUpperCase()
			.refine((code) => currencies.has(code))
			.default('EUR')
			.describe('ISO 4217'),
		languages: z
			.array(z.object({ language: z.enum(requiredLanguages), level: z.enum(cefrLevels) }))
			.max(6)
			.default([])
			.describe('languages required, each with its CEFR level'),
		education: z.enum(educationLevels).default('none'),
		experienceYears: z.preprocess(blankToNull, z.coerce.number().int().min(0).max(40).nullable().default(0)).transform((value) => value ?? 0),
		positions: z.coerce.number().int().min(1).max(10000),
		closingDate: day,
		housing: text(2000).describe('housing conditions'),
		travel: text(2000).describe('travel conditions'),
		costs: z.partialRecord(z.enum(costItems), z.enum(costPayers)).default({}).describe('who pays each cost'),
		noWorkerFees: z.preprocess((value) => (value === 'yes' ? true : value === 'no' ? false : value === '' ? undefined : value), z.boolean()).describe('explicit: no recruitment fee or cost charged to the worker'),
		handlingUnit: z.enum(handlingUnits).default('division'),
		counsellorUserId: z.preprocess(blankToNull, z.string().min(1).max(100).nullable().default(null)).describe('the mobility counsellor handling it'),
		agencyShares: z
			.array(z.object({ agencyId: uuid, positions: z.coerce.number().int().min(1).max(10000) }))
			.max(50)
			.default([])
			.describe('local agencies and the positions each sources'),
		openToForeigners: checkbox.default(false)
	})
	.meta({ id: 'PlacementOfferInput' });
export type PlacementOfferInput = z.output<typeof PlacementOfferInput>;

const currencies = new Set(Intl.supportedValuesOf('currency'));

/** An offer abroad as the division's API answers it: the fields `PlacementOfferInput` takes, its id, status and dates. */
export const PlacementOfferApi = z
	.object({
		id: z.string(),
		status: z.enum(offerStatuses).describe('its status now (a published offer past its closing date is `expired`)'),
		title: z.string(),
		description: z.string(),
		lang: z.string(),
		occupationCode: z.string().describe('ISCO-08 unit group'),
		skills: z.array(z.string()),
		hostCountry: z.string().describe('ISO 3166-1 alpha-2'),
		city: z.string().nullable(),
		organisationId: z.string(),
		employerAbroad: z.string().nullable(),
		agreementId: z.string().nullable(),
		channel: z.enum(placementChannels).nullable(),
		contractType: z.enum(contractTypes),
		contractMonths: z.number().int().nullable(),
		workingTime: z.enum(workingTimes),
		hoursPerWeek: z.number().int().nullable(),
		seasonStartsOn: z.string().nullable(),
		seasonEndsOn: z.string().nullable(),
		salaryMin: z.number().int().nullable(),
		salaryMax: z.number().int().nullable(),
		salaryPeriod: z.enum(salaryPeriods).nullable(),
		salaryCurrency: z.string().describe('ISO 4217'),
		languages: z.array(z.object({ language: z.string(), level: z.string().nullable() })),
		education: z.enum(educationLevels),
		experienceYears: z.number().int(),
		positions: z.number().int(),
		closingDate: z.string(),
		housing: z.string().nullable(),
		travel: z.string().nullable(),
		costs: z.partialRecord(z.enum(costItems), z.enum(costPayers)),
		noWorkerFees: z.boolean(),
		handlingUnit: z.enum(handlingUnits),
		counsellorUserId: z.string().nullable(),
		agencyShares: z.array(z.object({ agencyId: z.string(), positions: z.number().int() })),
		openToForeigners: z.boolean(),
		isSample: z.boolean(),
		publishedAt: z.string().nullable(),
		createdAt: z.string(),
		updatedAt: z.string()
	})
	.meta({ id: 'PlacementOfferApi' });
