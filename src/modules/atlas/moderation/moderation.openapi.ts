import { z } from 'zod';
import type { Endpoint } from '../../../platform/openapi/registry.ts';
import {
	ApproveBody,
	ApproveResult,
	CreateResult,
	PreconditionError,
	Proposal,
	ProposalBody,
	ProposalList,
	ProposalListQuery,
	ReasonBody,
	VersionList
} from './moderation.schemas.ts';

const initiativeId = z.object({ id: z.string().describe('The initiative’s id (uuid) or slug') });
const proposalId = z.object({ id: z.uuid().describe('The proposal’s id') });

/** A moderator's decision on a proposal: `POST /api/v1/moderation/proposals/{id}/<decision>`. */
const decision = (name: string, endpoint: Pick<Endpoint, 'summary' | 'description' | 'body' | 'responses'>): Endpoint => ({
	method: 'POST',
	path: `/api/v1/moderation/proposals/{id}/${name}`,
	tags: ['Atlas'],
	auth: 'bearer',
	...endpoint,
	params: proposalId,
	errors: [403, 404, 409]
});

/** Atlas collaboration and moderation, for the registry in `openapi/registry.ts`. */
export const moderationEndpoints: Endpoint[] = [
	{
		method: 'POST',
		path: '/api/v1/initiatives',
		tags: ['Atlas'],
		auth: 'bearer',
		summary: 'Propose a new initiative (published at once for moderators)',
		description:
			'A complete initiative (organisations by slug or id, at least one source). From a partner it becomes a pending ' +
			'proposal and the moderators are told by e-mail; from a moderator it is published as version 1. `likelyDuplicates` ' +
			'lists published initiatives that may be the same one (the moderators see them too). Partners and moderators.',
		body: ProposalBody,
		responses: { 201: { description: 'The proposal, or the published initiative.', schema: CreateResult } },
		errors: [403, 409]
	},
	{
		method: 'POST',
		path: '/api/v1/initiatives/{id}/proposals',
		tags: ['Atlas'],
		auth: 'bearer',
		summary: 'Propose a change: a complete new version, with If-Match',
		description:
			'`If-Match` must carry the version the proposal is based on (the `ETag` of `GET /api/v1/initiatives/{id}`, e.g. `"3"`). ' +
			'When the initiative has changed since, the answer is 409 with `details.currentVersion` and the current `ETag`: fetch ' +
			'the current version, reconcile, and propose again. Without `If-Match`: 428. Partners and moderators.',
		params: initiativeId,
		body: ProposalBody,
		responses: {
			201: { description: 'The pending proposal; the moderators are told by e-mail.', schema: Proposal },
			428: { description: 'The `If-Match` header is missing.', schema: PreconditionError }
		},
		errors: [403, 404, 409]
	},
	{
		method: 'GET',
		path: '/api/v1/initiatives/{id}/versions',
		tags: ['Atlas'],
		auth: 'none',
		summary: 'The public version history of an initiative',
		description: 'Every published version, newest first: when, by which organisation, with which comment, and which fields changed.',
		params: initiativeId,
		responses: { 200: { description: 'The versions.', schema: VersionList } },
		errors: [404]
	},
	{
		method: 'GET',
		path: '/api/v1/moderation/proposals',
		tags: ['Atlas'],
		auth: 'bearer',
		summary: 'The moderation queue',
		description: 'Proposals by status (`pending` by default, oldest first; other statuses newest first). Moderators.',
		query: ProposalListQuery,
		responses: { 200: { description: 'One page of proposals.', schema: ProposalList } },
		errors: [403]
	},
	decision('approve', {
		summary: 'Approve a proposal and publish it as a new version',
		description:
			'Publishes the proposal (or, with `initiative`, the moderator’s edited version) as a new version. A proposal based on ' +
			'an outdated version is refused with 409 and `details.currentVersion`: edit it against the current version and send ' +
			'`initiative` with `expectedVersion`. The proposer is told by e-mail. An empty body approves as proposed. Moderators.',
		body: ApproveBody,
		responses: { 200: { description: 'The approved proposal and the published version.', schema: ApproveResult } }
	}),
	decision('reject', {
		summary: 'Reject a proposal, with a reason',
		description: 'The proposer receives the reason by e-mail. Moderators.',
		body: ReasonBody,
		responses: { 200: { description: 'The rejected proposal.', schema: Proposal } }
	}),
	decision('request-changes', {
		summary: 'Ask the proposer for changes',
		description: 'The proposer receives the request by e-mail and proposes a new version. Moderators.',
		body: ReasonBody,
		responses: { 200: { description: 'The proposal, now `changes_requested`.', schema: Proposal } }
	})
];
