import type { RouteTable } from '../../platform/policy/route-access.ts';

/** The Atlas: public reading (pages and API). */
export const atlasRoutes: RouteTable = {
	'/[lang=lang]/atlas': { GET: 'public' },
	'/[lang=lang]/atlas/initiatives/[slug]': { GET: 'public' },
	'/[lang=lang]/atlas/organisations/[slug]': { GET: 'public' },
	'/[lang=lang]/atlas/regions/[code]': { GET: 'public' },
	'/[lang=lang]/atlas/dashboard': { GET: 'public' },
	'/[lang=lang]/atlas/good-practices': { GET: 'public' },
	'/[lang=lang]/atlas/dashboard/[chart].csv': { GET: 'public' },
	'/api/v1/initiatives': { GET: 'public' },
	'/api/v1/initiatives/[id]': { GET: 'public' },
	'/api/v1/atlas/stats': { GET: 'public' },
	'/api/v1/atlas/communes': { GET: 'public' }
};
