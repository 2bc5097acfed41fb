import { count, eq } from 'drizzle-orm';
import type { RequestContext } from '../../platform/kernel/context.ts';
import type { SpaceLink } from '../../platform/kernel/manifest.ts';
import { skillSuggestion, talentProfile } from './talents.table.ts';
import { coordinatedNetworks } from './networks.service.ts';

/** The Talents places of one person: their profile, the networks they coordinate with requests waiting, free skills to review. */
export async function talentsSpace(ctx: RequestContext): Promise<SpaceLink[]> {
	const actor = ctx.actor;
	if (!actor) return [];
	const links: SpaceLink[] = [];
	if (ctx.can('talents.profile.manage_own')) {
		const [profile] = await ctx.db.select({ userId: talentProfile.userId }).from(talentProfile).where(eq(talentProfile.userId, actor.userId));
		links.push({ path: '/talents/profile', titleKey: profile ? 'talents.space_profile' : 'talents.space_profile_new', textKey: 'talents.space_profile_text' });
	}
	for (const network of await coordinatedNetworks(ctx)) {
		// administrators may coordinate every network: only those with requests waiting are listed for them
		if (!ctx.can('talents.coordinate') || network.pending > 0 || (actor.grants ?? []).some((grant) => grant.scope === network.slug)) {
			links.push({ path: `/talents/networks/${network.slug}/requests`, titleKey: 'talents.space_requests', textKey: 'talents.space_requests_text', waiting: { count: network.pending, key: 'talents.space_waiting' } });
		}
	}
	if (ctx.can('talents.moderate')) {
		const [pending] = await ctx.db.select({ n: count() }).from(skillSuggestion).where(eq(skillSuggestion.status, 'pending'));
		links.push({ path: '/talents/mdcmre', titleKey: 'talents.space_mdcmre', textKey: 'talents.space_mdcmre_text' });
		links.push({ path: '/talents/moderation', titleKey: 'talents.space_moderation', textKey: 'talents.space_moderation_text', waiting: { count: pending.n, key: 'talents.space_waiting' } });
	}
	return links;
}
