// International placement, issue 10 items 1–2: the division (the demo counsellor holds its grant) creates a
// partnership agreement and an international offer through it in French without JavaScript on a phone — a
// first try of each is refused with the field named —, adds a document, publishes the offer (a second publish from a
// stale tab is refused with its reason, the form still filled); anyone finds it
// in /jobs with the "abroad" filter (country and channel) and reads its foreign conditions, the no-fee badge
// and the foreign JobPosting; the same search, the offer and the division's dashboard in Arabic pass axe.
// Screenshots at 360 and 1280 px go to test-results/screenshots/placement-offers-*.
import { describe, expect, test } from 'vitest';
import { check, pick, screenshotsFor, signedInAs } from './flows.ts';
import { expectPhoneWidthAndLanguageOfParts, t, useBrowser } from './harness.ts';

const browser = useBrowser();
const shoot = screenshotsFor('placement-offers');
const stamp = Date.now();
const agreementTitle = `Accord de placement d’aides-soignants ${stamp}`;
const offerTitle = `Aide-soignant·e en maison de retraite ${stamp}`;
/** A day as YYYY-MM-DD, `offset` days from today. */
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const year = new Date(Date.now() + 30 * 86_400_000).getUTCFullYear();

describe('international placement: agreements and offers abroad', () => {
	test('the division creates an agreement and an offer abroad without JavaScript; anyone finds it with the abroad filter; Arabic with axe', { timeout: 300_000 }, async () => {
		// 1. The division's space, from its my-space link.
		const division = await signedInAs(browser, 'counsellor@demo.sharaka.ma', 'fr', false, true);
		await division.goto('/fr/my-space');
		await division.getByRole('link', { name: t('fr', 'placement.space_division') }).first().click();
		await check(division, 'fr', false);
		await expectPhoneWidthAndLanguageOfParts(division, 'fr');
		await shoot(division, 'division-fr');

		// 2. A new agreement: the end before the start is refused with the field named, nothing saved.
		await division.getByRole('link', { name: t('fr', 'placement.agreement_new_title') }).click();
		await check(division, 'fr', false);
		await division.getByLabel(t('fr', 'placement.field_partner_name'), { exact: true }).fill('Exemple : service public de l’emploi suédois');
		await division.getByLabel(t('fr', 'placement.field_sector'), { exact: true }).selectOption('public');
		await division.getByLabel(t('fr', 'placement.host_country'), { exact: true }).selectOption('SE');
		await division.getByLabel(t('fr', 'placement.field_title'), { exact: true }).fill(agreementTitle);
		await division.getByLabel(t('fr', 'placement.field_starts_on'), { exact: true }).fill(day(0));
		await division.getByLabel(t('fr', 'placement.field_ends_on'), { exact: true }).fill(day(-10));
		await pick(division, 'economicSectors', ['Q']);
		await pick(division, 'occupationCodes', ['5321']);
		await division.locator('input[name="quotas.0.year"]').fill(String(year));
		await division.locator('input[name="quotas.0.positions"]').fill('8');
		await division.getByLabel(t('fr', 'placement.status'), { exact: true }).selectOption('active');
		await division.getByLabel(t('fr', 'placement.field_published')).check();
		await division.getByRole('button', { name: t('fr', 'placement.agreement_save') }).click();
		await expect(division.locator('.error-summary a[href="#field-endsOn"]').count()).resolves.toBe(1);
		await expect(division.locator('input[name="occupationCodes"][value="5321"]').isChecked()).resolves.toBe(true);
		await shoot(division, 'agreement-refused-fr');
		await division.getByLabel(t('fr', 'placement.field_ends_on'), { exact: true }).fill(day(730));
		await division.getByRole('button', { name: t('fr', 'placement.agreement_save') }).click();
		await expect(division.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'placement.agreement_created'));
		await check(division, 'fr', false);
		const agreementPath = new URL(division.url()).pathname;

		// 3. A link as its document; the history shows the creation and the document.
		await division.getByLabel(t('fr', 'placement.document_field_title'), { exact: true }).fill('Communiqué de signature');
		await division.getByLabel(t('fr', 'placement.document_field_url'), { exact: true }).fill('https://example.org/communique');
		await division.getByLabel(t('fr', 'placement.document_field_public')).check();
		await division.getByRole('button', { name: t('fr', 'placement.document_add') }).click();
		await expect(division.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'placement.document_added'));
		const history = division.getByRole('region', { name: t('fr', 'placement.history_title') });
		await expect(history.textContent()).resolves.toContain(t('fr', 'placement.history_document_add'));
		await expect(history.textContent()).resolves.toContain(t('fr', 'placement.history_create'));
		await shoot(division, 'agreement-fr');

		// 4. An offer abroad through it: without host country, refused on that field; then saved and published.
		await division.goto('/fr/jobs/placement/division');
		await division.getByRole('link', { name: t('fr', 'placement.offer_new_title') }).click();
		await check(division, 'fr', false);
		await division.getByLabel(t('fr', 'jobs.field_title'), { exact: true }).fill(offerTitle);
		await division.getByLabel(t('fr', 'jobs.field_description'), { exact: true }).fill('Aide aux soins quotidiens des résidents d’une maison de retraite ; cours de suédois payés par l’employeur.');
		await pick(division, 'occupationCode', ['5321']);
		await division.getByLabel(t('fr', 'placement.field_city'), { exact: true }).fill('Malmö');
		await division.getByLabel(t('fr', 'placement.field_channel'), { exact: true }).selectOption('individual');
		await division.locator('details#field-organisationId summary').click();
		await division.locator('input[name="organisationId"]').first().check();
		await division.getByLabel(t('fr', 'jobs.field_contract'), { exact: true }).selectOption('cdi');
		await division.getByLabel(t('fr', 'jobs.field_positions'), { exact: true }).fill('5');
		await division.getByLabel(t('fr', 'jobs.field_closing'), { exact: true }).fill(day(30));
		await division.getByLabel(t('fr', 'jobs.field_salary_min'), { exact: true }).fill('26000');
		await division.getByLabel(t('fr', 'jobs.field_salary_period'), { exact: true }).selectOption('month');
		await division.getByLabel(t('fr', 'placement.field_currency'), { exact: true }).selectOption('SEK');
		await division.locator('select[name="languages.0.language"]').selectOption('sv');
		await division.locator('select[name="languages.0.level"]').selectOption('B1');
		await division.getByLabel(t('fr', 'placement.field_housing'), { exact: true }).fill('Studio meublé trouvé par l’employeur, loyer à la charge du travailleur.');
		await division.getByLabel(t('fr', 'placement.cost_recruitment'), { exact: true }).selectOption('public');
		await division.getByLabel(t('fr', 'placement.cost_travel'), { exact: true }).selectOption('employer');
		await division.getByLabel(t('fr', 'placement.no_worker_fees_yes')).check();
		await division.getByRole('button', { name: t('fr', 'jobs.save_draft') }).click();
		await expect(division.locator('.error-summary a[href="#field-hostCountry"]').count()).resolves.toBe(1);
		await expect(division.getByLabel(t('fr', 'placement.field_city'), { exact: true }).inputValue()).resolves.toBe('Malmö');
		await shoot(division, 'offer-refused-fr');
		await division.getByLabel(t('fr', 'placement.host_country'), { exact: true }).selectOption('SE');
		const agreementOption = division.locator('select[name="agreementId"] option', { hasText: agreementTitle });
		await division.locator('select[name="agreementId"]').selectOption((await agreementOption.getAttribute('value'))!);
		await division.getByRole('button', { name: t('fr', 'jobs.save_draft') }).click();
		await expect(division.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'placement.offer_created'));
		// published from a second tab; then this one's (stale) publish button is refused with the reason, and the
		// form still holds the offer as saved (the publish form sends no field of it)
		const otherTab = await browser.newPage({ javaScriptEnabled: false, storageState: await division.context().storageState() });
		await otherTab.goto(division.url());
		await otherTab.getByRole('button', { name: t('fr', 'placement.offer_publish') }).click();
		await expect(otherTab.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'placement.offer_published').slice(0, 20));
		await otherTab.close();
		await division.getByRole('button', { name: t('fr', 'placement.offer_publish') }).click();
		await expect(division.locator('.error-summary').textContent()).resolves.toContain(t('fr', 'jobs.error_wrong_status'));
		await expect(division.getByLabel(t('fr', 'jobs.field_title'), { exact: true }).inputValue()).resolves.toBe(offerTitle);
		await expect(division.getByLabel(t('fr', 'placement.field_city'), { exact: true }).inputValue()).resolves.toBe('Malmö');
		await expect(division.locator('input[name="occupationCode"][value="5321"]').isChecked()).resolves.toBe(true);
		await check(division, 'fr', false);
		await shoot(division, 'offer-publish-refused-fr');
		await division.goto(new URL(division.url()).pathname);
		await shoot(division, 'offer-fr');

		// 5. Anyone, without JavaScript: the abroad filter by country and channel finds it, with its badges.
		const visitor = await browser.newPage({ javaScriptEnabled: false, phone: true });
		await visitor.goto('/fr/jobs');
		// on a phone the criteria sit in a folded panel
		await visitor.locator('details.filter-panel > summary').click();
		await visitor.getByLabel(t('fr', 'jobs.filter_where'), { exact: true }).selectOption('yes');
		await visitor.getByLabel(t('fr', 'jobs.filter_country'), { exact: true }).selectOption('SE');
		await visitor.getByLabel(t('fr', 'jobs.filter_channel'), { exact: true }).selectOption('individual');
		await visitor.getByRole('button', { name: t('fr', 'jobs.apply_filters') }).click();
		const params = new URL(visitor.url()).searchParams;
		expect([params.get('abroad'), params.get('country'), params.get('channel')]).toEqual(['yes', 'SE', 'individual']);
		const card = visitor.locator('li.card', { has: visitor.getByRole('link', { name: offerTitle }) });
		await expect(card.count()).resolves.toBe(1);
		await expect(card.textContent()).resolves.toContain(t('fr', 'placement.no_fees_badge'));
		await check(visitor, 'fr', false);
		await expectPhoneWidthAndLanguageOfParts(visitor, 'fr');
		await shoot(visitor, 'search-abroad-fr');
		// the search in Morocco leaves it out
		await visitor.goto('/fr/jobs?abroad=no');
		await expect(visitor.getByRole('link', { name: offerTitle }).count()).resolves.toBe(0);
		await visitor.goto('/fr/jobs?abroad=yes&country=SE');
		await visitor.getByRole('link', { name: offerTitle }).click();
		await expect(visitor.getByRole('heading', { name: t('fr', 'placement.conditions_title') }).count()).resolves.toBe(1);
		await expect(visitor.getByRole('link', { name: agreementTitle }).count()).resolves.toBe(1);
		await expect(visitor.getByRole('link', { name: t('fr', 'seekers.apply_link') }).count()).resolves.toBe(0);
		const posting = JSON.parse((await visitor.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
		expect(posting.jobLocation.address).toMatchObject({ addressCountry: 'SE', addressLocality: 'Malmö' });
		expect(posting.applicantLocationRequirements).toMatchObject({ '@type': 'Country', identifier: 'MA' });
		expect(posting.baseSalary.currency).toBe('SEK');
		expect(posting.skills).toEqual(expect.arrayContaining([expect.objectContaining({ termCode: 'sv-B1' })]));
		await check(visitor, 'fr', false);
		await shoot(visitor, 'offer-public-fr');
		const offerPath = new URL(visitor.url()).pathname;

		// 6. The public agreement list shows the new agreement and its document.
		await visitor.goto('/fr/jobs/placement?country=SE');
		await expect(visitor.getByRole('link', { name: 'Communiqué de signature' }).count()).resolves.toBe(1);
		await visitor.close();

		// 7. Arabic, with JavaScript: the abroad search, the offer and the division's dashboard pass axe.
		const reader = await browser.newPage();
		await reader.goto('/ar/jobs?abroad=yes');
		await check(reader, 'ar');
		await expectPhoneWidthAndLanguageOfParts(reader, 'ar');
		await shoot(reader, 'search-abroad-ar');
		await reader.goto(offerPath.replace('/fr/', '/ar/'));
		await check(reader, 'ar');
		await expectPhoneWidthAndLanguageOfParts(reader, 'ar');
		await shoot(reader, 'offer-public-ar');
		await reader.close();
		const divisionAr = await signedInAs(browser, 'counsellor@demo.sharaka.ma', 'ar');
		await divisionAr.goto('/ar/jobs/placement/dashboard?samples=yes');
		await check(divisionAr, 'ar');
		await expect(divisionAr.locator('svg').count()).resolves.toBeGreaterThan(0);
		await shoot(divisionAr, 'dashboard-ar');
		await divisionAr.goto(agreementPath.replace('/fr/', '/ar/'));
		await check(divisionAr, 'ar');
		await shoot(divisionAr, 'agreement-ar');
		await divisionAr.goto('/ar/jobs/placement/offers/new');
		await check(divisionAr, 'ar');
		await shoot(divisionAr, 'offer-form-ar');
		await divisionAr.close();
		await division.close();
	});
});
