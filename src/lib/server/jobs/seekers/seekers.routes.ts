import type { RouteTable } from '../../policy/route-access.ts';

export const seekersRoutes: RouteTable = {};
