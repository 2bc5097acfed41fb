import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import { organisationMember, roles, type Role } from './accounts.table.ts';
import type { Actor } from '../policy/policy.ts';

export function asRole(value: unknown): Role {
	return (roles as readonly unknown[]).includes(value) ? (value as Role) : 'member';
}

/** The policy's view of a signed-in person: role and organisations. */
export async function loadActor(db: DbOrTx, userId: string, role: unknown): Promise<Actor> {
	const memberships = await db
		.select({ organisationId: organisationMember.organisationId })
		.from(organisationMember)
		.where(eq(organisationMember.userId, userId));
	return { userId, role: asRole(role), organisationIds: memberships.map((row) => row.organisationId) };
}
