import { getApp } from '#platform/app.ts';
import { apiEndpoint } from '#platform/http/api.ts';
import { AppError } from '#platform/http/app-error.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { unsubscribe } from '#modules/knowledge/newsletters/newsletter.service.ts';

/** The body RFC 8058 prescribes, as a form (url-encoded or multipart): anything else is not a one-click request. */
async function isOneClick(request: Request): Promise<boolean> {
	const type = request.headers.get('content-type') ?? '';
	if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i.test(type)) return false;
	try {
		return (await request.formData()).get('List-Unsubscribe') === 'One-Click';
	} catch {
		return false;
	}
}

/**
 * A mail client's one-click unsubscribe (RFC 8058: POST `List-Unsubscribe=One-Click` to the address of the
 * `List-Unsubscribe` header). The key is in the address; the answer is the same whether it named a
 * subscription or not (already gone).
 */
export const POST = apiEndpoint(async ({ locals, params, request }) => {
	if (!(await isOneClick(request))) throw new AppError('invalid_input', { fields: [{ path: 'List-Unsubscribe', messageKey: 'field_required' }] });
	const ctx = requestContext(await getApp(), locals);
	await unsubscribe(ctx, params.token ?? '');
	return Response.json({ unsubscribed: true }, { headers: { 'cache-control': 'no-store' } });
});
