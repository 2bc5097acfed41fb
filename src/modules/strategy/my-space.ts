import type { RequestContext } from '../../platform/kernel/context.ts';
import type { SpaceLink } from '../../platform/kernel/manifest.ts';
import { strategiesPlannedBy } from './strategy.service.ts';
import { resultsQueues } from './results.service.ts';
import { myProposals, proposalsWaitingCount } from './initiative-links.service.ts';
import { versionsWaitingCount } from './programme-versions.service.ts';
import { lateRecommendations } from './recommendations.service.ts';
import { bodiesOfMember, concertationSpace, secretariatQueues } from './concertation.service.ts';
import { workspaceWaiting } from '../../platform/workspace/workspace.service.ts';
import { inArray, sql } from 'drizzle-orm';
import { countriesManaged, MANAGE } from './concertation-access.ts';
import { concertationBody } from './strategy.table.ts';

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
	// the programme versions the planners submitted, for the owners to approve or return
	const approving = planned.filter((row) => ctx.can('strategy.approve_programme', { scope: row.slug }));
	if (approving.length) {
		const waiting = await versionsWaitingCount(ctx.db, approving.map((row) => row.slug));
		if (waiting)
			links.push({
				path: approving.length === 1 ? `/strategy/${approving[0].slug}/plan/versions` : '/strategy',
				titleKey: 'strategy.space_versions',
				textKey: 'strategy.space_versions_text',
				waiting: { count: waiting, key: 'strategy.space_versions_waiting' }
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
	// the owners and reporters of a partner country's strategy: its concertation bodies, to create and run
	if (!ctx.can(MANAGE)) {
		const abroad = await countriesManaged(ctx);
		if (abroad.length) {
			const [{ n }] = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(concertationBody).where(inArray(concertationBody.country, abroad));
			links.push({
				path: abroad.length === 1 ? `/strategy/concertation?country=${abroad[0]}` : '/strategy/concertation',
				titleKey: 'strategy.space_concertation_abroad',
				textKey: 'strategy.space_concertation_abroad_text',
				waiting: { count: Number(n), key: 'strategy.space_concertation_abroad_count' }
			});
		}
	}
	// a concertation body's secretariat: the meetings held without minutes, the decisions due within a month or late
	const secretariat = await secretariatQueues(ctx);
	if (secretariat.bodies.length) {
		const space = secretariat.bodies.length === 1 ? `/strategy/concertation/${secretariat.bodies[0].slug}` : '/strategy/concertation';
		links.push({
			path: secretariat.bodies.length === 1 ? `${space}/space/meetings` : space,
			titleKey: 'strategy.space_minutes',
			textKey: 'strategy.space_minutes_text',
			waiting: { count: secretariat.withoutMinutes, key: 'strategy.space_minutes_waiting' }
		});
		links.push({
			path: secretariat.bodies.length === 1 ? `/strategy/recommendations?body=${secretariat.bodies[0].slug}&status=open` : '/strategy/recommendations?kind=decision&status=open',
			titleKey: 'strategy.space_decisions',
			textKey: 'strategy.space_decisions_text',
			waiting: { count: secretariat.due, key: 'strategy.space_decisions_due' }
		});
	}
	// the people of a body's member organisations: its space, with the meetings to come
	const secretariatSlugs = new Set(secretariat.bodies.map((body) => body.slug));
	for (const body of (await bodiesOfMember(ctx)).filter((entry) => !secretariatSlugs.has(entry.slug))) {
		const { upcomingMeetings } = await workspaceWaiting(ctx.db, concertationSpace(body), ctx.now());
		links.push({ path: `/strategy/concertation/${body.slug}/space`, titleKey: 'strategy.space_concertation', textKey: 'strategy.space_concertation_text', waiting: { count: upcomingMeetings, key: 'strategy.space_concertation_meetings' } });
	}
	const queues = await resultsQueues(ctx.db, ctx.actor);
	if (queues.reporting.length)
		links.push({ path: `/strategy/${queues.reporting[0]}/report`, titleKey: 'strategy.space_report', textKey: 'strategy.space_report_text', waiting: { count: queues.returned, key: 'strategy.space_returned' } });
	if (queues.reviewing.length)
		links.push({ path: `/strategy/${queues.reviewing[0]}/review`, titleKey: 'strategy.space_review', textKey: 'strategy.space_review_text', waiting: { count: queues.waiting, key: 'strategy.space_waiting' } });
	return links;
}
