import { z } from 'zod';
import type { Endpoint } from '../../../platform/openapi/registry.ts';
import { placementChannels } from '../job-offer.model.ts';
import { pipelineStages } from './campaigns.model.ts';
import { partnerOutcomes } from './shortlist.model.ts';
import { PlacementOfferInput } from './placement.schemas.ts';
import { ConsentInput, DecisionInput, PartnerDecision, ShortlistCard, ShortlistFilter } from './shortlist.schemas.ts';

const who =
	'Members (role partner) of the campaign’s foreign partner organisation: the organisation of its agreement or of its offer abroad. ' +
	'A campaign of another partner answers 404, as an unknown one does; nothing of it is given.';
const campaign = z.object({ id: z.string().describe('the campaign id (UUID)') });
const card = z.object({ id: z.string().describe('the campaign id (UUID)'), candidateId: z.string().describe('the card’s id') });

export const shortlistEndpoints: Endpoint[] = [
	{
		method: 'GET',
		path: '/api/v1/placement/partner/campaigns',
		tags: ['Jobs'],
		auth: 'bearer',
		summary: 'A partner’s campaigns',
		description: `${who} The campaigns of the caller’s partner organisations, with the candidates put forward (from the agency’s preselection on) and those waiting for the partner’s decision.`,
		responses: {
			200: {
				description: 'The campaigns.',
				schema: z.object({
					items: z.array(
						z.object({
							id: z.string(),
							title: z.string(),
							lang: z.string(),
							hostCountry: z.string(),
							hostRegion: z.string(),
							channel: z.enum(placementChannels),
							status: z.string(),
							isSample: z.boolean(),
							partner: z.object({ id: z.string(), name: z.string() }),
							candidates: z.number(),
							pending: z.number()
						})
					)
				})
			}
		},
		errors: [401, 403]
	},
	{
		method: 'GET',
		path: '/api/v1/placement/partner/campaigns/{id}/shortlist',
		tags: ['Jobs'],
		auth: 'bearer',
		summary: 'A partner’s shortlist: pseudonymous candidate cards',
		description:
			`${who} Each card: a pseudonym (different for each partner), the occupations sought, languages with CEFR levels, years of experience, region of origin, stage and the partner’s decision; ` +
			'the name and e-mail only when the candidate consented to share them with this partner (`identified`). `show`: pending (no decision yet) or all; pages by keyset: pass `next` as `after`. Every read is audited.',
		params: campaign,
		query: ShortlistFilter,
		responses: { 200: { description: 'One page of cards.', schema: z.object({ partner: z.object({ id: z.string(), name: z.string() }), items: z.array(ShortlistCard), next: z.string().nullable() }) } },
		errors: [400, 401, 403, 404]
	},
	{
		method: 'GET',
		path: '/api/v1/placement/partner/campaigns/{id}/shortlist/{candidateId}',
		tags: ['Jobs'],
		auth: 'bearer',
		summary: 'One card of a partner’s shortlist',
		description: `${who} A candidate not (yet) put forward, or of another campaign, answers 404. Audited.`,
		params: card,
		responses: { 200: { description: 'The card.', schema: ShortlistCard } },
		errors: [401, 403, 404]
	},
	{
		method: 'PUT',
		path: '/api/v1/placement/partner/campaigns/{id}/shortlist/{candidateId}',
		tags: ['Jobs'],
		auth: 'bearer',
		summary: 'Record the partner’s decision and feedback on a candidate',
		description:
			`${who} \`outcome\`: ${partnerOutcomes.join(', ')}; \`not_selected\` needs a \`feedback\` (why, what would help; \`field_required\`). The feedback is shown to the candidate and their counsellor, ` +
			'with its language (`feedbackLang`, default the request’s). Shortlisting (or inviting to an interview) a candidate at the agency’s preselection moves them to the stage “shortlisted by the partner”. ' +
			'Replaces the partner’s previous decision; audited. A closed campaign answers 409.',
		params: card,
		body: DecisionInput,
		responses: {
			200: {
				description: 'The decision recorded and the candidate’s stage.',
				schema: PartnerDecision.omit({ decidedAt: true }).extend({ candidateId: z.string(), stage: z.enum(pipelineStages), decidedAt: z.string(), announced: z.boolean().describe('whether the candidate was told by e-mail') })
			}
		},
		errors: [400, 401, 403, 404, 409]
	},
	{
		method: 'GET',
		path: '/api/v1/placement/partner/offers',
		tags: ['Jobs'],
		auth: 'bearer',
		summary: 'A partner’s offers abroad',
		description: 'The offers abroad of the caller’s foreign organisations (members, role partner), newest first, with the status each is in now.',
		responses: {
			200: {
				description: 'The offers.',
				schema: z.object({
					items: z.array(
						z.object({ id: z.string(), organisationId: z.string(), title: z.string(), lang: z.string(), hostCountry: z.string(), channel: z.enum(placementChannels).nullable(), positions: z.number(), closingDate: z.string(), status: z.string() })
					)
				})
			}
		},
		errors: [401, 403]
	},
	{
		method: 'POST',
		path: '/api/v1/placement/partner/offers',
		tags: ['Jobs'],
		auth: 'bearer',
		summary: 'Create an offer abroad (a partner’s recruiter)',
		description:
			'For one of the caller’s foreign organisations (`organisationId`; any other is refused on the field). The same rules and errors as the division’s form: host country outside Morocco, ' +
			'the season of a seasonal offer, positions within the agreement’s quota (`field_over_quota`), “no fees” beside a recruitment cost the worker pays… Saved as a draft the division checks and publishes; ' +
			'the division decides who handles it (the handling unit given is ignored). Audited.',
		body: PlacementOfferInput,
		responses: { 201: { description: 'The draft.', schema: z.object({ id: z.string(), status: z.string() }) } },
		errors: [400, 401, 403]
	},
	{
		method: 'PUT',
		path: '/api/v1/placement/partner/offers/{id}',
		tags: ['Jobs'],
		auth: 'bearer',
		summary: 'Correct a draft offer abroad (a partner’s recruiter)',
		description: 'The whole offer, as when creating it, while it is a draft (then 409 `offer_not_draft`: the division changes published offers). Another organisation’s offer answers 404. Audited.',
		params: z.object({ id: z.string().describe('the offer id (UUID)') }),
		body: PlacementOfferInput,
		responses: { 200: { description: 'The draft.', schema: z.object({ id: z.string(), status: z.string() }) } },
		errors: [400, 401, 403, 404, 409]
	},
	{
		method: 'PUT',
		path: '/api/v1/placement/my-opportunities/consents',
		tags: ['Jobs'],
		auth: 'bearer',
		summary: 'Share (or stop sharing) my identity with a partner',
		description:
			'The caller, a candidate, lets one partner organisation of a campaign they are in see their name and e-mail (`share: true`), or withdraws it (the partner sees the pseudonym again). ' +
			'Any other organisation is refused on `organisationId`. Recorded with its date and audited.',
		body: ConsentInput,
		responses: { 200: { description: 'Whether the identity is now shared.', schema: z.object({ organisationId: z.string(), sharing: z.boolean(), changed: z.boolean() }) } },
		errors: [400, 401]
	}
];
