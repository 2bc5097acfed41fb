import { fail } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { accountFormFailure, isResetTokenValid, resetPassword } from '#platform/accounts/account.service.ts';
import { PASSWORD_MIN_LENGTH } from '#platform/auth/auth.ts';

export async function load({ url }) {
	const token = url.searchParams.get('token') ?? '';
	const app = await getApp();
	return { token, valid: await isResetTokenValid(app.database.db, token), passwordMinLength: PASSWORD_MIN_LENGTH };
}

export const actions = {
	default: async ({ request, locals, setHeaders }) => {
		const data = await request.formData();
		const app = await getApp();
		try {
			await resetPassword(app, { headers: request.headers, audit: locals.audit }, {
				token: data.get('token'),
				password: data.get('password'),
				passwordConfirmation: data.get('passwordConfirmation')
			});
			return { done: true };
		} catch (error) {
			const failure = accountFormFailure(locals.language, error, data, setHeaders);
			return fail(failure.status, failure.data);
		}
	}
};
