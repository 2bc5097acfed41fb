import { fail } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { accountFormFailure, requestPasswordReset } from '#platform/accounts/account.service.ts';

export const actions = {
	/** The answer is the same whether or not the address has an account. */
	default: async ({ request, locals, setHeaders }) => {
		const data = await request.formData();
		const app = await getApp();
		try {
			const { email } = await requestPasswordReset(app, { headers: request.headers, audit: locals.audit }, { email: data.get('email') });
			return { sent: true, email };
		} catch (error) {
			const failure = accountFormFailure(locals.language, error, data, setHeaders);
			return fail(failure.status, failure.data);
		}
	}
};
