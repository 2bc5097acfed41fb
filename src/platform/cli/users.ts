import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { hashPassword } from 'better-auth/crypto';
import type { Db, DbOrTx } from '../db/database.ts';
import { account, user } from '../accounts/accounts.table.ts';
import { roles, type Role } from '../accounts/accounts.model.ts';
import { recordAudit, type AuditContext } from '../audit/audit.service.ts';
import { createApiToken } from '../accounts/api-token.service.ts';
import { AppError } from '../http/app-error.ts';
import { PASSWORD_MIN_LENGTH } from '../auth/auth.ts';

export const PASSWORD_MAX_LENGTH = 256;

export function isRole(value: unknown): value is Role {
	return (roles as readonly unknown[]).includes(value);
}

export function normaliseEmail(email: string): string {
	return email.trim().toLowerCase();
}

export function looksLikeEmail(email: string): boolean {
	return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email);
}

/** A password problem in words for the command line, or null when it is acceptable. */
export function passwordProblem(password: string): string | null {
	if (password.length < PASSWORD_MIN_LENGTH) return `The password needs at least ${PASSWORD_MIN_LENGTH} characters.`;
	if (password.length > PASSWORD_MAX_LENGTH) return `The password may have at most ${PASSWORD_MAX_LENGTH} characters.`;
	return null;
}

export async function findUserByEmail(db: DbOrTx, email: string) {
	const [found] = await db
		.select({ id: user.id, name: user.name, email: user.email, role: user.role })
		.from(user)
		.where(sql`lower(${user.email}) = ${normaliseEmail(email)}`)
		.limit(1);
	return found ?? null;
}

export interface NewUser {
	email: string;
	role: Role;
	/** defaults to the part of the address before the @ */
	name?: string;
	password: string;
}

/**
 * Creates an account that can sign in at once with e-mail and password (its address counts
 * as verified: an administrator vouches for it). One transaction: user, credential, audit event.
 */
export async function createUserAccount(db: Db, context: AuditContext, input: NewUser) {
	const email = normaliseEmail(input.email);
	if (!looksLikeEmail(email)) throw new AppError('invalid_input', { fields: [{ path: 'email', messageKey: 'field_email' }] });
	if (!isRole(input.role)) throw new AppError('invalid_input', { fields: [{ path: 'role', messageKey: 'field_choice' }] });
	const problem = passwordProblem(input.password);
	if (problem) throw new AppError('invalid_input', { fields: [{ path: 'password', messageKey: 'field_too_short' }], extra: { reason: problem } });
	const name = (input.name ?? '').trim() || email.split('@')[0];
	const passwordHash = await hashPassword(input.password);
	return db.transaction(async (tx) => {
		if (await findUserByEmail(tx, email)) throw new AppError('conflict', { extra: { reason: 'email_taken' } });
		const id = crypto.randomUUID();
		const [created] = await tx
			.insert(user)
			.values({ id, email, name, role: input.role, emailVerified: true })
			.returning({ id: user.id, email: user.email, name: user.name, role: user.role, createdAt: user.createdAt });
		await tx.insert(account).values({ id: crypto.randomUUID(), accountId: id, providerId: 'credential', userId: id, password: passwordHash });
		await recordAudit(tx, context, {
			action: 'user.create',
			resourceType: 'user',
			resourceId: id,
			after: { email, name, role: input.role, emailVerified: true }
		});
		return created;
	});
}

/** A personal API token for the account with this e-mail; the clear token is returned once. */
export async function createTokenForEmail(db: Db, context: AuditContext, email: string, name: string) {
	const person = await findUserByEmail(db, email);
	if (!person) throw new AppError('not_found');
	const { token, record } = await createApiToken(db, context, person.id, name.trim());
	return { token, record, user: person };
}
