// Who may act on a person's file: the staff check every casework service starts with.
import { AppError } from '../http/app-error.ts';
import type { RequestContext } from '../kernel/context.ts';
import { mayReach, type Action, type Actor } from '../policy/policy.ts';
import type { Caseload, FollowingTeam } from './caseload.ts';

/** An id of a casework row (notes, appointments, referrals, documents): anything else is not found. */
export const isCaseworkId = (value: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

/**
 * The staff's actions may come from a grant limited to one team (a RAMre operator's case worker): the
 * action is then checked as for a route, and the caseload's `followed` decides about the person.
 */
export function requireStaff(ctx: RequestContext, action: Action): Actor {
	if (!ctx.actor) throw new AppError('unauthenticated');
	if (!mayReach(ctx.actor, action)) throw new AppError('forbidden');
	return ctx.actor;
}

/** The module's rule, asked with a person id that cannot be one (too long) answered as not found. */
export async function followedBy(ctx: RequestContext, caseload: Caseload, personId: string): Promise<FollowingTeam> {
	if (!personId || personId.length > 100) throw new AppError('not_found');
	return caseload.followed(ctx, personId);
}
