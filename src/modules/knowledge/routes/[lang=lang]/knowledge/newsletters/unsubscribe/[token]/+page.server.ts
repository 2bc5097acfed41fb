import { getApp } from '#platform/app.ts';
import { formAction } from '#platform/http/form.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { subscriptionByUnsubscribeToken, unsubscribe } from '#modules/knowledge/newsletters/newsletter.service.ts';

/** The link of every issue: one button unsubscribes (the subscription is deleted). Mail clients POST to the API's address instead. */
export async function load({ locals, params, setHeaders }) {
	setHeaders({ 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' });
	const ctx = requestContext(await getApp(), locals);
	const found = await subscriptionByUnsubscribeToken(ctx.db, params.token);
	return { email: found?.email ?? null };
}

export const actions = {
	default: async ({ request, locals, params }) => {
		const ctx = requestContext(await getApp(), locals);
		const data = await request.formData();
		return formAction(ctx.language, data, () => unsubscribe(ctx, params.token), { done: () => ({ unsubscribed: true }) });
	}
};
