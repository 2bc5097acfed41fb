import crypto from 'node:crypto';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx, Db } from '../db/database.ts';
import { apiToken, user } from './accounts.table.ts';
import { rowsOf } from '../db/rows.ts';
import type { Actor } from '../policy/policy.ts';
import { actorColumns, actorFromColumns } from './actor.ts';
import type { SignedInPerson } from './session-reader.ts';
import { recordAudit, type AuditContext } from '../audit/audit.service.ts';
import { AppError } from '../http/app-error.ts';

const TOKEN_PREFIX = 'shk_';

export function hashToken(token: string): string {
	return crypto.createHash('sha256').update(token).digest('hex');
}

/** Creates a personal API token; the clear token is returned once and never stored. */
export async function createApiToken(db: Db, context: AuditContext, userId: string, name: string) {
	const token = TOKEN_PREFIX + crypto.randomBytes(32).toString('base64url');
	return db.transaction(async (tx) => {
		const [record] = await tx
			.insert(apiToken)
			.values({ userId, name, tokenHash: hashToken(token), prefix: token.slice(0, TOKEN_PREFIX.length + 6) })
			.returning({ id: apiToken.id, name: apiToken.name, prefix: apiToken.prefix, createdAt: apiToken.createdAt });
		await recordAudit(tx, context, {
			action: 'api_token.create',
			resourceType: 'api_token',
			resourceId: record.id,
			after: { userId, name, prefix: record.prefix }
		});
		return { token, record };
	});
}

export async function listApiTokens(db: DbOrTx, userId: string) {
	return db
		.select({
			id: apiToken.id,
			name: apiToken.name,
			prefix: apiToken.prefix,
			createdAt: apiToken.createdAt,
			lastUsedAt: apiToken.lastUsedAt,
			revokedAt: apiToken.revokedAt
		})
		.from(apiToken)
		.where(eq(apiToken.userId, userId))
		.orderBy(desc(apiToken.createdAt));
}

/** Revokes one of the person's own tokens; another person's token is "not found". */
export async function revokeApiToken(db: Db, context: AuditContext, userId: string, tokenId: string) {
	await db.transaction(async (tx) => {
		const [revoked] = await tx
			.update(apiToken)
			.set({ revokedAt: new Date() })
			.where(and(eq(apiToken.id, tokenId), eq(apiToken.userId, userId), isNull(apiToken.revokedAt)))
			.returning({ id: apiToken.id, name: apiToken.name, prefix: apiToken.prefix });
		if (!revoked) throw new AppError('not_found');
		await recordAudit(tx, context, { action: 'api_token.revoke', resourceType: 'api_token', resourceId: revoked.id, before: revoked });
	});
}

/** Why every token of a person ends at once. */
export type TokenRevocationReason = 'password_reset' | 'password_change';

/**
 * Revokes every active token of a person, one audit event each: their password was reset or changed,
 * so whoever held the old one may have made tokens that must not outlive it. Returns how many ended.
 */
export async function revokeAllApiTokens(db: Db, context: AuditContext, userId: string, reason: TokenRevocationReason): Promise<number> {
	return db.transaction(async (tx) => {
		const revoked = await tx
			.update(apiToken)
			.set({ revokedAt: new Date() })
			.where(and(eq(apiToken.userId, userId), isNull(apiToken.revokedAt)))
			.returning({ id: apiToken.id, name: apiToken.name, prefix: apiToken.prefix });
		for (const token of revoked) {
			await recordAudit(tx, context, { action: 'api_token.revoke', resourceType: 'api_token', resourceId: token.id, before: token, after: { reason } });
		}
		return revoked.length;
	});
}

/**
 * The token of an `Authorization` header: null when there is none or it uses another scheme (Basic from a
 * proxy in front of the site, Digest…: not ours, the request goes on without it); '' for a malformed
 * Bearer header (refused); else the token (checked by findUserByApiToken).
 */
export function bearerTokenOf(authorization: string | null): string | null {
	if (!authorization) return null;
	const [scheme, ...rest] = authorization.trim().split(/\s+/);
	if (scheme.toLowerCase() !== 'bearer') return null;
	return rest.length === 1 ? rest[0] : '';
}

/**
 * The person behind a bearer token and the policy's view of them, or null when the token is unknown or revoked
 * — one statement, which also marks the token used.
 */
export async function findUserByApiToken(db: DbOrTx, token: string): Promise<{ tokenId: string; tokenName: string; user: SignedInPerson; actor: Actor } | null> {
	if (!token.startsWith(TOKEN_PREFIX)) return null;
	const actor = actorColumns(sql`found.user_id`);
	// "Last used" to the minute: a partner's system calling many times a second does not rewrite (and
	// flush) the row on every request; each use is still in the audit trail.
	const rows = rowsOf<{ token_id: string; token_name: string; user_id: string; name: string; email: string; role: string | null; locale: string | null; organisation_ids: string[] | string | null; grants: Actor['grants'] | string | null }>(
		await db.execute(sql`
			with found as (
				select ${apiToken.id} as token_id, ${apiToken.name} as token_name, ${user.id} as user_id, ${user.name} as name, ${user.email} as email, ${user.role} as role, ${user.locale} as locale
				from ${apiToken} join ${user} on ${user.id} = ${apiToken.userId}
				where ${apiToken.tokenHash} = ${hashToken(token)} and ${apiToken.revokedAt} is null
				limit 1
			), touched as (
				update ${apiToken} set last_used_at = now()
				where id = (select token_id from found) and (last_used_at is null or last_used_at < now() - interval '1 minute')
			)
			select found.*, ${actor.organisationIds} as organisation_ids, ${actor.grants} as grants from found`)
	);
	const row = rows[0];
	if (!row) return null;
	return {
		tokenId: row.token_id,
		tokenName: row.token_name,
		user: { id: row.user_id, name: row.name, email: row.email, role: row.role, locale: row.locale },
		actor: actorFromColumns(row.user_id, row.role, { organisationIds: row.organisation_ids, grants: row.grants })
	};
}
