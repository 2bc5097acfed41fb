import { getApp } from '#platform/app.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { accountErrorMessages, resendVerification, verifyEmail } from '#platform/accounts/account.service.ts';
import { accountFormAction } from '../form-action.ts';

type State = 'verified' | 'already_verified' | 'error' | 'missing';

export async function load({ url, locals, request }) {
	const token = url.searchParams.get('token');
	if (!token) return { state: 'missing' as State, problem: null };
	const app = await getApp();
	try {
		const { status } = await verifyEmail(app, { headers: request.headers, audit: locals.audit }, token);
		return { state: status as State, problem: null };
	} catch (error) {
		if (!isAppError(error)) throw error;
		return { state: 'error' as State, problem: accountErrorMessages(locals.language, error)[''] ?? null };
	}
}

export const actions = {
	/** Sends a new link (same answer whether or not the address has an account waiting). */
	default: (event) =>
		accountFormAction(event, async (app, data, from) => {
			const { email } = await resendVerification(app, from, { email: data.get('email') });
			return { sent: true, email };
		})
};
