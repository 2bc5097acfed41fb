import { getApp, version } from '#platform/app.ts';

/** Liveness and database check: 200 when the database answers, 503 otherwise. */
export async function GET() {
	const app = await getApp();
	const ok = await app.database.ping();
	return Response.json(
		{ status: ok ? 'ok' : 'unavailable', database: app.database.kind, version },
		{ status: ok ? 200 : 503, headers: { 'cache-control': 'no-store' } }
	);
}
