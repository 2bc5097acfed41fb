import { fail, redirect } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { accountFormFailure, safeNextPath, signIn } from '#platform/accounts/account.service.ts';

export function load({ locals, url }) {
	return {
		signedInAs: locals.user?.name ?? null,
		// where to go after signing in; checked by safeNextPath when used
		next: url.searchParams.get('next')
	};
}

export const actions = {
	default: async ({ request, locals, url, setHeaders }) => {
		const data = await request.formData();
		const app = await getApp();
		try {
			await signIn(app, { headers: request.headers, audit: locals.audit }, { email: data.get('email'), password: data.get('password') });
		} catch (error) {
			const failure = accountFormFailure(locals.language, error, data, setHeaders);
			return fail(failure.status, failure.data);
		}
		const next = data.get('next') ?? url.searchParams.get('next');
		redirect(303, safeNextPath(typeof next === 'string' ? next : null, locals.language));
	}
};
