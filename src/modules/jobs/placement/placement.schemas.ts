import { z } from 'zod';
import { countryCodes } from '../../../platform/geo/countries.ts';
import { agreementKinds, agreementStatuses, partnerSectors } from './placement.model.ts';

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
		partnerName: z.string().trim().min(2).max(200),
		sector: z.enum(partnerSectors),
		hostCountry: z.enum(countryCodes as [string, ...string[]]).describe('ISO 3166-1 alpha-2'),
		title: z.string().trim().min(3).max(200),
		lang: z.enum(['fr', 'ar', 'en']).default('fr'),
		summary: z.preprocess(blankToNull, z.string().trim().max(4000).nullable().default(null)),
		startsOn: z.preprocess(blankToNull, day.nullable().default(null)),
		endsOn: z.preprocess(blankToNull, day.nullable().default(null)),
		occupationCodes: z.array(z.string().regex(/^\d{4}$/)).max(50).default([]).describe('ISCO-08 unit groups'),
		quotas: z.array(YearlyQuota).max(20).default([]),
		status: z.enum(agreementStatuses).default('draft'),
		published: checkbox.default(false)
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
		occupationCodes: z.array(z.string()),
		quotas: z.array(z.object({ year: z.number(), positions: z.number() })),
		status: z.enum(agreementStatuses),
		source: z.string().nullable().describe('the document a real fact comes from; null for samples'),
		isSample: z.boolean()
	})
	.meta({ id: 'PlacementAgreement' });

export const AgreementListQuery = z.object({
	country: z.preprocess((value) => (value === '' ? undefined : value), z.string().regex(/^[A-Z]{2}$/).optional())
});
