import { z } from 'zod';
import { PASSWORD_MIN_LENGTH } from '../auth/auth.ts';
import { roles, locales } from './accounts.model.ts';

/** Same limit as better-auth's `maxPasswordLength` (auth.ts). */
export const PASSWORD_MAX_LENGTH = 256;
export const NAME_MAX_LENGTH = 120;
export const TOKEN_NAME_MAX_LENGTH = 100;

// ---------------------------------------------------------------------------------------------
// Form input (pages). The password confirmation is compared by the account service, which
// gives it its own message (account.error_password_mismatch).
// ---------------------------------------------------------------------------------------------

/** One e-mail address, trimmed and in lower case (as better-auth stores it). */
export const emailAddress = z.string().trim().toLowerCase().min(1).max(254).pipe(z.email());
const password = z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH);
/** A password typed to prove who one is: never judged by the rules for new passwords. */
const existingPassword = z.string().min(1).max(PASSWORD_MAX_LENGTH);
const confirmation = z.string().min(1).max(PASSWORD_MAX_LENGTH);

export const signUpInput = z.object({
	name: z.string().trim().min(1).max(NAME_MAX_LENGTH),
	email: emailAddress,
	password,
	passwordConfirmation: confirmation
});

export const signInInput = z.object({
	email: emailAddress,
	password: existingPassword
});

/** Forms that ask for an address only (new verification link, forgotten password). */
export const emailInput = z.object({ email: emailAddress });

export const resetPasswordInput = z.object({
	token: z.string().min(1).max(512),
	password,
	passwordConfirmation: confirmation
});

export const changePasswordInput = z.object({
	currentPassword: existingPassword,
	newPassword: password,
	passwordConfirmation: confirmation
});

export type SignUpInput = z.infer<typeof signUpInput>;
export type SignInInput = z.infer<typeof signInInput>;
export type EmailInput = z.infer<typeof emailInput>;
export type ResetPasswordInput = z.infer<typeof resetPasswordInput>;
export type ChangePasswordInput = z.infer<typeof changePasswordInput>;

// ---------------------------------------------------------------------------------------------
// API (/api/v1/me…): request and response bodies, for the OpenAPI document.
// ---------------------------------------------------------------------------------------------

export const organisationSummarySchema = z
	.object({
		id: z.uuid(),
		slug: z.string(),
		name: z.string(),
		acronym: z.string().nullable()
	})
	.meta({ id: 'OrganisationSummary', description: 'An organisation the person belongs to.' });

export const meSchema = z
	.object({
		id: z.string(),
		name: z.string(),
		email: z.email(),
		role: z.enum(roles),
		locale: z.enum(locales),
		organisations: z.array(organisationSummarySchema)
	})
	.meta({ id: 'Me', description: 'The person calling the API (browser session or personal API token).' });

export const apiTokenSchema = z
	.object({
		id: z.uuid(),
		name: z.string(),
		prefix: z.string().meta({ description: 'First characters of the token, to tell tokens apart.' }),
		createdAt: z.iso.datetime(),
		lastUsedAt: z.iso.datetime().nullable(),
		revokedAt: z.iso.datetime().nullable()
	})
	.meta({ id: 'ApiToken', description: 'A personal API token (never the secret itself).' });

export const apiTokenListSchema = z
	.object({ items: z.array(apiTokenSchema) })
	.meta({ id: 'ApiTokenList', description: 'The caller’s personal API tokens, newest first, revoked ones included.' });

export const createApiTokenSchema = z
	.object({ name: z.string().trim().min(1).max(TOKEN_NAME_MAX_LENGTH).meta({ description: 'What the token is for, e.g. "Monthly export".' }) })
	.meta({ id: 'CreateApiToken', description: 'A name to recognise the token by (e.g. the script that uses it).' });

export const createdApiTokenSchema = z
	.object({
		id: z.uuid(),
		name: z.string(),
		prefix: z.string(),
		createdAt: z.iso.datetime(),
		token: z.string().meta({ description: 'The secret token, shown this once only. Send it as `Authorization: Bearer <token>`.' })
	})
	.meta({ id: 'CreatedApiToken', description: 'A new personal API token, with its secret (returned once).' });

/** Path parameter of DELETE /api/v1/me/tokens/{id}. */
export const apiTokenIdInput = z.object({ id: z.uuid() });

export type Me = z.infer<typeof meSchema>;
export type ApiTokenView = z.infer<typeof apiTokenSchema>;
