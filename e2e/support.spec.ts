// Rights pages and the support programmes directory: read in French and Arabic (also without
// JavaScript), a moderator saves a new version, a partner adds a programme for their organisation.
import { describe, expect, test } from 'vitest';
import { DEMO_PASSWORD } from '#platform/demo/demo.ts';
import { expectLanguage, expectNoAxeViolations, expectNoRawMessageKeys, signIn, t, useBrowser } from './harness.ts';

const browser = useBrowser();

describe('rights and support programmes', () => {
	for (const language of ['fr', 'ar'] as const) {
		test(`${language}: the rights list leads to a page with its steps, sources, review date and general-information note`, async () => {
			const page = await browser.newPage();
			await page.goto(`/${language}/jobs/rights`);
			await expectLanguage(page, language);
			await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(t(language, 'support.rights_title'));
			await expectNoRawMessageKeys(page);
			await expectNoAxeViolations(page);
			const title = language === 'fr' ? 'Le contrat de travail d’un salarié étranger' : 'عقد عمل الأجير الأجنبي';
			await page.getByRole('link', { name: title, exact: true }).click();
			expect(new URL(page.url()).pathname).toBe(`/${language}/jobs/rights/work-contract`);
			await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(title);
			const main = page.getByRole('main');
			await expect(main.textContent()).resolves.toContain(t(language, 'support.rights_disclaimer'));
			await expect(main.getByRole('heading', { name: t(language, 'content.sources_title') }).count()).resolves.toBe(1);
			await expect(main.getByRole('link', { name: /anapec/i }).count()).resolves.toBeGreaterThan(0);
			await expectNoRawMessageKeys(page);
			await expectNoAxeViolations(page);
			await page.getByRole('link', { name: t(language, 'content.history_link') }).click();
			await expectNoAxeViolations(page);
			await page.context().close();
		});

		test(`${language}: the directory filters by service and shows a programme with its contact`, async () => {
			const page = await browser.newPage();
			await page.goto(`/${language}/jobs/programmes`);
			await expectNoAxeViolations(page);
			await page.getByLabel(t(language, 'support.programmes_filter_service'), { exact: true }).selectOption('legal_aid');
			await page.getByRole('button', { name: t(language, 'common.search'), exact: true }).click();
			expect(new URL(page.url()).searchParams.get('service')).toBe('legal_aid');
			const cards = page.locator('main .card');
			expect(await cards.count()).toBeGreaterThan(0);
			for (const text of await cards.allTextContents()) expect(text).toContain(t(language, 'support.service_legal_aid'));
			await expect(cards.first().textContent()).resolves.toContain(t(language, 'support.sample_badge'));
			await cards.first().getByRole('link').first().click();
			await expect(page.getByRole('heading', { name: t(language, 'support.programme_contact') }).count()).resolves.toBe(1);
			await expectNoRawMessageKeys(page);
			await expectNoAxeViolations(page);
			await page.context().close();
		});
	}

	test('without JavaScript: a search by a word without accents finds the programme (GET form)', async () => {
		const page = await browser.newPage({ javaScriptEnabled: false });
		await page.goto('/fr/jobs/programmes');
		await page.getByLabel(t('fr', 'support.programmes_search_label'), { exact: true }).fill('clinique casablanca');
		await page.getByRole('button', { name: t('fr', 'common.search'), exact: true }).click();
		expect(new URL(page.url()).searchParams.get('q')).toBe('clinique casablanca');
		await expect(page.locator('main .card').count()).resolves.toBe(1);
		await page.context().close();
	});

	test('without JavaScript: "funded by the ministry" keeps only the programmes the MDCMRE funds, each saying so', async () => {
		const page = await browser.newPage({ javaScriptEnabled: false });
		await page.goto('/fr/jobs/programmes');
		const all = await page.locator('main .card').count();
		await page.getByLabel(t('fr', 'support.programmes_filter_mdcmre')).check();
		await page.getByRole('button', { name: t('fr', 'common.search'), exact: true }).click();
		expect(new URL(page.url()).searchParams.get('funder')).toBe('mdcmre');
		const funded = page.locator('main .card');
		const count = await funded.count();
		expect(count).toBeGreaterThan(0);
		expect(count).toBeLessThan(all);
		for (const text of await funded.allTextContents()) expect(text).toContain('MDCMRE');
		await page.context().close();
	});

	test('a moderator saves a new version; the history lists both', async () => {
		const page = await browser.newPage({ javaScriptEnabled: false });
		await signIn(page, 'fr', 'moderator@demo.sharaka.ma', DEMO_PASSWORD);
		await page.goto('/fr/jobs/rights/where-to-complain/edit');
		await page.getByLabel(t('fr', 'content.field_comment'), { exact: true }).fill('Relecture e2e');
		await page.getByRole('button', { name: t('fr', 'content.edit_submit'), exact: true }).click();
		expect(new URL(page.url()).pathname).toBe('/fr/jobs/rights/where-to-complain');
		await expect(page.getByRole('status').textContent()).resolves.toContain(t('fr', 'content.saved', { version: 2 }));
		await page.goto('/fr/jobs/rights/where-to-complain/history');
		await expect(page.locator('tbody tr').count()).resolves.toBe(2);
		await expect(page.locator('tbody').textContent()).resolves.toContain('Relecture e2e');
		await page.context().close();
	});

	test('a partner adds a programme for their organisation; a member cannot reach the form', async () => {
		const page = await browser.newPage();
		await signIn(page, 'fr', 'partner@demo.sharaka.ma', DEMO_PASSWORD);
		await page.goto('/fr/jobs/programmes/new');
		await expectNoAxeViolations(page);
		// an empty form is refused with clear messages
		await page.getByRole('button', { name: t('fr', 'support.programme_save'), exact: true }).click();
		await expect(page.locator('.error-summary').textContent()).resolves.toContain(t('fr', 'support.error_one_language'));
		await expectNoAxeViolations(page);
		await page.locator('#field-name_fr').fill('Cours de wolof pour conseillers');
		await page.locator('#field-description_fr').fill('Initiation au wolof pour les agents d’accueil.');
		await page.getByLabel(t('fr', 'support.service_language_courses'), { exact: true }).check();
		await page.getByLabel(t('fr', 'support.lang_wo'), { exact: true }).check();
		await page.getByLabel(t('fr', 'support.programme_field_cities'), { exact: true }).fill('Rabat');
		// the programme is part of an Atlas initiative, chosen by its title (the list's filter box narrows it)
		await page.locator('#field-links-summary').click();
		await page.getByLabel(t('fr', 'common.picker_filter', { list: t('fr', 'support.programme_field_initiatives') })).fill('composante 3A');
		await page.getByLabel(/SHARAKA, composante 3A/).check();
		await page.getByRole('button', { name: t('fr', 'support.programme_save'), exact: true }).click();
		await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Cours de wolof pour conseillers');
		await expect(page.getByRole('status').textContent()).resolves.toContain(t('fr', 'support.programme_done_created'));
		// linked both ways: the programme names the initiative, the initiative's page counts its programmes
		await expectNoAxeViolations(page);
		await page.getByRole('link', { name: /^SHARAKA, composante 3A/ }).click();
		expect(new URL(page.url()).pathname).toBe('/fr/atlas/initiatives/sharaka-composante-3a-insertion-immigres-regularises');
		await page.getByRole('link', { name: /^Programmes d’accompagnement \(Welcome\)/ }).click();
		expect(new URL(page.url()).searchParams.get('initiative')).toBe('sharaka-composante-3a-insertion-immigres-regularises');
		await expect(page.locator('main .card').allTextContents()).resolves.toContainEqual(expect.stringContaining('Cours de wolof pour conseillers'));
		await expectNoAxeViolations(page);
		await page.context().close();

		const member = await browser.newPage();
		await signIn(member, 'fr', 'member@demo.sharaka.ma', DEMO_PASSWORD);
		const response = await member.goto('/fr/jobs/programmes/new');
		expect(response?.status()).toBe(403);
		await member.context().close();
	});
});
