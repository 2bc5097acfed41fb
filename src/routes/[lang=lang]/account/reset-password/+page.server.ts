import { getApp } from '#platform/app.ts';
import { isResetTokenValid, resetPassword } from '#platform/accounts/account.service.ts';
import { PASSWORD_MIN_LENGTH } from '#platform/auth/auth.ts';
import { accountFormAction } from '../form-action.ts';

export async function load({ url }) {
	const token = url.searchParams.get('token') ?? '';
	const app = await getApp();
	return { token, valid: await isResetTokenValid(app.database.db, token), passwordMinLength: PASSWORD_MIN_LENGTH };
}

export const actions = {
	default: (event) =>
		accountFormAction(event, async (app, data, from) => {
			await resetPassword(app, from, {
				token: data.get('token'),
				password: data.get('password'),
				passwordConfirmation: data.get('passwordConfirmation')
			});
			return { done: true };
		})
};
