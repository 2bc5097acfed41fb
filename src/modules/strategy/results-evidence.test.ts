// A value's evidence picked among the Knowledge library's documents (issue #13): checked through the
// platform's links (never an import of the Knowledge module), shown to the owner and on the indicator's page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { aPerson, contextFor, type Person } from '../../platform/testing/people.ts';
import { refusalWithReason as refusal } from '../../platform/testing/refusal.ts';
import { auditEvent } from '../../platform/audit/audit-event.table.ts';
import { createIndicator, evidenceDocuments, indicatorsOf, reviewValue, submitValue, valuesOf } from './results.service.ts';
import { createNode, createStrategy, strategyBySlug } from './strategy.service.ts';
import { indicatorValue } from './strategy.table.ts';

const STUDY = 'knowledge.document:tendances-recherche-marocaine-migrations';
let app: TestApp;
let owner: Person;
let reporter: Person;
let indicatorId: string;

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	const db = app.database.db;
	const adminCtx = contextFor(db, await aPerson(db, { role: 'administrator' }));
	await createStrategy(adminCtx, { slug: 'evidence-test', title: { fr: 'Justificatifs' }, country: 'MA', periodStart: 2023, periodEnd: 2026, published: true });
	const domain = (await createNode(adminCtx, 'evidence-test', { kind: 'domain', title: { fr: 'Emploi' } })).id;
	indicatorId = (await createIndicator(adminCtx, 'evidence-test', { nodeId: domain, code: 'J1', definition: { fr: 'Études publiées' }, unit: { fr: 'études' }, level: 'output', disaggregations: ['region'] })).id;
	owner = await aPerson(db);
	owner.actor.grants = [{ module: 'strategy', role: 'owner', organisationId: null, scope: 'evidence-test' }];
	reporter = await aPerson(db);
	reporter.actor.grants = [{ module: 'strategy', role: 'reporter', organisationId: null, scope: 'evidence-test' }];
});
afterAll(async () => app?.close());

describe('evidence from the library', () => {
	it('refuses a document not in the library and a link of another kind; nothing saved', async () => {
		const db = app.database.db;
		const ctx = contextFor(db, reporter);
		expect(await refusal(submitValue(ctx, 'evidence-test', { indicatorId, year: 2024, value: 3, evidenceDocument: 'knowledge.document:absent' }))).toBe('invalid_input:evidence_document_unknown');
		expect(await refusal(submitValue(ctx, 'evidence-test', { indicatorId, year: 2024, value: 3, evidenceDocument: 'atlas.initiative:sharaka' }))).toBe('invalid_input:evidence_document_unknown');
		expect(await refusal(submitValue(ctx, 'evidence-test', { indicatorId, year: 2024, value: 3, evidenceDocument: 'n’importe quoi' }))).toBe('invalid_input:evidence_document_unknown');
		expect(await db.select().from(indicatorValue).where(eq(indicatorValue.indicatorId, indicatorId))).toHaveLength(0);
	});

	it('keeps the picked document with the value (audited), shows its title to the owner and, once approved, on the indicator', async () => {
		const db = app.database.db;
		const row = await submitValue(contextFor(db, reporter), 'evidence-test', { indicatorId, year: 2024, region: 'MA-02', value: 3, evidenceUrl: '', evidenceDocument: STUDY });
		expect(row.evidenceDocument).toBe(STUDY);
		const [event] = await db.select().from(auditEvent).where(and(eq(auditEvent.resourceType, 'strategy_indicator_value'), eq(auditEvent.resourceId, row.id)));
		expect((event.after as { evidenceDocument: string }).evidenceDocument).toBe(STUDY);
		const owned = await strategyBySlug(db, 'evidence-test');
		const [waiting] = await valuesOf(db, owned.id, { status: ['submitted'] });
		expect(waiting.evidenceDocument).toBe(STUDY);
		const documents = await evidenceDocuments(db, [waiting.evidenceDocument, null], 'fr');
		expect(documents.get(STUDY)).toMatchObject({ path: '/knowledge/documents/tendances-recherche-marocaine-migrations' });
		expect(documents.get(STUDY)!.label.length).toBeGreaterThan(3);
		// not shown publicly before the owner approves it
		expect((await indicatorsOf(db, owned, 'fr', { code: 'J1' }))[0].years.find((year) => year.year === 2024)!.evidence).toEqual([]);
		await reviewValue(contextFor(db, owner), 'evidence-test', row.id, { decision: 'approve' });
		expect((await indicatorsOf(db, owned, 'ar', { code: 'J1' }))[0].years.find((year) => year.year === 2024)!.evidence).toEqual([STUDY]);
	});

	it('a correction can drop the document; the access is unchanged (a reporter of another strategy is refused)', async () => {
		const db = app.database.db;
		const stranger = await aPerson(db);
		stranger.actor.grants = [{ module: 'strategy', role: 'reporter', organisationId: null, scope: 'other' }];
		expect(await refusal(submitValue(contextFor(db, stranger), 'evidence-test', { indicatorId, year: 2025, value: 1, evidenceDocument: STUDY }))).toBe('forbidden:');
		await submitValue(contextFor(db, reporter), 'evidence-test', { indicatorId, year: 2025, value: 1, evidenceDocument: STUDY });
		const corrected = await submitValue(contextFor(db, reporter), 'evidence-test', { indicatorId, year: 2025, value: 2, evidenceDocument: '' });
		expect(corrected.evidenceDocument).toBeNull();
	});
});
