import { betterAuth, type BetterAuthPlugin } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import type { Db } from '../db/database.ts';
import { user, session, account, verification } from '../accounts/accounts.table.ts';
import type { Mailer } from '../mail/mailer.ts';
import { composeEmail } from '../mail/compose.ts';
import { isLanguage, defaultLanguage } from '../i18n/languages.ts';
import { betterAuthLog, type Logger } from '../log/logger.ts';
import type { SessionSettings } from '../accounts/session-reader.ts';

export const PASSWORD_MIN_LENGTH = 10;

export interface AuthOptions {
	db: Db;
	mailer: Mailer;
	secret: string;
	publicUrl: string;
	production: boolean;
	/** the SvelteKit cookie bridge, given by the web app only (the CLI has no request) */
	plugins?: BetterAuthPlugin[];
	/**
	 * Runs e-mail sending after the answer: the time a sign-up, reset or resend request takes must
	 * not reveal whether the address has an account.
	 */
	runInBackground: (task: Promise<unknown>) => void;
	/** where better-auth's own messages go (without query parameters); its console output otherwise */
	logger?: Logger;
}

/** Links in e-mails lead to our own localised pages, which call better-auth's API. */
function linkFor(publicUrl: string, locale: unknown, page: string, token: string): string {
	const language = isLanguage(locale) ? locale : defaultLanguage;
	return `${publicUrl.replace(/\/$/, '')}/${language}/account/${page}?token=${encodeURIComponent(token)}`;
}

export function createAuth(options: AuthOptions) {
	return betterAuth({
		appName: 'Sharaka',
		baseURL: options.publicUrl,
		secret: options.secret,
		database: drizzleAdapter(options.db, { provider: 'pg', schema: { user, session, account, verification } }),
		user: {
			additionalFields: {
				role: { type: 'string', required: false, defaultValue: 'member', input: false },
				locale: { type: 'string', required: false, defaultValue: 'fr', input: true }
			}
		},
		emailAndPassword: {
			enabled: true,
			requireEmailVerification: true,
			minPasswordLength: PASSWORD_MIN_LENGTH,
			maxPasswordLength: 256,
			revokeSessionsOnPasswordReset: true,
			resetPasswordTokenExpiresIn: 60 * 60,
			sendResetPassword: async ({ user: person, token }) => {
				const locale = (person as { locale?: string }).locale;
				await options.mailer.send(
					composeEmail(locale, person.email, 'email.reset_password', {
						name: person.name,
						link: linkFor(options.publicUrl, locale, 'reset-password', token)
					})
				);
			}
		},
		emailVerification: {
			sendOnSignUp: true,
			sendOnSignIn: true,
			autoSignInAfterVerification: false,
			expiresIn: 60 * 60 * 24,
			sendVerificationEmail: async ({ user: person, token }) => {
				const locale = (person as { locale?: string }).locale;
				await options.mailer.send(
					composeEmail(locale, person.email, 'email.verify_email', {
						name: person.name,
						link: linkFor(options.publicUrl, locale, 'verify-email', token)
					})
				);
			}
		},
		session: {
			expiresIn: 60 * 60 * 24 * 7,
			updateAge: 60 * 60 * 24
		},
		// Our own limiter covers sign-in, sign-up and reset per IP and per account (security/rate-limit.ts).
		rateLimit: { enabled: false },
		advanced: {
			backgroundTasks: { handler: options.runInBackground },
			useSecureCookies: options.production,
			defaultCookieAttributes: { httpOnly: true, sameSite: 'lax', secure: options.production }
		},
		telemetry: { enabled: false },
		logger: options.logger ? { level: 'warn', log: betterAuthLog(options.logger) } : undefined,
		plugins: options.plugins ?? []
	});
}

export type Auth = ReturnType<typeof createAuth>;

/** What the one-query session reader needs of better-auth's own settings (cookie names, secret, ages). */
export async function sessionSettingsOf(auth: Auth): Promise<SessionSettings> {
	const context = await auth.$context;
	return {
		secret: context.secret,
		cookies: {
			sessionToken: context.authCookies.sessionToken.name,
			dontRemember: context.authCookies.dontRememberToken.name,
			sessionData: context.authCookies.sessionData.name
		},
		expiresIn: context.sessionConfig.expiresIn,
		updateAge: context.sessionConfig.updateAge
	};
}
