import { talentsModule } from './manifest.ts';
import { describeRouteAccess, everyone, signedIn, staff, type Who } from '../../platform/testing/route-access-cases.ts';
import { describe, expect, it } from 'vitest';
import { can, mayReach } from '../../platform/policy/policy.ts';

/** a network's requests: administrators by role; coordinators by a grant (below) */
const administrators: Who[] = ['administrator'];
/** institutions posting missions: partners (members of an organisation; the service checks it is based in Morocco), and the ministry's staff */
const institutions: Who[] = ['partner', 'moderator', 'administrator'];

describeRouteAccess('the Talents module', talentsModule.routes, {
	'GET /[lang=lang]/talents': everyone,
	'GET /[lang=lang]/talents/cards': everyone,
	'GET /[lang=lang]/talents/networks/export': everyone,
	'GET /[lang=lang]/talents/networks/[slug]': everyone,
	'POST /[lang=lang]/talents/networks/[slug]': signedIn,
	'GET /[lang=lang]/talents/networks/[slug]/requests': administrators,
	'POST /[lang=lang]/talents/networks/[slug]/requests': administrators,
	'GET /[lang=lang]/talents/networks/[slug]/announcements': administrators,
	'GET /[lang=lang]/talents/networks/[slug]/coordinators': administrators,
	'POST /[lang=lang]/talents/networks/[slug]/coordinators': administrators,
	'POST /[lang=lang]/talents/networks/[slug]/announcements': administrators,
	'GET /[lang=lang]/talents/networks/[slug]/news': everyone,
	'GET /[lang=lang]/talents/networks/[slug]/news/feed': everyone,
	'GET /[lang=lang]/talents/networks/[slug]/news/[id]': everyone,
	'GET /[lang=lang]/talents/networks/[slug]/discussion': everyone,
	'GET /[lang=lang]/talents/networks/[slug]/discussion/new': signedIn,
	'POST /[lang=lang]/talents/networks/[slug]/discussion/new': signedIn,
	'GET /[lang=lang]/talents/networks/[slug]/discussion/[id]': signedIn,
	'POST /[lang=lang]/talents/networks/[slug]/discussion/[id]': signedIn,
	'GET /[lang=lang]/talents/networks/[slug]/discussion/reports': staff,
	'POST /[lang=lang]/talents/networks/[slug]/discussion/reports': staff,
	'GET /[lang=lang]/talents/networks/[slug]/discussion/unfollow': everyone,
	'POST /[lang=lang]/talents/networks/[slug]/discussion/unfollow': everyone,
	'GET /[lang=lang]/talents/unsubscribe': everyone,
	'POST /[lang=lang]/talents/unsubscribe': everyone,
	'GET /[lang=lang]/talents/profile': signedIn,
	'POST /[lang=lang]/talents/profile': signedIn,
	'GET /[lang=lang]/talents/moderation': staff,
	'POST /[lang=lang]/talents/moderation': staff,
	'GET /[lang=lang]/talents/mdcmre': staff,
	'GET /[lang=lang]/talents/diaspora': everyone,
	'POST /[lang=lang]/talents/diaspora': staff,
	'GET /[lang=lang]/talents/diaspora/[id]': staff,
	'POST /[lang=lang]/talents/diaspora/[id]': staff,
	'GET /[lang=lang]/talents/missions': everyone,
	'GET /[lang=lang]/talents/missions/export': everyone,
	'GET /[lang=lang]/talents/missions/statistics': everyone,
	'GET /api/v1/talents/missions/statistics': everyone,
	'GET /api/v1/talents/statistics': everyone,
	'GET /[lang=lang]/talents/missions/[slug]': everyone,
	'POST /[lang=lang]/talents/missions/[slug]': signedIn,
	'GET /[lang=lang]/talents/missions/for-me': signedIn,
	'GET /[lang=lang]/talents/missions/new': institutions,
	'POST /[lang=lang]/talents/missions/new': institutions,
	'GET /[lang=lang]/talents/missions/mine': institutions,
	'POST /[lang=lang]/talents/missions/mine': institutions,
	'GET /[lang=lang]/talents/missions/[slug]/manage': institutions,
	'POST /[lang=lang]/talents/missions/[slug]/manage': institutions,
	'GET /[lang=lang]/talents/missions/[slug]/edit': institutions,
	'POST /[lang=lang]/talents/missions/[slug]/edit': institutions,
	'GET /[lang=lang]/talents/missions/[slug]/talents/[id]': institutions,
	'POST /[lang=lang]/talents/missions/[slug]/talents/[id]': institutions,
	'GET /[lang=lang]/talents/missions/moderation': staff,
	'GET /[lang=lang]/talents/missions/moderation/[id]': staff,
	'POST /[lang=lang]/talents/missions/moderation/[id]': staff,
	'GET /api/v1/talents/missions': everyone,
	'POST /api/v1/talents/missions': institutions,
	'GET /api/v1/talents/missions/[slug]': everyone,
	'POST /api/v1/talents/missions/[slug]/changes': institutions,
	'PUT /api/v1/talents/missions/[slug]/interest': signedIn,
	'DELETE /api/v1/talents/missions/[slug]/interest': signedIn,
	'GET /[lang=lang]/talents/mentoring': everyone,
	'GET /[lang=lang]/talents/mentoring/export': everyone,
	'GET /[lang=lang]/talents/mentoring/[id]': everyone,
	'POST /[lang=lang]/talents/mentoring/[id]': signedIn,
	'GET /[lang=lang]/talents/mentoring/offer': signedIn,
	'POST /[lang=lang]/talents/mentoring/offer': signedIn,
	'GET /[lang=lang]/talents/mentoring/mine': signedIn,
	'POST /[lang=lang]/talents/mentoring/mine': signedIn,
	'GET /[lang=lang]/talents/mentoring/requests/[id]': signedIn,
	'POST /[lang=lang]/talents/mentoring/requests/[id]': signedIn,
	'GET /[lang=lang]/talents/young': everyone,
	'GET /[lang=lang]/talents/young/schemes/new': institutions,
	'POST /[lang=lang]/talents/young/schemes/new': institutions,
	'GET /[lang=lang]/talents/young/schemes/[id]': institutions,
	'POST /[lang=lang]/talents/young/schemes/[id]': institutions,
	'GET /api/v1/talents/support-schemes': everyone,
	'GET /[lang=lang]/talents/houses': everyone,
	'GET /[lang=lang]/talents/houses/export': everyone,
	'GET /[lang=lang]/talents/houses/[id]': everyone,
	'GET /[lang=lang]/talents/houses/new': institutions,
	'POST /[lang=lang]/talents/houses/new': institutions,
	'GET /[lang=lang]/talents/houses/[id]/edit': institutions,
	'POST /[lang=lang]/talents/houses/[id]/edit': institutions,
	'GET /[lang=lang]/talents/associations': everyone,
	'GET /[lang=lang]/talents/associations/export': everyone,
	'GET /[lang=lang]/talents/associations/[id]': everyone,
	'GET /[lang=lang]/talents/associations/new': institutions,
	'POST /[lang=lang]/talents/associations/new': institutions,
	'GET /[lang=lang]/talents/associations/[id]/edit': institutions,
	'POST /[lang=lang]/talents/associations/[id]/edit': institutions,
	// proposals to the directories: every account (a visitor signs in first); their review: the ministry's moderators
	'GET /[lang=lang]/talents/houses/propose': signedIn,
	'POST /[lang=lang]/talents/houses/propose': signedIn,
	'GET /[lang=lang]/talents/houses/[id]/propose': signedIn,
	'POST /[lang=lang]/talents/houses/[id]/propose': signedIn,
	'GET /[lang=lang]/talents/associations/propose': signedIn,
	'POST /[lang=lang]/talents/associations/propose': signedIn,
	'GET /[lang=lang]/talents/associations/[id]/propose': signedIn,
	'POST /[lang=lang]/talents/associations/[id]/propose': signedIn,
	'GET /[lang=lang]/talents/directories/proposals': signedIn,
	'GET /[lang=lang]/talents/directories/proposals/[id]': signedIn,
	'POST /[lang=lang]/talents/directories/proposals/[id]': signedIn,
	'GET /[lang=lang]/talents/directories/moderation': staff,
	'GET /[lang=lang]/talents/directories/moderation/[id]': staff,
	'POST /[lang=lang]/talents/directories/moderation/[id]': staff,
	'GET /api/v1/talents/directories/proposals': signedIn,
	'POST /api/v1/talents/directories/proposals': signedIn,
	'POST /api/v1/talents/directories/proposals/[id]/decision': staff,
	'GET /api/v1/talents/houses': everyone,
	'GET /api/v1/talents/associations': everyone,
	'GET /api/v1/talents/mentoring/offers': everyone,
	'GET /api/v1/talents/mentoring/offer': signedIn,
	'PUT /api/v1/talents/mentoring/offer': signedIn,
	'GET /api/v1/talents/mentoring/requests': signedIn,
	'POST /api/v1/talents/mentoring/requests': signedIn,
	'POST /api/v1/talents/mentoring/requests/[id]': signedIn,
	'GET /api/v1/talents/mentoring/requests/[id]/messages': signedIn,
	'POST /api/v1/talents/mentoring/requests/[id]/messages': signedIn,
	'GET /api/v1/talents/networks': everyone,
	'GET /api/v1/talents/networks/[slug]/news': everyone,
	'GET /api/v1/talents/networks/[slug]/news/[id]': everyone,
	'GET /api/v1/talents/networks/[slug]/news/[id]/image': everyone,
	'GET /api/v1/talents/networks/[slug]/discussion/threads': signedIn,
	'POST /api/v1/talents/networks/[slug]/discussion/threads': signedIn,
	'GET /api/v1/talents/networks/[slug]/discussion/threads/[id]': signedIn,
	'POST /api/v1/talents/networks/[slug]/discussion/threads/[id]/replies': signedIn,
	'GET /api/v1/talents/cards': everyone,
	'GET /api/v1/talents/diaspora': everyone
});

describe('an institution grant', () => {
	it('opens the missions’ pages to a member of one organisation, whose services then check the organisation', () => {
		const clerk = { userId: 'u', role: 'member' as const, organisationIds: ['org-a'], grants: [{ module: 'talents', role: 'institution', organisationId: 'org-a', scope: null }] };
		expect(mayReach(clerk, 'talents.mission.manage')).toBe(true);
		expect(can(clerk, 'talents.mission.manage', { organisationId: 'org-a' })).toBe(true);
		expect(can(clerk, 'talents.mission.manage', { organisationId: 'org-b' })).toBe(false);
		expect(mayReach({ ...clerk, grants: [] }, 'talents.mission.manage')).toBe(false);
	});
});

describe('a coordinator grant', () => {
	it('opens the requests page of a network to a member, whose service then checks the network', () => {
		const coordinator = { userId: 'u', role: 'member' as const, organisationIds: [], grants: [{ module: 'talents', role: 'coordinator', organisationId: null, scope: 'exemple-sante' }] };
		expect(mayReach(coordinator, 'talents.coordinate')).toBe(true);
		expect(mayReach({ ...coordinator, grants: [] }, 'talents.coordinate')).toBe(false);
	});

	it('makes a member the moderator of that network’s discussion only', () => {
		const coordinator = { userId: 'u', role: 'member' as const, organisationIds: [], grants: [{ module: 'talents', role: 'coordinator', organisationId: null, scope: 'exemple-sante' }] };
		expect(mayReach(coordinator, 'talents.discussion.moderate')).toBe(true);
		expect(can(coordinator, 'talents.discussion.moderate', { scope: 'exemple-sante' })).toBe(true);
		expect(can(coordinator, 'talents.discussion.moderate', { scope: 'exemple-numerique' })).toBe(false);
		expect(can({ ...coordinator, role: 'moderator', grants: [] }, 'talents.discussion.moderate', { scope: 'exemple-numerique' })).toBe(true);
	});
});
