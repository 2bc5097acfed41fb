import type { RouteTable } from '../policy/route-access.ts';

/** Staff pages (users, organisations, audit trail) and their API. */
export const adminRoutes: RouteTable = {};
