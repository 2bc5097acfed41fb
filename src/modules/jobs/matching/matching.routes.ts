import type { RouteTable } from '../../../platform/policy/route-access.ts';

/**
 * Matching. The employer's candidates page is in the employer's space ('jobs.offer.manage'), the
 * counsellor's in the counsellors' space ('seekers.profile.read'); the API answers both
 * ('matching.candidates.read'; the service then checks the offer's organisation and the consents).
 * Recommended offers are in the seeker's own space ('seekers.profile.manage_own').
 */
export const matchingRoutes: RouteTable = {
	'/[lang=lang]/jobs/employer/offers/[id]/candidates': { GET: 'jobs.offer.manage' },
	'/[lang=lang]/jobs/counsellor/offers/[id]/candidates': { GET: 'seekers.profile.read' },
	'/[lang=lang]/jobs/profile/recommended': { GET: 'seekers.profile.manage_own' },

	// API
	'/api/v1/job-offers/[id]/candidates': { GET: 'matching.candidates.read' },
	'/api/v1/me/recommended-offers': { GET: 'seekers.profile.manage_own' }
};
