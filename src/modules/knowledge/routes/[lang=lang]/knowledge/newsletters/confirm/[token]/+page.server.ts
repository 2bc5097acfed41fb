import { error, redirect } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { formAction } from '#platform/http/form.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { confirmSubscription, pendingByToken } from '#modules/knowledge/newsletters/newsletter.service.ts';

/**
 * The second step of the double opt-in: the link of the e-mail opens this page, whose button confirms (a
 * mail scanner that opens links does not subscribe anyone).
 */
export async function load({ locals, params, setHeaders, url }) {
	setHeaders({ 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' });
	// after the button: the link is used, the page says it is done
	if (url.searchParams.get('confirmed') === '1') return { email: null, confirmed: true };
	const ctx = requestContext(await getApp(), locals);
	const pending = await pendingByToken(ctx.db, params.token);
	if (!pending) error(404, 'not_found');
	return { email: pending.email, confirmed: false };
}

export const actions = {
	default: async ({ request, locals, params, url }) => {
		const ctx = requestContext(await getApp(), locals);
		const data = await request.formData();
		const answer = await formAction(ctx.language, data, () => confirmSubscription(ctx, params.token), { done: () => ({ confirmed: true }) });
		if ('confirmed' in answer) redirect(303, `${url.pathname}?confirmed=1`);
		return answer;
	}
};
