import { and, asc, eq, gt } from 'drizzle-orm';
import type { z } from 'zod';
import { isAPIError } from 'better-auth/api';
import type { App } from '../app.ts';
import type { Db, DbOrTx } from '../db/database.ts';
import { organisation, organisationMember, user, verification } from './accounts.table.ts';
import { asRole } from './actor.ts';
import { recordAudit, type AuditContext } from '../audit/audit.service.ts';
import { revokeAllApiTokens } from './api-token.service.ts';
import { AppError, isAppError, type ErrorCode, type FieldProblem } from '../http/app-error.ts';
import { fieldProblems } from '../http/validation.ts';
import { formValues, localiseProblems } from '../http/form.ts';
import { translate } from '../i18n/translator.ts';
import { isLanguage, type Language } from '../i18n/languages.ts';
import type { RateLimitTicket } from '../security/rate-limit.ts';
import { createTimingFloor } from '../security/timing-floor.ts';
import {
	changePasswordInput,
	emailInput,
	resetPasswordInput,
	signInInput,
	signUpInput,
	type ChangePasswordInput,
	type Me,
	type ResetPasswordInput,
	type SignInInput,
	type SignUpInput
} from './accounts.schemas.ts';

/**
 * The rules of the account flow: sign-up, e-mail verification, sign-in, sign-out, password
 * reset and change. better-auth does the credential work; this module validates, rate-limits,
 * audits, and turns better-auth's errors into AppErrors with `account.*` messages.
 */

/** What the account functions need from the app. */
export type AccountApp = Pick<App, 'auth' | 'database' | 'rateLimiter'>;

/** The request an account action comes from. */
export interface AccountRequest {
	/** the incoming request's headers (cookies for the session; better-auth reads them) */
	headers: Headers;
	/** who acts (anonymous before sign-in) and from which IP: the rate limiter uses `audit.ip` */
	audit: AuditContext;
}

// ---------------------------------------------------------------------------
// Errors with account-specific messages
// ---------------------------------------------------------------------------

/** A problem whose message lives in the `account` namespace: `account.error_<reason>`. */
export interface AccountProblem {
	/** the form field it concerns; '' for the whole form */
	path: string;
	reason: string;
	values?: Record<string, string | number>;
}

function accountError(code: ErrorCode, problems: AccountProblem[], fields: FieldProblem[] = []): AppError {
	return new AppError(code, { fields, extra: { problems } });
}

function problemsOf(error: AppError): AccountProblem[] {
	const problems = error.extra?.problems;
	return Array.isArray(problems) ? (problems as AccountProblem[]) : [];
}

/**
 * The localised messages of a failure, per field ('' = the whole form), for the ErrorSummary:
 * account problems use `account.error_*`, field problems and other codes the `errors` namespace.
 */
export function accountErrorMessages(language: Language, error: AppError): Record<string, string> {
	const messages: Record<string, string> = { ...localiseProblems(language, error.fields) };
	for (const problem of problemsOf(error)) {
		messages[problem.path] ??= translate(language, `account.error_${problem.reason}`, problem.values);
	}
	if (Object.keys(messages).length === 0) messages[''] = translate(language, `errors.${error.code}`, error.values);
	return messages;
}

/**
 * What a form action answers on an expected failure: the status, the typed values (never
 * passwords) and the localised messages. Anything that is not an AppError is rethrown.
 * Pages pass it on as `fail(failure.status, failure.data)`, and their `setHeaders` so that a
 * refusal by the rate limiter (429) says when to try again (Retry-After), as the API does.
 */
export function accountFormFailure(
	language: Language,
	error: unknown,
	data: FormData,
	setHeaders?: (headers: Record<string, string>) => void
): { status: number; data: { values: Record<string, string>; errors: Record<string, string> } } {
	if (!isAppError(error)) throw error;
	const retryAfter = error.code === 'rate_limited' ? error.values.seconds : undefined;
	if (setHeaders && retryAfter) setHeaders({ 'retry-after': String(retryAfter) });
	return { status: error.status, data: { values: formValues(data), errors: accountErrorMessages(language, error) } };
}

/** Validates input; a mismatched password confirmation is reported with the other problems. */
function validate<S extends z.ZodType>(
	schema: S,
	input: unknown,
	confirmation?: { password: string; confirmation: string }
): z.output<S> {
	const result = schema.safeParse(input);
	const fields = result.success ? [] : fieldProblems(result.error.issues);
	const problems: AccountProblem[] = [];
	const raw = (input ?? {}) as Record<string, unknown>;
	if (confirmation && raw[confirmation.password] !== raw[confirmation.confirmation]) {
		// an empty confirmation is already reported as required
		if (!fields.some((field) => field.path === confirmation.confirmation)) {
			problems.push({ path: confirmation.confirmation, reason: 'password_mismatch' });
		}
	}
	if (fields.length || problems.length || !result.success) throw accountError('invalid_input', problems, fields);
	return result.data;
}

/**
 * Counts one attempt at `action` from the request's IP and for the account (security/rate-limit.ts),
 * or refuses it (429, with the time to wait) past either limit. Requests that send e-mails keep
 * the count; guesses give it back with `ticket.succeeded()` when they succeed, so only failures count.
 */
async function limit(app: AccountApp, action: string, request: AccountRequest, account?: string | null): Promise<RateLimitTicket> {
	const ticket = await app.rateLimiter.hit(action, request.audit.ip ?? null, account);
	if (!ticket.allowed) {
		const seconds = ticket.retryAfterSeconds;
		throw new AppError('rate_limited', { values: { minutes: Math.max(1, Math.ceil(seconds / 60)), seconds } });
	}
	return ticket;
}

/** better-auth error codes → our errors. Anything unexpected is rethrown untouched (and logged upstream). */
const authErrors: Record<string, { code: ErrorCode; problem: AccountProblem }> = {
	INVALID_EMAIL_OR_PASSWORD: { code: 'unauthenticated', problem: { path: '', reason: 'invalid_credentials' } },
	EMAIL_NOT_VERIFIED: { code: 'forbidden', problem: { path: '', reason: 'email_not_verified' } },
	INVALID_PASSWORD: { code: 'invalid_input', problem: { path: 'currentPassword', reason: 'current_password_wrong' } },
	INVALID_TOKEN: { code: 'invalid_input', problem: { path: '', reason: 'link_invalid' } },
	TOKEN_EXPIRED: { code: 'invalid_input', problem: { path: '', reason: 'link_expired' } },
	USER_NOT_FOUND: { code: 'invalid_input', problem: { path: '', reason: 'link_invalid' } },
	INVALID_EMAIL: { code: 'invalid_input', problem: { path: 'email', reason: 'email_invalid' } },
	USER_ALREADY_EXISTS: { code: 'conflict', problem: { path: 'email', reason: 'email_taken' } },
	USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL: { code: 'conflict', problem: { path: 'email', reason: 'email_taken' } },
	PASSWORD_TOO_SHORT: { code: 'invalid_input', problem: { path: 'password', reason: 'password_too_short' } },
	PASSWORD_TOO_LONG: { code: 'invalid_input', problem: { path: 'password', reason: 'password_too_long' } },
	CREDENTIAL_ACCOUNT_NOT_FOUND: { code: 'invalid_input', problem: { path: '', reason: 'no_password' } }
};

/** The better-auth error code of a failure, or null when it is not one of better-auth's errors. */
export function authErrorCode(error: unknown): string | null {
	if (!isAPIError(error)) return null;
	const code = (error.body as { code?: unknown } | undefined)?.code;
	return typeof code === 'string' ? code : String(error.status);
}

function mapAuthError(error: unknown, fieldOverrides: Record<string, string> = {}): never {
	if (!isAPIError(error)) throw error;
	const code = authErrorCode(error) ?? '';
	const known = authErrors[code];
	if (known) {
		const path = fieldOverrides[known.problem.path] ?? known.problem.path;
		throw accountError(known.code, [{ ...known.problem, path }]);
	}
	const status = Number(error.statusCode);
	if (status === 401) throw accountError('unauthenticated', [{ path: '', reason: 'session_required' }]);
	if (status === 429) throw new AppError('rate_limited', { values: { minutes: 1, seconds: 60 } });
	// An unexpected refusal: a neutral message, the details stay in the cause (never shown).
	throw new AppError(status === 403 ? 'forbidden' : 'invalid_input', {
		extra: { problems: [{ path: '', reason: 'generic' }] },
		cause: error
	});
}

function withActor(context: AuditContext, person: { id: string; email: string }): AuditContext {
	return { ...context, actorUserId: person.id, actorLabel: person.email };
}

async function findUserByEmail(db: DbOrTx, email: string) {
	const [found] = await db
		.select({ id: user.id, email: user.email, name: user.name, emailVerified: user.emailVerified, locale: user.locale })
		.from(user)
		.where(eq(user.email, email.toLowerCase()))
		.limit(1);
	return found ?? null;
}

// ---------------------------------------------------------------------------
// Sign-up and e-mail verification
// ---------------------------------------------------------------------------

/**
 * A sign-up with a new address writes the account and its audit event; one with a registered
 * address does not. Both hash the password (better-auth), and this floor makes both answer
 * after the same time (security/timing-floor.ts).
 */
export const signUpTiming = createTimingFloor();

/**
 * Creates an account and sends the verification e-mail in the page's language. An address
 * that already has an account gets the same answer, after the same time (no account is
 * created, nothing reveals it). E-mails go out after the answer.
 */
export async function signUp(
	app: AccountApp,
	request: AccountRequest,
	language: Language,
	input: Partial<Record<keyof SignUpInput, unknown>>
): Promise<{ email: string }> {
	const data = validate(signUpInput, input, { password: 'password', confirmation: 'passwordConfirmation' });
	await limit(app, 'sign_up', request, data.email);
	const started = performance.now();
	let created: { id: string };
	try {
		const result = await app.auth.api.signUpEmail({
			body: { name: data.name, email: data.email, password: data.password, locale: language },
			headers: request.headers
		});
		created = result.user;
	} catch (error) {
		mapAuthError(error);
	}
	const stored = await findUserByEmail(app.database.db, data.email);
	// better-auth answers an existing address with a made-up account: only a real new one is audited.
	const isNew = !!stored && stored.id === created.id;
	if (isNew) {
		await recordAudit(app.database.db, withActor(request.audit, stored), {
			action: 'user.sign_up',
			resourceType: 'user',
			resourceId: stored.id,
			after: { name: stored.name, email: stored.email, locale: stored.locale }
		});
	}
	await signUpTiming.wait(started, isNew);
	return { email: data.email };
}

/** The e-mail and account id written in a verification token (read only after better-auth checked it). */
function verificationTokenClaims(token: string): { email?: string; userId?: string } {
	try {
		const payload = token.split('.')[1] ?? '';
		return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { email?: string; userId?: string };
	} catch {
		return {};
	}
}

/** Confirms an e-mail address with the token of the link sent to it. */
export async function verifyEmail(
	app: AccountApp,
	request: AccountRequest,
	token: string
): Promise<{ status: 'verified' | 'already_verified' }> {
	if (!token || token.length > 4096) throw accountError('invalid_input', [{ path: '', reason: 'link_invalid' }]);
	const claims = verificationTokenClaims(token);
	const before = claims.email ? await findUserByEmail(app.database.db, claims.email) : null;
	try {
		await app.auth.api.verifyEmail({ query: { token }, headers: request.headers });
	} catch (error) {
		mapAuthError(error);
	}
	// The token is genuine from here on, so its claims can be trusted.
	if (!before || before.emailVerified) return { status: 'already_verified' };
	await recordAudit(app.database.db, withActor(request.audit, before), {
		action: 'user.verify_email',
		resourceType: 'user',
		resourceId: before.id,
		before: { emailVerified: false },
		after: { emailVerified: true }
	});
	return { status: 'verified' };
}

/** Sends a new verification link to an unverified account; the same answer for any address. */
export async function resendVerification(
	app: AccountApp,
	request: AccountRequest,
	input: Partial<Record<'email', unknown>>
): Promise<{ email: string }> {
	const data = validate(emailInput, input);
	await limit(app, 'verification', request, data.email);
	try {
		await app.auth.api.sendVerificationEmail({ body: { email: data.email } });
	} catch (error) {
		mapAuthError(error);
	}
	return { email: data.email };
}

// ---------------------------------------------------------------------------
// Sign-in and sign-out
// ---------------------------------------------------------------------------

/**
 * Signs a person in: sets the session cookie (through the SvelteKit cookie bridge in the web
 * app; `headers` carries the Set-Cookie for other callers). An unverified address is refused
 * with a clear message, and better-auth sends a fresh verification link.
 *
 * Failures count against the IP and the e-mail tried (a wrong password, an unknown address, and
 * an unverified address, which sends an e-mail); a success does not count, and forgets the
 * account's failures.
 */
export async function signIn(
	app: AccountApp,
	request: AccountRequest,
	input: Partial<Record<keyof SignInInput, unknown>>
): Promise<{ userId: string; headers: Headers }> {
	const data = validate(signInInput, input);
	const attempt = await limit(app, 'sign_in', request, data.email);
	try {
		const { headers, response } = await app.auth.api.signInEmail({
			body: { email: data.email, password: data.password },
			headers: request.headers,
			returnHeaders: true
		});
		await attempt.succeeded();
		const person = response.user;
		await recordAudit(app.database.db, withActor(request.audit, person), {
			action: 'user.sign_in',
			resourceType: 'user',
			resourceId: person.id
		});
		return { userId: person.id, headers };
	} catch (error) {
		const reason = authErrorCode(error);
		if (reason === 'INVALID_EMAIL_OR_PASSWORD' || reason === 'EMAIL_NOT_VERIFIED') {
			const known = await findUserByEmail(app.database.db, data.email);
			await recordAudit(app.database.db, request.audit, {
				action: 'user.sign_in_failed',
				resourceType: 'user',
				resourceId: known?.id ?? null,
				after: { email: data.email, reason: reason === 'EMAIL_NOT_VERIFIED' ? 'email_not_verified' : 'invalid_credentials' }
			});
		}
		mapAuthError(error);
	}
}

/** Ends the browser session (the cookie is cleared); a no-op when nobody is signed in. */
export async function signOut(
	app: AccountApp,
	request: AccountRequest,
	signedIn: { id: string; email: string } | null
): Promise<{ headers: Headers | null }> {
	if (!signedIn) return { headers: null };
	let headers: Headers;
	try {
		({ headers } = await app.auth.api.signOut({ headers: request.headers, returnHeaders: true }));
	} catch (error) {
		mapAuthError(error);
	}
	await recordAudit(app.database.db, withActor(request.audit, signedIn), {
		action: 'user.sign_out',
		resourceType: 'user',
		resourceId: signedIn.id
	});
	return { headers };
}

// ---------------------------------------------------------------------------
// Passwords
// ---------------------------------------------------------------------------

/**
 * Sends a password reset link when the address has an account. The answer is the same
 * whether or not it has one, so the form never reveals who is registered.
 */
export async function requestPasswordReset(
	app: AccountApp,
	request: AccountRequest,
	input: Partial<Record<'email', unknown>>
): Promise<{ email: string }> {
	const data = validate(emailInput, input);
	await limit(app, 'password_reset', request, data.email);
	try {
		await app.auth.api.requestPasswordReset({ body: { email: data.email } });
	} catch (error) {
		mapAuthError(error);
	}
	const known = await findUserByEmail(app.database.db, data.email);
	await recordAudit(app.database.db, request.audit, {
		action: 'user.request_password_reset',
		resourceType: 'user',
		resourceId: known?.id ?? null,
		after: { email: data.email }
	});
	return { email: data.email };
}

/** Whether a reset link's token is still valid (the page says so before the form is filled in). */
export async function isResetTokenValid(db: DbOrTx, token: string): Promise<boolean> {
	if (!token || token.length > 512) return false;
	const [found] = await db
		.select({ id: verification.id })
		.from(verification)
		.where(and(eq(verification.identifier, `reset-password:${token}`), gt(verification.expiresAt, new Date())))
		.limit(1);
	return !!found;
}

/**
 * Chooses a new password with the token of a reset link; every session and API token of the
 * account ends. Wrong tokens count against the IP. The account's sign-in failures are forgotten:
 * whoever reads its e-mail may sign in again at once, even if someone had locked it by guessing.
 */
export async function resetPassword(
	app: AccountApp,
	request: AccountRequest,
	input: Partial<Record<keyof ResetPasswordInput, unknown>>
): Promise<void> {
	const data = validate(resetPasswordInput, input, { password: 'password', confirmation: 'passwordConfirmation' });
	const attempt = await limit(app, 'reset_password', request);
	const [pending] = await app.database.db
		.select({ userId: verification.value })
		.from(verification)
		.where(eq(verification.identifier, `reset-password:${data.token}`))
		.limit(1);
	try {
		await app.auth.api.resetPassword({ body: { newPassword: data.password, token: data.token } });
	} catch (error) {
		mapAuthError(error);
	}
	await attempt.succeeded();
	const [person] = pending
		? await app.database.db.select({ id: user.id, email: user.email }).from(user).where(eq(user.id, pending.userId))
		: [];
	if (person) await app.rateLimiter.forget('sign_in', person.email);
	const context = person ? withActor(request.audit, person) : request.audit;
	await recordAudit(app.database.db, context, {
		action: 'user.reset_password',
		resourceType: 'user',
		resourceId: person?.id ?? null
	});
	// API tokens end with the sessions: whoever knew the old password may have made some.
	if (person) await revokeAllApiTokens(app.database.db, context, person.id, 'password_reset');
}

/**
 * Changes the signed-in person's password after checking the current one (a wrong one counts
 * against the account and the IP, like a failed sign-in). Other sessions and every API token end;
 * this browser gets a fresh session cookie.
 */
export async function changePassword(
	app: AccountApp,
	request: AccountRequest,
	signedIn: { id: string; email: string },
	input: Partial<Record<keyof ChangePasswordInput, unknown>>
): Promise<{ headers: Headers }> {
	const data = validate(changePasswordInput, input, { password: 'newPassword', confirmation: 'passwordConfirmation' });
	const attempt = await limit(app, 'change_password', request, signedIn.id);
	let headers: Headers;
	try {
		({ headers } = await app.auth.api.changePassword({
			body: { currentPassword: data.currentPassword, newPassword: data.newPassword, revokeOtherSessions: true },
			headers: request.headers,
			returnHeaders: true
		}));
	} catch (error) {
		mapAuthError(error, { password: 'newPassword' });
	}
	await attempt.succeeded();
	await recordAudit(app.database.db, withActor(request.audit, signedIn), {
		action: 'user.change_password',
		resourceType: 'user',
		resourceId: signedIn.id
	});
	await revokeAllApiTokens(app.database.db, withActor(request.audit, signedIn), signedIn.id, 'password_change');
	return { headers };
}

// ---------------------------------------------------------------------------
// The signed-in person
// ---------------------------------------------------------------------------

/** The person and their organisations (the account page and GET /api/v1/me). */
export async function getMe(db: Db, userId: string): Promise<Me> {
	const [person] = await db
		.select({ id: user.id, name: user.name, email: user.email, role: user.role, locale: user.locale })
		.from(user)
		.where(eq(user.id, userId))
		.limit(1);
	if (!person) throw new AppError('not_found');
	const organisations = await db
		.select({ id: organisation.id, slug: organisation.slug, name: organisation.name, acronym: organisation.acronym })
		.from(organisationMember)
		.innerJoin(organisation, eq(organisation.id, organisationMember.organisationId))
		.where(eq(organisationMember.userId, userId))
		.orderBy(asc(organisation.name));
	return {
		...person,
		role: asRole(person.role),
		locale: isLanguage(person.locale) ? person.locale : 'fr',
		organisations
	};
}

/**
 * Where to go after signing in: `next` when it is a path on this site, else the person's account page.
 * The path is judged as it is and percent-decoded (once and twice, for double encoding), each with its
 * dot segments resolved against a dummy origin: each form must stay on that origin and start with
 * exactly one "/" ("/.//evil", "/%2e%2e//evil", "//evil", "/\\evil", "/%2F%2Fevil" are refused), without
 * control characters nor backslashes. The resolved path (still encoded) is returned.
 */
export function safeNextPath(next: string | null | undefined, language: Language): string {
	// a signed-in person starts from their places of work
	const fallback = `/${language}/my-space`;
	if (!next || next.length > 2048) return fallback;
	const resolved = sameSitePath(next);
	if (!resolved) return fallback;
	// the path part decoded once and twice must be a path of this site too (the query is left as it is)
	let path = /^[^?#]*/.exec(next)![0];
	for (let round = 0; round < 2; round++) {
		try {
			path = decodeURIComponent(path);
		} catch {
			return fallback; // a malformed escape: not a path this site made
		}
		if (!sameSitePath(path)) return fallback;
	}
	return resolved.pathname + resolved.search + resolved.hash;
}

const DUMMY_ORIGIN = 'http://sharaka.invalid';

/** `path` resolved on the dummy origin, when it is a same-origin path starting with exactly one "/". */
function sameSitePath(path: string): URL | null {
	if (!/^\/(?![/\\])/.test(path)) return null;
	// eslint-disable-next-line no-control-regex
	if (/[\u0000-\u001f\u007f\\]/.test(path)) return null;
	let url: URL;
	try {
		url = new URL(path, DUMMY_ORIGIN);
	} catch {
		return null;
	}
	if (url.origin !== DUMMY_ORIGIN) return null;
	// dot segments resolved: "/.//evil" and "/%2e%2e//evil" become "//evil"
	if (!/^\/(?![/\\]|%2f|%5c)/i.test(url.pathname)) return null;
	return url;
}
