import { redirect } from '@sveltejs/kit';
import { safeNextPath, signIn } from '#platform/accounts/account.service.ts';
import { accountFormAction } from '../form-action.ts';

export function load({ locals, url }) {
	return {
		signedInAs: locals.user?.name ?? null,
		// where to go after signing in; checked by safeNextPath when used
		next: url.searchParams.get('next')
	};
}

export const actions = {
	default: async (event) => {
		// the path to go on to once signed in, or the form back with its errors
		const outcome = await accountFormAction(event, async (app, data, from) => {
			await signIn(app, from, { email: data.get('email'), password: data.get('password') });
			const next = data.get('next') ?? event.url.searchParams.get('next');
			return safeNextPath(typeof next === 'string' ? next : null, event.locals.language);
		});
		if (typeof outcome !== 'string') return outcome;
		redirect(303, outcome);
	}
};
