import crypto from 'node:crypto';
import { getApp } from '#platform/app.ts';
import { metricsRegistry } from '#platform/metrics/metrics.ts';
import { metricsText } from '#platform/metrics/cluster-metrics.ts';
import { bearerTokenOf } from '#platform/accounts/api-token.service.ts';

const sameSecret = (given: string, expected: string) => {
	const a = crypto.createHash('sha256').update(given).digest();
	const b = crypto.createHash('sha256').update(expected).digest();
	return crypto.timingSafeEqual(a, b);
};

const loopback = (address: string | null) => address !== null && /^(127\.|::1$|::ffff:127\.)/.test(address);

/** Prometheus metrics: with METRICS_TOKEN set, for the scraper that sends it; otherwise for this machine only. */
export async function GET({ request, getClientAddress }) {
	const { settings } = await getApp();
	const token = bearerTokenOf(request.headers.get('authorization'));
	let address: string | null = null;
	try {
		address = getClientAddress();
	} catch {
		// no client address (a test or an internal call): treated as remote
	}
	const allowed = settings.metricsToken ? token !== null && sameSecret(token, settings.metricsToken) : loopback(address);
	if (!allowed) return new Response('Forbidden\n', { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8' } });
	return new Response(await metricsText(), { headers: { 'content-type': metricsRegistry.contentType, 'cache-control': 'no-store' } });
}
