import type { RouteTable } from '../../platform/policy/route-access.ts';

/**
 * Published strategies are public (list, tree, a region's actions, exports, API). Planning pages need
 * 'strategy.plan': administrators, and owners/planners through grants limited to one strategy (the
 * service then checks the strategy itself).
 */
export const strategyRoutes: RouteTable = {
	'/[lang=lang]/strategy': { GET: 'public' },
	'/[lang=lang]/strategy/[slug]': { GET: 'public' },
	// a new strategy (administrators: the service refuses an owner's grant, limited to another strategy) and its own details (its owners too)
	'/[lang=lang]/strategy/new': { GET: 'strategy.manage', POST: 'strategy.manage' },
	'/[lang=lang]/strategy/[slug]/edit': { GET: 'strategy.manage', POST: 'strategy.manage' },
	'/[lang=lang]/strategy/[slug]/export': { GET: 'public' },
	// an action's page; proposing an initiative (partners) and deciding (planners) are checked by the service
	'/[lang=lang]/strategy/[slug]/actions/[node]': { GET: 'public', POST: 'signed_in' },
	'/[lang=lang]/strategy/[slug]/plan/initiatives': { GET: 'strategy.plan', POST: 'strategy.plan' },
	'/[lang=lang]/strategy/[slug]/plan/import': { GET: 'strategy.plan', POST: 'strategy.plan' },
	// programme versions: the planners submit and withdraw, the owner approves or returns (checked by the service)
	'/[lang=lang]/strategy/[slug]/plan/versions': { GET: 'strategy.plan', POST: 'strategy.plan' },
	// the approved versions of a published strategy are public; its planners and owners see every one (checked by the service)
	'/[lang=lang]/strategy/[slug]/versions': { GET: 'public' },
	'/[lang=lang]/strategy/[slug]/versions/[ref]': { GET: 'public' },
	'/[lang=lang]/strategy/[slug]/versions/compare': { GET: 'public' },
	'/[lang=lang]/strategy/[slug]/versions/compare/export': { GET: 'public' },
	'/[lang=lang]/strategy/regions/[region]': { GET: 'public' },
	'/[lang=lang]/strategy/regions/[region]/indicators': { GET: 'public' },
	'/[lang=lang]/strategy/initiatives/[initiative]': { GET: 'public' },
	'/[lang=lang]/strategy/my-proposals': { GET: 'signed_in' },
	// the recommendations tracker: public reading, the ministry's trackers write
	'/[lang=lang]/strategy/recommendations': { GET: 'public' },
	'/[lang=lang]/strategy/recommendations/export': { GET: 'public' },
	'/[lang=lang]/strategy/recommendations/new': { GET: 'strategy.track_recommendations', POST: 'strategy.track_recommendations' },
	// a concertation body's decisions are followed by its secretariat too (checked by the service)
	'/[lang=lang]/strategy/recommendations/[id]': { GET: 'public', POST: 'signed_in' },
	'/[lang=lang]/strategy/recommendations/[id]/edit': { GET: 'strategy.track_recommendations', POST: 'strategy.track_recommendations' },
	// regional concertation: public summaries; moderators create and edit the bodies
	'/[lang=lang]/strategy/concertation': { GET: 'public' },
	'/[lang=lang]/strategy/concertation/export': { GET: 'public' },
	'/[lang=lang]/strategy/concertation/new': { GET: 'strategy.manage_concertation', POST: 'strategy.manage_concertation' },
	'/[lang=lang]/strategy/concertation/[body]': { GET: 'public' },
	'/[lang=lang]/strategy/concertation/[body]/edit': { GET: 'strategy.manage_concertation', POST: 'strategy.manage_concertation' },
	// appointing its secretariat gives a platform grant: administrators
	'/[lang=lang]/strategy/concertation/[body]/secretariat': { GET: 'user.manage', POST: 'user.manage' },
	// a body's space: its secretariat (a grant limited to the body) and the people of its member organisations (checked by the service)
	'/[lang=lang]/strategy/concertation/[body]/space': { GET: 'signed_in' },
	'/[lang=lang]/strategy/concertation/[body]/space/announcements': { GET: 'signed_in', POST: 'strategy.concertation_secretariat' },
	'/[lang=lang]/strategy/concertation/[body]/space/meetings': { GET: 'signed_in', POST: 'strategy.concertation_secretariat' },
	'/[lang=lang]/strategy/concertation/[body]/space/meetings/[id]': { GET: 'signed_in', POST: 'strategy.concertation_secretariat' },
	'/[lang=lang]/strategy/concertation/[body]/space/meetings/[id]/decision': { GET: 'strategy.concertation_secretariat', POST: 'strategy.concertation_secretariat' },
	'/[lang=lang]/strategy/concertation/[body]/space/contributions': { GET: 'signed_in', POST: 'signed_in' },
	'/[lang=lang]/strategy/concertation/[body]/space/contributions/[id]': { GET: 'signed_in', POST: 'strategy.concertation_secretariat' },
	'/[lang=lang]/strategy/[slug]/plan': { GET: 'strategy.plan', POST: 'strategy.plan' },
	'/[lang=lang]/strategy/[slug]/plan/[node]': { GET: 'strategy.plan', POST: 'strategy.plan' },
	'/[lang=lang]/strategy/[slug]/results': { GET: 'public' },
	'/[lang=lang]/strategy/[slug]/results/export': { GET: 'public' },
	'/[lang=lang]/strategy/[slug]/indicators/[code]': { GET: 'public' },
	'/[lang=lang]/strategy/[slug]/plan/indicators': { GET: 'strategy.plan', POST: 'strategy.plan' },
	'/[lang=lang]/strategy/[slug]/plan/indicators/[id]': { GET: 'strategy.plan', POST: 'strategy.plan' },
	'/[lang=lang]/strategy/[slug]/report': { GET: 'strategy.report', POST: 'strategy.report' },
	'/[lang=lang]/strategy/[slug]/review': { GET: 'strategy.review', POST: 'strategy.review' },
	// the annual monitoring report of a published strategy (page and PDF); the service hides an unpublished one from all but its planners
	'/[lang=lang]/strategy/[slug]/annual-report': { GET: 'public' },
	'/[lang=lang]/strategy/[slug]/annual-report.pdf': { GET: 'public' },

	// API
	'/api/v1/strategy/strategies': { GET: 'public' },
	'/api/v1/strategy/strategies/[slug]': { GET: 'public' },
	'/api/v1/strategy/strategies/[slug]/indicators': { GET: 'public' },
	'/api/v1/strategy/strategies/[slug]/initiatives': { GET: 'public' },
	// an unpublished strategy's lines: its planners and owners (checked by the service)
	'/api/v1/strategy/strategies/[slug]/budget-lines': { GET: 'public' },
	'/api/v1/strategy/strategies/[slug]/annual-report': { GET: 'public' },
	'/api/v1/strategy/strategies/[slug]/versions': { GET: 'public', POST: 'strategy.plan' },
	'/api/v1/strategy/strategies/[slug]/versions/compare': { GET: 'public' },
	'/api/v1/strategy/strategies/[slug]/versions/[ref]': { GET: 'public' },
	'/api/v1/strategy/strategies/[slug]/versions/[ref]/decision': { POST: 'strategy.approve_programme' },
	'/api/v1/strategy/strategies/[slug]/versions/[ref]/withdrawal': { POST: 'strategy.plan' },
	'/api/v1/strategy/recommendations': { GET: 'public' },
	'/api/v1/strategy/concertation-bodies': { GET: 'public' },
	'/api/v1/strategy/concertation-bodies/[slug]': { GET: 'public' }
};
