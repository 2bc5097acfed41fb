// The Atlas proposal form with real controls (issue #9, finding 2; issue #17, rules 5 and 18): provinces
// picked by name under their region and countries by their name in the page's language (a filter box narrows
// the lists with JavaScript), the communes of the provinces ticked only (listed again in place with
// JavaScript, by "update the communes" without), organisations one row each by name or acronym with role,
// amount, currency and the source's second figure, amounts by year as rows, dates by the month when the
// source gives no day, "add a row" without JavaScript as a round trip, a refused value said with its row and
// the format expected, an organisation the Atlas does not know refused on its row until the partner ticks
// "propose it" — then the moderator sees the proposal with it, and once approved the public page shows it all.
import { describe, expect, onTestFinished, test } from 'vitest';
import type { Page } from 'playwright-core';
import { check, screenshotsFor, signedInAs } from './flows.ts';
import { expectPhoneWidthAndLanguageOfParts, t, useBrowser } from './harness.ts';
import type { Language } from '#platform/i18n/languages.ts';

const browser = useBrowser();
const shoot = screenshotsFor('atlas');
const stamp = Date.now();

const titleLabel = (language: Language) =>
	t(language, 'atlas_moderation.label_in', { field: t(language, 'atlas_moderation.field_title'), language: t(language, 'atlas_moderation.language_fr') });
const row = (page: Page, language: Language, key: string, n: number) => page.getByRole('group', { name: t(language, key, { n }), exact: true });
/** The message of a refused cell: its row by number, its column, what is expected (issue #17 rule 18). */
const cellProblem = (language: Language, rowKey: string, n: number, columnKey: string, problem: string) =>
	t(language, 'atlas_entry.row_cell', { row: t(language, rowKey, { n }), column: t(language, columnKey), problem });

async function fillSource(page: Page, language: Language) {
	await row(page, language, 'atlas_moderation.row_source', 1).getByLabel(t(language, 'atlas_moderation.col_citation')).fill('Rapport annuel 2025');
}

describe('the proposal form', () => {
	test('a partner (fr, JavaScript) picks provinces and countries by name, the communes of those provinces, names organisations, proposes one not listed yet', { timeout: 120_000 }, async () => {
		const page = await signedInAs(browser, 'partner@demo.sharaka.ma', 'fr');
		onTestFinished(() => page.context().close());
		await page.goto('/fr/atlas/initiatives/new');
		await check(page, 'fr');
		const title = `Maisons de la diaspora de l’Oriental ${stamp}`;
		await page.getByLabel(titleLabel('fr')).fill(title);

		// Provinces: the disclosure opens, the filter finds Oujda-Angad by a word of its name, accents aside.
		await page.getByText(t('fr', 'atlas_moderation.field_provinces'), { exact: true }).click();
		const provinceFilter = page.getByLabel(t('fr', 'common.picker_filter', { list: t('fr', 'atlas_moderation.field_provinces') }));
		await provinceFilter.fill('oujda');
		await expect(page.getByRole('checkbox', { name: 'Berkane' }).isVisible()).resolves.toBe(false);
		// no commune listed before a province is ticked, and no button to press with JavaScript
		const communes = page.getByRole('group', { name: t('fr', 'atlas_moderation.field_communes'), exact: true });
		await expect(communes.getByRole('checkbox').count()).resolves.toBe(0);
		await expect(page.getByRole('button', { name: t('fr', 'atlas_entry.update_communes') }).isVisible()).resolves.toBe(false);
		await page.getByRole('checkbox', { name: 'Oujda-Angad', exact: true }).check();
		// the communes of Oujda-Angad come in place; Berkane's are not there yet
		await communes.getByRole('checkbox', { name: 'Oujda', exact: true }).waitFor();
		await expect(communes.getByRole('checkbox', { name: 'Ahfir' }).count()).resolves.toBe(0);
		await provinceFilter.fill('berkane');
		await page.getByRole('checkbox', { name: 'Berkane', exact: true }).check();
		await communes.getByRole('checkbox', { name: 'Ahfir' }).waitFor();
		// Countries by their French name, found from any of their names.
		await page.getByText(t('fr', 'atlas_moderation.field_countries'), { exact: true }).click();
		await page.getByLabel(t('fr', 'common.picker_filter', { list: t('fr', 'atlas_moderation.field_countries') })).fill('senegal');
		await page.getByRole('checkbox', { name: 'Sénégal' }).check();
		await expect(page.getByText(t('fr', 'common.picker_chosen', { names: 'Sénégal' })).isVisible()).resolves.toBe(true);
		// Communes from the list, found by their name (issue #17 rule 18).
		await page.getByLabel(t('fr', 'common.picker_filter', { list: t('fr', 'atlas_moderation.field_communes') })).fill('ahfir');
		await communes.getByRole('checkbox', { name: 'Ahfir' }).check();
		await expect(communes.getByRole('checkbox', { name: 'Oujda', exact: true }).isVisible()).resolves.toBe(false);
		await shoot(page, 'proposal-communes-fr');

		// Organisations: by acronym, then a second row added in place, with a name the Atlas does not know.
		const first = row(page, 'fr', 'atlas_moderation.row_organisation', 1);
		await first.getByLabel(t('fr', 'atlas_moderation.col_organisation_name')).fill('GIZ');
		await first.getByLabel(t('fr', 'atlas_moderation.col_role')).selectOption('funder');
		await first.getByLabel(t('fr', 'atlas_moderation.col_amount'), { exact: true }).fill('250000');
		await first.getByLabel(t('fr', 'atlas_moderation.col_currency'), { exact: true }).selectOption('EUR');
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

		// Refused on its row (named by its number), everything typed kept, the organisation recognised shown by its full name; ticking "propose it" sends it.
		const problem = cellProblem('fr', 'atlas_moderation.row_organisation', 2, 'atlas_moderation.col_organisation_name', t('fr', 'atlas_entry.problem_organisation_unknown', { name: newcomer }));
		await expect(page.getByRole('link', { name: problem }).count()).resolves.toBe(1);
		await expect(page.getByLabel(titleLabel('fr')).inputValue()).resolves.toBe(title);
		await expect(row(page, 'fr', 'atlas_moderation.row_organisation', 1).getByLabel(t('fr', 'atlas_moderation.col_organisation_name')).inputValue()).resolves.toBe(
			'Deutsche Gesellschaft für Internationale Zusammenarbeit (GIZ)'
		);
		// the communes chosen and those of the provinces ticked are listed again
		await expect(communes.getByRole('checkbox', { name: 'Ahfir' }).isChecked()).resolves.toBe(true);
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
		const communeRow = changes.getByRole('row').filter({ has: moderator.getByRole('rowheader', { name: t('fr', 'atlas_moderation.field_communes'), exact: true }) });
		await expect(communeRow.textContent()).resolves.toContain('Ahfir (02.113.01.01)');
	});

	test('without JavaScript (fr) "add an organisation" answers with one more row, "update the communes" lists those of the provinces ticked, both keeping what was typed; a draft is saved and resumed; in Arabic the lists are named in Arabic', { timeout: 120_000 }, async () => {
		const page = await signedInAs(browser, 'partner@demo.sharaka.ma', 'fr', false);
		onTestFinished(() => page.context().close());
		await page.goto('/fr/atlas/initiatives/new');
		await page.getByLabel(titleLabel('fr')).fill(`Sans script ${stamp}`);
		await row(page, 'fr', 'atlas_moderation.row_organisation', 1).getByLabel(t('fr', 'atlas_moderation.col_organisation_name')).fill('OIM');
		await page.getByRole('button', { name: t('fr', 'atlas_moderation.add_organisation') }).click();
		// the form comes back from the server (no JavaScript), a long page: wait for it rather than count at once
		await row(page, 'fr', 'atlas_moderation.row_organisation', 2).first().waitFor();
		await expect(row(page, 'fr', 'atlas_moderation.row_organisation', 2).count()).resolves.toBe(1);
		await expect(page.getByLabel(titleLabel('fr')).inputValue()).resolves.toBe(`Sans script ${stamp}`);
		await expect(row(page, 'fr', 'atlas_moderation.row_organisation', 1).getByLabel(t('fr', 'atlas_moderation.col_organisation_name')).inputValue()).resolves.toBe('OIM');

		// Communes: none listed until a province is ticked and "update the communes" pressed (the page stays light)
		const communes = page.getByRole('group', { name: t('fr', 'atlas_moderation.field_communes'), exact: true });
		await expect(communes.getByRole('checkbox').count()).resolves.toBe(0);
		await page.getByText(t('fr', 'atlas_moderation.field_provinces'), { exact: true }).click();
		await page.getByRole('checkbox', { name: 'Oujda-Angad', exact: true }).check();
		await page.getByRole('button', { name: t('fr', 'atlas_entry.update_communes') }).click();
		await communes.getByRole('checkbox', { name: 'Oujda', exact: true }).waitFor();
		await expect(page.getByLabel(titleLabel('fr')).inputValue()).resolves.toBe(`Sans script ${stamp}`);
		await expect(row(page, 'fr', 'atlas_moderation.row_organisation', 2).count()).resolves.toBe(1);
		await expect(communes.getByRole('checkbox', { name: 'Ahfir' }).count()).resolves.toBe(0);
		await shoot(page, 'proposal-communes-nojs-fr');
		// the form's weight: the 1,503 communes are no longer in it (about 547 KB before, 177 KB after)
		const html = await (await page.request.get('/fr/atlas/initiatives/new')).text();
		expect(html.length).toBeLessThan(250_000);
		expect(html).not.toContain('02.113.01.01');
		// a commune chosen stays in view when its province is no longer ticked
		await communes.getByRole('checkbox', { name: 'Oujda', exact: true }).check();
		await page.getByRole('checkbox', { name: 'Oujda-Angad', exact: true }).uncheck();
		await page.getByRole('button', { name: t('fr', 'atlas_entry.update_communes') }).click();
		await communes.getByRole('checkbox').first().waitFor();
		await expect(communes.getByRole('checkbox').count()).resolves.toBe(1);
		await expect(communes.getByRole('checkbox', { name: 'Oujda', exact: true }).isChecked()).resolves.toBe(true);

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
		await expect(communes.getByRole('checkbox', { name: 'Oujda', exact: true }).isChecked()).resolves.toBe(true);

		const arabic = await signedInAs(browser, 'partner@demo.sharaka.ma', 'ar');
		onTestFinished(() => arabic.context().close());
		await arabic.goto('/ar/atlas/initiatives/new');
		await check(arabic, 'ar');
		await arabic.getByText(t('ar', 'atlas_moderation.field_countries'), { exact: true }).click();
		await arabic.getByLabel(t('ar', 'common.picker_filter', { list: t('ar', 'atlas_moderation.field_countries') })).fill('Sénégal');
		await expect(arabic.getByRole('checkbox', { name: 'السنغال' }).isVisible()).resolves.toBe(true);
		// the communes of the province ticked, named in Arabic, found by their French name too
		await arabic.getByText(t('ar', 'atlas_moderation.field_provinces'), { exact: true }).click();
		await arabic.getByRole('checkbox', { name: 'وجدة-أنجاد', exact: true }).check();
		const arabicCommunes = arabic.getByRole('group', { name: t('ar', 'atlas_moderation.field_communes'), exact: true });
		await arabicCommunes.getByRole('checkbox', { name: 'وجدة', exact: true }).waitFor();
		await arabic.getByLabel(t('ar', 'common.picker_filter', { list: t('ar', 'atlas_moderation.field_communes') })).fill('Oujda');
		await expect(arabicCommunes.getByRole('checkbox', { name: 'وجدة', exact: true }).isVisible()).resolves.toBe(true);
		await check(arabic, 'ar');
		await expectPhoneWidthAndLanguageOfParts(arabic, 'ar');
		await shoot(arabic, 'proposal-communes-ar');
	});

	test('without JavaScript (fr) a partner gives a start by the month, a second figure and amounts by year; a refused value names its row and the format; approved, the page shows them (ar, axe)', { timeout: 150_000 }, async () => {
		const page = await signedInAs(browser, 'partner@demo.sharaka.ma', 'fr', false);
		onTestFinished(() => page.context().close());
		await page.goto('/fr/atlas/initiatives/new');
		const title = `Mobilité des talents ${stamp}`;
		await page.getByLabel(titleLabel('fr')).fill(title);
		// the source gives April 2021 and 48 months; a day that does not exist is refused with the format expected
		await page.getByLabel(t('fr', 'atlas_moderation.field_plannedStart')).fill('avril 2021');
		await page.getByLabel(t('fr', 'atlas_shares.field_durationMonths')).fill('48');
		await page.getByLabel(t('fr', 'atlas_moderation.field_actualStart')).fill('31/13/2021');
		const eu = row(page, 'fr', 'atlas_moderation.row_organisation', 1);
		await eu.getByLabel(t('fr', 'atlas_moderation.col_organisation_name')).fill('Union européenne');
		await eu.getByLabel(t('fr', 'atlas_moderation.col_role')).selectOption('funder');
		await eu.getByLabel(t('fr', 'atlas_moderation.col_amount'), { exact: true }).fill('1 000 000');
		await eu.getByLabel(t('fr', 'atlas_moderation.col_currency'), { exact: true }).selectOption('EUR');
		await eu.getByLabel(t('fr', 'atlas_entry.col_second_amount')).fill('10 900 000');
		await eu.getByLabel(t('fr', 'atlas_entry.col_second_currency')).selectOption('MAD');
		await page.getByRole('button', { name: t('fr', 'atlas_moderation.add_organisation') }).click();
		const giz = row(page, 'fr', 'atlas_moderation.row_organisation', 2);
		await giz.first().waitFor();
		await giz.getByLabel(t('fr', 'atlas_moderation.col_organisation_name')).fill('GIZ');
		await giz.getByLabel(t('fr', 'atlas_moderation.col_role')).selectOption('funder');
		await giz.getByLabel(t('fr', 'atlas_moderation.col_amount'), { exact: true }).fill('deux cent mille');
		await page.getByLabel(t('fr', 'atlas_moderation.label_budget_total')).fill('1200000');
		await page.getByLabel(t('fr', 'atlas_moderation.label_budget_currency')).selectOption('EUR');
		await page.getByLabel(t('fr', 'atlas_entry.label_budget_second_amount')).fill('13080000');
		await page.getByLabel(t('fr', 'atlas_entry.label_budget_second_currency')).selectOption('MAD');
		const year = row(page, 'fr', 'atlas_entry.row_yearly', 1);
		await year.getByLabel(t('fr', 'atlas_entry.col_funder')).fill('Union européenne');
		await year.getByLabel(t('fr', 'atlas_entry.col_year')).fill('21');
		await year.getByLabel(t('fr', 'atlas_moderation.col_amount'), { exact: true }).fill('400000');
		await year.getByLabel(t('fr', 'atlas_moderation.col_currency'), { exact: true }).selectOption('EUR');
		await fillSource(page, 'fr');
		await page.getByRole('button', { name: t('fr', 'atlas_moderation.action_submit_proposal') }).click();

		// every refusal at once, each with its row by number and the format expected; nothing typed is lost
		const summary = page.getByRole('alert').first();
		await summary.waitFor();
		await expect(page.getByRole('link', { name: cellProblem('fr', 'atlas_moderation.row_organisation', 2, 'atlas_moderation.col_amount', t('fr', 'atlas_entry.format_amount')) }).count()).resolves.toBe(1);
		await expect(page.getByRole('link', { name: cellProblem('fr', 'atlas_entry.row_yearly', 1, 'atlas_entry.col_year', t('fr', 'atlas_entry.format_year')) }).count()).resolves.toBe(1);
		const dateProblem = t('fr', 'atlas_entry.field_cell', { field: t('fr', 'atlas_moderation.field_actualStart'), problem: t('fr', 'atlas_entry.format_date') });
		await expect(page.getByRole('link', { name: dateProblem }).count()).resolves.toBe(1);
		await expect(page.getByLabel(t('fr', 'atlas_moderation.field_plannedStart')).inputValue()).resolves.toBe('avril 2021');
		await expect(row(page, 'fr', 'atlas_moderation.row_organisation', 1).getByLabel(t('fr', 'atlas_entry.col_second_amount')).inputValue()).resolves.toBe('10 900 000');
		await shoot(page, 'proposal-row-errors-fr');

		await page.getByLabel(t('fr', 'atlas_moderation.field_actualStart')).fill('');
		await row(page, 'fr', 'atlas_moderation.row_organisation', 2).getByLabel(t('fr', 'atlas_moderation.col_amount'), { exact: true }).fill('200000');
		await row(page, 'fr', 'atlas_moderation.row_organisation', 2).getByLabel(t('fr', 'atlas_moderation.col_currency'), { exact: true }).selectOption('EUR');
		await row(page, 'fr', 'atlas_entry.row_yearly', 1).getByLabel(t('fr', 'atlas_entry.col_year')).fill('2021');
		await page.getByRole('button', { name: t('fr', 'atlas_moderation.action_submit_proposal') }).click();
		await expect(page.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'atlas_moderation.proposal_sent'));

		// The moderator (Arabic, axe) sees the months, the second figures and the years in the review, and approves.
		const moderator = await signedInAs(browser, 'moderator@demo.sharaka.ma', 'ar');
		onTestFinished(() => moderator.context().close());
		await moderator.goto('/ar/atlas/moderation');
		await moderator.getByRole('link', { name: title }).first().click();
		const changes = moderator.getByRole('table', { name: t('ar', 'atlas_moderation.review_diff_title') });
		const line = (field: string) => changes.getByRole('row').filter({ has: moderator.getByRole('rowheader', { name: t('ar', `atlas_moderation.field_${field}`), exact: true }) }).textContent();
		await expect(line('plannedStart')).resolves.toContain('أبريل 2021');
		await expect(line('plannedEnd')).resolves.toContain('مارس 2025');
		await expect(line('budget')).resolves.toMatch(/13.080.000/);
		await expect(line('yearlyAmounts')).resolves.toContain('2021');
		await check(moderator, 'ar');
		await moderator.getByRole('button', { name: t('ar', 'moderation.action_approve'), exact: true }).click();
		await expect(moderator.getByRole('status').first().textContent()).resolves.toContain(t('ar', 'atlas_moderation.done_approved', { version: 1 }));

		// The public page: the month as a month, the second figures beside the first, the amounts by year.
		const visitor = await browser.newPage({ locale: 'fr' });
		onTestFinished(() => visitor.context().close());
		const found = await (await visitor.request.get(`/api/v1/initiatives?q=${encodeURIComponent(title)}`)).json();
		await visitor.goto(`/fr/atlas/initiatives/${found.items[0].slug}`);
		const facts = await visitor.locator('.facts').first().textContent();
		expect(facts).toContain('avril 2021 – mars 2025');
		const budget = await visitor.locator('.facts').nth(1).textContent();
		expect(budget).toMatch(/1.200.000.*€.*13.080.000.*MAD/);
		const organisations = await visitor.getByRole('heading', { name: t('fr', 'atlas.role_funder') }).locator('xpath=following-sibling::ul[1]').textContent();
		expect(organisations).toMatch(/1.000.000.*€.*10.900.000.*MAD/);
		const years = visitor.getByRole('table', { name: t('fr', 'atlas_entry.yearly_caption') });
		await expect(years.getByRole('row').nth(1).textContent()).resolves.toMatch(/2021.*Union européenne.*400.000/);
		await expect(visitor.getByText(t('fr', 'atlas_entry.statistics_note')).count()).resolves.toBe(1);
		await check(visitor, 'fr');
		await expectPhoneWidthAndLanguageOfParts(visitor, 'fr');
		await shoot(visitor, 'initiative-amounts-fr');
		await visitor.goto(visitor.url().replace('/fr/', '/ar/'));
		await check(visitor, 'ar');
		await expect(visitor.locator('.facts').first().textContent()).resolves.toContain('أبريل 2021');
		await shoot(visitor, 'initiative-amounts-ar');
	});
});
