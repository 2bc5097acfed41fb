import { z } from 'zod';
import { InitiativeInput } from '../atlas.schemas.ts';
import { diffFields } from './diff.ts';
import { proposalStatuses } from '../../../platform/moderation/moderation.table.ts';
import { LikelyDuplicates } from '../duplicates/duplicates.schemas.ts';

export const ProposalBody = z
	.object({
		initiative: InitiativeInput,
		comment: z.string().trim().max(2000).optional().describe('What changes and why, for the moderators')
	})
	.meta({ id: 'InitiativeProposalBody', description: 'A complete version of the initiative, with a comment' });

export const ApproveBody = z
	.object({
		initiative: InitiativeInput.optional().describe('Edit then approve: the corrected complete version to publish instead of the proposal'),
		expectedVersion: z.int().min(1).optional().describe('With `initiative`: the current version the edit was reconciled with')
	})
	.meta({ id: 'ProposalApproveBody' });

export const ReasonBody = z.object({ reason: z.string().trim().min(1).max(2000) }).meta({ id: 'ProposalReasonBody' });

export const ProposalStatusCode = z.enum(proposalStatuses).meta({ id: 'ProposalStatus' });

export const Proposal = z
	.object({
		id: z.uuid(),
		initiativeId: z.uuid().nullable().describe('null for a proposed new initiative (until approved)'),
		baseVersion: z.int().nullable().describe('The version the proposal starts from'),
		status: ProposalStatusCode,
		comment: z.string().nullable(),
		reviewReason: z.string().nullable().describe('The reason of a rejection or request for changes'),
		publishedVersion: z.int().nullable(),
		createdAt: z.iso.datetime(),
		reviewedAt: z.iso.datetime().nullable()
	})
	.meta({ id: 'InitiativeProposal' });

export const ProposalListQuery = z
	.object({
		status: z.preprocess((value) => (value === '' ? undefined : value), z.enum([...proposalStatuses, 'all']).default('pending')),
		page: z.coerce.number().int().min(1).max(100_000).default(1),
		pageSize: z.coerce.number().int().min(1).max(100).default(20)
	})
	.meta({ id: 'ProposalListQuery' });

export const ProposalList = z
	.object({
		total: z.int(),
		page: z.int(),
		pageSize: z.int(),
		items: z.array(
			Proposal.extend({
				title: z.string(),
				initiativeSlug: z.string().nullable(),
				proposer: z.string().nullable(),
				proposerOrganisation: z.string().nullable(),
				currentVersion: z.int().nullable()
			})
		)
	})
	.meta({ id: 'InitiativeProposalList' });

export const PublishedRef = z.object({ id: z.uuid(), slug: z.string(), version: z.int() }).meta({ id: 'PublishedInitiative' });

export const CreateResult = z
	.object({ proposal: Proposal.nullable(), initiative: PublishedRef.nullable(), likelyDuplicates: LikelyDuplicates })
	.meta({ id: 'InitiativeCreateResult', description: 'A proposal (partners) or the published initiative (moderators)' });

export const ApproveResult = z.object({ proposal: Proposal, initiative: PublishedRef }).meta({ id: 'ProposalApproveResult' });

export const VersionList = z
	.object({
		id: z.uuid(),
		slug: z.string(),
		currentVersion: z.int(),
		versions: z.array(
			z.object({
				number: z.int(),
				createdAt: z.iso.datetime(),
				organisation: z.string().nullable().describe('The organisation that authored the version'),
				organisationSlug: z.string().nullable(),
				comment: z.string().nullable(),
				changes: z.array(z.enum(diffFields)).describe('Fields changed since the previous version')
			})
		)
	})
	.meta({ id: 'InitiativeVersionList' });

export const PreconditionError = z
	.object({ error: z.object({ code: z.literal('precondition_required'), message: z.string(), details: z.object({ currentVersion: z.int() }).nullable() }) })
	.meta({ id: 'PreconditionRequiredError' });
