import type { RouteTable } from '../policy/route-access.ts';

/** Account pages and the caller's own API resources. */
export const accountRoutes: RouteTable = {};
