import type { RouteTable } from '../../policy/route-access.ts';

/** This module's pages and endpoints, and who may reach each (merged in policy/route-access.ts). */
export const savedOffersRoutes: RouteTable = {};
