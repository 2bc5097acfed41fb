import { z } from 'zod';
import { countryCodes } from '../../../platform/geo/countries.ts';
import { crisisNeeds, registrationStatuses, responderRoles } from './crisis.model.ts';

const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const toArray = (value: unknown) => (value === undefined || value === null ? [] : Array.isArray(value) ? value : [value]);
const optionalText = (max: number) => z.preprocess(blankToUndefined, z.string().trim().max(max).optional());
const CountryCode = z.preprocess((value) => (typeof value === 'string' ? value.trim().toUpperCase() : value), z.enum(countryCodes as [string, ...string[]]));

/** The cell opens a crisis: a title in at least one language, the countries, since when, whom to call. */
export const CrisisForm = z
	.object({
		title_fr: optionalText(200),
		title_ar: optionalText(200),
		title_en: optionalText(200),
		countries: z.preprocess(toArray, z.array(CountryCode).min(1).max(20)),
		areas: optionalText(500),
		startedOn: z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/).refine((value) => !Number.isNaN(Date.parse(value))),
		contacts_fr: optionalText(1000),
		contacts_ar: optionalText(1000),
		contacts_en: optionalText(1000),
		retentionDays: z.coerce.number().int().min(7).max(365)
	})
	.superRefine((value, context) => {
		if (!value.title_fr && !value.title_ar && !value.title_en) context.addIssue({ code: 'invalid_type', expected: 'string', path: ['title_fr'], input: undefined });
	});
export type CrisisForm = z.infer<typeof CrisisForm>;

/**
 * A registration, on the very light page: who, how many, where, how to reach them (a phone or an
 * e-mail: at least one), what they need. A relative registering someone gives their own name too.
 */
export const RegistrationForm = z
	.object({
		byRelative: z.preprocess((value) => value === 'on' || value === 'yes' || value === true, z.boolean()),
		relativeName: optionalText(120),
		name: z.string().trim().min(2).max(120),
		peopleCount: z.coerce.number().int().min(1).max(50),
		otherPeople: optionalText(1000),
		phone: z.preprocess(blankToUndefined, z.string().trim().regex(/^[+0-9 ().-]{6,30}$/).optional()),
		email: z.preprocess(blankToUndefined, z.email().max(254).optional()),
		country: CountryCode,
		city: z.string().trim().min(2).max(120),
		needs: z.preprocess(toArray, z.array(z.enum(crisisNeeds)).max(crisisNeeds.length)),
		notes: optionalText(1000)
	})
	.superRefine((value, context) => {
		// nobody can be helped without a way to reach them
		if (!value.phone && !value.email) context.addIssue({ code: 'custom', path: ['phone'], message: 'a phone or an e-mail' });
		if (value.byRelative && !value.relativeName) context.addIssue({ code: 'invalid_type', expected: 'string', path: ['relativeName'], input: undefined });
	});
export type RegistrationForm = z.infer<typeof RegistrationForm>;

export const RegistrationFilters = z.object({
	status: z.preprocess(blankToUndefined, z.enum(registrationStatuses).optional()),
	need: z.preprocess(blankToUndefined, z.enum(crisisNeeds).optional()),
	city: optionalText(120),
	relay: z.preprocess(blankToUndefined, z.uuid().optional()),
	page: z.coerce.number().int().min(1).max(10_000).default(1)
});
export type RegistrationFilters = z.infer<typeof RegistrationFilters>;

export const StatusForm = z.object({ status: z.enum(registrationStatuses) });
export const AssignForm = z.object({ relayOrganisationId: z.preprocess(blankToUndefined, z.uuid().optional()) });

/** A responder marks a step of their checklist done (or not done after all). */
export const ChecklistStepForm = z.object({
	role: z.enum(responderRoles),
	step: z.string().regex(/^[0-9a-f]{16}$/),
	done: z.enum(['yes', 'no'])
});

/** A decimal number as people type it: a comma or a point, spaces around. */
const coordinate = (limit: number) =>
	z.preprocess((value) => (typeof value === 'string' ? (value.trim() === '' ? undefined : Number(value.trim().replace(',', '.'))) : value), z.number().min(-limit).max(limit));

/** A place the cell puts on the crisis's map: its name, other spellings (one per line or comma), its coordinates. */
export const CrisisPlaceForm = z.object({
	name: z.string().trim().min(1).max(120),
	spellings: z.preprocess(
		(value) => (typeof value === 'string' ? value.split(/[\n,،]/).map((part) => part.trim()).filter(Boolean) : (value ?? [])),
		z.array(z.string().max(120)).max(20)
	),
	latitude: coordinate(90),
	longitude: coordinate(180)
});
