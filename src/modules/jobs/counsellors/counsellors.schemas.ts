import { z } from 'zod';
import { provinces, regions } from '../../../platform/geo/morocco.ts';
import { residenceStatuses } from '../seekers/seekers.model.ts';
import { appointmentModes, appointmentStatuses, referralStatuses } from '../../../platform/casework/casework.model.ts';
import { agencyStatuses } from './counsellors.model.ts';

const blankToNull = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? null : value);
const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optionalText = (max: number) => z.preprocess(blankToNull, z.string().trim().max(max).nullable().default(null));
const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);

export const regionCodes = regions.map((region) => region.iso) as [string, ...string[]];
export const provinceCodes = provinces.map((province) => province.iso) as [string, ...string[]];

export const AgencyInput = z
	.object({
		name: z.string().trim().min(2).max(120),
		city: z.string().trim().min(1).max(80),
		regionCode: z.enum(regionCodes).describe('ISO 3166-2:MA region'),
		provinceCode: z.preprocess(blankToNull, z.enum(provinceCodes).nullable().default(null)).describe('ISO 3166-2:MA province or prefecture of that region'),
		address: optionalText(300),
		phone: z.preprocess(blankToNull, z.string().trim().regex(/^\+?[0-9 ().-]{6,25}$/).nullable().default(null)),
		email: z.preprocess(blankToNull, z.email().max(254).nullable().default(null))
	})
	.meta({ id: 'AgencyInput' });
export type AgencyInput = z.output<typeof AgencyInput>;

export const AgencyStatusInput = z.object({ status: z.enum(agencyStatuses) });
export const CounsellorEmailInput = z.object({ email: z.email().max(254) });
export const CounsellorIdInput = z.object({ userId: z.string().min(1).max(100) });

/** The person's choice of agency: an agency id, or nothing (leave the agency). */
export const SeekerAgencyInput = z.object({ agencyId: z.preprocess(blankToNull, uuid.nullable()) });

export const ReferralInput = z
	.object({
		seekerId: z.string().min(1).max(100).describe('the person (user id)'),
		programmeId: uuid.describe('a support programme of the directory'),
		message: z.string().trim().min(1).max(2000).describe('what the programme should know; it is also shown to the person'),
		agreed: z.literal(true).describe('the person agreed to be referred and that the programme receives their name and contact details')
	})
	.meta({ id: 'ReferralInput' });

export const ReferralStatus = z.enum(referralStatuses).meta({ id: 'ReferralStatus' });
export { ReferralStatusInput } from '../../../platform/casework/casework.schemas.ts';

export const SeekerListQuery = z.object({
	q: z.preprocess(blankToUndefined, z.string().trim().max(100).optional()).describe('words of the name, e-mail or occupation sought'),
	agency: z.preprocess(blankToUndefined, uuid.optional()).describe('one of the caller’s agencies'),
	occupation: z.preprocess(blankToUndefined, z.string().regex(/^\d{1,4}$/).optional()).describe('ISCO-08 code or prefix of an occupation sought'),
	residence: z.preprocess(blankToUndefined, z.enum(residenceStatuses).optional()),
	cv: z.preprocess(blankToUndefined, z.enum(['yes', 'no']).optional()),
	page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(1000).default(1))
});
export type SeekerListQuery = z.output<typeof SeekerListQuery>;

// ---------- API shapes ----------

export const Agency = z
	.object({
		id: z.string(),
		name: z.string(),
		city: z.string(),
		regionCode: z.string(),
		provinceCode: z.string().nullable(),
		address: z.string().nullable(),
		phone: z.string().nullable(),
		email: z.string().nullable(),
		status: z.enum(agencyStatuses)
	})
	.meta({ id: 'Agency' });

export const AgencySeeker = z
	.object({
		id: z.string(),
		name: z.string(),
		agency: z.object({ id: z.string(), name: z.string() }),
		city: z.string().nullable(),
		occupationCodes: z.array(z.string()),
		residenceStatus: z.enum(residenceStatuses),
		hasCv: z.boolean(),
		openReferrals: z.number().int(),
		nextAppointment: z.string().nullable(),
		updatedAt: z.string()
	})
	.meta({ id: 'AgencySeeker' });

export const Referral = z
	.object({
		id: z.string(),
		status: ReferralStatus,
		source: z.enum(['agency', 'mobility']).describe('who referred: an ANAPEC agency’s counsellor, or a mobility counsellor of the international placement division (`agency` is then the division)'),
		programme: z.object({ id: z.string(), name: z.string(), organisation: z.string() }),
		agency: z.object({ id: z.string(), name: z.string() }),
		counsellor: z.string(),
		message: z.string(),
		person: z.object({ id: z.string().nullable(), name: z.string(), email: z.string(), phone: z.string().nullable() }).nullable(),
		createdAt: z.string(),
		statusChangedAt: z.string(),
		history: z.array(z.object({ status: ReferralStatus, side: z.enum(['counsellor', 'programme']), at: z.string() }))
	})
	.meta({ id: 'Referral' });

export const MyFollowUp = z
	.object({
		agency: Agency.nullable(),
		appointments: z.array(
			z.object({ id: z.string(), startsAt: z.string(), mode: z.enum(appointmentModes), purpose: z.string(), status: z.enum(appointmentStatuses), counsellor: z.string(), agency: z.string() })
		),
		referrals: z.array(Referral.omit({ person: true }))
	})
	.meta({ id: 'MyFollowUp' });
