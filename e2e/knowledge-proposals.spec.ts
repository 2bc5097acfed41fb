// The proposers' side of the library (issue #14): the demo partner, in French without JavaScript on a phone,
// saves a proposal as a draft, finds it listed, resumes it and deletes it; writes to a document's private
// discussion from its change page; a visitor in Arabic (axe-core) filters the library by a linked Atlas
// component, then by SHARAKA, which finds its components' documents too. The partner sends a proposal and
// withdraws it from their proposals' page after a confirmation — refused when the editors decided meanwhile.
// Screenshots at 360 and 1280 px go to test-results/screenshots/knowledge-proposals-*.
import { describe, expect, test } from 'vitest';
import { check, screenshotsFor, signedInAs } from './flows.ts';
import { expectPhoneWidthAndLanguageOfParts, t, useBrowser } from './harness.ts';

const browser = useBrowser();
const shoot = screenshotsFor('knowledge-proposals');
const stamp = Date.now();
const COMPONENT = 'atlas.initiative:sharaka-composante-3a-insertion-immigres-regularises';
const PROGRAMME = 'atlas.initiative:sharaka';

describe('drafts, discussion and the filter by linked record', () => {
	test('a draft saved, resumed and deleted without JavaScript (fr); a message to the editors; the library filtered (ar, axe)', { timeout: 240_000 }, async () => {
		const partner = await signedInAs(browser, 'partner@demo.sharaka.ma', 'fr', false, true);
		await partner.goto('/fr/knowledge/propose');
		const title = `Guide des coopératives de retour ${stamp}`;
		await partner.getByLabel(t('fr', 'knowledge.field_title_fr')).fill(title);
		await partner.getByRole('button', { name: t('fr', 'library_work.draft_save') }).click();
		await expect(partner.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'library_work.draft_saved').slice(0, 20));
		const drafts = partner.locator('#drafts');
		await expect(drafts.getByRole('link', { name: title }).count()).resolves.toBe(1);
		await check(partner, 'fr', false);
		await shoot(partner, 'drafts-fr');
		// resumed: the title as typed
		await drafts.getByRole('link', { name: title }).click();
		await expect(partner.getByLabel(t('fr', 'knowledge.field_title_fr')).inputValue()).resolves.toBe(title);
		await expect(partner.locator('form.form input[name="draft"]').count()).resolves.toBe(1);
		// deleted
		await partner.locator('#drafts li', { hasText: title }).getByRole('button').click();
		await expect(partner.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'library_work.draft_discarded'));
		await expect(partner.locator('#drafts').getByRole('link', { name: title }).count()).resolves.toBe(0);

		// the document's private discussion, below the change form
		await partner.goto('/fr/knowledge/documents/etude-juridique-integration-migrants-regularises/propose');
		const message = `Une édition révisée arrive en mars (${stamp}).`;
		await partner.getByLabel(t('fr', 'moderation.discussion_label')).fill(message);
		await partner.getByRole('button', { name: t('fr', 'moderation.discussion_send') }).click();
		await expect(partner.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'moderation.discussion_sent'));
		await expect(partner.locator('.discussion').textContent()).resolves.toContain(message);
		await check(partner, 'fr', false);
		await shoot(partner, 'discussion-fr');

		// the library in Arabic, filtered by a SHARAKA component: only the documents linking to it
		const visitor = await signedInAs(browser, 'member@demo.sharaka.ma', 'ar');
		await visitor.goto(`/ar/knowledge?linked=${encodeURIComponent(COMPONENT)}`);
		const select = visitor.locator('select#filter-linked');
		await expect(select.inputValue()).resolves.toBe(COMPONENT);
		const count = Number((await visitor.locator('.library-list > li').count()) || 0);
		expect(count).toBeGreaterThan(0);
		await visitor.goto('/ar/knowledge');
		expect(await visitor.locator('.library-list > li').count()).toBeGreaterThanOrEqual(count);
		await visitor.goto(`/ar/knowledge?linked=${encodeURIComponent(COMPONENT)}`);
		await check(visitor, 'ar');
		await shoot(visitor, 'linked-filter-ar');
		// SHARAKA, a programme of components: its choice says so, and it finds the component's documents too
		await expect(select.locator(`option[value="${PROGRAMME}"]`).textContent()).resolves.toContain(t('ar', 'library_work.option_components'));
		await visitor.goto(`/ar/knowledge?linked=${encodeURIComponent(PROGRAMME)}`);
		await expect(visitor.locator('.library-whole').textContent()).resolves.toContain('SHARAKA');
		const total = Number((await visitor.locator('.library-list > li').count()) || 0);
		expect(total).toBeGreaterThanOrEqual(Math.min(count, 20));
		await expect(visitor.locator('#filter-linked-hint').textContent()).resolves.toBe(t('ar', 'library_work.filter_linked_components'));
		await check(visitor, 'ar');
		await shoot(visitor, 'linked-programme-ar');
	});

	test('a proposal withdrawn from one’s proposals after a confirmation, refused once the editors decided meanwhile (fr, no JavaScript); the list in Arabic (axe)', { timeout: 240_000 }, async () => {
		const partner = await signedInAs(browser, 'partner@demo.sharaka.ma', 'fr', false, true);
		await partner.goto('/fr/knowledge/propose');
		const title = `Étude à retirer ${stamp}`;
		await partner.getByLabel(t('fr', 'knowledge.field_title_fr')).fill(title);
		await partner.getByLabel(t('fr', 'knowledge.field_type')).selectOption('study');
		await partner.getByLabel(t('fr', 'knowledge.field_external_url')).fill('https://example.org/etude-a-retirer');
		await partner.getByRole('button', { name: t('fr', 'knowledge.propose_submit') }).click();
		await expect(partner.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'knowledge.propose_done'));

		// the partner's proposals, from the propose page: the one sent waits, with a way to withdraw it
		await partner.getByRole('link', { name: t('fr', 'library_work.mine_title'), exact: true }).click();
		const item = partner.locator('.proposals li', { hasText: title });
		await expect(item.textContent()).resolves.toContain(t('fr', 'moderation.status_pending'));
		await check(partner, 'fr', false);
		await shoot(partner, 'mine-fr');
		await item.getByRole('link', { name: t('fr', 'moderation.withdraw_link') }).click();
		await expect(partner.getByRole('heading', { name: t('fr', 'library_work.withdraw_title') }).count()).resolves.toBe(1);
		await check(partner, 'fr', false);
		await shoot(partner, 'withdraw-fr');
		const confirmation = partner.url();

		// meanwhile an editor asks for changes: the confirmation shown before is refused, nothing withdrawn
		const editor = await signedInAs(browser, 'moderator@demo.sharaka.ma', 'fr');
		await editor.goto('/fr/knowledge/moderation');
		await editor.getByRole('link', { name: title }).click();
		await editor.getByLabel(t('fr', 'moderation.reason_label')).fill('Ajoutez le résumé en arabe.');
		await editor.getByRole('button', { name: t('fr', 'moderation.action_request_changes') }).click();
		await editor.locator('.notice').first().waitFor();
		await editor.close();
		await partner.getByRole('button', { name: t('fr', 'library_work.withdraw_confirm') }).click();
		await partner.locator('.error-summary').first().waitFor();
		await expect(partner.locator('.error-summary').textContent()).resolves.toContain(t('fr', 'library_work.withdraw_stale'));
		await expect(partner.locator('.facts').textContent()).resolves.toContain(t('fr', 'moderation.status_changes_requested'));
		await expect(partner.locator('main').textContent()).resolves.toContain('Ajoutez le résumé en arabe.');
		await shoot(partner, 'withdraw-stale-fr');

		// confirmed again on what it now is: withdrawn, back on the list with a notice
		await partner.goto(confirmation);
		await partner.getByRole('button', { name: t('fr', 'library_work.withdraw_confirm') }).click();
		await partner.waitForURL((address) => address.searchParams.has('withdrawn'));
		await expect(partner.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'library_work.withdrawn_done'));
		await expect(partner.locator('section[aria-labelledby="decided-title"] li', { hasText: title }).textContent()).resolves.toContain(t('fr', 'moderation.status_withdrawn'));
		await expect(partner.locator('section[aria-labelledby="waiting-title"] li', { hasText: title }).count()).resolves.toBe(0);
		await partner.close();

		// the list in Arabic, axe clean
		const arabic = await signedInAs(browser, 'partner@demo.sharaka.ma', 'ar');
		await arabic.goto('/ar/knowledge/proposals');
		await check(arabic, 'ar');
		await expectPhoneWidthAndLanguageOfParts(arabic, 'ar');
		await shoot(arabic, 'mine-ar');
	});
});
