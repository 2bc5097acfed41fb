import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { eq } from 'drizzle-orm';
import { auditEvent } from '../../platform/audit/audit-event.table.ts';
import { runKnowledgeGenerate, runKnowledgeRemoveSamples } from './cli/knowledge.ts';
import { loadKnowledgeDemoData } from './knowledge.data.ts';
import { document } from './knowledge.table.ts';
import { event, eventRegistration } from './events/event.table.ts';
import { survey, surveyResponse } from './surveys/survey.table.ts';
import { researcher } from './research/research.table.ts';
import { searchDocuments } from './document.service.ts';

let app: TestApp;
beforeAll(async () => {
	app = await createTestApp();
});
afterAll(async () => app?.close());

describe('knowledge:generate', () => {
	it('inserts badged samples whose French and Arabic page text the search finds, with the page', async () => {
		const said: string[] = [];
		const io = { out: (line: string) => void said.push(line), err: (line: string) => void said.push(line) };
		expect(await runKnowledgeGenerate(['--documents', '30', '--pages', '2'], io, { database: app.database })).toBe(0);
		const all = await searchDocuments(app.database.db, { pageSize: 100 });
		expect(all.total).toBe(30);
		expect(all.items.every((item) => item.isSample)).toBe(true);
		const french = await searchDocuments(app.database.db, { q: 'cooperatives feminines' });
		expect(french.total).toBeGreaterThan(0);
		// a document found by its title alone has no snippet; one found in its text has its page
		expect(french.items.some((item) => item.snippet && item.snippet.page >= 1 && item.snippet.text.includes('\uE000'))).toBe(true);
		const arabic = await searchDocuments(app.database.db, { q: 'التعاونيات النسائية' });
		expect(arabic.total).toBeGreaterThan(0);
		expect(arabic.items.some((item) => item.snippet?.text.includes('\uE000'))).toBe(true);
		// a second run with the same prefix adds nothing
		expect(await runKnowledgeGenerate(['--documents', '30'], io, { database: app.database })).toBe(0);
		expect((await searchDocuments(app.database.db, {})).total).toBe(30);
		expect(await runKnowledgeGenerate(['--documents', 'many'], io, { database: app.database })).toBe(2);
	});
});

describe('knowledge:remove-samples', () => {
	it('deletes every sample of the module and nothing real, with one audit event', async () => {
		const sampled = await createTestApp({}, { referenceData: true });
		try {
			const db = sampled.database.db;
			await loadKnowledgeDemoData(db);
			await runKnowledgeGenerate(['--documents', '5', '--pages', '1'], { out: () => undefined, err: () => undefined }, { database: sampled.database });
			const counts = async () => ({
				samples: (await Promise.all([document, event, eventRegistration, survey, surveyResponse, researcher].map((table) => db.$count(table, eq(table.isSample, true))))).reduce((a, b) => a + b, 0),
				documents: await db.$count(document, eq(document.isSample, false)),
				events: await db.$count(event, eq(event.isSample, false)),
				surveys: await db.$count(survey, eq(survey.isSample, false))
			});
			const before = await counts();
			expect(before.samples).toBeGreaterThan(5);
			expect(before.documents).toBeGreaterThan(30);
			const said: string[] = [];
			const io = { out: (line: string) => void said.push(line), err: (line: string) => void said.push(line) };
			expect(await runKnowledgeRemoveSamples([], io, { database: sampled.database })).toBe(0);
			expect(said.at(-1)).toMatch(/^Removed \d+ sample documents, \d+ sample events/);
			expect(await counts()).toEqual({ ...before, samples: 0 });
			expect((await searchDocuments(db, { pageSize: 100 })).items.some((item) => item.isSample)).toBe(false);
			expect(await db.$count(auditEvent, eq(auditEvent.action, 'knowledge.remove_samples'))).toBe(1);
			expect(await runKnowledgeRemoveSamples(['--all'], io, { database: sampled.database })).toBe(2);
		} finally {
			await sampled.close();
		}
	});
});
