// Steps that several browser specs take the same way: a person's e-mails, signing up with the e-mail
// confirmation, signing in as a demo account, and the checks every page of a flow passes.
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '#platform/demo/demo.ts';
import type { Language } from '#platform/i18n/languages.ts';
import { accountMenu, expectLanguage, expectNoAxeViolations, expectNoRawMessageKeys, expectPhoneWidthAndLanguageOfParts, savesScreenshots, server, signIn, t, type Email, type useBrowser } from './harness.ts';

/** The e-mails sent to `address` since the outbox held `after` messages; waits up to 5 s for `count` of them. */
export async function emailsTo(address: string, after: number, count = 1): Promise<Email[]> {
	const deadline = Date.now() + 5000;
	for (;;) {
		const found = server()
			.outbox()
			.slice(after)
			.filter((message) => message.to.includes(address));
		if (found.length >= count || Date.now() > deadline) return found;
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

/** Signs up through the form, follows the confirmation link of the e-mail and signs in. */
export async function signUpAndConfirm(page: Page, language: Language, name: string, email: string, password: string) {
	const before = server().outbox().length;
	await page.goto(`/${language}`);
	await accountMenu(page, language).getByRole('link', { name: t(language, 'common.nav_sign_up'), exact: true }).click();
	const main = page.getByRole('main');
	await main.getByLabel(t(language, 'account.name_label'), { exact: true }).fill(name);
	await main.getByLabel(t(language, 'account.email_label'), { exact: true }).fill(email);
	await main.getByLabel(t(language, 'account.password_label'), { exact: true }).fill(password);
	await main.getByLabel(t(language, 'account.password_confirmation_label'), { exact: true }).fill(password);
	await main.getByRole('button', { name: t(language, 'account.sign_up_submit'), exact: true }).click();
	const [verification] = await emailsTo(email, before);
	const link = verification?.links.find((href) => href.includes('/account/verify-email?token='));
	expect(link, 'a confirmation link').toBeDefined();
	await page.goto(link!);
	await signIn(page, language, email, password);
	await page.waitForURL((url) => !url.pathname.includes('/account/sign-in'));
}

/**
 * The demo accounts' sessions, signed in once for the whole run (the spec files share this module): each
 * sign-in hashes the password and loads three pages, and the sign-in form has its own spec (account). A
 * spec that signs out or ends sessions signs in with `signIn` on its own page, never through this.
 */
const demoSessions = new Map<string, { state: Awaited<ReturnType<BrowserContext['storageState']>>; landing: string }>();

/** A new page (its own cookies) signed in as a demo account, on the page the sign-in leads to. */
export async function signedInAs(browser: ReturnType<typeof useBrowser>, email: string, language: Language, javaScriptEnabled = true, phone = false): Promise<Page> {
	const kept = demoSessions.get(email);
	if (kept) {
		const page = await browser.newPage({ javaScriptEnabled, locale: language, phone, storageState: kept.state });
		await page.goto(kept.landing.replace(/^\/[a-z]{2}(?=\/|$)/, `/${language}`));
		if (!new URL(page.url()).pathname.includes('/account/sign-in')) return page;
		// the session ended (a spec signed this account out everywhere): sign in again below
		await page.context().close();
		demoSessions.delete(email);
	}
	const page = await browser.newPage({ javaScriptEnabled, locale: language, phone });
	await signIn(page, language, email, DEMO_PASSWORD);
	await page.waitForURL((url) => !url.pathname.includes('/account/sign-in'));
	const landing = new URL(page.url());
	demoSessions.set(email, { state: await page.context().storageState(), landing: landing.pathname + landing.search });
	return page;
}

/** What every page of a flow passes: its language and direction, one h1, no raw message key, and (with `axe`) no axe-core violation. */
export async function check(page: Page, language: Language, axe = true) {
	await expectLanguage(page, language);
	await expect(page.getByRole('heading', { level: 1 }).count()).resolves.toBe(1);
	await expectNoRawMessageKeys(page);
	if (axe) await expectNoAxeViolations(page);
}

/**
 * Opens each page in turn and checks it as `check` does, then that nothing scrolls sideways at 320 px and no text
 * lacks its language, and shoots it (`shoot` from `screenshotsFor`) under its name.
 */
export async function checkEach(page: Page, language: Language, pages: readonly (readonly [path: string, name: string])[], shoot: (page: Page, name: string) => Promise<void>) {
	for (const [address, name] of pages) {
		await page.goto(address);
		await check(page, language);
		await expectPhoneWidthAndLanguageOfParts(page, language);
		await shoot(page, name);
	}
}

/**
 * Ticks choices of a ChoicePicker as a person does: opens its disclosure if it is closed, then checks each
 * box (or the radio button) of the given values.
 */
export async function pick(scope: Page | Locator, name: string, values: readonly string[]) {
	const disclosure = scope.locator(`details#field-${name}`);
	if ((await disclosure.count()) && !(await disclosure.evaluate((element) => (element as HTMLDetailsElement).open))) {
		await disclosure.locator('summary').click();
	}
	for (const value of values) await scope.locator(`input[name="${name}"][value="${value}"]`).check();
}

/**
 * A spec's screenshots: `shoot(page, name)` saves the full page at 360 and 1280 px as
 * test-results/screenshots/<prefix>-<name>-<width>.png (<name>-<width>.png without a prefix), then gives the
 * page its viewport back. Nothing is saved when the run leaves render checks out (`E2E_RENDER_CHECKS=off`).
 */
export function screenshotsFor(prefix: string) {
	const folder = path.resolve('test-results/screenshots');
	fs.mkdirSync(folder, { recursive: true });
	return async (page: Page, name: string) => {
		if (!savesScreenshots) return;
		const viewport = page.viewportSize();
		for (const width of [360, 1280]) {
			await page.setViewportSize({ width, height: 800 });
			await page.screenshot({ path: path.join(folder, `${prefix ? `${prefix}-` : ''}${name}-${width}.png`), fullPage: true });
		}
		if (viewport) await page.setViewportSize(viewport);
	};
}
