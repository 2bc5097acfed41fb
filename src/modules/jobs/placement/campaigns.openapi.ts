import { z } from 'zod';
import type { Endpoint } from '../../../platform/openapi/registry.ts';
import {
	AddCandidatesInput,
	CampaignEditInput,
	CampaignInput,
	CandidateFilter,
	CorrectionApiInput,
	MoveInput,
	MyOpportunity,
	PlacementCampaign,
	PlacementCandidate,
	PlacementCandidateDetail,
	PlacementCorrectionResult,
	PlacementProfile,
	PlacementProfileInput,
	ReallocationInput
} from './campaigns.schemas.ts';
import { CORRECTION_WINDOW_DAYS, pipelineStages } from './campaigns.model.ts';

const id = z.object({ id: z.string().describe('the campaign id (UUID)') });
const candidate = id.extend({ candidateId: z.string().describe('the candidate (pipeline entry) id, as the list gives it') });
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
		path: '/api/v1/placement/campaigns/{id}/candidates/{candidateId}',
		tags: ['Jobs'],
		auth: 'bearer',
		summary: 'A candidate’s path, and the correction the caller may make',
		description:
			`${who} Every move (from, to, exit reason, event date, announced, who, when; a correction names the move it undid and gives its reason), and \`correction\`: ` +
			`what correcting the last move would do now for the caller (null when nothing may be corrected: the registration, more than ${CORRECTION_WINDOW_DAYS} days, a move agency staff may not make, a closed campaign). An audited read.`,
		params: candidate,
		responses: { 200: { description: 'The candidate.', schema: PlacementCandidateDetail } },
		errors: [401, 403, 404]
	},
	{
		method: 'POST',
		path: '/api/v1/placement/campaigns/{id}/candidates/{candidateId}/correction',
		tags: ['Jobs'],
		auth: 'bearer',
		summary: 'Correct a wrong move',
		description:
			`The rules of the pages: the candidate’s last move (named by \`moveId\`) is taken back — to the stage it came from, with that stage’s date, or the exit undone — within ${CORRECTION_WINDOW_DAYS} days, with a reason (3–500 characters, kept in the history, not shown to the candidate). ` +
			'The history stays append-only: the correction is a new move naming the one it undoes. A move that came with a recorded return or follow-up withdraws that record (`withdrew`; deleted, what it said kept in the audit trail) — ' +
			'refused (`field_correction_recorded`) when next season’s invitation went out on the return or when "did not return" stands on an arrival. ' +
			'400 with the field `reason` (`field_correction_none`, `field_correction_window`, `field_correction_division` — agency staff correct only a preselection, an exit before the partner’s shortlist, or a return or follow-up —, `field_quota_full` when an undone exit finds the agency’s share full); ' +
			'409 `correction_stale` when `moveId` is no longer the last move (someone moved or corrected the candidate meanwhile), 409 `campaign_closed`; another agency’s candidate 404; nothing changed on a refusal. ' +
			'Audited (`placement_candidate.correct`); when the wrong move had been announced, the candidate is e-mailed the correction in their language.',
		params: candidate,
		body: CorrectionApiInput,
		responses: { 200: { description: 'The correction made.', schema: PlacementCorrectionResult } },
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
	},
	{
		method: 'GET',
		path: '/api/v1/placement/my-profile',
		tags: ['Jobs'],
		auth: 'bearer',
		summary: 'The sex I declared for the placement statistics',
		description: 'Optional and self-declared; `null` when not stated. Only the statistics by sex read it, as counts (1–4 suppressed in public outputs).',
		responses: { 200: { description: 'The declaration.', schema: PlacementProfile } },
		errors: [401]
	},
	{
		method: 'PUT',
		path: '/api/v1/placement/my-profile',
		tags: ['Jobs'],
		auth: 'bearer',
		summary: 'Declare, change or withdraw the sex I declared for the placement statistics',
		description: '`sex`: `female`, `male` or `prefer_not_to_say`; `null` withdraws the answer. Audited without the answer.',
		body: PlacementProfileInput,
		responses: { 200: { description: 'The declaration as it now stands.', schema: PlacementProfile } },
		errors: [400, 401]
	}
];
