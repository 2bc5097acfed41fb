import { z } from 'zod';
import { spokenLanguages } from '../../platform/i18n/spoken-languages.ts';
import { countryCodes } from '../../platform/geo/countries.ts';
import { provinces, regions } from '../../platform/geo/morocco.ts';
import { caseCloseReasons, checklistPhases, guideTopics, needDimensions, needLevels, networkStages, planActionStatuses, returnProfiles } from './return.model.ts';
import { NOT_APPLICABLE, surveyIndicators, surveyRounds } from './survey.model.ts';

const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const text = (max: number) => z.preprocess(blankToUndefined, z.string().trim().max(max).optional());
/** A checkbox: present ("on", "1", "true") or absent. */
const checkbox = z.preprocess((value) => value === 'on' || value === '1' || value === 'true' || value === true, z.boolean());

export const ReturnProfile = z.enum(returnProfiles).meta({ id: 'ReturnProfile', description: 'Who is coming back' });
export const GuideTopic = z.enum(guideTopics).meta({ id: 'ReturnGuideTopic' });
export const CountryCode = z.enum(countryCodes as [string, ...string[]]).meta({ description: 'ISO 3166-1 alpha-2 country code', example: 'BE' });
export const RegionCode = z.enum(regions.map((region) => region.iso) as [string, ...string[]]).meta({ description: 'ISO 3166-2 region code, MA-01…MA-12', example: 'MA-04' });
const languages = ['fr', 'ar', 'en'] as const;

// ---------- pension portability ----------

/** The moderators' form (one field per language) and the API's body share these rules. */
export const PensionAgreementForm = z.object({
	countryCode: z.preprocess((value) => (typeof value === 'string' ? value.trim().toUpperCase() : value), CountryCode),
	agreement_fr: text(500),
	agreement_ar: text(500),
	agreement_en: text(500),
	transfers_fr: text(2000),
	transfers_ar: text(2000),
	transfers_en: text(2000),
	whereToAsk_fr: text(1000),
	whereToAsk_ar: text(1000),
	whereToAsk_en: text(1000),
	sourceName: text(300),
	sourceUrl: z.preprocess(blankToUndefined, z.url({ protocol: /^https?$/ }).max(500).optional())
});
export type PensionAgreementInput = z.output<typeof PensionAgreementForm>;

const LocalisedText = z.object({ fr: z.string().optional(), ar: z.string().optional(), en: z.string().optional() }).meta({ id: 'ReturnLocalisedText' });

export const PensionAgreement = z
	.object({
		countryCode: z.string().meta({ example: 'BE' }),
		country: z.string().describe('the country’s name in the requested language'),
		agreement: z.string().nullable().describe('the agreement, in the requested language (or another one when missing)'),
		transfers: z.string().nullable(),
		whereToAsk: z.string().nullable(),
		texts: z.object({ agreement: LocalisedText, transfers: LocalisedText, whereToAsk: LocalisedText }),
		source: z.object({ name: z.string(), url: z.string().nullable() }).nullable(),
		toBeCompleted: z.boolean().describe('true while the entry has no source: nothing in it is a checked fact'),
		updatedAt: z.iso.datetime()
	})
	.meta({ id: 'ReturnPensionAgreement' });

// ---------- guide ----------

export const GuidePageSummary = z
	.object({
		slug: z.string(),
		topic: GuideTopic,
		profiles: z.array(ReturnProfile).describe('who the page matters to'),
		title: z.string(),
		summary: z.string(),
		language: z.enum(languages),
		fallback: z.boolean(),
		version: z.int(),
		reviewedOn: z.iso.date(),
		toBeCompleted: z.boolean().describe('true while the page says part of it is still to be completed by the network'),
		url: z.string()
	})
	.meta({ id: 'ReturnGuidePageSummary' });

export const GuideQuery = z.object({
	lang: z.enum(languages).optional().describe('language of the texts (default fr)'),
	profile: ReturnProfile.optional().describe('only the pages that matter to this profile')
});

// ---------- checklist ----------

/** The checklist's questions, sent by a GET form (works without an account) or saved when signed in. */
export const ChecklistAnswers = z.object({
	profile: z.preprocess(blankToUndefined, ReturnProfile),
	hostCountry: z.preprocess((value) => (typeof value === 'string' && value.trim() ? value.trim().toUpperCase() : undefined), CountryCode.optional()),
	region: z.preprocess(blankToUndefined, RegionCode.optional()),
	children: checkbox,
	retiring: checkbox,
	investing: checkbox
});
export type ChecklistAnswers = z.output<typeof ChecklistAnswers>;

export const ChecklistPhase = z.enum(checklistPhases);

// ---------- network services ----------

export const NetworkStage = z.enum(networkStages).meta({ id: 'ReturnNetworkStage', description: 'A stage of return at which a member helps' });

export const ServiceQuery = z.object({
	region: z.preprocess(blankToUndefined, RegionCode.optional()).describe('only services covering this region'),
	stage: z.preprocess(blankToUndefined, NetworkStage.optional()).describe('only services at this stage (the need)'),
	q: z.preprocess(blankToUndefined, z.string().trim().max(100).optional()).describe('words in the name, description or organisation'),
	lang: z.enum(languages).optional().describe('language of the names (default fr)'),
	page: z.coerce.number().int().min(1).max(1000).default(1),
	pageSize: z.coerce.number().int().min(1).max(100).default(20)
});

export const ServiceExportQuery = ServiceQuery.omit({ page: true, pageSize: true }).extend({ format: z.enum(['csv', 'xlsx']).default('csv') });

export const NetworkService = z
	.object({
		id: z.uuid(),
		organisation: z.object({ id: z.uuid(), name: z.string(), acronym: z.string().nullable(), slug: z.string() }),
		name: LocalisedText,
		description: LocalisedText,
		eligibility: LocalisedText,
		services: z.array(NetworkStage).describe('the stages of return it helps at'),
		cities: z.array(z.string()),
		regions: z.array(z.string()),
		languages: z.array(z.string()).describe('ISO 639 codes of the languages its team speaks'),
		contact: z.object({ phone: z.string().nullable(), email: z.string().nullable(), address: z.string().nullable(), website: z.string().nullable() }),
		funderIds: z.array(z.uuid()),
		isSample: z.boolean().describe('a fictional sample (demo data)'),
		updatedAt: z.iso.datetime()
	})
	.meta({ id: 'ReturnNetworkService' });

export const MembershipRequestForm = z.object({
	organisationId: z.uuid(),
	motivation: z.string().trim().min(10).max(2000)
});

/** A member's service as the form sends it (one name and description per language; at least one of each). */
const toArray = (value: unknown) => (value === undefined || value === null ? [] : Array.isArray(value) ? value : [value]);
const blankToNull = (value: unknown) => (value === undefined || (typeof value === 'string' && value.trim() === '') ? null : value);
export const NetworkServiceForm = z
	.object({
		organisationId: z.uuid(),
		name_fr: text(200),
		name_ar: text(200),
		name_en: text(200),
		description_fr: text(3000),
		description_ar: text(3000),
		description_en: text(3000),
		services: z.preprocess(toArray, z.array(NetworkStage).min(1)),
		regions: z.preprocess(toArray, z.array(RegionCode).min(1)),
		languages: z.preprocess(toArray, z.array(z.enum(spokenLanguages as unknown as [string, ...string[]])).min(1)),
		phone: z.preprocess(blankToNull, z.string().trim().regex(/^[+0-9 ().-]{6,30}$/).nullable()),
		email: z.preprocess(blankToNull, z.email().max(254).nullable()),
		website: z.preprocess(blankToNull, z.url({ protocol: /^https?$/ }).max(300).nullable())
	})
	.superRefine((value, context) => {
		for (const field of ['name', 'description'] as const) {
			if (!value[`${field}_fr`] && !value[`${field}_ar`] && !value[`${field}_en`]) context.addIssue({ code: 'invalid_type', expected: 'string', path: [`${field}_fr`], input: undefined }); // "required" in at least one language
		}
	})
	.transform((value) => {
		const pick = (field: 'name' | 'description') => Object.fromEntries((['fr', 'ar', 'en'] as const).filter((lang) => value[`${field}_${lang}`]).map((lang) => [lang, value[`${field}_${lang}`]!]));
		return {
			organisationId: value.organisationId,
			name: pick('name'),
			description: pick('description'),
			eligibility: {},
			services: [...new Set(value.services)],
			regions: [...new Set(value.regions)],
			cities: [] as string[],
			languages: [...new Set(value.languages)],
			phone: value.phone,
			email: value.email,
			address: null,
			website: value.website
		};
	});

// ---------- followed reintegration ----------

const isoDate = z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/).refine((value) => !Number.isNaN(Date.parse(value)));
const ProvinceCode = z.enum(provinces.map((province) => province.iso) as [string, ...string[]]);

/** A case worker opens a returnee's case: the returnee's consent comes first (a case without it cannot exist). */
export const ReintegrationCaseForm = z.object({
	personUserId: z.string().trim().min(1).max(100),
	operatorOrganisationId: z.string().trim().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i),
	consent: z.preprocess((value) => value === 'on' || value === '1' || value === 'true' || value === true, z.literal(true)),
	consentPurpose: z.string().trim().min(5).max(500),
	returnDate: isoDate,
	hostCountry: z.preprocess((value) => (typeof value === 'string' ? value.trim().toUpperCase() : value), CountryCode),
	schemeId: z.preprocess(blankToUndefined, z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i).optional()),
	scheme: text(200),
	regionCode: RegionCode,
	provinceCode: z.preprocess(blankToUndefined, ProvinceCode.optional()),
	commune: text(120),
	householdSize: z.coerce.number().int().min(1).max(30)
});
export type ReintegrationCaseForm = z.infer<typeof ReintegrationCaseForm>;

const NeedAssessmentInput = z.object({ level: z.enum(needLevels), notes: z.preprocess((value) => value ?? '', z.string().trim().max(2000)) });
/** The needs assessment, one level and note per dimension (economic, social, psychosocial). */
export const NeedsForm = z.object(Object.fromEntries(needDimensions.map((dimension) => [dimension, NeedAssessmentInput])) as Record<(typeof needDimensions)[number], typeof NeedAssessmentInput>);

export const PlanActionForm = z.object({
	dimension: z.enum(needDimensions),
	action: z.string().trim().min(3).max(500),
	owner: z.string().trim().min(2).max(200),
	dueDate: z.preprocess(blankToUndefined, isoDate.optional()),
	/** a Jobs support programme (a link value from the picker) */
	programme: z.preprocess(blankToUndefined, z.string().max(200).optional()),
	/** a job offer: its page's address (or id), pasted */
	offer: text(500)
});
export const PlanActionStatusForm = z.object({ status: z.enum(planActionStatuses) });
export const CloseCaseForm = z.object({ reason: z.enum(caseCloseReasons) });

/** A round's answers as the survey form sends them: one answer per indicator, "does not apply" where offered. */
export const SurveyAnswersForm = z.object(
	Object.fromEntries(
		surveyIndicators.map((indicator) => [indicator.key, z.enum([...Object.keys(indicator.answers), ...(indicator.canNotApply ? [NOT_APPLICABLE] : [])] as [string, ...string[]])])
	) as Record<string, z.ZodEnum<Record<string, string>>>
);
/** Answers saved to finish later: any of the questions, the others left blank. */
export const SurveyDraftForm = SurveyAnswersForm.partial();
export const SurveyRoundParam = z.coerce.number().pipe(z.union(surveyRounds.map((round) => z.literal(round)) as unknown as [z.ZodLiteral<3>, z.ZodLiteral<6>, z.ZodLiteral<12>]));

/** The pooled statistics leave the fictional sample cases out unless asked for. */
export const StatisticsQuery = z.object({
	samples: z.preprocess(blankToUndefined, z.enum(['include']).optional()).describe('`include`: count the fictional sample cases too (left out by default)')
});
