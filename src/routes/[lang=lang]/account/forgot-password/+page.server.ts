import { requestPasswordReset } from '#platform/accounts/account.service.ts';
import { accountFormAction } from '../form-action.ts';

export const actions = {
	/** The answer is the same whether or not the address has an account. */
	default: (event) =>
		accountFormAction(event, async (app, data, from) => {
			const { email } = await requestPasswordReset(app, from, { email: data.get('email') });
			return { sent: true, email };
		})
};
