import { error, fail, redirect } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { AppError } from '#platform/http/app-error.ts';
import { parseOrThrow } from '#platform/http/validation.ts';
import { accountFormFailure, changePassword, getMe } from '#platform/accounts/account.service.ts';
import { createApiToken, listApiTokens, revokeApiToken } from '#platform/accounts/api-token.service.ts';
import { apiTokenIdInput, createApiTokenSchema, TOKEN_NAME_MAX_LENGTH } from '#platform/accounts/accounts.schemas.ts';
import { PASSWORD_MIN_LENGTH } from '#platform/auth/auth.ts';

/** Outcomes shown after a redirect (so that reloading the page does not post the form again). */
const notices = ['password_changed', 'token_revoked'] as const;
type Notice = (typeof notices)[number];

export async function load({ locals, url }) {
	if (!locals.user) error(401, 'unauthenticated');
	const app = await getApp();
	const [me, tokens] = await Promise.all([getMe(app.database.db, locals.user.id), listApiTokens(app.database.db, locals.user.id)]);
	const done = url.searchParams.get('done');
	const notice = (notices as readonly string[]).includes(done ?? '') ? (done as Notice) : null;
	return { me, tokens, notice, passwordMinLength: PASSWORD_MIN_LENGTH, tokenNameMaxLength: TOKEN_NAME_MAX_LENGTH };
}

/** Each action says which form it answers, so the page shows the outcome beside that form. */
export const actions = {
	password: async ({ request, locals, setHeaders }) => {
		if (!locals.user) error(401, 'unauthenticated');
		const data = await request.formData();
		const app = await getApp();
		try {
			await changePassword(app, { headers: request.headers, audit: locals.audit }, locals.user, {
				currentPassword: data.get('currentPassword'),
				newPassword: data.get('newPassword'),
				passwordConfirmation: data.get('passwordConfirmation')
			});
		} catch (failure) {
			const { status, data: body } = accountFormFailure(locals.language, failure, data, setHeaders);
			return fail(status, { form: 'password' as const, ...body });
		}
		redirect(303, `/${locals.language}/account?done=password_changed#password-title`);
	},

	createToken: async ({ request, locals }) => {
		if (!locals.user) error(401, 'unauthenticated');
		const data = await request.formData();
		const app = await getApp();
		try {
			const input = parseOrThrow(createApiTokenSchema, { name: data.get('name') ?? undefined });
			const { token, record } = await createApiToken(app.database.db, locals.audit, locals.user.id, input.name);
			// The secret is in this answer only: it is never stored, nor shown again.
			return { form: 'token' as const, created: { name: record.name, token } };
		} catch (failure) {
			const { status, data: body } = accountFormFailure(locals.language, failure, data);
			return fail(status, { form: 'token' as const, ...body });
		}
	},

	revokeToken: async ({ request, locals }) => {
		if (!locals.user) error(401, 'unauthenticated');
		const data = await request.formData();
		const app = await getApp();
		try {
			const parsed = apiTokenIdInput.safeParse({ id: data.get('id') });
			if (!parsed.success) throw new AppError('not_found');
			await revokeApiToken(app.database.db, locals.audit, locals.user.id, parsed.data.id);
		} catch (failure) {
			const { status, data: body } = accountFormFailure(locals.language, failure, data);
			return fail(status, { form: 'revoke' as const, ...body });
		}
		redirect(303, `/${locals.language}/account?done=token_revoked#tokens-title`);
	}
};
