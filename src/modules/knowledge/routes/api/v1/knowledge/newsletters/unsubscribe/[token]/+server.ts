import { getApp } from '#platform/app.ts';
import { apiEndpoint } from '#platform/http/api.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { unsubscribe } from '#modules/knowledge/newsletters/newsletter.service.ts';

/**
 * A mail client's one-click unsubscribe (RFC 8058: POST `List-Unsubscribe=One-Click` to the address of the
 * `List-Unsubscribe` header). The key is in the address; the answer is the same whether it named a
 * subscription or not (already gone).
 */
export const POST = apiEndpoint(async ({ locals, params }) => {
	const ctx = requestContext(await getApp(), locals);
	await unsubscribe(ctx, params.token ?? '');
	return Response.json({ unsubscribed: true }, { headers: { 'cache-control': 'no-store' } });
});
