// On a phone: the installable web app (manifest, service worker), reading offline (rights pages, offers
// kept on the device or saved to the account, the offline page in the visitor's language), saved offers
// with plain forms and without JavaScript, and touch targets on a narrow screen. In French and Arabic.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { chromium, type Page } from 'playwright-core';
import { DEMO_PASSWORD } from '#platform/demo/demo.ts';
import { direction, type Language } from '#platform/i18n/languages.ts';
import { accountMenu, chromiumPath, exactly, expectLanguage, server, signIn, t, useBrowser } from './harness.ts';
import { check } from './flows.ts';

const browser = useBrowser();
const languages: Language[] = ['fr', 'ar'];
const member = 'member@demo.sharaka.ma';

const startsWith = (text: string) => new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);

/** Waits until the service worker of the language is active and controls the page (after its precache). */
async function serviceWorkerReady(page: Page, language: Language) {
	const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
	expect(scope).toBe(server().url(`/${language}/`));
	await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** Polls the page's caches until `url` is (or is no longer) kept there. */
async function waitForCopy(page: Page, url: string, present: boolean) {
	const deadline = Date.now() + 10_000;
	for (;;) {
		const found = await page.evaluate(async (address) => Boolean(await caches.match(address)), server().url(url));
		if (found === present || Date.now() > deadline) return expect(found, `${url} kept offline`).toBe(present);
		await page.waitForTimeout(100);
	}
}

/** The site's stylesheet applies (a copy served offline still finds its styles). */
async function expectStyled(page: Page) {
	await expect(page.locator('.site-header').evaluate((header) => getComputedStyle(header).backgroundColor)).resolves.toBe('rgb(11, 93, 75)');
}

/** An offer found by its title on the search page: its path and exact title. */
async function findOffer(page: Page, language: Language, title: string) {
	await page.goto(`/${language}/jobs?q=${encodeURIComponent(title)}`);
	const link = page.getByRole('main').getByRole('link', { name: title, exact: true }).first();
	return { path: (await link.getAttribute('href'))!, title };
}

/** The h1 of a page as the server sends it (fetched outside the browser, so nothing gets cached). */
async function headingOf(url: string, language: Language): Promise<string> {
	const html = await (await fetch(server().url(url), { headers: { 'accept-language': language } })).text();
	return /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)![1].replace(/<[^>]+>/g, '').trim();
}

describe('the installable web app', () => {
	for (const language of languages) {
		test(`meets Chromium's install criteria in ${language}`, async () => {
			// A profile on disk: Chromium never offers to install from an incognito context.
			const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'sharaka-install-'));
			const context = await chromium.launchPersistentContext(profile, {
				executablePath: chromiumPath,
				args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
				baseURL: server().baseUrl,
				locale: language
			});
			try {
				const page = await context.newPage();
				await page.goto(`/${language}/jobs`);
				expect(await page.locator('link[rel="manifest"]').getAttribute('href')).toBe(`/${language}/manifest.webmanifest`);
				expect(await page.locator('meta[name="theme-color"]').getAttribute('content')).toBe('#0b5d4b');

				const response = await page.request.get(`/${language}/manifest.webmanifest`);
				expect(response.headers()['content-type']).toMatch(/^application\/manifest\+json/);
				const manifest = await response.json();
				expect(manifest).toMatchObject({
					name: t(language, 'offline.app_name'),
					short_name: t(language, 'offline.app_short_name'),
					lang: language,
					dir: direction(language),
					scope: `/${language}/`,
					display: 'standalone',
					theme_color: '#0b5d4b'
				});
				const icons = manifest.icons as { src: string; sizes: string; type: string; purpose: string }[];
				for (const size of ['192x192', '512x512']) expect(icons.some((icon) => icon.sizes === size && icon.type === 'image/png' && icon.purpose === 'any')).toBe(true);
				expect(icons.some((icon) => icon.purpose === 'maskable')).toBe(true);
				for (const icon of icons) {
					const file = await page.request.get(icon.src);
					expect(file.status(), icon.src).toBe(200);
					expect(file.headers()['content-type']).toBe(icon.type);
				}

				await serviceWorkerReady(page, language);
				const worker = await page.request.get(`/${language}/service-worker.js`);
				expect(worker.headers()['cache-control']).toBe('no-cache');

				const cdp = await context.newCDPSession(page);
				const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
				expect(installabilityErrors).toEqual([]);
				const { errors } = await cdp.send('Page.getAppManifest');
				expect(errors).toEqual([]);
			} finally {
				await context.close();
				fs.rmSync(profile, { recursive: true, force: true });
			}
		});
	}
});

describe('reading offline', () => {
	for (const [language, title] of [
		['fr', 'Conducteur de tracteur'],
		['ar', 'Chef d’équipe maraîchage']
	] as [Language, string][]) {
		test(`a visitor without an account keeps an offer and reads it, and the rights pages, offline (${language})`, async () => {
			const page = await browser.newPage({ locale: language });
			const offer = await findOffer(page, language, title);
			const rightsPage = `/${language}/jobs/rights/work-contract`;
			const rightsTitle = await headingOf(rightsPage, language);
			await serviceWorkerReady(page, language);

			await page.goto(offer.path);
			await page.getByRole('button', { name: t(language, 'saved.keep_button'), exact: true }).click();
			await expect.poll(() => page.locator('[data-offline-status]').textContent()).toBe(t(language, 'saved.keep_done'));
			await expect(page.getByRole('button', { name: t(language, 'saved.keep_remove'), exact: true }).isVisible()).resolves.toBe(true);
			await check(page, language);

			// the saved list lists what this phone keeps
			await page.goto(`/${language}/jobs/saved`);
			const kept = page.getByRole('region', { name: t(language, 'offline.kept_title') });
			await expect(kept.getByRole('link', { name: offer.title, exact: true }).getAttribute('href')).resolves.toBe(offer.path);
			await check(page, language);

			await page.context().setOffline(true);
			try {
				// a rights page the visitor never opened: kept when the service worker was installed
				await page.goto(rightsPage);
				await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(rightsTitle);
				await expectStyled(page);
				await page.goto(offer.path);
				await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(offer.title);
				await expectStyled(page);
				await page.goto(`/${language}/jobs/saved`);
				await expect(page.getByRole('region', { name: t(language, 'offline.kept_title') }).getByRole('link', { name: offer.title, exact: true }).count()).resolves.toBe(1);
				// a page nobody kept: the offline page, in the visitor's language
				await page.goto(`/${language}/atlas/dashboard`);
				await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(t(language, 'offline.offline_title'));
				await expectStyled(page);
				await expect(page.getByRole('main').getByRole('link', { name: t(language, 'saved.offline_rights'), exact: true }).getAttribute('href')).resolves.toBe(`/${language}/jobs/rights`);
				await check(page, language, false);
				// the offer search itself is never kept
				await page.goto(`/${language}/jobs`);
				await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(t(language, 'offline.offline_title'));
			} finally {
				await page.context().setOffline(false);
			}

			// forgetting the copy: the offer is no longer readable offline
			await page.goto(offer.path);
			await page.getByRole('button', { name: t(language, 'saved.keep_remove'), exact: true }).click();
			await expect.poll(() => page.locator('[data-offline-status]').textContent()).toBe(t(language, 'saved.keep_removed'));
			await waitForCopy(page, offer.path, false);
			await page.context().close();
		});
	}

	test('the return guide is readable offline from the first visit to a Return page, in Arabic', async () => {
		const language: Language = 'ar';
		const page = await browser.newPage({ locale: language });
		const topicPage = `/${language}/return/guide/customs`;
		const topicTitle = await headingOf(topicPage, language);
		await page.goto(`/${language}/return`);
		await serviceWorkerReady(page, language);
		await waitForCopy(page, topicPage, true);
		await page.context().setOffline(true);
		try {
			// a guide page never opened, the whole guide and the pension table
			await page.goto(topicPage);
			await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(topicTitle);
			await expectLanguage(page, language);
			await expectStyled(page);
			await page.goto(`/${language}/return/guide`);
			await expect(page.getByText(t(language, 'return.offline_note')).count()).resolves.toBe(1);
			await page.goto(`/${language}/return/pensions`);
			await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.not.toBe(t(language, 'offline.offline_title'));
			// the offline page names the guide
			await page.goto(`/${language}/return/cases`);
			await expect(page.getByRole('main').getByRole('link', { name: t(language, 'return.offline_guide'), exact: true }).getAttribute('href')).resolves.toBe(`/${language}/return/guide`);
			await check(page, language, false);
		} finally {
			await page.context().setOffline(false);
		}
		await page.context().close();
	});

	test('an uncached page answers the offline page in Arabic, right to left, when the network is gone', async () => {
		const page = await browser.newPage({ locale: 'ar' });
		await page.goto('/ar/jobs/rights');
		await serviceWorkerReady(page, 'ar');
		await page.context().setOffline(true);
		await page.goto('/ar/jobs/programmes');
		await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(t('ar', 'offline.offline_title'));
		await expectLanguage(page, 'ar');
		await expectStyled(page);
		await expect(page.getByText(t('ar', 'offline.offline_intro')).count()).resolves.toBe(1);
		await page.context().setOffline(false);
		await page.context().close();
	});
});

describe('saved offers', () => {
	test('a job seeker saves an offer (ar, with axe), reads it offline, and signing out forgets the personal copies', async () => {
		const language: Language = 'ar';
		const page = await browser.newPage({ locale: language });
		await signIn(page, language, member, DEMO_PASSWORD);
		await page.waitForURL((url) => !url.pathname.includes('/account/sign-in'));
		const offer = await findOffer(page, language, 'Réceptionniste de riad');
		await serviceWorkerReady(page, language);

		await page.goto(offer.path);
		await page.getByRole('button', { name: startsWith(t(language, 'saved.save_button')) }).click();
		expect(new URL(page.url()).pathname).toBe(offer.path);
		await expect(page.getByRole('status').filter({ hasText: t(language, 'saved.saved_done') }).count()).resolves.toBe(1);
		await expect(page.getByText(t(language, 'saved.saved_state')).count()).resolves.toBe(1);
		await expect(page.getByRole('button', { name: startsWith(t(language, 'saved.unsave_button')) }).count()).resolves.toBe(1);
		await check(page, language);

		await page.goto(`/${language}/jobs/saved`);
		const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: offer.title }) });
		await expect(card.getByRole('link', { name: offer.title, exact: true }).getAttribute('href')).resolves.toBe(offer.path);
		await expect(card.textContent()).resolves.toContain(t(language, 'saved.remove'));
		await check(page, language);
		await waitForCopy(page, offer.path, true);
		await waitForCopy(page, `/${language}/jobs/saved`, true);

		await page.context().setOffline(true);
		await page.goto(offer.path);
		await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(offer.title);
		await page.goto(`/${language}/jobs/saved`);
		await expect(page.getByRole('main').getByRole('link', { name: offer.title, exact: true }).count()).resolves.toBeGreaterThan(0);
		await page.context().setOffline(false);

		// on a shared phone, signing out leaves nothing personal behind
		await page.goto(`/${language}/jobs`);
		await accountMenu(page, language).getByRole('button', { name: t(language, 'common.nav_sign_out') }).click();
		await waitForCopy(page, `/${language}/jobs/saved`, false);
		await waitForCopy(page, offer.path, false);
		await page.context().setOffline(true);
		await page.goto(offer.path);
		await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(t(language, 'offline.offline_title'));
		await page.context().setOffline(false);
		await page.context().close();
	});

	test('saving and removing work with plain forms, without JavaScript (fr)', async () => {
		const language: Language = 'fr';
		const anonymous = await browser.newPage({ locale: language, javaScriptEnabled: false });
		const offer = await findOffer(anonymous, language, 'Soudeur');
		await anonymous.goto(offer.path);
		// without a script the "keep offline" button stays hidden; signing in is offered to save
		await expect(anonymous.getByRole('button', { name: t(language, 'saved.keep_button') }).count()).resolves.toBe(0);
		await expect(anonymous.getByRole('link', { name: t(language, 'saved.sign_in_to_save'), exact: true }).getAttribute('href')).resolves.toBe(
			`/${language}/account/sign-in?next=${encodeURIComponent(offer.path)}`
		);
		await anonymous.goto(`/${language}/jobs/saved`);
		await expect(anonymous.getByText(t(language, 'saved.saved_intro_anonymous')).count()).resolves.toBe(1);
		await expect(anonymous.getByRole('region', { name: t(language, 'offline.kept_title') }).count()).resolves.toBe(0);
		await anonymous.context().close();

		const page = await browser.newPage({ locale: language, javaScriptEnabled: false });
		await signIn(page, language, member, DEMO_PASSWORD);
		await page.waitForURL((url) => !url.pathname.includes('/account/sign-in'));
		await page.goto(offer.path);
		await check(page, language, false);
		await page.getByRole('button', { name: `${t(language, 'saved.save_button')} — ${offer.title}` }).click();
		await expect(page.getByRole('status').filter({ hasText: t(language, 'saved.saved_done') }).count()).resolves.toBe(1);

		await page.getByRole('link', { name: t(language, 'saved.saved_link'), exact: true }).click();
		expect(new URL(page.url()).pathname).toBe(`/${language}/jobs/saved`);
		await check(page, language, false);
		const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: offer.title, exact: true }) });
		await expect(card.textContent()).resolves.toContain(t(language, 'saved.saved_on', { date: '' }).trim());
		await card.getByRole('button', { name: `${t(language, 'saved.remove')} — ${offer.title}` }).click();
		expect(new URL(page.url()).pathname).toBe(`/${language}/jobs/saved`);
		await expect(page.getByRole('status').filter({ hasText: t(language, 'saved.removed_done') }).count()).resolves.toBe(1);
		await expect(page.getByRole('heading', { name: offer.title, exact: true }).count()).resolves.toBe(0);
		await page.context().close();
	});
});

describe('on a narrow phone screen', () => {
	test('buttons and links that stand alone are at least 44 × 44 px on the jobs pages (fr, ar)', async () => {
		const page = await browser.newPage({ locale: 'fr' });
		await page.setViewportSize({ width: 360, height: 640 });
		const problems: string[] = [];
		for (const language of languages) {
			const offer = await findOffer(page, language, 'Plombier');
			for (const url of [`/${language}/jobs`, offer.path, `/${language}/jobs/saved`, `/${language}/offline`, `/${language}/jobs/rights`, `/${language}/jobs/rights/work-contract`]) {
				await page.goto(url);
				if (url === offer.path) await page.getByRole('button', { name: t(language, 'saved.keep_button'), exact: true }).waitFor();
				const small = await page.evaluate(() => {
					const found: string[] = [];
					for (const element of document.querySelectorAll<HTMLElement>('main a, main button, footer a, .site-header a, .site-header button')) {
						const box = element.getBoundingClientRect();
						if (box.width === 0 && box.height === 0) continue; // hidden
						const parentText = element.parentElement?.textContent?.trim() ?? '';
						// a link inside a sentence keeps its line's height (WCAG 2.5.5's inline exception)
						const standsAlone = element.tagName === 'BUTTON' || element.classList.contains('button') || parentText === element.textContent?.trim() || element.closest('.pagination') !== null;
						if (standsAlone && (box.width < 44 || box.height < 44)) found.push(`${element.textContent?.trim()} (${Math.round(box.width)}×${Math.round(box.height)})`);
					}
					return found;
				});
				problems.push(...small.map((entry) => `${url}: ${entry}`));
			}
		}
		expect(problems).toEqual([]);
		await page.context().close();
	});
});
