// Talents mentoring (issue 11, item 6): the demo member, a talent in Germany with a public card, offers mentoring
// in French without JavaScript (a refused first try with its error summary); a young member signs up in Arabic,
// finds the offer and asks with a short message (axe); the talent is e-mailed without the member's address,
// accepts without JavaScript; the member is e-mailed in Arabic with the link to their conversation, where she writes
// (axe); the talent is e-mailed the message without her address, sees it unread in his space and on his mentoring
// page, and answers without JavaScript; his answer is then unread in hers (Arabic, axe); no address is shown.
// Screenshots at 360 and 1280 px go to test-results/screenshots/talents-mentoring-*.
import { describe, expect, onTestFinished, test } from 'vitest';
import { expectPhoneWidthAndLanguageOfParts, server, t, useBrowser } from './harness.ts';
import { check, emailsTo, screenshotsFor, signedInAs, signUpAndConfirm } from './flows.ts';

const browser = useBrowser();
const stamp = Date.now().toString(36);
const shoot = screenshotsFor('talents-mentoring');
const TALENT = 'member@demo.sharaka.ma';
const status = (page: import('playwright-core').Page) => page.getByRole('status').first().textContent();

describe('Talents mentoring', () => {
	test('a talent offers mentoring, a young member asks in Arabic, the talent accepts, they write to each other on the platform', { timeout: 300_000 }, async () => {
		// 1. The talent offers mentoring in French without JavaScript, on a phone.
		const talent = await signedInAs(browser, TALENT, 'fr', false, true);
		onTestFinished(() => talent.context().close());
		await talent.goto('/fr/my-space');
		await talent.getByRole('link', { name: t('fr', 'mentoring.space_offer_new') }).click();
		await check(talent, 'fr', false);
		const form = talent.locator('form[action="?/save"]');
		// the profile's field and languages are offered; without hours a month the offer is refused, what was typed kept
		await form.getByLabel(t('fr', 'mentoring.field_hours'), { exact: true }).fill('');
		await form.getByLabel(t('fr', 'mentoring.field_about'), { exact: true }).fill('Je vous aide à trouver un premier stage dans le numérique.');
		await form.getByRole('button', { name: t('fr', 'mentoring.offer_submit') }).click();
		await expect(talent.locator('.error-summary a[href="#field-hoursPerMonth"]').count()).resolves.toBe(1);
		await expect(talent.locator('#field-about').inputValue()).resolves.toBe('Je vous aide à trouver un premier stage dans le numérique.');
		await shoot(talent, 'offer-errors-fr');
		await form.getByLabel(t('fr', 'mentoring.field_hours'), { exact: true }).fill('4');
		await form.getByLabel(t('fr', 'mentoring.field_capacity'), { exact: true }).fill('2');
		await form.getByRole('button', { name: t('fr', 'mentoring.offer_submit') }).click();
		await expect(status(talent)).resolves.toContain(t('fr', 'mentoring.done_offer_saved'));
		await check(talent, 'fr', false);
		await shoot(talent, 'offer-fr');
		// her card shows her name: the public list names her
		await talent.getByRole('link', { name: t('fr', 'mentoring.see_my_offer') }).click();
		const offerPath = new URL(talent.url()).pathname.replace(/^\/fr/, '');
		await check(talent, 'fr', false);
		await expect(talent.getByRole('main').textContent()).resolves.toContain(t('fr', 'mentoring.error_own_offer'));

		// 2. A young member signs up in Arabic, finds the offer among the mentors and asks (axe-core).
		const young = await browser.newPage({ locale: 'ar', phone: true });
		onTestFinished(() => young.context().close());
		const youngEmail = `jeune-${stamp}@example.org`;
		await signUpAndConfirm(young, 'ar', 'سلمى الشابة', youngEmail, 'une phrase assez longue 2026');
		await young.goto('/ar/my-space');
		await young.getByRole('link', { name: t('ar', 'mentoring.space_find') }).click();
		await check(young, 'ar');
		await expectPhoneWidthAndLanguageOfParts(young, 'ar');
		await shoot(young, 'list-ar');
		// the filters, folded on a phone
		await young.locator('details.filter-panel > summary').click();
		await young.getByLabel(t('ar', 'mentoring.filter_field'), { exact: true }).selectOption('digital');
		await young.getByRole('button', { name: t('ar', 'talents.apply_filters') }).click();
		await young.getByRole('link', { name: t('ar', 'mentoring.see_offer', { name: '\u2068Awa Membre (exemple)\u2069' }) }).click();
		expect(new URL(young.url()).pathname).toBe(`/ar${offerPath}`);
		await check(young, 'ar');
		// too short a message is refused in Arabic, nothing sent
		const outboxBefore = server().outbox().length;
		await young.getByLabel(t('ar', 'mentoring.field_message'), { exact: true }).fill('مرحبا');
		await young.getByRole('button', { name: t('ar', 'mentoring.ask_submit') }).click();
		await expect(young.locator('.error-summary a[href="#field-message"]').count()).resolves.toBe(1);
		await check(young, 'ar');
		await young.getByLabel(t('ar', 'mentoring.field_message'), { exact: true }).fill('أدرس الإعلاميات بفاس وأبحث عن أول تدريب في المجال الرقمي.');
		await young.getByRole('button', { name: t('ar', 'mentoring.ask_submit') }).click();
		await expect(status(young)).resolves.toContain(t('ar', 'mentoring.done_asked'));
		await check(young, 'ar');
		await expectPhoneWidthAndLanguageOfParts(young, 'ar');
		await shoot(young, 'asked-ar');

		// 3. The talent is e-mailed the name and message, never the member's address; she accepts without JavaScript.
		const [asked] = await emailsTo(TALENT, outboxBefore);
		expect(asked.text).toContain('سلمى الشابة');
		expect(asked.text).toContain('أول تدريب في المجال الرقمي');
		expect(asked.text).not.toContain(youngEmail);
		await talent.goto('/fr/my-space');
		await talent.getByRole('link', { name: t('fr', 'mentoring.space_mine') }).click();
		await check(talent, 'fr', false);
		const request = talent.getByRole('listitem').filter({ hasText: 'سلمى الشابة' });
		await expect(request.textContent()).resolves.not.toContain(youngEmail);
		await shoot(talent, 'received-fr');
		await request.getByRole('button', { name: t('fr', 'mentoring.accept') }).click();
		await expect(status(talent)).resolves.toContain(t('fr', 'mentoring.done_accepted'));
		// no address: the conversation instead
		await expect(talent.locator('a[href^="mailto:"]').count()).resolves.toBe(0);
		await expect(talent.getByRole('main').textContent()).resolves.not.toContain(youngEmail);
		await check(talent, 'fr', false);
		await shoot(talent, 'accepted-fr');

		// 4. The member is told in Arabic, with the link to the conversation; her page shows the mentoring, no address (axe-core).
		const [accepted] = await emailsTo(youngEmail, outboxBefore);
		expect(accepted.subject).toContain('Awa Membre (exemple)');
		expect(accepted.language).toBe('ar');
		expect(accepted.text).not.toContain(TALENT);
		const conversationLink = /https?:\/\/\S+\/ar\/talents\/mentoring\/requests\/[0-9a-f-]{36}/.exec(accepted.text)![0];
		await young.goto('/ar/my-space');
		await young.getByRole('link', { name: t('ar', 'mentoring.space_mine') }).click();
		await check(young, 'ar');
		await expectPhoneWidthAndLanguageOfParts(young, 'ar');
		await expect(young.getByText(t('ar', 'mentoring.status_accepted'), { exact: true }).count()).resolves.toBe(1);
		await expect(young.locator('a[href^="mailto:"]').count()).resolves.toBe(0);
		await shoot(young, 'mine-ar');

		// 5. She opens the conversation and writes (axe-core); the talent is e-mailed in French, without her address.
		await young.getByRole('link', { name: t('ar', 'mentoring.conversation_open') }).click();
		expect(young.url()).toBe(conversationLink);
		await check(young, 'ar');
		await young.getByLabel(t('ar', 'mentoring.message_field'), { exact: true }).fill('شكرا جزيلا! هل يناسبكم موعد يوم السبت على الساعة العاشرة؟');
		await young.getByRole('button', { name: t('ar', 'mentoring.message_send') }).click();
		await expect(status(young)).resolves.toContain(t('ar', 'mentoring.done_message_sent'));
		await check(young, 'ar');
		await expectPhoneWidthAndLanguageOfParts(young, 'ar');
		await shoot(young, 'conversation-ar');
		const [written] = await emailsTo(TALENT, outboxBefore, 2).then((mails) => mails.slice(-1));
		expect(written.language).toBe('fr');
		expect(written.text).toContain('سلمى الشابة');
		expect(written.text).toContain('هل يناسبكم موعد يوم السبت');
		expect(written.text).not.toContain(youngEmail);
		// her message waits, unread, in the talent's space and on his mentoring page (no JavaScript)
		await talent.goto('/fr/my-space');
		await expect(talent.getByText(t('fr', 'mentoring.space_unread', { count: 1 }), { exact: true }).count()).resolves.toBe(1);
		await shoot(talent, 'space-unread-fr');
		await talent.getByRole('link', { name: t('fr', 'mentoring.space_mine') }).click();
		await expect(talent.getByRole('listitem').filter({ hasText: 'سلمى الشابة' }).textContent()).resolves.toContain(t('fr', 'mentoring.conversation_unread', { count: 1 }));
		// the talent answers without JavaScript, from the e-mail's link: opening the conversation reads it
		await talent.goto(new URL(/https?:\/\/\S+\/fr\/talents\/mentoring\/requests\/[0-9a-f-]{36}/.exec(written.text)![0]).pathname);
		await check(talent, 'fr', false);
		await talent.getByLabel(t('fr', 'mentoring.message_field'), { exact: true }).fill('Samedi à 10 h, c’est parfait. À bientôt !');
		await talent.getByRole('button', { name: t('fr', 'mentoring.message_send') }).click();
		await talent.getByRole('status').first().waitFor();
		await expect(talent.locator('.conversation li').count()).resolves.toBe(2);
		await shoot(talent, 'conversation-fr');
		await talent.goto('/fr/my-space');
		await expect(talent.getByText(t('fr', 'mentoring.space_unread', { count: 1 }), { exact: true }).count()).resolves.toBe(0);
		// now his answer waits in hers, in Arabic (axe-core, phone width)
		await young.goto('/ar/my-space');
		await expect(young.getByText(t('ar', 'mentoring.space_unread', { count: 1 }), { exact: true }).count()).resolves.toBe(1);
		await check(young, 'ar');
		await expectPhoneWidthAndLanguageOfParts(young, 'ar');
		await shoot(young, 'space-unread-ar');

		// 6. The young generations' page in Arabic: support schemes, the Atlas's lists, the seeds' study, the mentors.
		await young.goto('/ar/talents');
		await young.getByRole('link', { name: t('ar', 'talents.space_young') }).click();
		await check(young, 'ar');
		await expectPhoneWidthAndLanguageOfParts(young, 'ar');
		await expect(young.getByRole('link', { name: t('ar', 'young.atlas_investment') }).getAttribute('href')).resolves.toBe('/ar/atlas?theme=diaspora_investment');
		await shoot(young, 'young-ar');
	});
});
