// The Atlas proposal form with real controls (issue #9, finding 2): provinces picked by name under their
// region and countries by their name in the page's language (a filter box narrows the lists with
// JavaScript), organisations one row each by name or acronym with role, amount and currency, "add a row"
// without JavaScript as a round trip, an organisation the Atlas does not know refused on its row until the
// partner ticks "propose it" — then the moderator sees the proposal with it.
import { describe, expect, onTestFinished, test } from 'vitest';
import type { Page } from 'playwright-core';
import { check, signedInAs } from './flows.ts';
import { t, useBrowser } from './harness.ts';
import type { Language } from '#platform/i18n/languages.ts';

const browser = useBrowser();
const stamp = Date.now();

const titleLabel = (language: Language) =>
	t(language, 'atlas_moderation.label_in', { field: t(language, 'atlas_moderation.field_title'), language: t(language, 'atlas_moderation.language_fr') });
const row = (page: Page, language: Language, key: string, n: number) => page.getByRole('group', { name: t(language, key, { n }), exact: true });

async function fillSource(page: Page, language: Language) {
	await row(page, language, 'atlas_moderation.row_source', 1).getByLabel(t(language, 'atlas_moderation.col_citation')).fill('Rapport annuel 2025');
}

describe('the proposal form', () => {
	test('a partner (fr, JavaScript) picks provinces and countries by name, names organisations, proposes one not listed yet', async () => {
		const page = await signedInAs(browser, 'partner@demo.sharaka.ma', 'fr');
		onTestFinished(() => page.context().close());
		await page.goto('/fr/atlas/initiatives/new');
		await check(page, 'fr');
		const title = `Maisons de la diaspora de l’Oriental ${stamp}`;
		await page.getByLabel(titleLabel('fr')).fill(title);

		// Provinces: the disclosure opens, the filter finds Oujda-Angad by a word of its name, accents aside.
		await page.getByText(t('fr', 'atlas_moderation.field_provinces'), { exact: true }).click();
		await page.getByLabel(t('fr', 'common.picker_filter', { list: t('fr', 'atlas_moderation.field_provinces') })).fill('oujda');
		await expect(page.getByRole('checkbox', { name: 'Berkane' }).isVisible()).resolves.toBe(false);
		await page.getByRole('checkbox', { name: /Oujda/ }).check();
		// Countries by their French name, found from any of their names.
		await page.getByText(t('fr', 'atlas_moderation.field_countries'), { exact: true }).click();
		await page.getByLabel(t('fr', 'common.picker_filter', { list: t('fr', 'atlas_moderation.field_countries') })).fill('senegal');
		await page.getByRole('checkbox', { name: 'Sénégal' }).check();
		await expect(page.getByText(t('fr', 'common.picker_chosen', { names: 'Sénégal' })).isVisible()).resolves.toBe(true);

		// Organisations: by acronym, then a second row added in place, with a name the Atlas does not know.
		const first = row(page, 'fr', 'atlas_moderation.row_organisation', 1);
		await first.getByLabel(t('fr', 'atlas_moderation.col_organisation_name')).fill('GIZ');
		await first.getByLabel(t('fr', 'atlas_moderation.col_role')).selectOption('funder');
		await first.getByLabel(t('fr', 'atlas_moderation.col_amount')).fill('250000');
		await first.getByLabel(t('fr', 'atlas_moderation.col_currency')).selectOption('EUR');
		await page.getByRole('button', { name: t('fr', 'atlas_moderation.add_organisation') }).click();
		const second = row(page, 'fr', 'atlas_moderation.row_organisation', 2);
		await expect(second.getByLabel(t('fr', 'atlas_moderation.col_organisation_name')).evaluate((input) => input === document.activeElement)).resolves.toBe(true);
		const newcomer = `Association Rive Orientale ${stamp}`;
		await second.getByLabel(t('fr', 'atlas_moderation.col_organisation_name')).fill(newcomer);
		await second.getByLabel(t('fr', 'atlas_moderation.col_role')).selectOption('implementer');
		// A point: a click on the map, near Oujda, fills the first point's latitude and longitude.
		const map = page.locator('svg[data-point-picker]');
		await map.scrollIntoViewIfNeeded();
		const oujda = await map.evaluate((svg: SVGSVGElement) => {
			const p = JSON.parse(svg.dataset.projection ?? '{}');
			const point = new DOMPoint(p.margin + (-1.9086 - p.west) * p.xPerDegree, p.margin + (p.north - 34.6814) * p.yPerDegree).matrixTransform(svg.getScreenCTM()!);
			return { x: point.x, y: point.y };
		});
		await page.mouse.click(oujda.x, oujda.y);
		const point = row(page, 'fr', 'atlas_moderation.row_point', 1);
		await expect(point.getByLabel(t('fr', 'atlas_moderation.col_lat')).inputValue().then(Number)).resolves.toBeCloseTo(34.68, 1);
		await expect(point.getByLabel(t('fr', 'atlas_moderation.col_lon')).inputValue().then(Number)).resolves.toBeCloseTo(-1.91, 1);
		await point.getByLabel(t('fr', 'atlas_moderation.col_label')).fill('Oujda');
		await fillSource(page, 'fr');
		await page.getByRole('button', { name: t('fr', 'atlas_moderation.action_submit_proposal') }).click();

		// Refused on its row, everything typed kept, the organisation recognised shown by its full name; ticking "propose it" sends it.
		const problem = t('fr', 'atlas_moderation.error_organisation_unknown', { name: newcomer });
		await expect(page.getByRole('link', { name: problem }).count()).resolves.toBe(1);
		await expect(page.getByLabel(titleLabel('fr')).inputValue()).resolves.toBe(title);
		await expect(row(page, 'fr', 'atlas_moderation.row_organisation', 1).getByLabel(t('fr', 'atlas_moderation.col_organisation_name')).inputValue()).resolves.toBe(
			'Deutsche Gesellschaft für Internationale Zusammenarbeit (GIZ)'
		);
		await check(page, 'fr');
		await row(page, 'fr', 'atlas_moderation.row_organisation', 2).getByLabel(t('fr', 'atlas_moderation.propose_organisation')).check();
		await page.getByRole('button', { name: t('fr', 'atlas_moderation.action_submit_proposal') }).click();
		await expect(page.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'atlas_moderation.proposal_sent'));

		// The moderator's review lists the proposed places and organisations by name, not by code.
		const moderator = await signedInAs(browser, 'moderator@demo.sharaka.ma', 'fr');
		onTestFinished(() => moderator.context().close());
		await moderator.goto('/fr/atlas/moderation');
		await moderator.getByRole('link', { name: title }).first().click();
		const changes = moderator.getByRole('table', { name: t('fr', 'atlas_moderation.review_diff_title') });
		const organisations = changes.getByRole('row').filter({ has: moderator.getByRole('rowheader', { name: t('fr', 'atlas_moderation.field_organisations'), exact: true }) });
		await expect(organisations.textContent()).resolves.toContain(newcomer);
		await expect(organisations.textContent()).resolves.toContain('(GIZ)');
		const countries = changes.getByRole('row').filter({ has: moderator.getByRole('rowheader', { name: t('fr', 'atlas_moderation.field_countries'), exact: true }) });
		await expect(countries.textContent()).resolves.toContain('Sénégal');
		const points = changes.getByRole('row').filter({ has: moderator.getByRole('rowheader', { name: t('fr', 'atlas_moderation.field_points'), exact: true }) });
		await expect(points.textContent()).resolves.toContain('Oujda');
	});

	test('without JavaScript (fr) "add an organisation" answers with one more row and keeps what was typed, a draft is saved and resumed; in Arabic the lists are named in Arabic', async () => {
		const page = await signedInAs(browser, 'partner@demo.sharaka.ma', 'fr', false);
		onTestFinished(() => page.context().close());
		await page.goto('/fr/atlas/initiatives/new');
		await page.getByLabel(titleLabel('fr')).fill(`Sans script ${stamp}`);
		await row(page, 'fr', 'atlas_moderation.row_organisation', 1).getByLabel(t('fr', 'atlas_moderation.col_organisation_name')).fill('OIM');
		await page.getByRole('button', { name: t('fr', 'atlas_moderation.add_organisation') }).click();
		await expect(row(page, 'fr', 'atlas_moderation.row_organisation', 2).count()).resolves.toBe(1);
		await expect(page.getByLabel(titleLabel('fr')).inputValue()).resolves.toBe(`Sans script ${stamp}`);
		await expect(row(page, 'fr', 'atlas_moderation.row_organisation', 1).getByLabel(t('fr', 'atlas_moderation.col_organisation_name')).inputValue()).resolves.toBe('OIM');
		// the parts at the top say which are filled in: the texts and the organisations, not the sources yet
		const parts = page.getByRole('navigation', { name: t('fr', 'atlas_moderation.sections') });
		await expect(parts.getByRole('listitem').nth(0).textContent()).resolves.toContain(t('fr', 'atlas_moderation.section_filled'));
		await expect(parts.getByRole('listitem').nth(4).textContent()).resolves.toContain(t('fr', 'atlas_moderation.section_filled'));
		await expect(parts.getByRole('listitem').nth(5).textContent()).resolves.toContain(t('fr', 'atlas_moderation.section_empty'));
		await check(page, 'fr', false);

		// "save as draft": kept, listed, and resumed as it was
		await page.getByRole('button', { name: t('fr', 'atlas_moderation.action_save_draft') }).click();
		await expect(page.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'atlas_moderation.draft_saved'));
		await page.goto('/fr/atlas/initiatives/new');
		await page.getByRole('region', { name: t('fr', 'moderation.drafts_title') }).getByRole('link', { name: `Sans script ${stamp}` }).click();
		await expect(page.getByLabel(titleLabel('fr')).inputValue()).resolves.toBe(`Sans script ${stamp}`);
		await expect(row(page, 'fr', 'atlas_moderation.row_organisation', 1).getByLabel(t('fr', 'atlas_moderation.col_organisation_name')).inputValue()).resolves.toBe('OIM');

		const arabic = await signedInAs(browser, 'partner@demo.sharaka.ma', 'ar');
		onTestFinished(() => arabic.context().close());
		await arabic.goto('/ar/atlas/initiatives/new');
		await check(arabic, 'ar');
		await arabic.getByText(t('ar', 'atlas_moderation.field_countries'), { exact: true }).click();
		await arabic.getByLabel(t('ar', 'common.picker_filter', { list: t('ar', 'atlas_moderation.field_countries') })).fill('Sénégal');
		await expect(arabic.getByRole('checkbox', { name: 'السنغال' }).isVisible()).resolves.toBe(true);
	});
});
