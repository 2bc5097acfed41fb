import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import { rowsOf } from '../db/rows.ts';
import type { Actor } from '../policy/policy.ts';
import { session, user } from './accounts.table.ts';
import { actorColumns, actorFromColumns } from './actor.ts';

// Every signed-in page asks who is signing. better-auth's getSession builds an endpoint context and reads the
// session and the person in two queries, and the policy then reads memberships and grants in two more: four round
// trips and most of a page's own cost. The common case — a valid signed cookie, a live session that needs no
// refresh — is read here in one query. Anything else (no row, expired, due for a refresh, a "don't remember me"
// session, a stale session-data cookie) goes to better-auth, which deletes, refreshes and sets cookies as it does.

export interface SessionCookieNames {
	sessionToken: string;
	dontRemember: string;
	sessionData: string;
}

export interface SessionSettings {
	secret: string;
	cookies: SessionCookieNames;
	/** seconds (better-auth's session.expiresIn) */
	expiresIn: number;
	/** seconds (better-auth's session.updateAge) */
	updateAge: number;
}

export interface SignedInPerson {
	id: string;
	name: string;
	email: string;
	role: unknown;
	locale: unknown;
}

export type SessionReading =
	| { kind: 'signed-in'; person: SignedInPerson; actor: Actor }
	/** no valid signature: better-auth would answer "no session" too, without touching cookies */
	| { kind: 'none' }
	/** let better-auth answer (it may delete, refresh or set cookies) */
	| { kind: 'ask-better-auth' };

function cookieValue(header: string, name: string): string | null {
	for (const part of header.split(';')) {
		const separator = part.indexOf('=');
		if (separator < 0) continue;
		if (part.slice(0, separator).trim() !== name) continue;
		const raw = part.slice(separator + 1).trim();
		try {
			return decodeURIComponent(raw);
		} catch {
			return null;
		}
	}
	return null;
}

/** The token of a cookie signed as better-call signs it (`value.base64(HMAC-SHA256)`), or null. */
export function verifiedToken(signedValue: string, secret: string): string | null {
	const dot = signedValue.lastIndexOf('.');
	if (dot < 1) return null;
	const token = signedValue.slice(0, dot);
	const encoded = signedValue.slice(dot + 1);
	// the only form better-call accepts: 32 bytes in padded base64
	if (encoded.length !== 44 || !encoded.endsWith('=')) return null;
	const signature = Buffer.from(encoded, 'base64');
	const expected = crypto.createHmac('sha256', secret).update(token).digest();
	if (signature.length !== expected.length || !crypto.timingSafeEqual(signature, expected)) return null;
	return token;
}

interface SessionRow {
	id: string;
	name: string;
	email: string;
	role: string | null;
	locale: string | null;
	expires_at: string | Date;
	organisation_ids: string[] | string | null;
	grants: Actor['grants'] | string | null;
}

export async function readSession(db: DbOrTx, cookieHeader: string, settings: SessionSettings): Promise<SessionReading> {
	const signed = cookieValue(cookieHeader, settings.cookies.sessionToken);
	if (!signed) return { kind: 'none' };
	const token = verifiedToken(signed, settings.secret);
	if (!token) return { kind: 'none' };
	// (the session-data cookie may come in numbered chunks: any of them)
	if (cookieValue(cookieHeader, settings.cookies.dontRemember) !== null || cookieHeader.includes(settings.cookies.sessionData)) {
		return { kind: 'ask-better-auth' };
	}
	const actor = actorColumns(user.id);
	const rows = rowsOf<SessionRow>(
		await db.execute(sql`
			select ${user.id} as id, ${user.name} as name, ${user.email} as email, ${user.role} as role, ${user.locale} as locale,
				${session.expiresAt} as expires_at, ${actor.organisationIds} as organisation_ids, ${actor.grants} as grants
			from ${session} join ${user} on ${user.id} = ${session.userId}
			where ${session.token} = ${token}`)
	);
	const row = rows[0];
	if (!row) return { kind: 'ask-better-auth' };
	const expiresAt = new Date(row.expires_at).getTime();
	const now = Date.now();
	// better-auth's rules: expired → deleted; due for a refresh once updateAge has passed since the last one
	if (!(expiresAt > now) || expiresAt - settings.expiresIn * 1000 + settings.updateAge * 1000 <= now) {
		return { kind: 'ask-better-auth' };
	}
	const person: SignedInPerson = { id: row.id, name: row.name, email: row.email, role: row.role, locale: row.locale };
	return {
		kind: 'signed-in',
		person,
		actor: actorFromColumns(row.id, row.role, { organisationIds: row.organisation_ids, grants: row.grants })
	};
}
