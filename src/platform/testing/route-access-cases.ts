import { describe, expect, it } from 'vitest';
import { accessFor, type RouteTable } from '../policy/route-access.ts';
import { mayReach, type Actor } from '../policy/policy.ts';
import { roles, type Role } from '../accounts/accounts.model.ts';

/**
 * Who may reach which route, written out by hand per owner (the platform, each module) so the table in
 * code is checked against an independent statement of intent: a route whose rule changes by mistake,
 * or a new route without an expectation, fails its owner's test.
 */
export type Who = 'anonymous' | Role;
export const everyone: Who[] = ['anonymous', ...roles];
export const signedIn: Who[] = [...roles];
export const staff: Who[] = ['moderator', 'administrator'];
export const administrators: Who[] = ['administrator'];

function actorFor(who: Who): Actor | null {
	return who === 'anonymous' ? null : { userId: `user-${who}`, role: who, organisationIds: [] };
}

/** What the request hook decides for this person on this route and method. */
export function allowed(routeId: string, method: string, who: Who): boolean {
	const access = accessFor(routeId, method);
	if (!access) return false;
	if (access === 'public') return true;
	const actor = actorFor(who);
	if (!actor) return false;
	return access === 'signed_in' || mayReach(actor, access);
}

/** `GET /route` keys of a route table. */
export function routeKeys(table: RouteTable): string[] {
	return Object.entries(table)
		.flatMap(([id, methods]) => Object.keys(methods).map((method) => `${method} ${id}`))
		.sort();
}

/** One test per route and method of `table`, checking every kind of person against `expected`. */
export function describeRouteAccess(owner: string, table: RouteTable, expected: Record<string, Who[]>): void {
	describe(`who may reach the routes of ${owner}`, () => {
		it('states an expectation for each route and method it declares, and no other', () => {
			expect(Object.keys(expected).sort()).toEqual(routeKeys(table));
		});
		for (const [key, whoMay] of Object.entries(expected)) {
			it(`${key}: ${whoMay.length === everyone.length ? 'everyone' : whoMay.join(', ') || 'nobody'}`, () => {
				const [method, id] = key.split(' ');
				const answers = Object.fromEntries(everyone.map((who) => [who, allowed(id, method, who)]));
				expect(answers).toEqual(Object.fromEntries(everyone.map((who) => [who, whoMay.includes(who)])));
			});
		}
	});
}
