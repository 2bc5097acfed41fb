import type { RouteTable } from '../../platform/policy/route-access.ts';

/**
 * Rights-and-procedures pages and the support programmes directory: reading is public;
 * moderators write new versions of rights pages; partners (their own organisations'
 * programmes, checked by the service) and moderators (any) maintain programmes.
 */
export const supportRoutes: RouteTable = {
	'/[lang=lang]/jobs/rights': { GET: 'public' },
	'/[lang=lang]/jobs/rights/[slug]': { GET: 'public' },
	'/[lang=lang]/jobs/rights/[slug]/history': { GET: 'public' },
	'/[lang=lang]/jobs/rights/[slug]/edit': { GET: 'support.rights.edit', POST: 'support.rights.edit' },
	'/[lang=lang]/jobs/programmes': { GET: 'public' },
	'/[lang=lang]/jobs/programmes/new': { GET: 'support.programme.contribute', POST: 'support.programme.contribute' },
	'/[lang=lang]/jobs/programmes/[id]': { GET: 'public' },
	'/[lang=lang]/jobs/programmes/[id]/edit': { GET: 'support.programme.contribute', POST: 'support.programme.contribute' },

	'/api/v1/rights-pages': { GET: 'public' },
	'/api/v1/rights-pages/[slug]': { GET: 'public' },
	'/api/v1/programmes': { GET: 'public' },
	'/api/v1/programmes/[id]': { GET: 'public' }
};
