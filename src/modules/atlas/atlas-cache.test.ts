import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { contextFor } from '../../platform/testing/people.ts';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { InitiativeQuery, type InitiativeInput } from './atlas.schemas.ts';
import { atlasCache } from './atlas-cache.ts';
import { atlasReads } from './atlas-reads.ts';
import { createInitiative, updateInitiative } from './initiative.service.ts';

let app: TestApp;

const input = (title: string): InitiativeInput => ({
	title: { fr: title },
	status: 'ongoing',
	regions: ['MA-02'],
	sources: [{ citation: 'Test' }],
	organisations: [{ organisation: 'giz', role: 'funder' }]
});

const revision = async () =>
	Number(((await app.database.db.execute(sql`select revision from cache.atlas_revision`)) as unknown as { rows: { revision: string }[] }).rows[0]!.revision);

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
});
afterAll(async () => {
	await app.close();
});

describe('Atlas read cache', () => {
	it('serves a repeated read from memory until the Atlas changes, then the new data', async () => {
		// one set of reads per request, as pages and the API make them
		const search = async (query: Parameters<Awaited<ReturnType<typeof atlasReads>>['search']>[0]) => (await atlasReads(app)).search(query);
		const query = InitiativeQuery.parse({ q: 'Fès-Meknès coopérative' });
		const before = await search(query);
		expect(before.total).toBe(0);

		let computed = 0;
		const cache = atlasCache(app.database.db);
		const counted = () => cache.read('count me', async () => ++computed);
		expect(await counted()).toBe(1);
		expect(await counted()).toBe(1);

		const created = await createInitiative(contextFor(app.database.db, null), input('Coopérative de Fès-Meknès'));
		expect(await counted()).toBe(2);
		const after = await search(query);
		expect(after.total).toBe(1);
		expect(after.items[0]!.slug).toBe(created.slug);

		await updateInitiative(contextFor(app.database.db, null), created.id, { ...input('Coopérative de Fès-Meknès'), status: 'completed' });
		expect((await search(query)).items[0]!.status).toBe('completed');
	});

	it('sees changes made outside this process (any writing statement on the Atlas tables bumps the revision)', async () => {
		const statements = [
			sql`update initiative set updated_at = updated_at where false`,
			sql`update initiative_region set region_iso = region_iso where false`,
			sql`update initiative_province set province_iso = province_iso where false`,
			sql`update initiative_organisation set role = role where false`,
			sql`update atlas_exchange_rate set per_eur = per_eur where false`,
			sql`update organisation set name = name where false`
		];
		for (const statement of statements) {
			const start = await revision();
			await app.database.db.execute(statement);
			expect(await revision()).toBe(start + 1);
		}
		// a statement on another table does not
		const start = await revision();
		await app.database.db.execute(sql`update audit_event set id = id where false`).catch(() => undefined);
		await app.database.db.execute(sql`select 1`);
		expect(await revision()).toBe(start);
	});

	it('rolls the revision back with the writer’s transaction', async () => {
		const start = await revision();
		await app.database.db
			.transaction(async (tx) => {
				await tx.execute(sql`update organisation set name = name where false`);
				throw new Error('abandoned');
			})
			.catch(() => undefined);
		expect(await revision()).toBe(start);
	});

	it('shares one computation between identical concurrent reads, and keeps no failure', async () => {
		const cache = atlasCache(app.database.db);
		let runs = 0;
		const slow = () =>
			cache.read('shared', async () => {
				runs++;
				await new Promise((resolve) => setTimeout(resolve, 20));
				return { runs };
			});
		const results = await Promise.all([slow(), slow(), slow()]);
		expect(runs).toBe(1);
		expect(results.every((result) => result.runs === 1)).toBe(true);

		let attempts = 0;
		const failing = () =>
			cache.read('flaky', async () => {
				attempts++;
				if (attempts === 1) throw new Error('database unavailable');
				return 'ok';
			});
		await expect(failing()).rejects.toThrow('database unavailable');
		await expect(failing()).resolves.toBe('ok');
	});

	it('hands out frozen results, so one caller cannot change what the next one reads', async () => {
		const result = await (await atlasReads(app)).stats('region');
		expect(() => {
			(result.rows as { count: number }[])[0]!.count = 999;
		}).toThrow(TypeError);
		expect((await (await atlasReads(app)).stats('region')).rows[0]!.count).not.toBe(999);
	});

	it('can be switched off (ATLAS_CACHE=false) to measure the queries themselves', async () => {
		let runs = 0;
		const cache = atlasCache(app.database.db, false);
		await cache.read('off', async () => ++runs);
		await cache.read('off', async () => ++runs);
		expect(runs).toBe(2);
	});
});
