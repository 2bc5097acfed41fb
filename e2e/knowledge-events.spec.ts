// Events of the Knowledge library: a visitor, in French without JavaScript on a phone, finds SHARAKA's final
// event among the past events, opens it and downloads its .ics; the same page in Arabic passes axe-core.
// Screenshots at 360 and 1280 px go to test-results/screenshots/.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { expectLanguage, expectNoAxeViolations, expectNoRawMessageKeys, expectPhoneWidthAndLanguageOfParts, server, t, useBrowser } from './harness.ts';

const browser = useBrowser();
const { url } = server();
const screenshots = path.resolve('test-results/screenshots');
fs.mkdirSync(screenshots, { recursive: true });

async function shoot(page: Page, name: string) {
	for (const width of [360, 1280]) {
		await page.setViewportSize({ width, height: 800 });
		await page.screenshot({ path: path.join(screenshots, `knowledge-events-${name}-${width}.png`), fullPage: true });
	}
}

describe('Knowledge events', () => {
	test('a visitor finds the final event among past events (fr, no JavaScript), downloads its .ics; the Arabic page passes axe', { timeout: 120_000 }, async () => {
		const visitor = await browser.newPage({ javaScriptEnabled: false, phone: true });
		await visitor.goto('/fr/knowledge/events?when=past');
		await expectLanguage(visitor, 'fr');
		await visitor.getByRole('link', { name: 'Événement final de SHARAKA : séminaire de clôture' }).click();
		await visitor.waitForURL((address) => address.pathname.endsWith('/fr/knowledge/events/evenement-final-sharaka-2017'));
		await expect(visitor.getByText('Bibliothèque Nationale du Royaume du Maroc, Rabat').isVisible()).resolves.toBe(true);
		await expect(visitor.locator('script[type="application/ld+json"]').textContent()).resolves.toContain('"@type":"Event"');
		await expectNoRawMessageKeys(visitor);
		await shoot(visitor, 'final-fr');
		const ics = await fetch(url('/fr/knowledge/events/evenement-final-sharaka-2017/ics'));
		expect(ics.headers.get('content-type')).toContain('text/calendar');
		expect(await ics.text()).toContain('DTSTART:20171115T000000Z');

		const arabic = await browser.newPage({ javaScriptEnabled: true });
		await arabic.goto('/ar/knowledge/events/evenement-final-sharaka-2017');
		await expectLanguage(arabic, 'ar');
		await expect(arabic.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('الحدث الختامي لمشروع شراكة: ندوة الاختتام');
		await expect(arabic.getByText(t('ar', 'events.documents')).isVisible()).resolves.toBe(true);
		await expectNoAxeViolations(arabic);
		await expectPhoneWidthAndLanguageOfParts(arabic, 'ar');
		await shoot(arabic, 'final-ar');
	});
});
