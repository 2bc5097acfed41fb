import type { Action } from './policy.ts';
import { accountRoutes } from '../accounts/accounts.routes.ts';
import { adminRoutes } from '../admin/admin.routes.ts';
import { apiDocsRoutes } from '../openapi/openapi.routes.ts';
import { queueRoutes } from '../queue/queue.routes.ts';
import { fromModules } from '../kernel/modules.ts';

/**
 * Who may reach each route, per HTTP method. The request hook enforces it before any
 * page, form action or endpoint runs; a route missing here is refused (and fails the
 * policy test), so a new route cannot go out without a decision.
 *  - 'public': anyone, signed in or not;
 *  - 'signed_in': any signed-in person;
 *  - an Action: the roles that `can` grants for it.
 * Finer, resource-level checks (this organisation, this person) stay in services via `can`.
 * Each module declares its table in its manifest; they are merged here.
 */
export type Access = 'public' | 'signed_in' | Action;
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type RouteTable = Record<string, Partial<Record<Method, Access>>>;

const platformRoutes: RouteTable = {
	'/': { GET: 'public' },
	'/[lang=lang]': { GET: 'public' },
	'/[lang=lang]/accessibility': { GET: 'public' },
	'/[lang=lang]/legal': { GET: 'public' },
	'/[lang=lang]/contact': { GET: 'public', POST: 'public' },
	'/[lang=lang]/[module=module]': { GET: 'public' },
	// the installable web app: the offline page, the manifest and the service worker hold nothing personal
	'/[lang=lang]/offline': { GET: 'public' },
	'/[lang=lang]/manifest.webmanifest': { GET: 'public' },
	'/[lang=lang]/service-worker.js': { GET: 'public' },
	'/api/v1/health': { GET: 'public' },
	'/api/v1/health/live': { GET: 'public' },
	'/api/v1/health/ready': { GET: 'public' },
	// Prometheus: the route checks METRICS_TOKEN itself (or answers this machine only)
	'/metrics': { GET: 'public' }
};

/**
 * The modules' tables merged method by method: two modules may share a route (each adding its own
 * methods), but one route and method has one owner — a second declaration is a bug, refused at start.
 */
export function mergeRouteTables(tables: RouteTable[]): RouteTable {
	const merged: RouteTable = {};
	for (const table of tables) {
		for (const [routeId, methods] of Object.entries(table)) {
			const target = (merged[routeId] ??= {});
			for (const [method, access] of Object.entries(methods) as [Method, Access][]) {
				if (target[method] !== undefined) throw new Error(`Route access declared twice: ${method} ${routeId}`);
				target[method] = access;
			}
		}
	}
	return merged;
}

/** The platform's own routes (pages, account, administration, API docs). */
export const platformRouteTable: RouteTable = mergeRouteTables([platformRoutes, accountRoutes, adminRoutes, apiDocsRoutes, queueRoutes]);

/** The platform's tables and every installed module's, merged. */
export const routeAccess = fromModules((manifests) => mergeRouteTables([platformRouteTable, ...manifests.map((manifest) => manifest.routes ?? {})]));

export function accessFor(routeId: string | null, method: string): Access | undefined {
	if (!routeId) return undefined;
	const normalised = (method === 'HEAD' ? 'GET' : method) as Method;
	return routeAccess()[routeId]?.[normalised];
}
