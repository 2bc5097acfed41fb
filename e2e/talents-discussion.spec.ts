// A Talents network's discussion (issue 11, item 2). In French without JavaScript: the demo member starts a
// thread in the digital network, a new member (also made its coordinator) replies and hides a message, which the
// member then reads as hidden, with the reason; the coordinator's reports page from my space. In Arabic with
// JavaScript: the list and an Arabic thread with French parts, axe clean; a visitor is told to join.
import { describe, expect, test } from 'vitest';
import { expectPhoneWidthAndLanguageOfParts, t, useBrowser } from './harness.ts';
import { check, signedInAs, signUpAndConfirm, screenshotsFor } from './flows.ts';
import { apiClient } from './api-client.ts';

const browser = useBrowser();
const stamp = Date.now().toString(36);
const slug = 'exemple-numerique';
const base = `/fr/talents/networks/${slug}/discussion`;
const shoot = screenshotsFor('talents-discussion');

describe('Talents — a network’s discussion', () => {
	test('a member starts a thread, another replies, the coordinator hides a post (fr, no JavaScript)', { timeout: 180_000 }, async () => {
		// a new talent joins the open network; the administrator makes her its coordinator (a grant limited to it)
		const email = `discussion-${stamp}@example.org`;
		const coordinator = await browser.newPage({ javaScriptEnabled: false, locale: 'fr' });
		await signUpAndConfirm(coordinator, 'fr', `Nadia Coordinatrice ${stamp}`, email, 'une phrase assez longue 2026');
		await coordinator.goto('/fr/talents/profile');
		await coordinator.locator('form[action="?/save"]').getByLabel(t('fr', 'talents.field_host_country'), { exact: true }).selectOption('NL');
		await coordinator.getByRole('button', { name: t('fr', 'talents.save_profile') }).click();
		await coordinator.goto(`/fr/talents/networks/${slug}`);
		await coordinator.getByRole('button', { name: t('fr', 'talents.join') }).click();
		const api = apiClient();
		const token = await api.tokenFor('admin@demo.sharaka.ma', `discussion ${stamp}`);
		const found = await api.call('GET', `/api/v1/users?q=${encodeURIComponent(email)}`, { token });
		const granted = await api.call('POST', `/api/v1/users/${found.json.items[0].id}/grants`, { token, body: { role: 'talents:coordinator', scope: slug } });
		expect(granted.status, granted.text).toBe(201);

		// the demo member opens the discussion from the network's page, on a phone; an empty form changes nothing
		const member = await signedInAs(browser, 'member@demo.sharaka.ma', 'fr', false, true);
		await member.goto(`/fr/talents/networks/${slug}`);
		await member.getByRole('link', { name: t('fr', 'talents.discussion_link') }).click();
		await check(member, 'fr', false);
		await member.getByRole('link', { name: t('fr', 'discussion.start') }).click();
		await check(member, 'fr', false);
		await member.getByRole('button', { name: t('fr', 'discussion.start_submit') }).click();
		await expect(member.locator('.error-summary a[href="#field-title"]').count()).resolves.toBe(1);
		const title = `Atelier IA pour les coopératives ${stamp}`;
		await member.getByLabel(t('fr', 'discussion.field_title'), { exact: true }).fill(title);
		await member.getByLabel(t('fr', 'discussion.field_body'), { exact: true }).fill('Qui voudrait animer un atelier en ligne pour des coopératives de la région de l’Oriental ?');
		await member.getByRole('button', { name: t('fr', 'discussion.start_submit') }).click();
		await expect(member.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'discussion.done_started'));
		await check(member, 'fr', false);
		const thread = member.url().split('?')[0];

		// the coordinator, a member too, finds it first in the list and replies
		await coordinator.goto(base);
		await coordinator.getByRole('link', { name: title }).click();
		await coordinator.getByLabel(t('fr', 'discussion.field_reply'), { exact: true }).fill('Avec plaisir : je peux en animer un en mars.');
		await coordinator.getByRole('button', { name: t('fr', 'discussion.reply_submit') }).click();
		await expect(coordinator.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'discussion.done_replied'));

		// the member answers with a phone number, which the coordinator hides with a reason
		await member.goto(thread);
		await member.getByLabel(t('fr', 'discussion.field_reply'), { exact: true }).fill(`Merci ! Appelez-moi au 06 12 34 56 78 (${stamp})`);
		await member.getByRole('button', { name: t('fr', 'discussion.reply_submit') }).click();
		await expect(member.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'discussion.done_replied'));
		await coordinator.goto(thread);
		const post = coordinator.locator('article.post', { hasText: '06 12 34 56 78' });
		await post.getByRole('link', { name: t('fr', 'discussion.hide') }).click();
		await coordinator.getByLabel(t('fr', 'discussion.field_hide'), { exact: true }).fill('Pas de numéro de téléphone dans les messages');
		await coordinator.getByRole('button', { name: t('fr', 'discussion.hide_submit') }).click();
		await expect(coordinator.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'discussion.done_hidden'));
		await check(coordinator, 'fr', false);
		await shoot(coordinator, 'thread-coordinator-fr');

		// members read the reason, not the text
		await member.goto(thread);
		await expect(member.getByText('06 12 34 56 78').count()).resolves.toBe(0);
		await expect(member.getByText('Pas de numéro de téléphone dans les messages').count()).resolves.toBe(1);
		await shoot(member, 'thread-member-fr');

		// the coordinator's space leads to the network's reported posts (a demo report waits)
		await coordinator.goto('/fr/my-space');
		await coordinator.locator(`a[href="/fr/talents/networks/${slug}/discussion/reports"]`).click();
		await check(coordinator, 'fr', false);
		await expect(coordinator.locator('article.report').count()).resolves.toBeGreaterThan(0);
		await shoot(coordinator, 'reports-fr');
	});

	test('a member reads the list and an Arabic thread in Arabic (axe); a visitor is told to join', { timeout: 120_000 }, async () => {
		const member = await signedInAs(browser, 'member@demo.sharaka.ma', 'ar');
		const arabic = `/ar/talents/networks/${slug}/discussion`;
		await member.goto(arabic);
		await check(member, 'ar');
		await expectPhoneWidthAndLanguageOfParts(member, 'ar');
		await shoot(member, 'list-ar');
		await member.getByRole('link', { name: 'تجارب العمل عن بعد مع شركات ناشئة مغربية' }).click();
		await check(member, 'ar');
		// the French reply keeps its own language inside the Arabic page
		await expect(member.locator('.post__body[lang="fr"]').count()).resolves.toBeGreaterThan(0);
		await expectPhoneWidthAndLanguageOfParts(member, 'ar');
		await shoot(member, 'thread-ar');

		const visitor = await browser.newPage({ locale: 'ar' });
		await visitor.goto(arabic);
		await check(visitor, 'ar');
		await expect(visitor.getByText(t('ar', 'discussion.members_only')).count()).resolves.toBe(1);
		await expect(visitor.locator('.thread').count()).resolves.toBe(0);
		await shoot(visitor, 'join-ar');
	});
});
