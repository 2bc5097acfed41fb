import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { runKnowledgeGenerate } from './cli/knowledge.ts';
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
