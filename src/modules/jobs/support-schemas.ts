import { z } from 'zod';
import { regions } from '../../platform/geo/morocco.ts';
import { programmeServices, rightsTopics } from './support.model.ts';
import type { LocalisedText } from '../../platform/content/content.table.ts';

/** Languages a programme's team may speak (ISO 639 codes; zgh: Standard Moroccan Tamazight). */
export const programmeLanguages = ['ar', 'fr', 'en', 'es', 'pt', 'zgh', 'wo', 'bm', 'ff', 'ln', 'sw', 'ha'] as const;
export const regionCodes = regions.map((region) => region.iso);
export const contentLanguages = ['fr', 'ar', 'en'] as const;

const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const blankToNull = (value: unknown) => (value === undefined || (typeof value === 'string' && value.trim() === '') ? null : value);
/** Checkboxes: absent → [], one → [value], several → the array parseForm gives. */
const toArray = (value: unknown) => (value === undefined || value === null ? [] : Array.isArray(value) ? value : [value]);

export const ProgrammeService = z.enum(programmeServices).meta({ id: 'ProgrammeService', description: 'A service from the controlled list' });
export const RegionCode = z.enum(regionCodes as [string, ...string[]]).meta({ description: 'ISO 3166-2 region code, MA-01…MA-12', example: 'MA-04' });
export const ProgrammeLanguage = z.enum(programmeLanguages).meta({ description: 'ISO 639 language code', example: 'wo' });

const Localised = z
	.object({ fr: z.string().optional(), ar: z.string().optional(), en: z.string().optional() })
	.meta({ id: 'LocalisedText', description: 'The same text in French, Arabic and English; a language may be missing.' });

// ---------- rights pages ----------

export const RightsTopic = z.enum(rightsTopics).meta({ id: 'RightsTopic' });

const RightsPageSummaryFields = {
	slug: z.string(),
	topic: RightsTopic,
	title: z.string(),
	summary: z.string(),
	language: z.enum(contentLanguages).describe('the language of `title` and `summary`'),
	fallback: z.boolean().describe('true when the text is not available in the requested language and another one is shown'),
	availableLanguages: z.array(z.enum(contentLanguages)),
	version: z.int(),
	reviewedOn: z.iso.date().describe('the day the content was last checked'),
	url: z.string().describe('the readable page')
};

export const RightsPageSummary = z.object(RightsPageSummaryFields).meta({ id: 'RightsPageSummary' });
export const RightsPageList = z.object({ total: z.int(), items: z.array(RightsPageSummary) }).meta({ id: 'RightsPageList' });
export const RightsPageDetail = z
	.object({
		...RightsPageSummaryFields,
		body: z.string(),
		steps: z.array(z.string()),
		sources: z.array(z.object({ name: z.string(), url: z.string().nullable() })),
		updatedAt: z.iso.datetime().describe('when this version was saved'),
		versions: z.int().describe('how many versions exist')
	})
	.meta({ id: 'RightsPageDetail' });
export const RightsLanguageQuery = z
	.object({ lang: z.preprocess(blankToUndefined, z.enum(contentLanguages).optional()).describe('the language wanted; default from Accept-Language') })
	.meta({ id: 'RightsLanguageQuery' });

/** Check every field at once, even when others failed, so the form lists every problem. */
const always = { when: () => true };

const longText = (max: number) => z.preprocess(blankToUndefined, z.string().trim().max(max).optional());

function requireOneLanguage(
	value: Record<string, unknown>,
	context: z.core.$RefinementCtx,
	field: string
) {
	if (!contentLanguages.some((language) => value[`${field}_${language}`])) {
		context.addIssue({ code: 'too_small', origin: 'string', minimum: 1, inclusive: true, path: [`${field}_fr`], input: '' });
	}
}

function localised(value: Record<string, unknown>, field: string): LocalisedText {
	const result: LocalisedText = {};
	for (const language of contentLanguages) {
		const text = value[`${field}_${language}`];
		if (typeof text === 'string' && text) result[language] = text;
	}
	return result;
}

// ---------- programmes ----------

const cityList = z.preprocess(
	(value) =>
		typeof value === 'string'
			? value
					.split(/[,;،\n]/)
					.map((city) => city.trim())
					.filter(Boolean)
			: toArray(value),
	z.array(z.string().trim().min(2).max(80)).max(30)
);

/** The partners' and moderators' form for a programme (create and edit). */
export const ProgrammeForm = z
	.object({
		organisationId: z.uuid(),
		name_fr: longText(200),
		name_ar: longText(200),
		name_en: longText(200),
		description_fr: longText(3000),
		description_ar: longText(3000),
		description_en: longText(3000),
		eligibility_fr: longText(1000),
		eligibility_ar: longText(1000),
		eligibility_en: longText(1000),
		services: z.preprocess(toArray, z.array(ProgrammeService).min(1)),
		regions: z.preprocess(toArray, z.array(RegionCode)),
		cities: cityList,
		languages: z.preprocess(toArray, z.array(ProgrammeLanguage).min(1)),
		phone: z.preprocess(blankToNull, z.string().trim().regex(/^[+0-9 ().-]{6,30}$/).nullable()),
		email: z.preprocess(blankToNull, z.email().max(254).nullable()),
		address: z.preprocess(blankToNull, z.string().trim().max(300).nullable()),
		website: z.preprocess(blankToNull, z.url({ protocol: /^https?$/, hostname: z.regexes.domain }).max(300).nullable()),
		funderIds: z.preprocess(toArray, z.array(z.uuid()).max(20)),
		/** Atlas initiatives as whole links (`atlas.initiative:<slug>`), checked by the directory */
		links: z.preprocess(toArray, z.array(z.string().trim().min(1).max(300)).max(10))
	})
	.superRefine((value, context) => {
		requireOneLanguage(value, context, 'name');
		requireOneLanguage(value, context, 'description');
	}, always)
	.transform((value) => ({
		organisationId: value.organisationId,
		name: localised(value, 'name'),
		description: localised(value, 'description'),
		eligibility: localised(value, 'eligibility'),
		services: [...new Set(value.services)],
		regions: [...new Set(value.regions)],
		cities: [...new Set(value.cities)],
		languages: [...new Set(value.languages)],
		phone: value.phone,
		email: value.email,
		address: value.address,
		website: value.website,
		funderIds: [...new Set(value.funderIds)],
		links: [...new Set(value.links)]
	}));
export type ProgrammeInput = z.output<typeof ProgrammeForm>;

export const ProgrammeListQuery = z
	.object({
		q: z.preprocess(blankToUndefined, z.string().trim().max(200).optional()).describe('Words in the name, description, eligibility, cities or organisation; accents do not matter'),
		city: z.preprocess(blankToUndefined, z.string().trim().max(80).optional()).describe('A city the programme works in (accents and case do not matter)'),
		region: z.preprocess(blankToUndefined, RegionCode.optional()),
		service: z.preprocess(blankToUndefined, ProgrammeService.optional()),
		language: z.preprocess(blankToUndefined, ProgrammeLanguage.optional()).describe('A language the team speaks'),
		funder: z
			.preprocess(blankToUndefined, z.string().trim().toLowerCase().max(100).optional())
			.describe('Funded by this organisation (its slug): `mdcmre` for the programmes the ministry funds'),
		initiative: z
			.preprocess(blankToUndefined, z.string().trim().max(200).optional())
			.describe('Part of this Atlas initiative (its slug, as in /api/v1/initiatives)'),
		page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(10_000).default(1)),
		pageSize: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(100).default(20))
	})
	.meta({ id: 'ProgrammeListQuery' });
export type ProgrammeListQuery = z.output<typeof ProgrammeListQuery>;

export const Programme = z
	.object({
		id: z.uuid(),
		organisation: z.object({ id: z.uuid(), name: z.string(), acronym: z.string().nullable(), slug: z.string() }),
		name: Localised,
		description: Localised,
		eligibility: Localised,
		services: z.array(ProgrammeService),
		cities: z.array(z.string()),
		regions: z.array(z.string()),
		languages: z.array(z.string()),
		contact: z.object({
			phone: z.string().nullable(),
			email: z.string().nullable(),
			address: z.string().nullable(),
			website: z.string().nullable()
		}),
		funderIds: z.array(z.uuid()).describe('the organisations funding the programme'),
		links: z
			.array(z.string())
			.describe('records of other modules the programme belongs to, `<kind>:<key>`: `atlas.initiative:<slug>` is an Atlas initiative (/api/v1/initiatives/{slug})'),
		isSample: z.boolean().describe('a fictional programme of the demo data'),
		updatedAt: z.iso.datetime()
	})
	.meta({ id: 'Programme' });

const Facet = z.array(z.object({ value: z.string(), count: z.int() }));
export const ProgrammeList = z
	.object({
		total: z.int(),
		page: z.int(),
		pageSize: z.int(),
		items: z.array(Programme),
		facets: z
			.object({ services: Facet, regions: Facet, cities: Facet, languages: Facet })
			.describe('how many matching programmes have each value')
	})
	.meta({ id: 'ProgrammeList' });
