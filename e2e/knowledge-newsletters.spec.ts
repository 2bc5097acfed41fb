// The Knowledge newsletter: a visitor subscribes on a phone in French without JavaScript, choosing Arabic,
// and confirms through the e-mailed link; an editor composes an issue from a library document, the final
// event and an Atlas initiative, previews it and sends it; the subscriber receives it in Arabic and reads
// the archive (axe); one click unsubscribes, from the page or from a mail client (RFC 8058, no Origin).
// Screenshots at 360 and 1280 px go to test-results/screenshots/.
import { describe, expect, inject, test } from 'vitest';
import { readOutbox } from './server.ts';
import { expectPhoneWidthAndLanguageOfParts, server, t, useBrowser } from './harness.ts';
import { check, emailsTo, pick, signedInAs, screenshotsFor } from './flows.ts';

const browser = useBrowser();
const { url } = server();
const shoot = screenshotsFor('knowledge-newsletters');
const path = (link: string) => new URL(link).pathname;

describe('Knowledge newsletter', () => {
	test('a visitor subscribes and confirms; an editor composes and sends an issue; the subscriber reads it in Arabic and unsubscribes in one click', { timeout: 180_000 }, async () => {
		const before = server().outbox().length;
		const visitor = await browser.newPage({ javaScriptEnabled: false, phone: true });
		await visitor.goto('/fr/knowledge');
		await visitor.getByRole('link', { name: t('fr', 'newsletters.nav'), exact: true }).click();
		await check(visitor, 'fr', false);
		// no consent: refused on its field, nothing kept
		await visitor.getByLabel(t('fr', 'newsletters.email'), { exact: true }).fill('aminata.kone@example.org');
		await visitor.getByRole('button', { name: t('fr', 'newsletters.subscribe_submit') }).click();
		await expect(visitor.locator('.error-summary a').first().getAttribute('href')).resolves.toBe('#field-consent');
		await visitor.getByLabel(t('fr', 'newsletters.language'), { exact: true }).selectOption('ar');
		await visitor.getByLabel(t('fr', 'newsletters.consent')).check();
		await shoot(visitor, 'subscribe-fr');
		await visitor.getByRole('button', { name: t('fr', 'newsletters.subscribe_submit') }).click();
		await expect(visitor.getByRole('status').textContent()).resolves.toContain(t('fr', 'newsletters.subscribe_done'));
		const [confirmation] = await emailsTo('aminata.kone@example.org', before);
		const confirmLink = confirmation.links.find((link) => link.includes('/knowledge/newsletters/confirm/'))!;
		expect(path(confirmLink).startsWith('/ar/')).toBe(true);
		await visitor.goto(path(confirmLink));
		await check(visitor, 'ar', false);
		await visitor.getByRole('button', { name: t('ar', 'newsletters.confirm_submit') }).click();
		await expect(visitor.getByRole('status').textContent()).resolves.toContain(t('ar', 'newsletters.confirm_done'));

		// the editor composes an issue in French without JavaScript
		const editor = await signedInAs(browser, 'moderator@demo.sharaka.ma', 'fr', false);
		await editor.goto('/fr/knowledge/newsletters');
		await expect(editor.getByRole('main').textContent()).resolves.toContain(t('fr', 'newsletters.subscribers_count', { count: 1 }));
		await editor.getByRole('link', { name: t('fr', 'newsletters.new_title') }).click();
		await check(editor, 'fr', false);
		const form = editor.locator('main form.form');
		await form.getByRole('button', { name: t('fr', 'newsletters.form_create') }).click();
		await expect(editor.locator('.error-summary a').first().getAttribute('href')).resolves.toBe('#field-title_fr');
		await form.getByLabel(t('fr', 'newsletters.form_title_fr'), { exact: true }).fill('Les outils de SHARAKA');
		await form.getByLabel(t('fr', 'newsletters.form_title_ar'), { exact: true }).fill('أدوات مشروع شراكة');
		await form.getByLabel(t('fr', 'newsletters.form_intro_ar'), { exact: true }).fill('جديد المكتبة والأحداث.');
		await pick(form, 'documents', ['guide-intervenant-retour-urgence']);
		await pick(form, 'events', ['evenement-final-sharaka-2017']);
		const initiative = await form.locator('input[name="links"]').first().getAttribute('value');
		await pick(form, 'links', [initiative!]);
		await form.getByRole('button', { name: t('fr', 'newsletters.form_create') }).click();
		await editor.waitForURL((address) => /\/fr\/knowledge\/newsletters\/\d+$/.test(address.pathname));
		const number = Number(new URL(editor.url()).pathname.split('/').at(-1));
		await check(editor, 'fr', false);
		await editor.getByRole('button', { name: t('fr', 'newsletters.preview_submit') }).click();
		await expect(editor.getByRole('status').textContent()).resolves.toContain('moderator@demo.sharaka.ma');
		await shoot(editor, 'issue-draft-fr');
		const beforeSend = server().outbox().length;
		await editor.getByRole('button', { name: t('fr', 'newsletters.send_submit', { number }) }).click();
		await expect(editor.getByRole('status').textContent()).resolves.toContain(t('fr', 'newsletters.sent_done', { count: 1 }));

		// the subscriber's issue, in Arabic, with its one-click unsubscribe
		const [issueMail] = await emailsTo('aminata.kone@example.org', beforeSend);
		expect(issueMail.text).toContain('أدوات مشروع شراكة');
		expect(issueMail.text).toContain('/ar/knowledge/documents/guide-intervenant-retour-urgence');
		const archive = await browser.newPage({ javaScriptEnabled: true, phone: true });
		await archive.goto(path(issueMail.links.find((link) => link.includes(`/knowledge/newsletters/${number}`))!));
		await check(archive, 'ar');
		await expectPhoneWidthAndLanguageOfParts(archive, 'ar');
		await expect(archive.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('أدوات مشروع شراكة');
		await shoot(archive, 'issue-ar');

		// from the page: one button
		const unsubscribeLink = issueMail.links.find((link) => link.includes('/knowledge/newsletters/unsubscribe/'))!;
		await visitor.goto(path(unsubscribeLink));
		await check(visitor, 'ar', false);
		await shoot(visitor, 'unsubscribe-ar');
		await visitor.getByRole('button', { name: t('ar', 'newsletters.unsubscribe_submit') }).click();
		await expect(visitor.getByRole('status').textContent()).resolves.toContain(t('ar', 'newsletters.unsubscribe_done'));
		await visitor.goto(path(unsubscribeLink));
		await expect(visitor.getByText(t('ar', 'newsletters.unsubscribe_unknown')).count()).resolves.toBe(1);
	});

	test('a mail client unsubscribes in one click (RFC 8058: a form POST without Origin to the List-Unsubscribe address)', { timeout: 60_000 }, async () => {
		const before = server().outbox().length;
		const visitor = await browser.newPage({ javaScriptEnabled: false });
		await visitor.goto('/en/knowledge/newsletters');
		await visitor.getByLabel(t('en', 'newsletters.email'), { exact: true }).fill('one.click@example.org');
		await visitor.getByLabel(t('en', 'newsletters.consent')).check();
		await visitor.getByRole('button', { name: t('en', 'newsletters.subscribe_submit') }).click();
		const [confirmation] = await emailsTo('one.click@example.org', before);
		await visitor.goto(path(confirmation.links.find((link) => link.includes('/confirm/'))!));
		await visitor.getByRole('button', { name: t('en', 'newsletters.confirm_submit') }).click();
		const editor = await signedInAs(browser, 'admin@demo.sharaka.ma', 'en', false);
		await editor.goto('/en/knowledge/newsletters/new');
		await editor.locator('main form.form').getByLabel(t('en', 'newsletters.form_title_en'), { exact: true }).fill('Short issue');
		await editor.locator('main form.form').getByRole('button', { name: t('en', 'newsletters.form_create') }).click();
		await editor.waitForURL((address) => /\/en\/knowledge\/newsletters\/\d+$/.test(address.pathname));
		const beforeSend = server().outbox().length;
		await editor.locator('form[action="?/send"] button').click();
		await expect(editor.getByRole('status').textContent()).resolves.toMatch(/Issue sent to \d+ subscriber/);
		// what the mail client reads: the header's address, posted as RFC 8058 says
		await emailsTo('one.click@example.org', beforeSend);
		const header = readOutbox(inject('dataDir')).slice(beforeSend).find((message) => message.includes('one.click@example.org') && message.includes('List-Unsubscribe-Post'))!;
		const address = /List-Unsubscribe:\s+<([^>]+)>/.exec(header)![1];
		const answer = await fetch(url(new URL(address).pathname), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
		expect(answer.status).toBe(200);
		// the subscription is gone: the issue's own unsubscribe page says so
		await visitor.goto(`/en/knowledge/newsletters/unsubscribe/${address.split('/').at(-1)}`);
		await expect(visitor.getByText(t('en', 'newsletters.unsubscribe_unknown')).count()).resolves.toBe(1);
	});
});
