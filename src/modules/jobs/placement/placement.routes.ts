import type { RouteTable } from '../../../platform/policy/route-access.ts';

/**
 * International placement: the published agreements (page, CSV, API) and their public documents are
 * public (the service hides confidential documents); the division's pages — its space, agreements, offers
 * abroad, host-markets dashboard — need its grant.
 */
export const placementRoutes: RouteTable = {
	'/[lang=lang]/jobs/placement': { GET: 'public' },
	'/[lang=lang]/jobs/placement.csv': { GET: 'public' },
	'/[lang=lang]/jobs/placement/division': { GET: 'placement.agreement.manage' },
	'/[lang=lang]/jobs/placement/dashboard': { GET: 'placement.agreement.manage' },
	'/[lang=lang]/jobs/placement/agreements/new': { GET: 'placement.agreement.manage', POST: 'placement.agreement.manage' },
	'/[lang=lang]/jobs/placement/agreements/[id]': { GET: 'placement.agreement.manage', POST: 'placement.agreement.manage' },
	'/[lang=lang]/jobs/placement/offers/new': { GET: 'placement.offer.manage', POST: 'placement.offer.manage' },
	'/[lang=lang]/jobs/placement/offers/[id]': { GET: 'placement.offer.manage', POST: 'placement.offer.manage' },

	// API
	'/api/v1/placement-agreements': { GET: 'public' },
	'/api/v1/placement-agreements/[id]/documents/[documentId]': { GET: 'public' }
};
