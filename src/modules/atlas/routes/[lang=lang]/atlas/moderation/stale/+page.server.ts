import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { listStaleInitiatives } from '#modules/atlas/moderation/moderation.service.ts';

export async function load({ url, locals }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	const page = Math.min(100_000, Math.max(1, Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1));
	return { stale: await listStaleInitiatives(requestContext(app, locals), { page, pageSize: 50 }) };
}
