import { describe, expect, it } from 'vitest';
import { strategyModule } from './manifest.ts';
import { describeRouteAccess, everyone, signedIn, type Who } from '../../platform/testing/route-access-cases.ts';
import { can, mayReach, type Actor } from '../../platform/policy/policy.ts';

const planners: Who[] = ['administrator'];
const trackers: Who[] = ['moderator', 'administrator'];
// a concertation body's secretariat: administrators, and the grant strategy:secretary limited to one body
const secretariat: Who[] = ['administrator'];

describeRouteAccess('the Strategy module', strategyModule.routes, {
	'GET /[lang=lang]/strategy': everyone,
	'GET /[lang=lang]/strategy/[slug]': everyone,
	// creating a strategy: administrators (the service refuses an owner's grant, limited to another strategy);
	// its own details: administrators and its owners (strategy:owner limited to it, checked by the service)
	'GET /[lang=lang]/strategy/new': ['administrator'],
	'POST /[lang=lang]/strategy/new': ['administrator'],
	'GET /[lang=lang]/strategy/[slug]/edit': ['administrator'],
	'POST /[lang=lang]/strategy/[slug]/edit': ['administrator'],
	'GET /[lang=lang]/strategy/[slug]/export': everyone,
	'GET /[lang=lang]/strategy/regions/[region]': everyone,
	'GET /[lang=lang]/strategy/regions/[region]/indicators': everyone,
	'GET /[lang=lang]/strategy/initiatives/[initiative]': everyone,
	'GET /[lang=lang]/strategy/my-proposals': signedIn,
	'GET /[lang=lang]/strategy/[slug]/actions/[node]': everyone,
	'POST /[lang=lang]/strategy/[slug]/actions/[node]': signedIn,
	'GET /[lang=lang]/strategy/[slug]/plan/initiatives': planners,
	'POST /[lang=lang]/strategy/[slug]/plan/initiatives': planners,
	'GET /[lang=lang]/strategy/[slug]/plan/import': planners,
	'POST /[lang=lang]/strategy/[slug]/plan/import': planners,
	'GET /api/v1/strategy/strategies/[slug]/initiatives': everyone,
	'GET /api/v1/strategy/strategies/[slug]/budget-lines': everyone,
	// programme versions: the planners submit and withdraw, the owner decides (grants limited to the strategy, checked by the service)
	'GET /[lang=lang]/strategy/[slug]/plan/versions': planners,
	'POST /[lang=lang]/strategy/[slug]/plan/versions': planners,
	// approved versions of published strategies for everyone; every version to its planners and owners (the service)
	'GET /[lang=lang]/strategy/[slug]/versions': everyone,
	'GET /[lang=lang]/strategy/[slug]/versions/[ref]': everyone,
	'GET /[lang=lang]/strategy/[slug]/versions/compare': everyone,
	'GET /[lang=lang]/strategy/[slug]/versions/compare/export': everyone,
	'GET /api/v1/strategy/strategies/[slug]/versions': everyone,
	'POST /api/v1/strategy/strategies/[slug]/versions': planners,
	'GET /api/v1/strategy/strategies/[slug]/versions/compare': everyone,
	'GET /api/v1/strategy/strategies/[slug]/versions/[ref]': everyone,
	'POST /api/v1/strategy/strategies/[slug]/versions/[ref]/decision': ['administrator'],
	'POST /api/v1/strategy/strategies/[slug]/versions/[ref]/withdrawal': planners,
	'GET /[lang=lang]/strategy/recommendations': everyone,
	'GET /[lang=lang]/strategy/recommendations/export': everyone,
	'GET /[lang=lang]/strategy/recommendations/new': trackers,
	'POST /[lang=lang]/strategy/recommendations/new': trackers,
	'GET /[lang=lang]/strategy/recommendations/[id]': everyone,
	// the trackers, and a body's secretariat for its body's decisions (the service checks which)
	'POST /[lang=lang]/strategy/recommendations/[id]': signedIn,
	'GET /[lang=lang]/strategy/recommendations/[id]/edit': trackers,
	'POST /[lang=lang]/strategy/recommendations/[id]/edit': trackers,
	'GET /api/v1/strategy/recommendations': everyone,
	'GET /[lang=lang]/strategy/concertation': everyone,
	'GET /[lang=lang]/strategy/concertation/export': everyone,
	'GET /[lang=lang]/strategy/concertation/new': trackers,
	'POST /[lang=lang]/strategy/concertation/new': trackers,
	'GET /[lang=lang]/strategy/concertation/[body]': everyone,
	'GET /[lang=lang]/strategy/concertation/[body]/edit': trackers,
	'POST /[lang=lang]/strategy/concertation/[body]/edit': trackers,
	'GET /[lang=lang]/strategy/concertation/[body]/secretariat': ['administrator'],
	'POST /[lang=lang]/strategy/concertation/[body]/secretariat': ['administrator'],
	// the space: its secretariat and the people of its member organisations, checked by the service
	'GET /[lang=lang]/strategy/concertation/[body]/space': signedIn,
	'GET /[lang=lang]/strategy/concertation/[body]/space/announcements': signedIn,
	'POST /[lang=lang]/strategy/concertation/[body]/space/announcements': secretariat,
	'GET /[lang=lang]/strategy/concertation/[body]/space/meetings': signedIn,
	'POST /[lang=lang]/strategy/concertation/[body]/space/meetings': secretariat,
	'GET /[lang=lang]/strategy/concertation/[body]/space/meetings/[id]': signedIn,
	'POST /[lang=lang]/strategy/concertation/[body]/space/meetings/[id]': secretariat,
	'GET /[lang=lang]/strategy/concertation/[body]/space/meetings/[id]/decision': secretariat,
	'POST /[lang=lang]/strategy/concertation/[body]/space/meetings/[id]/decision': secretariat,
	'GET /[lang=lang]/strategy/concertation/[body]/space/contributions': signedIn,
	'POST /[lang=lang]/strategy/concertation/[body]/space/contributions': signedIn,
	'GET /[lang=lang]/strategy/concertation/[body]/space/contributions/[id]': signedIn,
	'POST /[lang=lang]/strategy/concertation/[body]/space/contributions/[id]': secretariat,
	'GET /api/v1/strategy/concertation-bodies': everyone,
	'GET /api/v1/strategy/concertation-bodies/[slug]': everyone,
	'GET /[lang=lang]/strategy/[slug]/plan': planners,
	'POST /[lang=lang]/strategy/[slug]/plan': planners,
	'GET /[lang=lang]/strategy/[slug]/plan/[node]': planners,
	'POST /[lang=lang]/strategy/[slug]/plan/[node]': planners,
	'GET /[lang=lang]/strategy/[slug]/results': everyone,
	'GET /[lang=lang]/strategy/[slug]/results/export': everyone,
	'GET /[lang=lang]/strategy/[slug]/indicators/[code]': everyone,
	'GET /api/v1/strategy/strategies/[slug]/indicators': everyone,
	'GET /[lang=lang]/strategy/[slug]/plan/indicators': planners,
	'POST /[lang=lang]/strategy/[slug]/plan/indicators': planners,
	'GET /[lang=lang]/strategy/[slug]/plan/indicators/[id]': planners,
	'POST /[lang=lang]/strategy/[slug]/plan/indicators/[id]': planners,
	'GET /[lang=lang]/strategy/[slug]/report': ['administrator'],
	'POST /[lang=lang]/strategy/[slug]/report': ['administrator'],
	'GET /[lang=lang]/strategy/[slug]/review': ['administrator'],
	'POST /[lang=lang]/strategy/[slug]/review': ['administrator'],
	'GET /[lang=lang]/strategy/[slug]/annual-report': everyone,
	'GET /[lang=lang]/strategy/[slug]/annual-report.pdf': everyone,
	'GET /api/v1/strategy/strategies/[slug]/annual-report': everyone,
	'GET /api/v1/strategy/strategies': everyone,
	'GET /api/v1/strategy/strategies/[slug]': everyone
});

describe('grants of the Strategy module', () => {
	const member = (role: string, scope: string | null): Actor => ({ userId: 'u', role: 'member', organisationIds: [], grants: [{ module: 'strategy', role, organisationId: null, scope }] });

	it('lets an owner or planner of one strategy reach the planning pages, and act on that strategy only', () => {
		for (const role of ['owner', 'planner']) {
			const actor = member(role, 'snia');
			expect(mayReach(actor, 'strategy.plan')).toBe(true);
			expect(can(actor, 'strategy.plan', { scope: 'snia' })).toBe(true);
			expect(can(actor, 'strategy.plan', { scope: 'mre' })).toBe(false);
		}
	});

	it('gives the strategy’s own details to its owner, not to its planners, and creating strategies to administrators', () => {
		expect(can(member('owner', 'snia'), 'strategy.manage', { scope: 'snia' })).toBe(true);
		expect(can(member('owner', 'mre'), 'strategy.manage', { scope: 'snia' })).toBe(false);
		// a new strategy has no scope yet: an owner's grant does not create one
		expect(can(member('owner', 'snia'), 'strategy.manage')).toBe(false);
		expect(can({ userId: 'u', role: 'administrator', organisationIds: [] }, 'strategy.manage')).toBe(true);
		expect(can(member('planner', 'snia'), 'strategy.manage', { scope: 'snia' })).toBe(false);
		expect(mayReach({ userId: 'u', role: 'member', organisationIds: [] }, 'strategy.plan')).toBe(false);
	});

	it('lets a reporter of one strategy report on it only, and neither plan nor review', () => {
		const reporter = member('reporter', 'snia');
		expect(mayReach(reporter, 'strategy.report')).toBe(true);
		expect(can(reporter, 'strategy.report', { scope: 'snia' })).toBe(true);
		expect(can(member('reporter', 'mre'), 'strategy.report', { scope: 'snia' })).toBe(false);
		expect(mayReach(reporter, 'strategy.plan')).toBe(false);
		expect(mayReach(reporter, 'strategy.review')).toBe(false);
	});

	it('lets a body’s secretary run that body’s space and decisions only, and nothing else of the module', () => {
		const secretary = member('secretary', 'espace-oriental');
		expect(mayReach(secretary, 'strategy.concertation_secretariat')).toBe(true);
		expect(can(secretary, 'strategy.concertation_secretariat', { scope: 'espace-oriental' })).toBe(true);
		expect(can(secretary, 'strategy.concertation_secretariat', { scope: 'commission-souss' })).toBe(false);
		expect(can(secretary, 'strategy.concertation_secretariat')).toBe(false);
		expect(mayReach(secretary, 'strategy.manage_concertation')).toBe(false);
		expect(mayReach(secretary, 'strategy.track_recommendations')).toBe(false);
		// a secretary plans, reports on, reviews no strategy of the same slug
		expect(can(secretary, 'strategy.plan', { scope: 'espace-oriental' })).toBe(false);
	});

	it('lets the owners and reporters of a strategy reach the concertation pages, for their strategy’s country only (the service checks the body)', () => {
		for (const role of ['owner', 'reporter']) {
			const actor = member(role, 'recosa-plan-action-senegal');
			expect(mayReach(actor, 'strategy.manage_concertation')).toBe(true);
			expect(mayReach(actor, 'strategy.concertation_secretariat')).toBe(true);
			// limited to the strategy: never every body, never another strategy's
			expect(can(actor, 'strategy.manage_concertation')).toBe(false);
			expect(can(actor, 'strategy.manage_concertation', { scope: 'recosa-plan-action-senegal' })).toBe(true);
			expect(can(actor, 'strategy.manage_concertation', { scope: 'recosa-plan-action-mali' })).toBe(false);
			expect(can(actor, 'strategy.concertation_secretariat', { scope: 'espace-oriental' })).toBe(false);
		}
		// planners plan; the concertation is not theirs
		expect(mayReach(member('planner', 'recosa-plan-action-senegal'), 'strategy.manage_concertation')).toBe(false);
		expect(mayReach(member('planner', 'recosa-plan-action-senegal'), 'strategy.concertation_secretariat')).toBe(false);
	});

	it('gives the approval of programme versions to the strategy’s owner only; its planners submit them', () => {
		expect(can(member('owner', 'snia'), 'strategy.approve_programme', { scope: 'snia' })).toBe(true);
		expect(can(member('owner', 'mre'), 'strategy.approve_programme', { scope: 'snia' })).toBe(false);
		expect(mayReach(member('planner', 'snia'), 'strategy.approve_programme')).toBe(false);
		expect(can(member('planner', 'snia'), 'strategy.plan', { scope: 'snia' })).toBe(true);
		expect(mayReach(member('reporter', 'snia'), 'strategy.approve_programme')).toBe(false);
	});

	it('gives the review of reported values to the strategy’s owner only', () => {
		expect(can(member('owner', 'snia'), 'strategy.review', { scope: 'snia' })).toBe(true);
		expect(can(member('owner', 'mre'), 'strategy.review', { scope: 'snia' })).toBe(false);
		expect(mayReach(member('planner', 'snia'), 'strategy.review')).toBe(false);
		expect(mayReach(member('owner', 'snia'), 'strategy.report')).toBe(false);
	});
});
