import { z } from 'zod';
import { educationLevels, offerStatuses } from '../job-offer.model.ts';
import { OfferSummary } from '../jobs.schemas.ts';
import { availabilities } from '../seekers/seekers.model.ts';
import { SeekerLanguage } from '../seekers/seekers.schemas.ts';
import { commonReasonCodes } from '../../../platform/matching/criteria.ts';

export const CandidatesQuery = z.object({
	page: z.coerce.number().int().min(1).max(500).default(1),
	pageSize: z.coerce.number().int().min(1).max(100).default(20)
});

export const RecommendedQuery = z.object({
	limit: z.coerce.number().int().min(1).max(50).default(20)
});

export const MatchReason = z
	.object({
		code: z
			.enum([
				// the platform's matching criteria (src/platform/matching/), then this module's own
				...commonReasonCodes,
				'place_province',
				'place_region',
				'place_elsewhere',
				'availability'
			])
			.describe('what was compared and how it came out'),
		points: z.number().int().describe('this reason’s share of the score'),
		values: z.record(z.string(), z.unknown()).describe('the facts behind it: ISCO group, skills in common, language levels, place code, availability'),
		text: z.string().describe('the reason in words, in the language asked')
	})
	.meta({ id: 'MatchReason' });

const Place = z.object({ code: z.string(), name: z.string() });

export const Candidate = z
	.object({
		rank: z.number().int(),
		reference: z.string().describe('a pseudonym of the person for this offer (the same for the employer and counsellors)'),
		score: z.number().int().describe('0–100; the sum of the reasons’ points'),
		reasons: z.array(MatchReason),
		profile: z.object({
			occupations: z.array(z.object({ code: z.string(), title: z.string() })),
			skills: z.array(z.string()),
			languages: z.array(SeekerLanguage),
			places: z.array(Place),
			availability: z.enum(availabilities),
			availableFrom: z.iso.date().nullable(),
			experienceYears: z.number().int(),
			education: z.enum(educationLevels).nullable().describe('null: the person has not said')
		}),
		application: z
			.object({ id: z.uuid().nullable().describe('for the employer: the application to open (its own rules apply); null for counsellors') })
			.nullable()
			.describe('set when the person applied to this offer'),
		person: z
			.object({ id: z.string(), name: z.string(), email: z.string(), phone: z.string().nullable(), city: z.string().nullable(), isSample: z.boolean() })
			.nullable()
			.describe('counsellors only; null for employers')
	})
	.meta({ id: 'MatchCandidate' });

export const CandidatesResult = z
	.object({
		viewer: z.enum(['employer', 'counsellor']),
		offer: z.object({ id: z.uuid(), title: z.string(), status: z.enum(offerStatuses), occupationCode: z.string(), openToForeigners: z.boolean() }),
		total: z.number().int(),
		page: z.number().int(),
		pageSize: z.number().int(),
		items: z.array(Candidate)
	})
	.meta({ id: 'MatchCandidates' });

export const RecommendedOffersResult = z
	.object({
		profile: z.boolean().describe('false: the caller has no job-seeker profile yet (and no recommendations)'),
		items: z.array(z.object({ offer: OfferSummary, score: z.number().int(), reasons: z.array(MatchReason) }))
	})
	.meta({ id: 'RecommendedOffers' });
