import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../platform/app.ts';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { apiEvent } from '../../platform/testing/api-event.ts';
import { GET as list } from './routes/api/v1/knowledge/documents/+server.ts';
import { GET as one } from './routes/api/v1/knowledge/documents/[id]/+server.ts';
import { GET as cite } from './routes/api/v1/knowledge/documents/[id]/citation/+server.ts';

let app: TestApp;
const holder = globalThis as typeof globalThis & { __sharakaApp?: Promise<App> };

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	holder.__sharakaApp = Promise.resolve(app);
});
afterAll(async () => {
	delete holder.__sharakaApp;
	await app?.close();
});

describe('the Knowledge API', () => {
	it('lists, shows and cites the real documents; refuses an unknown format with the field and an unknown document with 404', async () => {
		const listed = await list(apiEvent(null, { search: '?type=guide' }));
		expect(listed.status).toBe(200);
		const body = await listed.json();
		expect(body.items.map((item: { slug: string }) => item.slug)).toEqual(['guide-intervenant-retour-urgence']);
		expect(body.facets.type.report).toBeGreaterThan(0);

		const shown = await one(apiEvent(null, { params: { id: 'guide-intervenant-retour-urgence' } }));
		expect(await shown.json()).toMatchObject({ type: 'guide', status: 'published', sources: [{ citation: expect.stringContaining('annexe 3.4') }] });

		const bib = await cite(apiEvent(null, { params: { id: 'guide-intervenant-retour-urgence' }, search: '?format=bibtex' }));
		expect(bib.headers.get('content-type')).toContain('application/x-bibtex');
		expect(bib.headers.get('content-disposition')).toContain('guide-intervenant-retour-urgence.bib');
		expect(await bib.text()).toMatch(/^@book\{guide_intervenant_retour_urgence,/);

		const wrong = await cite(apiEvent(null, { params: { id: 'guide-intervenant-retour-urgence' }, search: '?format=word', language: 'fr' }));
		expect(wrong.status).toBe(400);
		expect(JSON.stringify(await wrong.json())).toContain('format');
		expect((await one(apiEvent(null, { params: { id: 'nothing-here' } }))).status).toBe(404);
	});
});
