// A library document's links (issue #14): the demo partner proposes a study in French without JavaScript,
// picking a SHARAKA component of the Atlas and an action of the SNIA by name (a first try without a title is
// refused and keeps both ticked); the demo moderator reviews it (both named, not coded) and publishes it; the
// document's page names them (Arabic: axe-core, language of parts), and the action's and the initiative's
// pages count it and list it. Screenshots at 360 and 1280 px go to test-results/screenshots/knowledge-links-*.
import { describe, expect, test } from 'vitest';
import { check, pick, screenshotsFor, signedInAs } from './flows.ts';
import { expectPhoneWidthAndLanguageOfParts, server, t, useBrowser } from './harness.ts';

const browser = useBrowser();
const { url } = server();
const shoot = screenshotsFor('knowledge-links');
const stamp = Date.now();
const title = `Étude sur l’insertion des migrants régularisés à Oujda ${stamp}`;
const COMPONENT = 'atlas.initiative:sharaka-composante-3a-insertion-immigres-regularises';
const COMPONENT_TITLE = 'SHARAKA, composante 3A';

describe('a library document linked to an Atlas initiative and a strategy action', () => {
	test('picked without JavaScript (fr), named in the review and on the document’s page (ar, axe), counted on both records’ pages', { timeout: 180_000 }, async () => {
		// 1. The partner, without JavaScript, in French, on a phone: the picker lists both kinds by name.
		const partner = await signedInAs(browser, 'partner@demo.sharaka.ma', 'fr', false, true);
		await partner.goto('/fr/knowledge/propose');
		await check(partner, 'fr', false);
		const picker = partner.locator('details#field-links');
		await expect(picker.locator('summary').textContent()).resolves.toContain(t('fr', 'knowledge.field_links'));
		await expect(picker.locator('legend').allTextContents()).resolves.toEqual(expect.arrayContaining([t('fr', 'knowledge.links_group_atlas_initiative'), t('fr', 'knowledge.links_group_strategy_action')]));
		const actionBox = partner.locator('input[name="links"][value^="strategy.action:snia/"]').first();
		const action = (await actionBox.getAttribute('value'))!;
		const actionLabel = (await partner.locator('label.picker-choice', { has: partner.locator(`input[value="${action}"]`) }).textContent())!.trim();
		await pick(partner, 'links', [COMPONENT, action]);
		await partner.getByLabel(t('fr', 'knowledge.field_type')).selectOption('study');
		await partner.getByLabel(t('fr', 'knowledge.field_year')).fill('2025');
		await partner.getByLabel(t('fr', 'knowledge.field_external_url')).fill('https://example.org/etude-oujda');
		await shoot(partner, 'propose-fr');
		// no title: refused, the ticked boxes kept
		await partner.getByRole('button', { name: t('fr', 'knowledge.propose_submit') }).click();
		await expect(partner.locator('.error-summary').count()).resolves.toBe(1);
		await expect(partner.locator(`input[name="links"][value="${COMPONENT}"]`).isChecked()).resolves.toBe(true);
		await expect(partner.locator(`input[name="links"][value="${action}"]`).isChecked()).resolves.toBe(true);
		await partner.getByLabel(t('fr', 'knowledge.field_title_fr')).fill(title);
		await partner.getByRole('button', { name: t('fr', 'knowledge.propose_submit') }).click();
		await expect(partner.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'knowledge.propose_done'));

		// 2. The editor reads both records by name in the review, then publishes it.
		const editor = await signedInAs(browser, 'moderator@demo.sharaka.ma', 'fr');
		await editor.goto('/fr/knowledge/moderation');
		await editor.getByRole('link', { name: title }).click();
		const linksRow = editor.locator('table.diff tr', { has: editor.getByRole('rowheader', { name: t('fr', 'knowledge.diff_links') }) });
		const proposed = (await linksRow.locator('.diff__after').textContent())!;
		expect(proposed).toContain(`${t('fr', 'knowledge.links_kind_atlas_initiative')}\u00a0: \u2068${COMPONENT_TITLE}`);
		// the sample action says it is one
		expect(proposed).toContain(actionLabel);
		expect(proposed).not.toContain('strategy.action:');
		await check(editor, 'fr');
		await shoot(editor, 'review-fr');
		await editor.getByRole('button', { name: t('fr', 'moderation.action_approve') }).click();
		await expect(editor.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'knowledge.done_approved', { version: 1 }).split('(')[0].trim());
		const slug = new URL((await editor.getByRole('status').first().getByRole('link').getAttribute('href'))!, url('/')).pathname.split('/').at(-1)!;

		// 3. The document's page in Arabic names both, each linking to its page; axe-core, language of parts.
		const reader = await browser.newPage({ locale: 'ar-MA' });
		await reader.goto(`/ar/knowledge/documents/${slug}`);
		await check(reader, 'ar');
		await expect(reader.getByRole('term').allTextContents()).resolves.toEqual(expect.arrayContaining([t('ar', 'knowledge.links_group_atlas_initiative'), t('ar', 'knowledge.links_group_strategy_action')]));
		const initiativeLink = reader.locator(`a[href="/ar/atlas/initiatives/sharaka-composante-3a-insertion-immigres-regularises"]`);
		await expect(initiativeLink.getAttribute('lang')).resolves.toBe('fr');
		const actionPath = `/strategy/snia/actions/${action.split('/').at(-1)}`;
		await expect(reader.locator(`a[href="/ar${actionPath}"]`).count()).resolves.toBe(1);
		await expectPhoneWidthAndLanguageOfParts(reader, 'ar');
		await shoot(reader, 'document-ar');

		// 4. The action's page counts the document, and its list holds it (no JavaScript, French).
		const visitor = await browser.newPage({ javaScriptEnabled: false, locale: 'fr-MA' });
		await visitor.goto(`/fr${actionPath}`);
		await shoot(visitor, 'action-fr');
		const fromAction = visitor.getByRole('link', { name: t('fr', 'knowledge.documents_linking', { count: 1 }), exact: true });
		await expect(fromAction.count()).resolves.toBe(1);
		await fromAction.click();
		await check(visitor, 'fr', false);
		await expect(visitor.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(t('fr', 'knowledge.linked_title_strategy_action'));
		await expect(visitor.locator('.linked-item').count()).resolves.toBe(1);
		await expect(visitor.getByRole('link', { name: title }).count()).resolves.toBe(1);

		// 5. The initiative's page counts it with the component's deliverables of annex 3.4; its list holds it first (the newest, 2025).
		await visitor.goto('/fr/atlas/initiatives/sharaka-composante-3a-insertion-immigres-regularises');
		const fromInitiative = visitor.locator(`a[href="/fr/knowledge/linked?to=${encodeURIComponent(COMPONENT)}"]`);
		// six deliverables of component 3A in the seeds, and this study
		await expect(fromInitiative.textContent()).resolves.toBe(t('fr', 'knowledge.documents_linking', { count: 7 }));
		await fromInitiative.click();
		await check(visitor, 'fr', false);
		await expect(visitor.locator('.linked-item').count()).resolves.toBe(7);
		await expect(visitor.locator('.linked-item').first().textContent()).resolves.toContain(title);
		await shoot(visitor, 'linked-fr');

		// the list in Arabic passes axe-core
		await reader.goto(`/ar/knowledge/linked?to=${encodeURIComponent(COMPONENT)}`);
		await check(reader, 'ar');
		await expectPhoneWidthAndLanguageOfParts(reader, 'ar');
		await shoot(reader, 'linked-ar');

		// the API names them too
		const api = await fetch(url(`/api/v1/knowledge/documents/${slug}`), { headers: { 'accept-language': 'fr' } }).then((answer) => answer.json());
		expect(api.links.map((link: { link: string }) => link.link)).toEqual([COMPONENT, action]);
		expect(api.initiatives).toEqual(['sharaka-composante-3a-insertion-immigres-regularises']);
	});
});
