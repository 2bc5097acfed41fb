import { asList, languageRowsOf, splitItems } from '../../../platform/http/form.ts';
import { z } from 'zod';
import { educationLevels } from '../job-offer.model.ts';
import { countryCodes, currentCountryCode } from '../../../platform/geo/countries.ts';
import { cefrLevels, spokenLanguages } from '../../../platform/i18n/spoken-languages.ts';
import { provinces, regions } from '../../../platform/geo/morocco.ts';
import { applicationStatuses, availabilities, consentScopes, residenceStatuses } from './seekers.model.ts';


export const placeCodes: readonly string[] = [...regions.map((region) => region.iso), ...provinces.map((province) => province.iso)];

const blankToNull = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? null : value);
const optionalText = (max: number) => z.preprocess(blankToNull, z.string().trim().max(max).nullable().default(null));

export const SeekerLanguage = z.object({
	language: z.enum(spokenLanguages).describe('ISO 639 code: ar Arabic, ary Moroccan Arabic, zgh Amazigh, mey Hassaniya, fr French, en English, wo Wolof, bm Bambara, ff Pulaar…'),
	level: z.enum(cefrLevels).nullable().default(null).describe('CEFR level; required for languages stated on that scale (ar, ary, zgh, fr, en, es, pt, it, de, nl, tr, ru, zh), ignored for the others')
});

export const ProfileInput = z
	.object({
		phone: z.preprocess(blankToNull, z.string().trim().regex(/^\+?[0-9 ().-]{6,25}$/).nullable().default(null)).describe('a telephone number'),
		city: optionalText(100).describe('where the person lives'),
		nationality: z
			.string()
			.transform((code) => currentCountryCode(code) ?? code)
			.refine((code) => countryCodes.includes(code))
			.describe('ISO 3166-1 alpha-2 (a withdrawn code is taken as the current one)'),
		residenceStatus: z.enum(residenceStatuses),
		languages: z.array(SeekerLanguage).max(8).default([]),
		education: z.preprocess(blankToNull, z.enum(educationLevels).nullable().default(null)).describe('highest level reached; null: not said'),
		educationDetails: optionalText(2000),
		experienceYears: z.coerce.number().int().min(0).max(60).default(0),
		experience: optionalText(4000),
		skills: z.array(z.string().trim().min(1).max(80)).max(30).default([]),
		occupationCodes: z.array(z.string().regex(/^\d{4}$/)).max(5).default([]).describe('ISCO-08 unit groups sought'),
		placeCodes: z.array(z.string().trim().toUpperCase().refine((code) => placeCodes.includes(code))).max(5).default([]).describe('ISO 3166-2:MA regions or provinces sought'),
		availability: z.enum(availabilities).default('immediately'),
		availableFrom: z.preprocess(blankToNull, z.iso.date().nullable().default(null))
	})
	.meta({ id: 'SeekerProfileInput' });
export type ProfileInput = z.input<typeof ProfileInput>;
export type Profile = z.output<typeof ProfileInput>;

/** How many language rows the profile form offers. */
export const languageRows = 5;


/** The profile page's form: repeated selects, skills one per line or comma-separated, numbered language rows. */
export const ProfileForm = z.preprocess((raw) => {
	const data = (raw ?? {}) as Record<string, unknown>;
	const languages = languageRowsOf(data, languageRows);
	const skills = splitItems(data.skills);
	return {
		...data,
		languages,
		skills,
		occupationCodes: asList(data.occupationCodes).filter(Boolean),
		placeCodes: asList(data.placeCodes).filter(Boolean)
	};
}, ProfileInput);

export const ConsentInput = z.object({ scope: z.enum(consentScopes).nullable().describe('null withdraws consent: nobody but the person sees the profile') });
export const ConsentForm = z.object({ scope: z.enum(['none', ...consentScopes]) });

export const ApplicationInput = z
	.object({
		message: z.string().trim().min(1).max(4000).describe('a message to the employer'),
		share: z.literal(true).describe('the person agrees that the offer’s employer sees their profile and CV for this application')
	})
	.meta({ id: 'JobApplicationInput' });
export const ApplicationForm = z.object({
	message: z.string().trim().min(1).max(4000),
	share: z.literal('yes')
});

export const employerStatuses = ['viewed', 'shortlisted', 'interview', 'rejected', 'hired'] as const;
export const StatusInput = z.object({ status: z.enum(employerStatuses) });

export const ApplicationStatus = z.enum(applicationStatuses).meta({ id: 'JobApplicationStatus' });

export const SeekerProfile = ProfileInput.extend({
	consent: z.object({ scope: z.enum(consentScopes).nullable(), at: z.string().nullable() }),
	cv: z.object({ size: z.number(), uploadedAt: z.string() }).nullable(),
	updatedAt: z.string()
}).meta({ id: 'SeekerProfile' });

export const MyApplication = z
	.object({
		id: z.string(),
		offer: z.object({ id: z.string(), title: z.string(), employer: z.string() }),
		status: ApplicationStatus,
		message: z.string().nullable(),
		createdAt: z.string(),
		statusChangedAt: z.string(),
		history: z.array(z.object({ status: ApplicationStatus, at: z.string() }))
	})
	.meta({ id: 'MyJobApplication' });

export const EmployerApplication = z
	.object({
		id: z.string(),
		offer: z.object({ id: z.string(), title: z.string() }),
		status: ApplicationStatus,
		createdAt: z.string(),
		applicant: z.object({ name: z.string(), email: z.string() }).nullable().describe('null once the applicant deleted their account')
	})
	.meta({ id: 'EmployerJobApplication' });

/** `PUT /api/v1/me/profile`: the profile, and optionally the consent choice. */
export const ProfilePut = ProfileInput.extend({
	consent: z.enum(consentScopes).nullable().optional().describe('who may see the profile besides the person: counsellors, or counsellors and employers; null withdraws consent; absent leaves it unchanged')
}).meta({ id: 'SeekerProfilePut' });
