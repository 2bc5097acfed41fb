// The proposers' side of the library (issue #14): the demo partner, in French without JavaScript on a phone,
// saves a proposal as a draft, finds it listed, resumes it and deletes it; writes to a document's private
// discussion from its change page; a visitor in Arabic (axe-core) filters the library by a linked Atlas
// component. Screenshots at 360 and 1280 px go to test-results/screenshots/knowledge-proposals-*.
import { describe, expect, test } from 'vitest';
import { check, screenshotsFor, signedInAs } from './flows.ts';
import { t, useBrowser } from './harness.ts';

const browser = useBrowser();
const shoot = screenshotsFor('knowledge-proposals');
const stamp = Date.now();
const COMPONENT = 'atlas.initiative:sharaka-composante-3a-insertion-immigres-regularises';

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
	});
});
