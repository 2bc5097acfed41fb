import type { RouteTable } from '../../../platform/policy/route-access.ts';

/** International placement: the published agreements (page, CSV, API: public). The division's pages are to come. */
export const placementRoutes: RouteTable = {
	'/[lang=lang]/jobs/placement': { GET: 'public' },
	'/[lang=lang]/jobs/placement.csv': { GET: 'public' },

	// API
	'/api/v1/placement-agreements': { GET: 'public' }
};
