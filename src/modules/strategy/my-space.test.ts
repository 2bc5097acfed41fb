import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { aPerson, contextFor } from '../../platform/testing/people.ts';
import { strategySpace } from './my-space.ts';
import { createNode } from './strategy.service.ts';
import { submitVersion } from './programme-versions.service.ts';

let app: TestApp;
beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
});
afterAll(async () => app?.close());

describe('my space: the strategies a person plans', () => {
	it('leads a planner of one strategy straight to its planning page, an administrator to the list, and others nowhere', async () => {
		const db = app.database.db;
		const planner = await aPerson(db);
		planner.actor.grants = [{ module: 'strategy', role: 'planner', organisationId: null, scope: 'snia' }];
		expect(await strategySpace(contextFor(db, planner))).toEqual([expect.objectContaining({ path: '/strategy/snia/plan', waiting: { count: 1, key: 'strategy.space_count' } })]);
		const admin = await aPerson(db, { role: 'administrator' });
		const [entry] = await strategySpace(contextFor(db, admin));
		expect(entry.path).toBe('/strategy');
		expect(entry.waiting!.count).toBeGreaterThanOrEqual(7);
		expect(await strategySpace(contextFor(db, await aPerson(db, { role: 'partner' })))).toEqual([]);
		expect(await strategySpace(contextFor(db, null))).toEqual([]);
	});

	it('gives a reporter the values to report (not the planning page) and an owner the values to approve', async () => {
		const db = app.database.db;
		const reporter = await aPerson(db);
		reporter.actor.grants = [{ module: 'strategy', role: 'reporter', organisationId: null, scope: 'snia' }];
		expect(await strategySpace(contextFor(db, reporter))).toEqual([expect.objectContaining({ path: '/strategy/snia/report', waiting: { count: 0, key: 'strategy.space_returned' } })]);
		const owner = await aPerson(db);
		owner.actor.grants = [{ module: 'strategy', role: 'owner', organisationId: null, scope: 'snia' }];
		expect((await strategySpace(contextFor(db, owner))).map((link) => link.path)).toEqual(['/strategy/snia/plan', '/strategy/snia/review']);
	});

	it('gives an owner the programme version waiting for approval, not its planners', async () => {
		const db = app.database.db;
		const planner = await aPerson(db);
		planner.actor.grants = [{ module: 'strategy', role: 'planner', organisationId: null, scope: 'strategie-mre' }];
		const owner = await aPerson(db);
		owner.actor.grants = [{ module: 'strategy', role: 'owner', organisationId: null, scope: 'strategie-mre' }];
		const ctx = contextFor(db, planner);
		const domain = (await createNode(ctx, 'strategie-mre', { kind: 'domain', title: { fr: 'Domaine' } })).id;
		const programme = (await createNode(ctx, 'strategie-mre', { kind: 'programme', parentId: domain, title: { fr: 'Programme' } })).id;
		const objective = (await createNode(ctx, 'strategie-mre', { kind: 'objective', parentId: programme, title: { fr: 'Objectif' } })).id;
		await createNode(ctx, 'strategie-mre', { kind: 'action', parentId: objective, title: { fr: 'Action' }, national: true });
		await submitVersion(ctx, 'strategie-mre', {});
		expect((await strategySpace(contextFor(db, owner))).find((link) => link.titleKey === 'strategy.space_versions')).toMatchObject({ path: '/strategy/strategie-mre/plan/versions', waiting: { count: 1, key: 'strategy.space_versions_waiting' } });
		expect((await strategySpace(ctx)).some((link) => link.titleKey === 'strategy.space_versions')).toBe(false);
	});
});
