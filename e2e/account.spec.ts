// A person creates an account, confirms the address from the e-mail, signs in and signs out —
// in French (JavaScript disabled) and in Arabic (right-to-left). Texts come from messages/*/account.json.
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { Language } from '#platform/i18n/languages.ts';
import { accountMenu, expectLanguage, expectNoRawMessageKeys, server, signIn, t, useBrowser } from './harness.ts';

const browser = useBrowser();

/** The e-mails to `address` sent after the first `after` ones; waits a little, as they go out after the answer. */
async function emailTo(address: string, after = 0) {
	const deadline = Date.now() + 5_000;
	for (;;) {
		const found = server()
			.outbox()
			.slice(after)
			.filter((message) => message.to.includes(address));
		if (found.length > 0 || Date.now() > deadline) return found;
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

async function signUp(page: Page, language: Language, person: { name: string; email: string; password: string }) {
	await page.goto(`/${language}`);
	await accountMenu(page, language).getByRole('link', { name: t(language, 'common.nav_sign_up'), exact: true }).click();
	expect(new URL(page.url()).pathname).toBe(`/${language}/account/sign-up`);
	await expectLanguage(page, language);
	const main = page.getByRole('main');
	await expect(main.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(t(language, 'account.sign_up_title'));
	await main.getByLabel(t(language, 'account.name_label'), { exact: true }).fill(person.name);
	await main.getByLabel(t(language, 'account.email_label'), { exact: true }).fill(person.email);
	await main.getByLabel(t(language, 'account.password_label'), { exact: true }).fill(person.password);
	await main.getByLabel(t(language, 'account.password_confirmation_label'), { exact: true }).fill(person.password);
	await main.getByRole('button', { name: t(language, 'account.sign_up_submit'), exact: true }).click();
}

const flows: { language: Language; javaScriptEnabled: boolean; name: string }[] = [
	{ language: 'fr', javaScriptEnabled: false, name: 'Nadia Benali' },
	{ language: 'ar', javaScriptEnabled: true, name: 'سلمى العلوي' }
];

describe('sign up, confirm the e-mail address, sign in, sign out', () => {
	for (const { language, javaScriptEnabled, name } of flows) {
		test(`in ${language}${javaScriptEnabled ? '' : ', without JavaScript'}`, async () => {
			const page = await browser.newPage({ javaScriptEnabled, locale: language });
			const email = `e2e-${language}-${Date.now().toString(36)}@example.org`;
			const password = 'une phrase assez longue 2026';
			const sentBefore = server().outbox().length;

			await signUp(page, language, { name, email, password });
			const main = page.getByRole('main');
			await expectLanguage(page, language);
			await expect(main.getByRole('heading', { name: t(language, 'account.sign_up_done_title') }).count()).resolves.toBe(1);
			await expect(main.textContent()).resolves.toContain(email);
			await expectNoRawMessageKeys(page);

			// The confirmation e-mail is in the person's language and links to our page in that language.
			const [verification] = await emailTo(email, sentBefore);
			expect(verification, `an e-mail to ${email} in the outbox`).toBeDefined();
			expect(verification.language).toBe(language);
			const link = verification.links.find((href) => href.includes('/account/verify-email?token='));
			expect(link, `a confirmation link in:\n${verification.text}`).toBeDefined();
			expect(link!.startsWith(server().url(`/${language}/account/verify-email?token=`))).toBe(true);

			// Signing in before confirming is refused with a clear message (and a fresh link is sent).
			await signIn(page, language, email, password);
			await expect(page.getByRole('alert').textContent()).resolves.toContain(t(language, 'account.error_email_not_verified'));
			await expect(accountMenu(page, language).getByRole('button', { name: t(language, 'common.nav_sign_out') }).count()).resolves.toBe(0);

			await page.goto(link!);
			await expectLanguage(page, language);
			await expect(main.textContent()).resolves.toContain(t(language, 'account.verify_success'));

			await main.getByRole('link', { name: t(language, 'account.sign_in_link'), exact: true }).click();
			expect(new URL(page.url()).pathname).toBe(`/${language}/account/sign-in`);
			await signIn(page, language, email, password);
			await expectLanguage(page, language);
			const menu = accountMenu(page, language);
			await expect(menu.getByRole('link', { name: t(language, 'common.nav_account'), exact: true }).count()).resolves.toBe(1);

			// The account page shows who is signed in.
			await menu.getByRole('link', { name: t(language, 'common.nav_account'), exact: true }).click();
			expect(new URL(page.url()).pathname).toBe(`/${language}/account`);
			await expect(main.textContent()).resolves.toContain(email);
			await expectNoRawMessageKeys(page);

			await menu.getByRole('button', { name: t(language, 'common.nav_sign_out'), exact: true }).click();
			await expectLanguage(page, language);
			await expect(menu.getByRole('link', { name: t(language, 'common.nav_sign_in'), exact: true }).count()).resolves.toBe(1);
			await expect(menu.getByRole('button', { name: t(language, 'common.nav_sign_out') }).count()).resolves.toBe(0);
			// Signed out for real: the account page asks to sign in again.
			await page.goto(`/${language}/account`);
			expect(new URL(page.url()).pathname).toBe(`/${language}/account/sign-in`);
		});
	}

	test('a wrong password is refused with a message, without revealing whether the account exists', async () => {
		const page = await browser.newPage({ javaScriptEnabled: false });
		await signIn(page, 'fr', 'admin@demo.sharaka.ma', 'not the right password');
		const alert = await page.getByRole('alert').textContent();
		await signIn(page, 'fr', 'nobody-here@example.org', 'not the right password');
		await expect(page.getByRole('alert').textContent()).resolves.toBe(alert);
		expect(alert).toContain(t('fr', 'account.error_invalid_credentials'));
	});
});
