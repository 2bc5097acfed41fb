import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { formAction } from '#platform/http/form.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { confirmSubscription, pendingByToken } from '#modules/knowledge/newsletters/newsletter.service.ts';

/**
 * The second step of the double opt-in: the link of the e-mail opens this page, whose button confirms (a
 * mail scanner that opens links does not subscribe anyone).
 */
export async function load({ locals, params, setHeaders }) {
	setHeaders({ 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' });
	const ctx = requestContext(await getApp(), locals);
	const pending = await pendingByToken(ctx.db, params.token);
	if (!pending) error(404, 'not_found');
	return { email: pending.email };
}

export const actions = {
	default: async ({ request, locals, params }) => {
		const ctx = requestContext(await getApp(), locals);
		const data = await request.formData();
		return formAction(ctx.language, data, () => confirmSubscription(ctx, params.token), { done: () => ({ confirmed: true }) });
	}
};
