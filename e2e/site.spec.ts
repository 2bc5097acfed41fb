// The public site: languages and direction, the language switcher, accessibility (axe-core,
// WCAG 2.1 AA) and no raw message key on every public page, and pages without JavaScript.
import { describe, expect, test } from 'vitest';
import { expectLanguage, expectNoAxeViolations, expectNoRawMessageKeys, expectPhoneWidthAndLanguageOfParts, exactly, server, t, useBrowser } from './harness.ts';
import { publicPages, scannedLanguages } from './pages.ts';
import { languages, languageNames } from '#platform/i18n/languages.ts';

const browser = useBrowser();

test('the server answers its health check on the expected database', async () => {
	const response = await fetch(server().url('/api/v1/health'));
	expect(response.status).toBe(200);
	const health = (await response.json()) as { status: string; database: string };
	expect(health).toMatchObject({ status: 'ok', database: process.env.DATABASE_URL ? 'postgresql' : 'pglite' });
	expect(server().database).toBe(health.database);
});

describe('languages', () => {
	for (const language of languages) {
		test(`/${language} is served in ${language} with the right direction`, async () => {
			const page = await browser.newPage();
			const response = await page.goto(`/${language}`);
			expect(response?.status()).toBe(200);
			await expectLanguage(page, language);
			await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(t(language, 'common.home_title'));
		});
	}

	for (const [acceptLanguage, expected] of [
		['ar-MA,ar;q=0.9,fr;q=0.8', 'ar'],
		['en-GB,en;q=0.9', 'en'],
		['fr-MA', 'fr'],
		['de-DE,de;q=0.9', 'fr']
	] as const) {
		test(`/ sends a browser asking for "${acceptLanguage}" to /${expected}`, async () => {
			const page = await browser.newPage({ locale: acceptLanguage.split(',')[0] });
			await page.setExtraHTTPHeaders({ 'accept-language': acceptLanguage });
			await page.goto('/');
			expect(new URL(page.url()).pathname).toBe(`/${expected}`);
			await expectLanguage(page, expected);
		});
	}
});

describe('language switcher', () => {
	test('keeps the current page (and its query) when changing language', async () => {
		const page = await browser.newPage();
		await page.goto('/fr/talents/cards?q=ingenieur');
		const switcher = page.getByRole('navigation', { name: t('fr', 'common.language_switcher') });

		await switcher.getByRole('link', { name: languageNames.ar }).click();
		expect(page.url()).toBe(server().url('/ar/talents/cards?q=ingenieur'));
		await expectLanguage(page, 'ar');

		await page
			.getByRole('navigation', { name: t('ar', 'common.language_switcher') })
			.getByRole('link', { name: languageNames.en })
			.click();
		expect(page.url()).toBe(server().url('/en/talents/cards?q=ingenieur'));
		await expectLanguage(page, 'en');
	});

	test('marks the current language', async () => {
		const page = await browser.newPage();
		await page.goto('/ar/legal');
		const current = page
			.getByRole('navigation', { name: t('ar', 'common.language_switcher') })
			.locator('a[aria-current="true"]');
		await expect(current.textContent()).resolves.toBe(languageNames.ar);
	});
});

describe.concurrent('public pages: axe-core (WCAG 2.1 A and AA), no raw message key, no sideways scroll at 320 px, language of parts', () => {
	for (const language of scannedLanguages) {
		for (const entry of publicPages) {
			const path = entry.prefixed === false ? entry.path : `/${language}${entry.path}`;
			test(`${entry.name}: ${path}${entry.prefixed === false ? ` (${language})` : ''}`, async ({ onTestFinished }) => {
				const page = await browser.newPage({ locale: language });
				onTestFinished(() => page.context().close());
				const response = await page.goto(path);
				expect(response?.status(), `HTTP status of ${path}`).toBe(entry.status ?? 200);
				await expectLanguage(page, language);
				await expect(page.getByRole('heading', { level: 1 }).count(), 'exactly one h1').resolves.toBe(1);
				await expect(page.title()).resolves.toMatch(/\S/);
				await expectNoRawMessageKeys(page);
				await expectNoAxeViolations(page);
				await expectPhoneWidthAndLanguageOfParts(page, language);
			});
		}
	}
});

describe('without JavaScript', () => {
	test('pages render and navigation works with links alone', async () => {
		const page = await browser.newPage({ javaScriptEnabled: false });
		await page.goto('/ar');
		await expectLanguage(page, 'ar');
		await page
			.getByRole('navigation', { name: t('ar', 'common.main_navigation') })
			.getByRole('link', { name: exactly(t('ar', 'common.nav_talents')) })
			.click();
		expect(new URL(page.url()).pathname).toBe('/ar/talents');
		await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(t('ar', 'common.module_talents_title'));
		await page.getByRole('link', { name: t('ar', 'common.footer_accessibility') }).click();
		expect(new URL(page.url()).pathname).toBe('/ar/accessibility');
		await expectNoRawMessageKeys(page);
	});

	test('the skip link leads to the main content', async () => {
		const page = await browser.newPage({ javaScriptEnabled: false });
		await page.goto('/fr/legal');
		await page.keyboard.press('Tab');
		const skip = page.getByRole('link', { name: t('fr', 'common.skip_to_content') });
		await expect(skip.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
		await page.keyboard.press('Enter');
		// Following an in-page link is not awaited by the key press: wait for the address to change.
		await page.waitForURL((url) => url.hash === '#main', { timeout: 5000 });
		expect(new URL(page.url()).hash).toBe('#main');
	});
});

describe('a form sent over the size limit', () => {
	test('comes back to its page, unread, which says why in the page’s language (issue 17, rule 19)', async () => {
		const origin = server().url('');
		const response = await fetch(server().url('/ar/contact'), {
			method: 'POST',
			body: new Uint8Array(2 * 1024 * 1024),
			headers: { 'content-type': 'application/x-www-form-urlencoded', origin: origin.replace(/\/$/, '') },
			redirect: 'manual'
		});
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe('/ar/contact?refused=too_large');
		const page = await browser.newPage();
		await page.goto('/ar/contact?refused=too_large');
		await expectLanguage(page, 'ar');
		await expect(page.getByRole('alert').textContent()).resolves.toContain(t('ar', 'errors.payload_too_large', { limit: '1 MB' }));
		await expectNoAxeViolations(page);
	});
});
