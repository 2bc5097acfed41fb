// Local agency staff of the international placement (issue 10, items 3–4 and 7–8): the one place that says who
// they are and which agencies they act for. Two ways, the same reach: a counsellor assigned to an agency
// (role counsellor, `/{lang}/jobs/counsellor/agencies/{id}`: the agencies' Welcome counsellors, who also follow job
// seekers), or the grant `jobs:placement_agency` limited to one agency (its scope is the agency's id, picked by
// name on the administration's grants page) — placement work for that agency only, none of the counsellors'
// pages. Services ask `requirePlacementStaff`, then keep the division (`placement.campaign.manage`) apart and
// limit everyone else to `myAgencyIds`: another agency's campaign, person or session is not found.
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import type { RequestContext } from '../../../platform/kernel/context.ts';
import { mayReach, type Actor } from '../../../platform/policy/policy.ts';
import { agency, agencyCounsellor } from '../counsellors/counsellors.table.ts';

/** The grant role of local agency staff, limited to one agency. */
export const PLACEMENT_AGENCY_GRANT = { module: 'jobs', role: 'placement_agency' } as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Placement staff: the division, agency counsellors, holders of an agency's placement grant (each service then narrows). */
export function requirePlacementStaff(ctx: RequestContext): Actor {
	if (!ctx.actor) throw new AppError('unauthenticated');
	if (!mayReach(ctx.actor, 'placement.campaign.work')) throw new AppError('forbidden');
	return ctx.actor;
}

/** Whether the person is placement staff at all (my space). */
export const isPlacementStaff = (ctx: RequestContext) => !!ctx.actor && mayReach(ctx.actor, 'placement.campaign.work');

/** The agencies a person holds an agency placement grant for (their scopes; no query). */
function grantedAgencyIds(ctx: RequestContext): string[] {
	return (ctx.actor?.grants ?? [])
		.filter((grant) => grant.module === PLACEMENT_AGENCY_GRANT.module && grant.role === PLACEMENT_AGENCY_GRANT.role && grant.scope && UUID.test(grant.scope))
		.map((grant) => grant.scope!.toLowerCase());
}

/**
 * For a query that lists agencies (`agencyId` the agency's id column): whether the person is assigned to it as a
 * counsellor. With `actsFor`, the same rule as `myAgencyIds` inside another statement (a campaign read with its
 * agencies in one query).
 */
export function assignedToAgencySql(ctx: RequestContext, agencyId: SQL): SQL {
	if (!ctx.actor) return sql`false`;
	return sql`exists (select 1 from ${agencyCounsellor} ac where ac.agency_id = ${agencyId} and ac.user_id = ${ctx.actor.userId})`;
}

/** Whether the person acts for this agency, given `assigned` from `assignedToAgencySql`. */
export function actsFor(ctx: RequestContext, agencyId: string, assigned: boolean): boolean {
	return assigned || grantedAgencyIds(ctx).includes(agencyId.toLowerCase());
}

/** The agencies a person acts for as placement staff: those they are assigned to as a counsellor, and those of their agency grants. */
export async function myAgencyIds(ctx: RequestContext): Promise<string[]> {
	if (!ctx.actor) return [];
	const granted = grantedAgencyIds(ctx);
	const assigned = (await ctx.db.select({ id: agencyCounsellor.agencyId }).from(agencyCounsellor).where(eq(agencyCounsellor.userId, ctx.actor.userId))).map((row) => row.id);
	return [...new Set([...assigned, ...granted])];
}

/** The agencies the grant may be limited to, by name (the administration's picker; any other scope is refused). */
export async function agencyScopes(db: DbOrTx): Promise<{ value: string; label: string }[]> {
	const rows = await db.select({ id: agency.id, name: agency.name }).from(agency).where(and(eq(agency.status, 'open'))).orderBy(asc(agency.name));
	return rows.map((row) => ({ value: row.id, label: row.name }));
}
