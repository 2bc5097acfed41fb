import { z } from 'zod';
import { cefrLevels } from '../../../platform/i18n/spoken-languages.ts';
import { pipelineStages } from './campaigns.model.ts';
import { feedbackLanguages, partnerOutcomes } from './shortlist.model.ts';

const blankToNull = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? null : value);
const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);

/** Which cards of a shortlist: those still waiting for the partner's decision, or all; a page after a card's id. */
export const ShortlistFilter = z
	.object({
		show: z.preprocess(blankToUndefined, z.enum(['pending', 'all']).default('all')),
		after: z.preprocess(blankToUndefined, uuid.optional()),
		limit: z.coerce.number().int().min(1).max(200).default(50)
	})
	.meta({ id: 'PlacementShortlistFilter' });
export type ShortlistFilter = z.output<typeof ShortlistFilter>;

/** A partner's decision on a candidate and its short feedback (required when the candidate is not selected). */
export const DecisionInput = z
	.object({
		outcome: z.enum(partnerOutcomes).describe('shortlisted, interview (invited to a test or interview), not_selected'),
		feedback: z.preprocess(blankToNull, z.string().trim().max(1000).nullable().default(null)).describe('why not selected, what would help; shown to the candidate'),
		feedbackLang: z.preprocess(blankToNull, z.enum(feedbackLanguages).nullable().default(null)).describe('the language the feedback is written in (default: the request’s language)')
	})
	.meta({ id: 'PlacementPartnerDecisionInput' });
export type DecisionInput = z.output<typeof DecisionInput>;

/** A candidate shares (or stops sharing) their name and e-mail with one partner organisation. */
export const ConsentInput = z
	.object({
		organisationId: uuid,
		share: z.preprocess((value) => value === true || value === 'yes' || value === 'true', z.boolean())
	})
	.meta({ id: 'PlacementIdentityConsentInput' });

export const PartnerDecision = z
	.object({
		outcome: z.enum(partnerOutcomes),
		feedback: z.string().nullable(),
		feedbackLang: z.enum(feedbackLanguages).nullable(),
		decidedAt: z.string()
	})
	.meta({ id: 'PlacementPartnerDecision' });

/** A candidate as a partner sees them: a pseudonym and what the work needs, the identity only with the candidate's consent. */
export const ShortlistCard = z
	.object({
		id: z.string().describe('the candidate’s entry in the campaign (use it to record a decision)'),
		pseudonym: z.string().describe('“Candidate K7Q3MX”: different for each partner'),
		identified: z.boolean().describe('whether the candidate consented to share their identity with this partner'),
		name: z.string().nullable().describe('only when identified'),
		email: z.string().nullable().describe('only when identified'),
		stage: z.enum(pipelineStages),
		exited: z.boolean(),
		occupations: z.array(z.object({ code: z.string(), title: z.string() })).describe('ISCO-08 occupations the candidate seeks'),
		languages: z.array(z.object({ language: z.string(), level: z.enum(cefrLevels).nullable() })).describe('languages with their CEFR level'),
		experienceYears: z.number().nullable(),
		region: z.object({ code: z.string(), name: z.string() }).nullable().describe('the region of origin (the registering agency’s)'),
		decision: PartnerDecision.nullable()
	})
	.meta({ id: 'PlacementShortlistCard' });
