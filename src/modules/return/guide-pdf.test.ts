import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { guidePdf } from './guide-pdf.ts';
import { guideTopics, topicProfiles } from './return.model.ts';
import { guidePages } from './guide.ts';
import { aPerson, contextFor } from '../../platform/testing/people.ts';
import { getContentPage, reviseContentPage } from '../../platform/content/content-pages.service.ts';

let app: TestApp;
beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
});
afterAll(() => app.close());

async function pagesOf(pdf: Uint8Array): Promise<string[]> {
	const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
	const document = await getDocument({ data: new Uint8Array(pdf), verbosity: 0, disableFontFace: true }).promise;
	const pages: string[] = [];
	for (let number = 1; number <= document.numPages; number++) {
		const content = await (await document.getPage(number)).getTextContent();
		pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
	}
	return pages;
}

describe('the guide as a PDF', () => {
	const at = { now: new Date('2026-07-15T10:00:00Z'), publicUrl: 'https://sharaka.example' };

	it('holds every topic in French, the date it was made and where the up-to-date guide is', async () => {
		const { pdf, fileName } = await guidePdf(app.database.db, 'fr', null, at);
		expect(fileName).toBe('guide-du-retour.pdf');
		const pages = await pagesOf(pdf);
		// the contents, then at least a page a topic
		expect(pages.length).toBeGreaterThanOrEqual(guideTopics.length + 1);
		expect(pages[0]).toContain('15 juillet 2026');
		expect(pages[0]).toContain('https://sharaka.example/fr/return/guide');
		expect(pages.join(' ')).toContain('Sources');
	});

	it('gives a retiree their part only, in Arabic', async () => {
		const { pdf, fileName } = await guidePdf(app.database.db, 'ar', 'retiree', at);
		expect(fileName).toBe('دليل-العودة-retiree.pdf');
		const pages = await pagesOf(pdf);
		const retireeTopics = guideTopics.filter((topic) => topicProfiles[topic].includes('retiree'));
		expect(retireeTopics.length).toBeLessThan(guideTopics.length);
		expect(pages.length).toBeGreaterThanOrEqual(retireeTopics.length + 1);
		expect(pages.length).toBeLessThan((await pagesOf((await guidePdf(app.database.db, 'ar', null, at)).pdf)).length);
		expect(pages[0].normalize('NFKC')).toMatch(/[\u0600-\u06FF]/);
	});
});

describe('a new version of a page', () => {
	it('makes a new PDF with the new text; an unchanged guide is not typeset again', async () => {
		const db = app.database.db;
		const at = { now: new Date('2026-07-15T10:00:00Z'), publicUrl: 'https://sharaka.example' };
		const first = await guidePdf(db, 'en', 'student', at);
		expect(await guidePdf(db, 'en', 'student', at)).toBe(first);
		const { version } = await getContentPage(db, guidePages, 'schooling');
		const editor = await aPerson(db, { role: 'moderator' });
		await reviseContentPage(contextFor(db, editor), guidePages, 'schooling', {
			baseVersion: version.version,
			title: version.title,
			summary: version.summary,
			body: { ...version.body, en: 'A newly checked paragraph about schools.' },
			steps: version.steps,
			sources: version.sources,
			reviewedOn: '2026-07-14',
			comment: 'Checked'
		});
		const second = await guidePdf(db, 'en', 'student', at);
		expect(second).not.toBe(first);
		expect((await pagesOf(second.pdf)).join(' ')).toContain('A newly checked paragraph about schools.');
	});
});
