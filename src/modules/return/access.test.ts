import { returnModule } from './manifest.ts';
import { describe, expect, it } from 'vitest';
import { describeRouteAccess, everyone, signedIn, staff, type Who } from '../../platform/testing/route-access-cases.ts';
import { can, mayReach, type Actor } from '../../platform/policy/policy.ts';

/** partners ask for their organisation to join the network (moderators too) */
const proposers: Who[] = ['partner', 'moderator', 'administrator'];

describeRouteAccess('the Return module', returnModule.routes, {
	'GET /[lang=lang]/return': everyone,
	'GET /[lang=lang]/return/guide': everyone,
	'GET /[lang=lang]/return/guide.pdf': everyone,
	'GET /[lang=lang]/return/guide/[topic]': everyone,
	'GET /[lang=lang]/return/guide/[topic]/history': everyone,
	'GET /[lang=lang]/return/guide/[topic]/edit': staff,
	'POST /[lang=lang]/return/guide/[topic]/edit': staff,
	'GET /[lang=lang]/return/to-complete': staff,
	'GET /[lang=lang]/return/pensions': everyone,
	'GET /[lang=lang]/return/pensions/edit': staff,
	'POST /[lang=lang]/return/pensions/edit': staff,
	'GET /[lang=lang]/return/checklist': everyone,
	'POST /[lang=lang]/return/checklist': signedIn,
	'GET /[lang=lang]/return/services': everyone,
	'GET /[lang=lang]/return/services/new': proposers,
	'POST /[lang=lang]/return/services/new': proposers,
	'GET /[lang=lang]/return/services/[id]/edit': proposers,
	'POST /[lang=lang]/return/services/[id]/edit': proposers,
	'GET /[lang=lang]/return/network/join': proposers,
	'POST /[lang=lang]/return/network/join': proposers,
	'GET /[lang=lang]/return/network/requests': staff,
	'POST /[lang=lang]/return/network/requests': staff,
	'GET /[lang=lang]/return/network/space': proposers,
	'GET /[lang=lang]/return/network/space/announcements': proposers,
	'POST /[lang=lang]/return/network/space/announcements': staff,
	'GET /[lang=lang]/return/network/space/meetings': proposers,
	'POST /[lang=lang]/return/network/space/meetings': staff,
	'GET /[lang=lang]/return/network/space/meetings/[id]': proposers,
	'POST /[lang=lang]/return/network/space/meetings/[id]': staff,
	'GET /[lang=lang]/return/network/space/contributions': proposers,
	'POST /[lang=lang]/return/network/space/contributions': proposers,
	'GET /[lang=lang]/return/network/space/contributions/[id]': proposers,
	'POST /[lang=lang]/return/network/space/contributions/[id]': staff,
	'GET /[lang=lang]/return/referrals': proposers,
	'POST /[lang=lang]/return/referrals': proposers,
	'GET /[lang=lang]/return/my-reintegration': signedIn,
	'GET /[lang=lang]/return/my-reintegration/documents/[documentId]': signedIn,
	'GET /[lang=lang]/return/statistics': everyone,
	'GET /[lang=lang]/return/statistics/export': everyone,
	'GET /[lang=lang]/return/schemes': everyone,
	'GET /[lang=lang]/return/schemes/new': staff,
	'POST /[lang=lang]/return/schemes/new': staff,
	'GET /[lang=lang]/return/schemes/[slug]/edit': proposers,
	'POST /[lang=lang]/return/schemes/[slug]/edit': proposers,
	'GET /[lang=lang]/return/crisis': everyone,
	'GET /[lang=lang]/return/crisis/[slug]/register': everyone,
	'POST /[lang=lang]/return/crisis/[slug]/register': everyone,
	'GET /[lang=lang]/return/crisis/safe/[token]': everyone,
	'POST /[lang=lang]/return/crisis/safe/[token]': everyone,
	'GET /[lang=lang]/return/crisis/cell': staff,
	'POST /[lang=lang]/return/crisis/cell': staff,
	'GET /[lang=lang]/return/crisis/cell/[slug]': staff,
	'POST /[lang=lang]/return/crisis/cell/[slug]': staff,
	'GET /[lang=lang]/return/crisis/cell/[slug]/registrations': staff,
	'POST /[lang=lang]/return/crisis/cell/[slug]/registrations': staff,
	'GET /[lang=lang]/return/crisis/cell/[slug]/export': staff,
	'GET /[lang=lang]/return/crisis/cell/[slug]/places': staff,
	'POST /[lang=lang]/return/crisis/cell/[slug]/places': staff,
	'GET /[lang=lang]/return/crisis/cell/[slug]/checklist': staff,
	'POST /[lang=lang]/return/crisis/cell/[slug]/checklist': staff,
	'GET /[lang=lang]/return/crisis/responders': staff,
	'GET /[lang=lang]/return/crisis/responders/[role]/edit': staff,
	'POST /[lang=lang]/return/crisis/responders/[role]/edit': staff,
	// no platform role: an operator's case worker grant opens them (below)
	'GET /[lang=lang]/return/cases': [],
	'GET /[lang=lang]/return/cases/export': [],
	'GET /[lang=lang]/return/cases/new': [],
	'POST /[lang=lang]/return/cases/new': [],
	'GET /[lang=lang]/return/cases/[id]': [],
	'POST /[lang=lang]/return/cases/[id]': [],
	'GET /[lang=lang]/return/cases/[id]/referral': [],
	'POST /[lang=lang]/return/cases/[id]/referral': [],
	'GET /[lang=lang]/return/cases/[id]/documents/[documentId]': [],
	'GET /[lang=lang]/return/cases/[id]/survey/[round]': [],
	'POST /[lang=lang]/return/cases/[id]/survey/[round]': [],
	'GET /[lang=lang]/return/survey/[token]': everyone,
	'POST /[lang=lang]/return/survey/[token]': everyone,
	'GET /api/v1/return/services': everyone,
	'GET /api/v1/return/services/export': everyone,
	'GET /api/v1/return/guide': everyone,
	'GET /api/v1/return/guide/[slug]': everyone,
	'GET /api/v1/return/pension-agreements': everyone,
	'GET /api/v1/return/statistics': everyone,
	'GET /api/v1/return/schemes': everyone,
	// no platform role: an operator's case worker grant opens them (below)
	'GET /api/v1/return/cases': [],
	'GET /api/v1/return/cases/[id]': []
});

describe('the case worker grant of the Return module', () => {
	const caseworker = (organisationId: string): Actor => ({ userId: 'u', role: 'member', organisationIds: [], grants: [{ module: 'return', role: 'caseworker', organisationId, scope: null }] });

	it('gives an operator’s case worker the cases of that operator only, and no platform role gives it', () => {
		expect(mayReach(caseworker('org-a'), 'return.case.work')).toBe(true);
		expect(can(caseworker('org-a'), 'return.case.work', { organisationId: 'org-a' })).toBe(true);
		expect(can(caseworker('org-a'), 'return.case.work', { organisationId: 'org-b' })).toBe(false);
		for (const role of ['member', 'partner', 'counsellor', 'moderator', 'administrator'] as const) {
			expect(mayReach({ userId: 'u', role, organisationIds: [] }, 'return.case.work')).toBe(false);
		}
	});
});
