import { fail } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { accountFormFailure, signUp } from '#platform/accounts/account.service.ts';
import { PASSWORD_MIN_LENGTH } from '#platform/auth/auth.ts';

export function load() {
	return { passwordMinLength: PASSWORD_MIN_LENGTH };
}

export const actions = {
	default: async ({ request, locals, setHeaders }) => {
		const data = await request.formData();
		const app = await getApp();
		try {
			const { email } = await signUp(app, { headers: request.headers, audit: locals.audit }, locals.language, {
				name: data.get('name'),
				email: data.get('email'),
				password: data.get('password'),
				passwordConfirmation: data.get('passwordConfirmation')
			});
			return { sent: true, email };
		} catch (error) {
			const failure = accountFormFailure(locals.language, error, data, setHeaders);
			return fail(failure.status, failure.data);
		}
	}
};
