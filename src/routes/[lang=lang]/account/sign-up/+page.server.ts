import { signUp } from '#platform/accounts/account.service.ts';
import { PASSWORD_MIN_LENGTH } from '#platform/auth/auth.ts';
import { accountFormAction } from '../form-action.ts';

export function load() {
	return { passwordMinLength: PASSWORD_MIN_LENGTH };
}

export const actions = {
	default: (event) =>
		accountFormAction(event, async (app, data, from) => {
			const { email } = await signUp(app, from, event.locals.language, {
				name: data.get('name'),
				email: data.get('email'),
				password: data.get('password'),
				passwordConfirmation: data.get('passwordConfirmation')
			});
			return { sent: true, email };
		})
};
