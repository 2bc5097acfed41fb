import type { RouteTable } from '../../../platform/policy/route-access.ts';

/** This module's pages and endpoints, and who may reach each (merged in policy/route-access.ts). */
export const importRoutes: RouteTable = {
	'/[lang=lang]/atlas/imports': { GET: 'atlas.import', POST: 'atlas.import' },
	'/[lang=lang]/atlas/imports/[id]': { GET: 'atlas.import', POST: 'atlas.import' },
	'/api/v1/imports/iati': { POST: 'atlas.import' },
	'/api/v1/imports/[id]': { GET: 'atlas.import' },
	'/api/v1/imports/[id]/apply': { POST: 'atlas.import' },
	'/api/v1/imports/[id]/conflicts': { POST: 'atlas.moderate' }
};
