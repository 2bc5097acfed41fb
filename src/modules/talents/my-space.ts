import { and, count, eq, inArray, sql } from 'drizzle-orm';
import { moderationProposal } from '../../platform/moderation/moderation.table.ts';
import type { RequestContext } from '../../platform/kernel/context.ts';
import type { SpaceLink } from '../../platform/kernel/manifest.ts';
import { network, networkMember, skillSuggestion, talentProfile } from './talents.table.ts';
import { coordinatedNetworks } from './networks.service.ts';
import { missionCandidate, mission } from './missions/missions.table.ts';
import { MISSIONS_COLLECTION, institutionsOf } from './missions/missions.service.ts';
import { MENTORING_PAGE, mentoringCounts } from './mentoring/mentoring.service.ts';
import { followedThreads, openReportCounts } from '../../platform/discussion/discussion.service.ts';
import { isolate, pickText } from '../../platform/i18n/content-language.ts';
import { NETWORK_DISCUSSION } from './network-discussion.ts';
import { myDirectoryCounts, pendingDirectoryProposals } from './directories/directory-proposals.ts';

/**
 * The Talents places of one person: their profile and the missions for them (contact requests waiting), their
 * mentoring (the offer, the requests received waiting for an answer and those sent, the messages of its
 * conversations not read yet, or where to find a mentor), the
 * networks they coordinate with requests waiting, the discussions of their networks (threads they follow with
 * replies unread) and of those they moderate (posts reported), their organisation's missions (interest received
 * in open ones), their proposals to the directories, and for moderators the ministry's view, free skills, missions and
 * the directories' proposals to review.
 */
export async function talentsSpace(ctx: RequestContext): Promise<SpaceLink[]> {
	const actor = ctx.actor;
	if (!actor) return [];
	const links: SpaceLink[] = [];
	if (ctx.can('talents.profile.manage_own')) {
		const [profile] = await ctx.db.select({ userId: talentProfile.userId }).from(talentProfile).where(eq(talentProfile.userId, actor.userId));
		links.push({ path: '/talents/profile', titleKey: profile ? 'talents.space_profile' : 'talents.space_profile_new', textKey: 'talents.space_profile_text' });
		if (profile) {
			const [requests] = await ctx.db.select({ n: count() }).from(missionCandidate).where(and(eq(missionCandidate.talentUserId, actor.userId), eq(missionCandidate.contact, 'requested')));
			links.push({ path: '/talents/missions/for-me', titleKey: 'missions.space_for_me', textKey: 'missions.space_for_me_text', waiting: { count: requests.n, key: 'missions.space_requests_waiting' } });
		}
		// mentoring: a talent offers it; a member finds a mentor; both follow their requests on one page
		const mentoring = await mentoringCounts(ctx.db, actor.userId);
		if (profile) links.push({ path: '/talents/mentoring/offer', titleKey: mentoring.hasOffer ? 'mentoring.space_offer' : 'mentoring.space_offer_new', textKey: 'mentoring.space_offer_text' });
		if (mentoring.hasOffer || mentoring.asked > 0) {
			links.push({
				path: MENTORING_PAGE,
				titleKey: 'mentoring.space_mine',
				textKey: 'mentoring.space_mine_text',
				waiting: { count: mentoring.waiting, key: 'mentoring.space_waiting' },
				alsoWaiting: [{ count: mentoring.unread, key: 'mentoring.space_unread' }]
			});
		} else {
			links.push({ path: '/talents/mentoring', titleKey: 'mentoring.space_find', textKey: 'mentoring.space_find_text' });
		}
	}
	if (ctx.can('talents.mission.manage')) {
		const organisations = (await institutionsOf(ctx)).map((entry) => entry.id);
		if (organisations.length) {
			const [interested] = await ctx.db
				.select({ n: count() })
				.from(missionCandidate)
				.innerJoin(mission, eq(mission.id, missionCandidate.missionId))
				.where(and(inArray(mission.organisationId, organisations), eq(mission.status, 'open'), eq(missionCandidate.interested, true), sql`${missionCandidate.shortlisted} = false`, sql`${missionCandidate.contact} is null`));
			links.push({ path: '/talents/missions/mine', titleKey: 'missions.space_mine', textKey: 'missions.space_mine_text', waiting: { count: interested.n, key: 'missions.space_interest_waiting' } });
		}
	}
	// proposals to the directories of the diaspora: once one has proposed something, what waits on either side
	if (ctx.can('talents.directory.propose')) {
		const proposals = await myDirectoryCounts(ctx.db, actor.userId);
		if (proposals.all > 0) {
			links.push({ path: '/talents/directories/proposals', titleKey: 'directories.space_mine', textKey: 'directories.space_mine_text', waiting: { count: proposals.waiting, key: 'talents.space_waiting' } });
		}
	}
	for (const network of await coordinatedNetworks(ctx)) {
		// administrators may coordinate every network: only those with requests waiting are listed for them
		if (!ctx.can('talents.coordinate') || network.pending > 0 || (actor.grants ?? []).some((grant) => grant.scope === network.slug)) {
			links.push({ path: `/talents/networks/${network.slug}/requests`, titleKey: 'talents.space_requests', textKey: 'talents.space_requests_text', waiting: { count: network.pending, key: 'talents.space_waiting' } });
		}
	}
	links.push(...(await discussionLinks(ctx)));
	if (ctx.can('talents.moderate')) {
		const [pending] = await ctx.db.select({ n: count() }).from(skillSuggestion).where(eq(skillSuggestion.status, 'pending'));
		links.push({ path: '/talents/mdcmre', titleKey: 'talents.space_mdcmre', textKey: 'talents.space_mdcmre_text' });
		links.push({ path: '/talents/moderation', titleKey: 'talents.space_moderation', textKey: 'talents.space_moderation_text', waiting: { count: pending.n, key: 'talents.space_waiting' } });
		const [proposals] = await ctx.db.select({ n: count() }).from(moderationProposal).where(and(eq(moderationProposal.collection, MISSIONS_COLLECTION), eq(moderationProposal.status, 'pending')));
		links.push({ path: '/talents/missions/moderation', titleKey: 'missions.space_moderation', textKey: 'missions.space_moderation_text', waiting: { count: proposals.n, key: 'talents.space_waiting' } });
		links.push({ path: '/talents/directories/moderation', titleKey: 'directories.space_moderation', textKey: 'directories.space_moderation_text', waiting: { count: await pendingDirectoryProposals(ctx.db), key: 'talents.space_waiting' } });
	}
	return links;
}

/**
 * Each network's discussion: for its members, the threads they follow with replies they have not read; for its
 * coordinators, the posts members reported (the ministry's moderators, who moderate every network, see only
 * the discussions with reports waiting).
 */
async function discussionLinks(ctx: RequestContext): Promise<SpaceLink[]> {
	const actor = ctx.actor!;
	const named = (name: Record<string, string | undefined>) => ({ network: isolate(pickText(name, ctx.language).text) });
	const links: SpaceLink[] = [];
	const [mine, followed] = await Promise.all([
		ctx.db
			.select({ slug: network.slug, name: network.name })
			.from(networkMember)
			.innerJoin(network, eq(network.id, networkMember.networkId))
			.where(and(eq(networkMember.userId, actor.userId), eq(networkMember.status, 'member')))
			.orderBy(network.slug),
		followedThreads(ctx.db, NETWORK_DISCUSSION, actor.userId)
	]);
	for (const entry of mine) {
		links.push({
			path: `/talents/networks/${entry.slug}/discussion`,
			titleKey: 'talents.space_discussion',
			titleValues: named(entry.name),
			textKey: 'talents.space_discussion_text',
			waiting: { count: followed.get(entry.slug)?.unread ?? 0, key: 'talents.space_discussion_waiting' }
		});
	}
	const granted = (actor.grants ?? []).filter((grant) => grant.module === 'talents' && grant.role === 'coordinator' && grant.scope !== null).map((grant) => grant.scope!);
	const reports = await openReportCounts(ctx.db, NETWORK_DISCUSSION);
	const everywhere = ctx.can('talents.discussion.moderate');
	const moderated = [...new Set([...granted, ...(everywhere ? [...reports.keys()] : [])])];
	if (moderated.length) {
		const rows = await ctx.db.select({ slug: network.slug, name: network.name }).from(network).where(inArray(network.slug, moderated)).orderBy(network.slug);
		for (const entry of rows) {
			links.push({
				path: `/talents/networks/${entry.slug}/discussion/reports`,
				titleKey: 'talents.space_discussion_reports',
				titleValues: named(entry.name),
				textKey: 'talents.space_discussion_reports_text',
				waiting: { count: reports.get(entry.slug) ?? 0, key: 'talents.space_discussion_reports_waiting' }
			});
		}
	}
	return links;
}
