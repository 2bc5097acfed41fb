import type { RouteTable } from '../../platform/policy/route-access.ts';

/**
 * Job offers. Search and offer pages are public (an offer page shows drafts only to their employer and
 * pending offers to counsellors, checked by the service); the employer's space needs 'jobs.offer.manage'
 * (partners; the service then requires membership of an organisation of type employer); the validation
 * queue needs 'jobs.offer.validate' (counsellors).
 */
export const jobsRoutes: RouteTable = {
	'/[lang=lang]/jobs': { GET: 'public' },
	'/[lang=lang]/jobs/offers/[id]': { GET: 'public' },
	'/[lang=lang]/jobs/employer': { GET: 'jobs.offer.manage', POST: 'jobs.offer.manage' },
	'/[lang=lang]/jobs/employer/offers/new': { GET: 'jobs.offer.manage', POST: 'jobs.offer.manage' },
	'/[lang=lang]/jobs/employer/offers/[id]': { GET: 'jobs.offer.manage', POST: 'jobs.offer.manage' },
	'/[lang=lang]/jobs/counsellor/validations': { GET: 'jobs.offer.validate', POST: 'jobs.offer.validate' },

	// API
	'/api/v1/job-offers': { GET: 'public' },
	'/api/v1/job-offers/[id]': { GET: 'public' }
};
