import type { RouteTable } from '../policy/route-access.ts';

/** The OpenAPI document and the readable API docs. */
export const apiDocsRoutes: RouteTable = {
	'/api/v1/openapi.json': { GET: 'public' },
	'/api/docs': { GET: 'public' },
	'/api/docs/[group]': { GET: 'public' }
};
