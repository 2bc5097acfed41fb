import { version } from '#platform/app.ts';

/** Liveness: the process answers requests (it does not ask the database: a restart would not help it). */
export function GET() {
	return Response.json({ status: 'ok', version }, { headers: { 'cache-control': 'no-store' } });
}
