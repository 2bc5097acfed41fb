import { talentsModule } from './manifest.ts';
import { describeRouteAccess, everyone, signedIn, staff, type Who } from '../../platform/testing/route-access-cases.ts';
import { describe, expect, it } from 'vitest';
import { mayReach } from '../../platform/policy/policy.ts';

/** a network's requests: administrators by role; coordinators by a grant (below) */
const administrators: Who[] = ['administrator'];

describeRouteAccess('the Talents module', talentsModule.routes, {
	'GET /[lang=lang]/talents': everyone,
	'GET /[lang=lang]/talents/cards': everyone,
	'GET /[lang=lang]/talents/networks/export': everyone,
	'GET /[lang=lang]/talents/networks/[slug]': everyone,
	'POST /[lang=lang]/talents/networks/[slug]': signedIn,
	'GET /[lang=lang]/talents/networks/[slug]/requests': administrators,
	'POST /[lang=lang]/talents/networks/[slug]/requests': administrators,
	'GET /[lang=lang]/talents/networks/[slug]/announcements': administrators,
	'POST /[lang=lang]/talents/networks/[slug]/announcements': administrators,
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
	'GET /api/v1/talents/networks': everyone,
	'GET /api/v1/talents/cards': everyone,
	'GET /api/v1/talents/diaspora': everyone
});

describe('a coordinator grant', () => {
	it('opens the requests page of a network to a member, whose service then checks the network', () => {
		const coordinator = { userId: 'u', role: 'member' as const, organisationIds: [], grants: [{ module: 'talents', role: 'coordinator', organisationId: null, scope: 'exemple-sante' }] };
		expect(mayReach(coordinator, 'talents.coordinate')).toBe(true);
		expect(mayReach({ ...coordinator, grants: [] }, 'talents.coordinate')).toBe(false);
	});
});
