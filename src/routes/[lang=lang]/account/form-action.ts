import { fail, type RequestEvent } from '@sveltejs/kit';
import { getApp, type App } from '#platform/app.ts';
import { accountFormFailure, type AccountRequest } from '#platform/accounts/account.service.ts';

/**
 * An account form's action: `act` gets the posted data and the request it comes from; an expected
 * failure sends the form back with its values and messages (and Retry-After when rate-limited).
 */
export async function accountFormAction<T>(
	{ request, locals, setHeaders }: Pick<RequestEvent, 'request' | 'locals' | 'setHeaders'>,
	act: (app: App, data: FormData, from: AccountRequest) => Promise<T>
) {
	const data = await request.formData();
	const app = await getApp();
	try {
		return await act(app, data, { headers: request.headers, audit: locals.audit });
	} catch (error) {
		const failure = accountFormFailure(locals.language, error, data, setHeaders);
		return fail(failure.status, failure.data);
	}
}
