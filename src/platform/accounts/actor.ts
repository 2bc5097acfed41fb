import { eq, sql, type SQLWrapper } from 'drizzle-orm';
import { jsonOf } from '../db/rows.ts';
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

/**
 * The person's organisations and grants as two json columns of a statement that names the person's id: one
 * round trip reads a signed-in person and their policy view together (session-reader.ts, api-token.service.ts).
 */
export function actorColumns(userId: SQLWrapper) {
	return {
		organisationIds: sql<string[] | string | null>`(select json_agg(${organisationMember.organisationId}) from ${organisationMember} where ${organisationMember.userId} = ${userId})`,
		grants: sql<Actor['grants'] | string | null>`(select json_agg(json_build_object('module', ${accessGrant.module}, 'role', ${accessGrant.role}, 'organisationId', ${accessGrant.organisationId}, 'scope', ${accessGrant.scope})) from ${accessGrant} where ${accessGrant.userId} = ${userId})`
	};
}

/** The actor from a row read with `actorColumns` (json parsed by node-postgres, text from some drivers). */
export function actorFromColumns(userId: string, role: unknown, columns: { organisationIds: string[] | string | null; grants: Actor['grants'] | string | null }): Actor {
	return { userId, role: asRole(role), organisationIds: jsonOf<string[]>(columns.organisationIds) ?? [], grants: jsonOf<Actor['grants']>(columns.grants) ?? [] };
}
