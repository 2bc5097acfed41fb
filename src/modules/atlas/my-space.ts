import { and, count, eq, inArray, isNull, lt, or } from 'drizzle-orm';
import type { RequestContext } from '../../platform/kernel/context.ts';
import type { SpaceLink } from '../../platform/kernel/manifest.ts';
import { initiative } from './atlas.table.ts';
import { moderationDraft, moderationProposal } from '../../platform/moderation/moderation.table.ts';
import { initiativeProposals } from './moderation/initiative-proposals.ts';
import { atlasImport } from './import/import.table.ts';
import { staleCutoff } from './moderation/moderation.service.ts';
import { countUndecidedMatches } from './import/organisation-matches.ts';
import { countUndecidedFieldConflicts, oldestImportWithUndecidedConflicts } from './import/field-conflicts.ts';

/** The Atlas places of one person, with what waits there (my space). */
export async function atlasSpace(ctx: RequestContext): Promise<SpaceLink[]> {
	const links: SpaceLink[] = [];
	const actor = ctx.actor;
	if (!actor) return links;
	if (ctx.can('atlas.moderate')) {
		const [[pending], [stale]] = await Promise.all([
			ctx.db.select({ n: count() }).from(moderationProposal).where(and(eq(moderationProposal.collection, initiativeProposals.key), eq(moderationProposal.status, 'pending'))),
			ctx.db
				.select({ n: count() })
				.from(initiative)
				.where(and(eq(initiative.isSample, false), or(isNull(initiative.lastVerifiedOn), lt(initiative.lastVerifiedOn, staleCutoff(ctx.now())))))
		]);
		links.push(
			{ path: '/atlas/moderation', titleKey: 'atlas.space_moderation', textKey: 'atlas.space_moderation_text', waiting: { count: pending.n, key: 'atlas.space_proposals_waiting' } },
			{ path: '/atlas/moderation/stale', titleKey: 'atlas.space_stale', textKey: 'atlas.space_stale_text', waiting: { count: stale.n, key: 'atlas.space_stale_waiting' } },
			{
				path: '/atlas/moderation/organisations',
				titleKey: 'atlas.space_organisations',
				textKey: 'atlas.space_organisations_text',
				waiting: { count: await countUndecidedMatches(ctx.db), key: 'atlas_org_matches.space_waiting' }
			}
		);
		const conflicts = await countUndecidedFieldConflicts(ctx.db);
		if (conflicts > 0) {
			const importId = await oldestImportWithUndecidedConflicts(ctx.db);
			links.push({
				path: importId ? `/atlas/imports/${importId}#field-conflicts` : '/atlas/imports',
				titleKey: 'atlas_conflicts.space_title',
				textKey: 'atlas_conflicts.space_text',
				waiting: { count: conflicts, key: 'atlas_conflicts.space_waiting' }
			});
		}
	}
	if (ctx.can('atlas.propose')) {
		const own = actor.organisationIds.length
			? await ctx.db
					.select({ n: count() })
					.from(moderationProposal)
					.where(
						and(
							eq(moderationProposal.collection, initiativeProposals.key),
							inArray(moderationProposal.proposerOrganisationId, [...actor.organisationIds]),
							eq(moderationProposal.status, 'changes_requested')
						)
					)
			: [{ n: 0 }];
		links.push({
			path: '/atlas/initiatives/new',
			titleKey: 'atlas.space_propose',
			textKey: 'atlas.space_propose_text',
			waiting: { count: own[0].n, key: 'atlas.space_changes_requested' }
		});
		const [drafts] = await ctx.db.select({ n: count() }).from(moderationDraft).where(and(eq(moderationDraft.userId, actor.userId), eq(moderationDraft.collection, initiativeProposals.key)));
		if (drafts.n > 0) links.push({ path: '/atlas/initiatives/new#drafts', titleKey: 'atlas_moderation.space_drafts', waiting: { count: drafts.n, key: 'atlas_moderation.space_drafts_waiting' } });
	}
	if (ctx.can('atlas.import')) {
		const [previewed] = await ctx.db
			.select({ n: count() })
			.from(atlasImport)
			.where(and(eq(atlasImport.userId, actor.userId), eq(atlasImport.status, 'previewed')));
		links.push({ path: '/atlas/imports', titleKey: 'atlas.space_imports', textKey: 'atlas.space_imports_text', waiting: { count: previewed.n, key: 'atlas.space_imports_waiting' } });
	}
	if (ctx.can('atlas.rates.edit')) links.push({ path: '/atlas/rates', titleKey: 'atlas.space_rates', textKey: 'atlas.space_rates_text', area: 'administration' });
	return links;
}
