// The missions' input and output shapes: forms, services, API and OpenAPI share them.
import { z } from 'zod';
import { regions } from '../../../platform/geo/morocco.ts';
import { cefrLevels } from '../../../platform/i18n/spoken-languages.ts';
import { contactStatuses, missionModes, missionStatuses, sectors, skills } from '../talents.model.ts';
import { TalentLanguage } from '../talents.schemas.ts';

const blank = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const blankToNull = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? null : value);
const inLanguages = (max: number) =>
	z.object({
		fr: z.preprocess(blank, z.string().trim().max(max).optional()),
		ar: z.preprocess(blank, z.string().trim().max(max).optional()),
		en: z.preprocess(blank, z.string().trim().max(max).optional())
	});
const isoDate = z.preprocess(blankToNull, z.iso.date().nullable().default(null));
const region = z.string().trim().toUpperCase().refine((code) => regions.some((entry) => entry.iso === code));

/** A mission as an organisation describes it (the form, the API); `normaliseMission` adds the rules across fields. */
export const MissionInput = z
	.object({
		organisationId: z.uuid().describe('the organisation that asks: one the caller is a member of, based in Morocco'),
		title: inLanguages(200).describe('in French, Arabic and/or English: each language given with its context'),
		context: inLanguages(5000).describe('what the organisation needs and why, in the same languages as the title'),
		region: region.describe('ISO 3166-2:MA region where the mission serves'),
		sector: z.enum(sectors),
		skills: z.array(z.enum(skills)).min(1).max(6).describe('keys of the controlled list of skills'),
		occupationCode: z.preprocess(blankToNull, z.string().regex(/^\d{4}$/).nullable().default(null)).describe('ISCO-08 unit group'),
		languages: z.array(TalentLanguage).max(4).default([]).describe('languages the work needs, each with its CEFR level'),
		mode: z.enum(missionModes).describe('on_site: in Morocco; remote: from abroad; hybrid: both'),
		startsOn: isoDate,
		endsOn: isoDate,
		durationDays: z.preprocess(blankToNull, z.coerce.number().int().min(1).max(365).nullable().default(null)).describe('working days in Morocco (on site, hybrid)'),
		remoteHoursPerMonth: z.preprocess(blankToNull, z.coerce.number().int().min(1).max(200).nullable().default(null)).describe('hours a month from abroad (remote, hybrid)'),
		travelCovered: z.boolean().default(false),
		stayCovered: z.boolean().default(false),
		conditions: inLanguages(1000).default({}).describe('other conditions in the organisation’s words (fees, insurance…)'),
		initiative: z
			.preprocess(blankToNull, z.string().trim().max(300).nullable().default(null))
			.describe('the Atlas initiative the mission belongs to, as `atlas.initiative:<slug>` (optional)')
	})
	.meta({ id: 'TalentMissionInput' });
export type MissionInput = z.output<typeof MissionInput>;
/** A mission's description as it is moderated, published and versioned (versions before the initiative have none). */
export type MissionData = Omit<MissionInput, 'initiative'> & { initiative?: string | null };

/** How many language rows the mission form offers. */
export const missionLanguageRows = 3;

const Localised = z.record(z.string(), z.string()).describe('a text by language tag (fr, ar, en)');

export const MissionQuery = z.object({
	region: z.preprocess(blankToNull, region.nullable().default(null)),
	sector: z.preprocess(blankToNull, z.enum(sectors).nullable().default(null)),
	skill: z.preprocess(blankToNull, z.enum(skills).nullable().default(null)),
	mode: z.preprocess(blankToNull, z.enum(missionModes).nullable().default(null)),
	status: z.preprocess(blankToNull, z.enum([...missionStatuses, 'all']).nullable().default(null)).describe('open by default; `all` for every status'),
	initiative: z.preprocess(blankToNull, z.string().trim().max(200).nullable().default(null)).describe('the slug of the Atlas initiative the missions belong to'),
	page: z.coerce.number().int().min(1).max(1000).default(1)
});

export const MissionSummary = z
	.object({
		id: z.uuid(),
		slug: z.string(),
		version: z.number().int(),
		organisation: z.object({ id: z.uuid(), name: z.string(), acronym: z.string().nullable() }),
		title: Localised,
		region: z.string(),
		sector: z.enum(sectors),
		skills: z.array(z.enum(skills)),
		occupationCode: z.string().nullable(),
		mode: z.enum(missionModes),
		startsOn: z.string().nullable(),
		endsOn: z.string().nullable(),
		status: z.enum(missionStatuses),
		isSample: z.boolean().describe('a fictional sample of the demo'),
		publishedAt: z.string()
	})
	.meta({ id: 'TalentMissionSummary' });

export const MissionDetail = MissionSummary.extend({
	context: Localised,
	languages: z.array(TalentLanguage),
	durationDays: z.number().int().nullable(),
	remoteHoursPerMonth: z.number().int().nullable(),
	travelCovered: z.boolean(),
	stayCovered: z.boolean(),
	conditions: Localised,
	initiative: z.object({ slug: z.string(), title: z.string(), lang: z.string() }).nullable().describe('the Atlas initiative it belongs to'),
	statusAt: z.string(),
	report: z.object({ language: z.string(), results: z.string(), deliverables: z.string().nullable(), followUp: z.string().nullable() }).nullable().describe('completed missions')
}).meta({ id: 'TalentMission' });

export const MissionList = z.object({ total: z.number().int(), page: z.number().int(), pageSize: z.number().int(), items: z.array(MissionSummary) }).meta({ id: 'TalentMissionList' });

export const ProposalAnswer = z
	.object({
		proposal: z.object({ id: z.uuid(), status: z.string() }).nullable().describe('the proposal waiting for a moderator'),
		published: z.object({ id: z.uuid(), slug: z.string(), version: z.number().int() }).nullable().describe('published at once (a moderator’s own mission)')
	})
	.meta({ id: 'TalentMissionProposal' });

/** A change of a published mission through the API: the whole new description, based on the version the system read. */
export const MissionChangeInput = MissionInput.omit({ organisationId: true })
	.extend({
		baseVersion: z.coerce.number().int().min(1).describe('the mission’s version the change is based on (`version` in GET /api/v1/talents/missions/{slug}); 409 when it is no longer the current one'),
		comment: z.string().max(2000).optional().describe('what changes and why, for the moderators')
	})
	.meta({ id: 'TalentMissionChangeInput' });
export const MissionChangeAnswer = z
	.object({ proposal: z.object({ id: z.uuid(), status: z.string(), baseVersion: z.number().int() }).describe('the change waiting for a moderator') })
	.meta({ id: 'TalentMissionChange' });

export const InterestInput = z.object({ note: z.preprocess(blankToNull, z.string().trim().max(500).nullable().default(null)).describe('a short note to the organisation') }).meta({ id: 'TalentMissionInterest' });
export const InterestAnswer = z.object({ interested: z.boolean(), at: z.string().nullable() }).meta({ id: 'TalentMissionInterestState' });

export const MessageInput = z.object({ body: z.string().trim().min(1).max(3000) });
export const ReportInput = z.object({
	language: z.enum(['fr', 'ar', 'en']),
	results: z.string().trim().min(1).max(3000),
	deliverables: z.preprocess(blankToNull, z.string().trim().max(3000).nullable().default(null)),
	followUp: z.preprocess(blankToNull, z.string().trim().max(3000).nullable().default(null))
});
export const FeedbackInput = z.object({ rating: z.coerce.number().int().min(1).max(5), comment: z.preprocess(blankToNull, z.string().trim().max(1000).nullable().default(null)) });
export const CancelInput = z.object({ reason: z.string().trim().min(1).max(1000) });

export const contactStatus = z.enum(contactStatuses);
export { cefrLevels };
