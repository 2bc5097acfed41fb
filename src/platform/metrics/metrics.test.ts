// /metrics and the health endpoints as a scraper and a load balancer call them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../app.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { throughTheHook } from '../../testing/hook-request.ts';
import { reportFrom } from './metrics.ts';
import { GET as metrics } from '../../routes/metrics/+server.ts';
import { GET as live } from '../../routes/api/v1/health/live/+server.ts';
import { GET as ready } from '../../routes/api/v1/health/ready/+server.ts';

const holder = globalThis as typeof globalThis & { __sharakaApp?: Promise<App> };
let app: TestApp;
beforeAll(async () => {
	app = await createTestApp({ METRICS_TOKEN: 'a-scraper-token-long-enough' });
	holder.__sharakaApp = Promise.resolve(app);
	reportFrom({ pool: () => app.database.poolStats?.() ?? null, queues: () => app.queue.depths() });
});
afterAll(async () => {
	holder.__sharakaApp = undefined;
	await app.close();
});

function scrape(headers: Record<string, string>, address = '10.0.0.5') {
	const request = new Request('http://localhost/metrics', { headers });
	return metrics({ request, getClientAddress: () => address } as unknown as Parameters<typeof metrics>[0]);
}

describe('metrics', () => {
	it('answers the scraper holding METRICS_TOKEN, with request durations per route, the queue and the process', async () => {
		// one request through the hook, to be counted
		await throughTheHook('/[lang=lang]/legal', '/fr/legal');

		const response = await scrape({ authorization: 'Bearer a-scraper-token-long-enough' });
		expect(response.status).toBe(200);
		const text = await response.text();
		expect(text).toMatch(/sharaka_http_request_duration_seconds_count\{route="\/\[lang=lang\]\/legal",method="GET",status="200"\} [1-9]/);
		expect(text).toContain('sharaka_queue_jobs{queue="mail",state="queued"}');
		expect(text).toContain('sharaka_process_resident_memory_bytes');
	});

	it('refuses anyone else, this machine included once a token is set', async () => {
		expect((await scrape({})).status).toBe(403);
		expect((await scrape({ authorization: 'Bearer another-token-of-some-length' })).status).toBe(403);
		expect((await scrape({}, '127.0.0.1')).status).toBe(403);
	});
});

describe('health for load balancers', () => {
	it('says the process is alive and ready while its database answers', async () => {
		expect((await live()).status).toBe(200);
		const answer = await ready();
		expect(answer.status).toBe(200);
		expect(await answer.json()).toMatchObject({ status: 'ok', database: app.database.kind });
	});
});
