import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import { organisationMember } from './accounts.table.ts';
import { roles, type Role } from './accounts.model.ts';
import { accessGrant } from './access-grant.table.ts';
import type { Actor } from '../policy/policy.ts';

export function asRole(value: unknown): Role {
	return (roles as readonly unknown[]).includes(value) ? (value as Role) : 'member';
}

/** The policy's view of a signed-in person: platform role, organisations and module grants. */
export async function loadActor(db: DbOrTx, userId: string, role: unknown): Promise<Actor> {
	const [memberships, grants] = await Promise.all([
		db.select({ organisationId: organisationMember.organisationId }).from(organisationMember).where(eq(organisationMember.userId, userId)),
		db
			.select({ module: accessGrant.module, role: accessGrant.role, organisationId: accessGrant.organisationId, scope: accessGrant.scope })
			.from(accessGrant)
			.where(eq(accessGrant.userId, userId))
	]);
	return { userId, role: asRole(role), organisationIds: memberships.map((row) => row.organisationId), grants };
}
