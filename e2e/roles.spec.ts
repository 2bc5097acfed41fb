// Every demo role finds its places from the home page (issue #9): signed in, "my space" in the header is one
// click away and lists the spaces of the role; each space opens from there (the second click). On every page
// reached, in French (without JavaScript), Arabic and English: nothing scrolls sideways on a 320 px phone, and every piece of content in
// another language than the page carries its own `lang` (WCAG 3.1.2). Screenshots of each page at 360 and
// 1280 px are written to test-results/screenshots/ for a reviewer (kept by CI as artefacts).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, onTestFinished, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { Language } from '#platform/i18n/languages.ts';
import { check, signedInAs } from './flows.ts';
import { expectPhoneWidthAndLanguageOfParts, t, useBrowser, savesScreenshots } from './harness.ts';

const browser = useBrowser();
const screenshots = path.resolve('test-results/screenshots');
fs.mkdirSync(screenshots, { recursive: true });

/** Each demo role and the spaces its "my space" must offer (by their titles' message keys). */
const roles: { role: string; email: string | null; spaces: string[] }[] = [
	{ role: 'visitor', email: null, spaces: [] },
	{ role: 'member', email: 'member@demo.sharaka.ma', spaces: ['jobs.space_profile', 'jobs.space_applications', 'jobs.space_saved'] },
	{ role: 'partner', email: 'partner@demo.sharaka.ma', spaces: ['atlas.space_propose', 'atlas.space_imports'] },
	{ role: 'employer', email: 'employer@demo.sharaka.ma', spaces: ['jobs.space_employer', 'jobs.space_employer_applications'] },
	{ role: 'counsellor', email: 'counsellor@demo.sharaka.ma', spaces: ['jobs.space_counsellor', 'jobs.space_validations'] },
	{ role: 'moderator', email: 'moderator@demo.sharaka.ma', spaces: ['atlas.space_moderation', 'atlas.space_stale', 'atlas.space_organisations'] },
	{ role: 'administrator', email: 'admin@demo.sharaka.ma', spaces: ['atlas.space_moderation', 'atlas.space_rates', 'counsellors.agencies_title'] }
];

/** What every page reached must pass at 320 px, then screenshots at 360 and 1280 px. */
async function phoneChecks(page: Page, language: Language, name: string) {
	await expectPhoneWidthAndLanguageOfParts(page, language);
	for (const width of [360, 1280]) {
		await page.setViewportSize({ width, height: 900 });
		if (savesScreenshots) await page.screenshot({ path: path.join(screenshots, `${name}-${language}-${width}.png`), fullPage: true });
	}
}

describe('each role finds its places from the home page', () => {
	for (const { role, email, spaces } of roles) {
		for (const language of ['fr', 'ar', 'en'] as const) {
			// French without JavaScript: every space is reached with links alone
			const javaScriptEnabled = language !== 'fr';
			test(`${role} (${language}${javaScriptEnabled ? '' : ', no JavaScript'})`, async () => {
				const page = email ? await signedInAs(browser, email, language, javaScriptEnabled) : await browser.newPage({ locale: language, javaScriptEnabled });
				onTestFinished(() => page.context().close());
				await page.goto(`/${language}`);
				await check(page, language, false);
				await phoneChecks(page, language, `${role}-home`);
				if (!email) {
					// a visitor reaches the Atlas and the job offers from the home page in one click
					await page.setViewportSize({ width: 1280, height: 900 });
					for (const [link, name] of [
						['common.nav_atlas', 'atlas'],
						['common.nav_jobs', 'jobs']
					] as const) {
						await page.goto(`/${language}`);
						await page.getByRole('navigation', { name: t(language, 'common.main_navigation') }).getByRole('link', { name: t(language, link) }).click();
						await check(page, language, false);
						await phoneChecks(page, language, `${role}-${name}`);
					}
					return;
				}
				// first click: "my space" in the header
				await page.setViewportSize({ width: 1280, height: 900 });
				await page.getByRole('link', { name: t(language, 'space.title'), exact: true }).first().click();
				await check(page, language, language === 'ar');
				await phoneChecks(page, language, `${role}-my-space`);
				// second click: each space of the role
				for (const key of spaces) {
					await page.goto(`/${language}/my-space`);
					await page.setViewportSize({ width: 1280, height: 900 });
					const link = page.getByRole('main').getByRole('link', { name: t(language, key), exact: true });
					await expect(link.count(), `${role}: "${t(language, key)}" in my space`).resolves.toBe(1);
					await link.click();
					await check(page, language, false);
					await phoneChecks(page, language, `${role}-${key.replace(/[^a-z]+/gi, '-')}`);
				}
			});
		}
	}
});
