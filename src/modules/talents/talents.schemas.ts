import { asList, languageRowsOf, splitItems } from '../../platform/http/form.ts';
import { z } from 'zod';
import { countryCodes, currentCountryCode } from '../../platform/geo/countries.ts';
import { regions } from '../../platform/geo/morocco.ts';
import { cefrLevels, spokenLanguages } from '../../platform/i18n/spoken-languages.ts';
import { cardFields, consentLevels, contributions, educationLevels, generations, networkKinds, joiningRules, sectors, skills } from './talents.model.ts';

const blankToNull = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? null : value);
const optionalText = (max: number) => z.preprocess(blankToNull, z.string().trim().max(max).nullable().default(null));
const country = z
	.string()
	.trim()
	.toUpperCase()
	.transform((code) => currentCountryCode(code) ?? code)
	.refine((code) => countryCodes.includes(code));

export const TalentLanguage = z.object({
	language: z.enum(spokenLanguages).describe('ISO 639 code'),
	level: z.enum(cefrLevels).nullable().default(null).describe('CEFR level; required for languages stated on that scale')
});

export const TalentProfileInput = z
	.object({
		hostCountry: country.describe('ISO 3166-1 alpha-2 of the country the talent lives in'),
		hostCity: optionalText(100),
		nationalities: z.array(country).max(4).default([]).describe('ISO 3166-1 alpha-2 codes'),
		originRegion: z.preprocess(blankToNull, z.string().trim().toUpperCase().refine((code) => regions.some((region) => region.iso === code)).nullable().default(null)).describe('ISO 3166-2:MA region of origin in Morocco'),
		occupationCode: z.preprocess(blankToNull, z.string().regex(/^\d{4}$/).nullable().default(null)).describe('ISCO-08 unit group'),
		skills: z.array(z.enum(skills)).max(14).default([]).describe('keys of the controlled list'),
		newSkills: z.array(z.string().trim().min(2).max(80)).max(5).default([]).describe('skills not on the list: a moderator reviews them'),
		sectors: z.array(z.enum(sectors)).max(12).default([]),
		languages: z.array(TalentLanguage).max(8).default([]),
		experienceYears: z.coerce.number().int().min(0).max(60).default(0),
		education: z.preprocess(blankToNull, z.enum(educationLevels).nullable().default(null)),
		educationDetails: optionalText(1000),
		generation: z.preprocess(blankToNull, z.enum(generations).nullable().default(null)),
		contributions: z.array(z.enum(contributions)).max(contributions.length).default([]),
		remoteHoursPerMonth: z.preprocess(blankToNull, z.coerce.number().int().min(0).max(200).nullable().default(null)),
		missionWindows: optionalText(500),
		link: z.preprocess(blankToNull, z.url({ protocol: /^https?$/ }).max(300).nullable().default(null)).describe('a professional page')
	})
	.meta({ id: 'TalentProfileInput' });
export type TalentProfileInput = z.output<typeof TalentProfileInput>;

export const ConsentInput = z
	.object({
		level: z.enum(consentLevels).nullable().describe('public: a public card; institutions: institutions with a request; mdcmre: the MDCMRE only; null: nobody'),
		cardFields: z.array(z.enum(cardFields)).default([]).describe('what the public card shows (public level only)')
	})
	.meta({ id: 'TalentConsentInput' });

/** How many language rows the profile form offers. */
export const languageRows = 5;

/** The profile form: repeated checkboxes, numbered language rows, free skills one per line or comma-separated. */
export const TalentProfileForm = z.preprocess((raw) => {
	const data = (raw ?? {}) as Record<string, unknown>;
	const languages = languageRowsOf(data, languageRows);
	const newSkills = splitItems(data.newSkills);
	return {
		...data,
		languages,
		newSkills,
		nationalities: asList(data.nationalities).filter(Boolean),
		skills: asList(data.skills).filter(Boolean),
		sectors: asList(data.sectors).filter(Boolean),
		contributions: asList(data.contributions).filter(Boolean)
	};
}, TalentProfileInput);

export const ConsentForm = z.preprocess((raw) => {
	const data = (raw ?? {}) as Record<string, unknown>;
	return { level: data.level === 'none' ? null : data.level, cardFields: asList(data.cardFields).filter(Boolean) };
}, ConsentInput);

export const NetworkInput = z.object({
	slug: z.string().regex(/^[a-z0-9-]{3,80}$/),
	kind: z.enum(networkKinds),
	name: z.object({ fr: z.string().min(2).max(200).optional(), ar: z.string().min(2).max(200).optional(), en: z.string().min(2).max(200).optional() }),
	aim: z.object({ fr: z.string().max(2000).optional(), ar: z.string().max(2000).optional(), en: z.string().max(2000).optional() }).default({}),
	country: country.nullable().default(null),
	area: z.string().max(100).nullable().default(null),
	skill: z.enum(skills).nullable().default(null),
	joining: z.enum(joiningRules).default('on_request'),
	sources: z.array(z.object({ citation: z.string().min(3), url: z.url().optional() })).default([])
});
export type NetworkInput = z.input<typeof NetworkInput>;

export const CardQuery = z.object({
	country: z.preprocess(blankToNull, country.nullable().default(null)),
	skill: z.preprocess(blankToNull, z.enum(skills).nullable().default(null)),
	occupation: z.preprocess(blankToNull, z.string().regex(/^\d{1,4}$/).nullable().default(null)).describe('ISCO-08 code of any level'),
	contribution: z.preprocess(blankToNull, z.enum(contributions).nullable().default(null)).describe('a kind of contribution the card shows (investment, business_creation: the young generations’ page)'),
	q: z.preprocess(blankToNull, z.string().trim().max(100).nullable().default(null)).describe('words of the name or city (Arabic folded as everywhere on the platform)'),
	page: z.coerce.number().int().min(1).max(1000).default(1)
});

const Localised = z.record(z.string(), z.string()).describe('a text by language tag (fr, ar, en)');
export const NetworkSummary = z
	.object({
		id: z.uuid(),
		slug: z.string(),
		kind: z.enum(networkKinds),
		name: Localised,
		aim: Localised,
		country: z.string().nullable().describe('territory networks: ISO 3166-1 alpha-2'),
		area: z.string().nullable().describe('a city or area within the country'),
		skill: z.enum(skills).nullable().describe('skill networks: a key of the controlled list'),
		joining: z.enum(joiningRules),
		sources: z.array(z.object({ citation: z.string(), url: z.string().optional() })).describe('where the seeds name a real network'),
		isSample: z.boolean().describe('a fictional sample of the demo'),
		members: z.number().int().nullable().describe('members; null when fewer than 5'),
		linked: z.array(z.string()).describe('slugs of the networks it works with (a skill network and the chapters of the countries where it is active)')
	})
	.meta({ id: 'TalentNetwork' });
export const NetworkList = z.object({ items: z.array(NetworkSummary) }).meta({ id: 'TalentNetworkList' });

export const PublicCardSchema = z
	.object({
		id: z.string(),
		isSample: z.boolean(),
		name: z.string().optional(),
		hostCountry: z.string().optional(),
		hostCity: z.string().nullable().optional(),
		occupationCode: z.string().nullable().optional().describe('ISCO-08 unit group'),
		skills: z.array(z.string()).optional(),
		otherSkills: z.array(z.string()).optional().describe('skills in the talent’s words, accepted by a moderator'),
		sectors: z.array(z.string()).optional(),
		languages: z.array(TalentLanguage).optional(),
		experienceYears: z.number().int().optional(),
		contributions: z.array(z.string()).optional(),
		generation: z.string().nullable().optional(),
		originRegion: z.string().nullable().optional(),
		link: z.string().nullable().optional(),
		completedMissions: z.number().int().optional().describe('missions completed through the platform')
	})
	.describe('only the fields the talent chose to show; a field absent is hidden, not empty')
	.meta({ id: 'TalentCard' });
export const CardList = z.object({ total: z.number().int(), page: z.number().int(), pageSize: z.number().int(), items: z.array(PublicCardSchema) }).meta({ id: 'TalentCardList' });
