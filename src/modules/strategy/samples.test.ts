import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp } from '../../platform/testing/test-app.ts';
import { aPerson, contextFor } from '../../platform/testing/people.ts';
import { auditEvent } from '../../platform/audit/audit-event.table.ts';
import { organisation } from '../../platform/accounts/accounts.table.ts';
import { workspaceMeeting } from '../../platform/workspace/workspace.table.ts';
import { loadStrategyDemoData } from './strategy.data.ts';
import { runStrategyRemoveSamples } from './samples.ts';
import { setBudgetLine } from './budget.service.ts';
import { createNode } from './strategy.service.ts';
import { actionInitiative, budgetLine, concertationBody, indicator, indicatorValue, node, programmeVersion, recommendation, strategy } from './strategy.table.ts';

describe('strategy:remove-samples', () => {
	it('deletes every sample of the module and nothing real, with one audit event', async () => {
		const app = await createTestApp({}, { referenceData: true });
		try {
			const db = app.database.db;
			// the demo needs its people and five organisations
			for (const email of ['partner', 'counsellor']) await aPerson(db, { role: 'member', email: `${email}@demo.sharaka.ma` });
			await aPerson(db, { role: 'moderator', email: 'moderator@demo.sharaka.ma' });
			const present = new Set((await db.select({ slug: organisation.slug }).from(organisation)).map((row) => row.slug));
			for (const slug of ['mdcmre', 'migration-et-developpement', 'expertise-france', 'anapec', 'oim'].filter((entry) => !present.has(entry))) await db.insert(organisation).values({ slug, name: slug.toUpperCase(), type: 'ngo', country: 'MA' });
			await loadStrategyDemoData(db);
			// a real line a planner entered on a real node stays
			const admin = await aPerson(db, { role: 'administrator' });
			const [domain] = await db.select().from(node).where(and(eq(node.isSample, false), eq(node.kind, 'domain'))).limit(1);
			const [snia] = await db.select().from(strategy).where(eq(strategy.id, domain.strategyId));
			const ctx = contextFor(db, admin);
			const programme = await createNode(ctx, snia.slug, { kind: 'programme', parentId: domain.id, title: { fr: 'Programme réel' } });
			const objective = await createNode(ctx, snia.slug, { kind: 'objective', parentId: programme.id, title: { fr: 'Objectif réel' } });
			const action = await createNode(ctx, snia.slug, { kind: 'action', parentId: objective.id, title: { fr: 'Action réelle' } });
			await setBudgetLine(ctx, action.id, { year: 2020, fundingSource: 'Budget de l’État', currency: 'MAD', planned: 100, committed: 0, executed: 0 });
			const samples = async () =>
				(await Promise.all([strategy, node, budgetLine, indicator, indicatorValue, actionInitiative, programmeVersion, recommendation, concertationBody].map((table) => db.$count(table, eq(table.isSample, true))))).reduce((a, b) => a + b, 0);
			const reals = async () => ({
				strategies: await db.$count(strategy, eq(strategy.isSample, false)),
				nodes: await db.$count(node, eq(node.isSample, false)),
				lines: await db.$count(budgetLine, eq(budgetLine.isSample, false)),
				recommendations: await db.$count(recommendation, eq(recommendation.isSample, false)),
				bodies: await db.$count(concertationBody, eq(concertationBody.isSample, false))
			});
			const before = await reals();
			expect(await samples()).toBeGreaterThan(150);
			expect(await db.$count(workspaceMeeting)).toBeGreaterThan(0);
			const said: string[] = [];
			const io = { out: (line: string) => void said.push(line), err: (line: string) => void said.push(line) };
			expect(await runStrategyRemoveSamples([], io, { database: app.database })).toBe(0);
			expect(said.at(-1)).toMatch(/^Removed \d+ sample nodes \(\d+ budget lines/);
			expect(await samples()).toBe(0);
			expect(await reals()).toEqual(before);
			expect(before.lines).toBe(1);
			expect(await db.$count(workspaceMeeting)).toBe(0);
			expect(await db.$count(auditEvent, eq(auditEvent.action, 'strategy.remove_samples'))).toBe(1);
			// again: nothing left to remove; arguments are refused
			expect(await runStrategyRemoveSamples([], io, { database: app.database })).toBe(0);
			expect(said.at(-1)).toMatch(/^Removed 0 sample nodes/);
			expect(await runStrategyRemoveSamples(['--all'], io, { database: app.database })).toBe(2);
		} finally {
			await app.close();
		}
	}, 240_000);
});
