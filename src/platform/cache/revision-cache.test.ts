// The per-revision cache's snapshot: several reads of one request behind one counter read, never
// answering from the cache once another revision has been seen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { revisionCache } from './revision-cache.ts';
import { servingReadRequest } from '../http/read-request.ts';

let app: TestApp;
const bump = () => app.database.db.execute(sql`update cache.matching_revision set revision = revision + 1 where id = 1`);

beforeAll(async () => {
	app = await createTestApp({});
});
afterAll(async () => {
	await app.close();
});

describe('revision cache snapshot', () => {
	it('shares entries with plain reads of the same revision', async () => {
		const cache = revisionCache(app.database.db, 'matching_revision');
		let computed = 0;
		const compute = async () => ({ n: ++computed });
		const snapshot = await cache.snapshot();
		const first = await snapshot.read('k', compute);
		expect(await snapshot.read('k', compute)).toBe(first);
		expect(await cache.read('k', compute)).toBe(first);
		expect(computed).toBe(1);
	});

	it('computes afresh, and keeps nothing, once another revision has been seen', async () => {
		const cache = revisionCache(app.database.db, 'matching_revision');
		let computed = 0;
		const compute = async () => ({ n: ++computed });
		const snapshot = await cache.snapshot();
		await bump();
		// another request reads the new revision (and keeps its own result)
		const fresh = await cache.read('other', compute);
		expect(fresh.n).toBe(1);
		const late = await snapshot.read('other', compute);
		expect(late).not.toBe(fresh);
		expect(late.n).toBe(2);
		expect(Object.isFrozen(late)).toBe(true);
		// the entry of the current revision was left as it was
		expect(await cache.read('other', compute)).toBe(fresh);
	});

	it('drops every entry when the data changes', async () => {
		const cache = revisionCache(app.database.db, 'matching_revision');
		let computed = 0;
		const compute = async () => ({ n: ++computed });
		const before = await (await cache.snapshot()).read('k2', compute);
		await bump();
		const after = await (await cache.snapshot()).read('k2', compute);
		expect(after).not.toBe(before);
		expect(computed).toBe(2);
	});
});

describe('revision checks of a read request', () => {
	it('sees every write committed before the request started, and shares one counter query for the rest of it', async () => {
		const cache = revisionCache(app.database.db, 'matching_revision');
		let computed = 0;
		const compute = async () => ({ n: ++computed });
		await cache.read('k', compute);
		await bump();
		await servingReadRequest(performance.now(), async () => {
			// the query before the request is not reused: the write committed before it shows
			expect((await cache.read('k', compute)).n).toBe(2);
			// a write committed while the request runs: its later reads keep the revision it checked
			await bump();
			expect((await cache.read('k', compute)).n).toBe(2);
			expect((await (await cache.snapshot()).read('k', compute)).n).toBe(2);
		});
		// outside a read request (a write, a command) every read asks the counter
		expect((await cache.read('k', compute)).n).toBe(3);
		// the next request asks again: a write before its first read shows
		await servingReadRequest(performance.now(), async () => {
			await bump();
			expect((await cache.read('k', compute)).n).toBe(4);
		});
	});
});

describe('revision cache memory', () => {
	it('keeps weighed entries within its byte budget, dropping the least recently used, and the last copy for outages', async () => {
		const cache = revisionCache(app.database.db, 'matching_revision');
		const megabyte = (n: number) => async () => ({ n, bytes: new Uint8Array(1024 * 1024) });
		const weigh = (value: { bytes: Uint8Array }) => value.bytes.byteLength;
		await cache.read('page 0', megabyte(0), { freeze: false, weigh });
		for (let n = 1; n <= 80; n++) {
			await cache.read(`page ${n}`, megabyte(n), { freeze: false, weigh });
			await cache.read('page 0', megabyte(-1), { freeze: false, weigh }); // asked again and again: kept
		}
		await new Promise((resolve) => setTimeout(resolve, 0));
		expect(cache.size).toBeLessThanOrEqual(48);
		expect(cache.size).toBeGreaterThan(40);
		expect((await cache.lastKnown<{ n: number }>('page 0'))?.n).toBe(0);
		expect(cache.lastKnown('page 1')).toBeUndefined();
		expect((await cache.lastKnown<{ n: number }>('page 80'))?.n).toBe(80);
	});
});
