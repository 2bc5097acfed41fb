import { z } from 'zod';
import type { Endpoint } from '../../../platform/openapi/registry.ts';
import { AddCandidatesInput, CampaignEditInput, CampaignInput, CandidateFilter, MoveInput, MyOpportunity, PlacementCampaign, PlacementCandidate, ReallocationInput } from './campaigns.schemas.ts';
import { pipelineStages } from './campaigns.model.ts';

const id = z.object({ id: z.string().describe('the campaign id (UUID)') });
const who =
	'The international placement division (grant `jobs:placement_division`) and administrators on every campaign; local agency staff ' +
	'(counsellors assigned to an agency) on the campaigns their agency has a quota in, limited to their agency’s candidates (another campaign answers 404).';

export const campaignEndpoints: Endpoint[] = [
	{
		method: 'GET',
		path: '/api/v1/placement/campaigns',
		tags: ['Jobs'],
		auth: 'bearer',
		summary: 'Placement campaigns (mass and seasonal offers)',
		description: `${who} Each with its positions and the sum of its agencies’ quotas.`,
		responses: { 200: { description: 'The campaigns, newest first.', schema: z.object({ items: z.array(PlacementCampaign) }) } },
		errors: [401, 403]
	},
	{
		method: 'POST',
		path: '/api/v1/placement/campaigns',
		tags: ['Jobs'],
		auth: 'bearer',
		summary: 'Create a campaign split into agency quotas',
		description:
			'The division only. The quotas together may not exceed the positions (`field_over_total` on `quotas`); the offer and the agreement must be of the ' +
			'same host country; a seasonal campaign needs its season. Audited.',
		body: CampaignInput,
		responses: { 201: { description: 'The campaign.', schema: PlacementCampaign } },
		errors: [400, 401, 403]
	},
	{
		method: 'GET',
		path: '/api/v1/placement/campaigns/{id}',
		tags: ['Jobs'],
		auth: 'bearer',
		summary: 'A campaign with its live progress per agency',
		description: `${who} \`progress\`: per agency, the quota, people sourced, still in at preselection or further, selected, departed, left, and whether the quota is under-, fully or over-filled.`,
		params: id,
		responses: { 200: { description: 'The campaign.', schema: PlacementCampaign } },
		errors: [401, 403, 404]
	},
	{
		method: 'PATCH',
		path: '/api/v1/placement/campaigns/{id}',
		tags: ['Jobs'],
		auth: 'bearer',
		summary: 'Change a campaign’s title, positions or links',
		description:
			'The division only. The title and its language, the positions (never fewer than the agencies’ quotas together: `field_below_quotas` on `positions`, with `sum`), the offer abroad and the agreement (of the campaign’s host country; an ended agreement only if already linked). Every field is sent (an empty link removes it); every problem at once, nothing changed; audited with the fields before and after. Quotas change through reallocations.',
		params: id,
		body: CampaignEditInput,
		responses: { 200: { description: 'The campaign as changed.', schema: PlacementCampaign } },
		errors: [400, 401, 403, 404]
	},
	{
		method: 'POST',
		path: '/api/v1/placement/campaigns/{id}/reallocations',
		tags: ['Jobs'],
		auth: 'bearer',
		summary: 'Reallocate positions between agencies',
		description: 'The division only. From an agency’s quota (or the unallocated positions: null) to another (or back: null), never more than there is (`field_over_available`); recorded with who, when and why, and audited.',
		params: id,
		body: ReallocationInput,
		responses: { 201: { description: 'The reallocation.', schema: z.object({ id: z.string(), fromAgencyId: z.string().nullable(), toAgencyId: z.string().nullable(), positions: z.number(), reason: z.string(), at: z.string() }) } },
		errors: [400, 401, 403, 404, 409]
	},
	{
		method: 'GET',
		path: '/api/v1/placement/campaigns/{id}/candidates',
		tags: ['Jobs'],
		auth: 'bearer',
		summary: 'A campaign’s candidates, with counts per stage and agency',
		description: `${who} Filters: \`stage\` (${pipelineStages.join(', ')}), \`agency\` (an agency id or \`none\`), \`status\` (active, exited, all); pages by keyset: pass \`next\` as \`after\`. Counts leave the stage filter aside. Every read is audited.`,
		params: id,
		query: CandidateFilter,
		responses: {
			200: {
				description: 'One page and the counts.',
				schema: z.object({
					items: z.array(PlacementCandidate),
					next: z.string().nullable(),
					counts: z.object({ total: z.number(), byStage: z.record(z.string(), z.number()), byAgency: z.record(z.string(), z.number()) })
				})
			}
		},
		errors: [400, 401, 403, 404]
	},
	{
		method: 'POST',
		path: '/api/v1/placement/campaigns/{id}/candidates',
		tags: ['Jobs'],
		auth: 'bearer',
		summary: 'Add candidates by the e-mail of their account',
		description: 'Agency staff for one of their agencies with a quota; the division for any agency of the campaign or itself (`agencyId: null`). Unknown addresses are named (`field_unknown_accounts`) and nothing is added; people already in stay as they are.',
		params: id,
		body: AddCandidatesInput,
		responses: { 201: { description: 'How many were added and how many were already there.', schema: z.object({ added: z.number(), already: z.number() }) } },
		errors: [400, 401, 403, 404, 409]
	},
	{
		method: 'POST',
		path: '/api/v1/placement/campaigns/{id}/moves',
		tags: ['Jobs'],
		auth: 'bearer',
		summary: 'Move candidates to a stage, or out of the pipeline',
		description:
			'All or none: forward only, never past a mandatory step (`field_stage_skipped` names it), within the campaign’s track (seasonal: return; else follow-ups at 3 and 12 months); ' +
			'agency staff only preselect their agency’s people within its quota (`field_quota_full`) or take them out before the partner’s shortlist. ' +
			'One audit event per move names the batch; with `announce`, each candidate gets an e-mail in their language.',
		params: id,
		body: MoveInput,
		responses: { 200: { description: 'How many moved and were told.', schema: z.object({ moved: z.number(), batchId: z.string(), announced: z.number() }) } },
		errors: [400, 401, 403, 404, 409]
	},
	{
		method: 'GET',
		path: '/api/v1/placement/my-opportunities',
		tags: ['Jobs'],
		auth: 'bearer',
		summary: 'My opportunities abroad',
		description: 'The caller’s own pipeline entries: each campaign, the stage, the next step and the path so far.',
		responses: { 200: { description: 'The opportunities.', schema: z.object({ items: z.array(MyOpportunity) }) } },
		errors: [401]
	}
];
