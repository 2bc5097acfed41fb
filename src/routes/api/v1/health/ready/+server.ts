import { getApp, version } from '#platform/app.ts';

/** Readiness: this instance can serve (its database answers); a load balancer sends traffic only then. */
export async function GET() {
	const app = await getApp();
	const ok = await app.database.ping();
	return Response.json(
		{ status: ok ? 'ok' : 'unavailable', database: app.database.kind, version },
		{ status: ok ? 200 : 503, headers: { 'cache-control': 'no-store', ...(ok ? {} : { 'retry-after': '30' }) } }
	);
}
