import type { RequestContext } from '../../platform/kernel/context.ts';
import type { SpaceLink } from '../../platform/kernel/manifest.ts';
import { strategiesPlannedBy } from './strategy.service.ts';
import { resultsQueues } from './results.service.ts';
import { myProposals, proposalsWaitingCount } from './initiative-links.service.ts';
import { lateRecommendations } from './recommendations.service.ts';

/**
 * The strategies a person owns or plans (through grants): straight to the planning page when there is one;
 * a reporter's values to report (returned ones counted), an owner's values to approve.
 */
export async function strategySpace(ctx: RequestContext): Promise<SpaceLink[]> {
	if (!ctx.actor) return [];
	const links: SpaceLink[] = [];
	const planned = await strategiesPlannedBy(ctx.db, ctx.actor, ctx.language);
	if (planned.length)
		links.push({
			path: planned.length === 1 ? `/strategy/${planned[0].slug}/plan` : '/strategy',
			titleKey: 'strategy.space_plan',
			textKey: 'strategy.space_plan_text',
			waiting: { count: planned.length, key: 'strategy.space_count' }
		});
	// the initiatives partners proposed for the actions of the strategies one plans
	if (planned.length) {
		const waiting = await proposalsWaitingCount(ctx.db, planned.map((row) => row.slug));
		if (waiting)
			links.push({
				path: planned.length === 1 ? `/strategy/${planned[0].slug}/plan/initiatives` : '/strategy',
				titleKey: 'strategy.space_proposals',
				textKey: 'strategy.space_proposals_text',
				waiting: { count: waiting, key: 'strategy.space_proposals_waiting' }
			});
	}
	// one's own proposals: where they stand
	const mine = await myProposals(ctx.db, ctx.actor.userId, ctx.language);
	if (mine.length)
		links.push({
			path: '/strategy/my-proposals',
			titleKey: 'strategy.space_my_proposals',
			textKey: 'strategy.space_my_proposals_text',
			waiting: { count: mine.filter((entry) => entry.status === 'proposed').length, key: 'strategy.space_my_proposals_waiting' }
		});
	// the ministry's trackers: the recommendations past their due year
	if (ctx.can('strategy.track_recommendations'))
		links.push({
			path: '/strategy/recommendations?status=open',
			titleKey: 'strategy.space_recommendations',
			textKey: 'strategy.space_recommendations_text',
			waiting: { count: await lateRecommendations(ctx.db, ctx.now()), key: 'strategy.space_recommendations_late' }
		});
	const queues = await resultsQueues(ctx.db, ctx.actor);
	if (queues.reporting.length)
		links.push({ path: `/strategy/${queues.reporting[0]}/report`, titleKey: 'strategy.space_report', textKey: 'strategy.space_report_text', waiting: { count: queues.returned, key: 'strategy.space_returned' } });
	if (queues.reviewing.length)
		links.push({ path: `/strategy/${queues.reviewing[0]}/review`, titleKey: 'strategy.space_review', textKey: 'strategy.space_review_text', waiting: { count: queues.waiting, key: 'strategy.space_waiting' } });
	return links;
}
