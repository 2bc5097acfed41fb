import type { RouteTable } from '../policy/route-access.ts';

/** The job queue's administration page and API. */
export const queueRoutes: RouteTable = {
	'/[lang=lang]/admin/jobs': { GET: 'queue.manage', POST: 'queue.manage' },
	'/api/v1/jobs': { GET: 'queue.manage' },
	'/api/v1/jobs/[queue]/[id]/retry': { POST: 'queue.manage' }
};
