// International placement, issue 10 item 5: the partner's shortlist. The division (the demo counsellor) creates a
// seasonal campaign on the sample Huelva offer — its partner is the sample Huelva cooperative — split across two
// agencies, adds a candidate (who signed up in Arabic) for Rabat and preselects her, in French without JavaScript
// on a phone. The cooperative's recruiter, in French without JavaScript, opens its shortlist from its my space:
// pseudonymous cards (no name, no e-mail); a "not selected" without feedback is refused on the field; it invites
// her to an interview with a feedback in French. The candidate got the e-mail in Arabic, sees on her page in
// Arabic (axe) the decision in plain words and the feedback in its language, and shares her identity with that
// partner; the recruiter then sees her name. The division sees the decision, the feedback and the consent on the
// candidate's page. The partner's pages in Arabic pass axe. Screenshots at 360 and 1280 px go to
// test-results/screenshots/placement-shortlist-*.
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { check, checkEach, emailsTo, screenshotsFor, signedInAs, signUpAndConfirm } from './flows.ts';
import { expectPhoneWidthAndLanguageOfParts, server, t, useBrowser } from './harness.ts';

const browser = useBrowser();
const shoot = screenshotsFor('placement-shortlist');
const stamp = Date.now();
const campaignTitle = `Saison des fraises ${stamp}`;
const candidateEmail = `shortlist.${stamp}@example.ma`;
const candidateName = 'نادية المرشحة';
const partnerName = 'Exemple : coopérative de fruits rouges (Huelva)';
const recruiter = 'recruiter.huelva@demo.sharaka.ma';
const feedback = 'Bonne expérience de la récolte : entretien par vidéo la semaine prochaine.';
/** A day as YYYY-MM-DD, `offset` days from today. */
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const notice = (page: Page) => page.getByRole('status').first().textContent();
/** How the pages isolate a partner's name inside a sentence (U+2068 … U+2069). */
const isolated = (name: string) => `\u2068${name}\u2069`;

describe('international placement: the partner’s shortlist', () => {
	test('the partner shortlists pseudonymously and gives feedback; the candidate reads it in Arabic, gets the e-mail and shares her identity; the division sees it', { timeout: 400_000 }, async () => {
		// 0. The candidate signs up in Arabic.
		const candidate = await browser.newPage({ locale: 'ar' });
		await signUpAndConfirm(candidate, 'ar', candidateName, candidateEmail, `Pass-${stamp}-word`);

		// 1. The division: a seasonal campaign on the sample Huelva offer, split across Rabat and Tanger.
		const division = await signedInAs(browser, 'counsellor@demo.sharaka.ma', 'fr', false, true);
		await division.goto('/fr/jobs/placement/campaigns/new');
		await division.getByLabel(t('fr', 'campaigns.field_title'), { exact: true }).fill(campaignTitle);
		await division.getByLabel(t('fr', 'placement.host_country'), { exact: true }).selectOption('ES');
		await division.getByLabel(t('fr', 'campaigns.field_host_region'), { exact: true }).fill('Huelva');
		await division.getByLabel(t('fr', 'placement.field_channel'), { exact: true }).selectOption('seasonal');
		const offer = division.locator('select[name="offerId"] option').filter({ hasText: 'Cueillette de fraises' }).first();
		await division.locator('select[name="offerId"]').selectOption((await offer.getAttribute('value'))!);
		await division.getByLabel(t('fr', 'campaigns.field_positions'), { exact: true }).fill('20');
		await division.getByLabel(t('fr', 'campaigns.field_season_starts'), { exact: true }).fill(day(100));
		await division.getByLabel(t('fr', 'campaigns.field_season_ends'), { exact: true }).fill(day(200));
		await division.getByLabel('ANAPEC Rabat', { exact: true }).fill('10');
		await division.getByLabel('ANAPEC Tanger', { exact: true }).fill('10');
		await division.getByRole('button', { name: t('fr', 'campaigns.save') }).click();
		await expect(notice(division)).resolves.toContain(t('fr', 'campaigns.created'));
		const campaignPath = new URL(division.url()).pathname;
		const addForm = division.locator('form[action="?/add"]');
		await addForm.getByLabel(t('fr', 'campaigns.field_source_agency'), { exact: true }).selectOption({ label: 'ANAPEC Rabat' });
		await addForm.getByLabel(t('fr', 'campaigns.field_emails'), { exact: true }).fill(candidateEmail);
		await addForm.getByRole('button', { name: t('fr', 'campaigns.add_submit') }).click();
		await expect(notice(division)).resolves.toContain(t('fr', 'campaigns.added', { added: 1, already: 0 }));
		await division.goto(`${campaignPath}/candidates`);
		await division.getByRole('checkbox', { name: t('fr', 'campaigns.select_candidate', { name: candidateName }) }).check();
		await division.getByLabel(t('fr', 'campaigns.field_move_to'), { exact: true }).selectOption('preselected');
		await division.getByRole('button', { name: t('fr', 'campaigns.move_submit') }).click();
		await expect(notice(division)).resolves.toContain(t('fr', 'campaigns.moved', { count: 1 }));

		// 2. The partner's recruiter, in French without JavaScript on a phone: its campaigns from its my space.
		const partner = await signedInAs(browser, recruiter, 'fr', false, true);
		await partner.goto('/fr/my-space');
		await partner.getByRole('link', { name: t('fr', 'shortlist.space_partner') }).first().click();
		await check(partner, 'fr', false);
		await expectPhoneWidthAndLanguageOfParts(partner, 'fr');
		await shoot(partner, 'partner-fr');
		const row = partner.getByRole('row').filter({ hasText: campaignTitle });
		await expect(row.textContent()).resolves.toContain(partnerName);
		await row.getByRole('link', { name: campaignTitle }).click();

		// 3. The shortlist: one pseudonymous card, no name, no e-mail.
		await check(partner, 'fr', false);
		const main = partner.getByRole('main');
		await expect(main.getByRole('article').count()).resolves.toBe(1);
		const card = main.getByRole('article').first();
		const cardText = (await card.textContent()) ?? '';
		expect(cardText).toContain(t('fr', 'shortlist.pseudonymous'));
		expect(cardText).toContain(t('fr', 'campaigns.stage_preselected'));
		expect(cardText).not.toContain(candidateName);
		expect(cardText).not.toContain(candidateEmail);
		const pseudonym = /([2-9A-Z]{6})/.exec((await card.getByRole('heading').textContent()) ?? '')?.[1];
		expect(pseudonym, 'a six-sign pseudonym').toBeDefined();
		await expectPhoneWidthAndLanguageOfParts(partner, 'fr');
		await shoot(partner, 'shortlist-fr');

		// 4. The decision: "not selected" without a feedback is refused on the field; then an interview, with feedback.
		await card.getByRole('link', { name: t('fr', 'shortlist.decide_link', { pseudonym: pseudonym! }) }).click();
		await check(partner, 'fr', false);
		await partner.getByLabel(t('fr', 'shortlist.field_outcome'), { exact: true }).selectOption('not_selected');
		await partner.getByRole('button', { name: t('fr', 'shortlist.decide_submit') }).click();
		await expect(partner.locator('.error-summary a[href="#field-feedback"]').textContent()).resolves.toContain(t('fr', 'errors.field_feedback_not_selected'));
		await check(partner, 'fr', false);
		await shoot(partner, 'decision-refused-fr');
		const before = server().outbox().length;
		await partner.getByLabel(t('fr', 'shortlist.field_outcome'), { exact: true }).selectOption('interview');
		await partner.getByLabel(t('fr', 'shortlist.field_feedback'), { exact: true }).fill(feedback);
		await partner.getByLabel(t('fr', 'shortlist.field_feedback_lang'), { exact: true }).selectOption('fr');
		await partner.getByRole('button', { name: t('fr', 'shortlist.decide_submit') }).click();
		await expect(notice(partner)).resolves.toContain(t('fr', 'shortlist.decided'));
		const decided = (await partner.getByRole('article').first().textContent()) ?? '';
		expect(decided).toContain(t('fr', 'shortlist.outcome_interview'));
		expect(decided).toContain(feedback);
		expect(decided).toContain(t('fr', 'campaigns.stage_shortlisted'));
		await check(partner, 'fr', false);
		await expectPhoneWidthAndLanguageOfParts(partner, 'fr');
		await shoot(partner, 'decided-fr');
		const decisionPath = new URL(partner.url()).pathname;

		// 5. The candidate got the e-mail in Arabic: the decision in plain words, the feedback as written, her page.
		const [mail] = await emailsTo(candidateEmail, before);
		expect(mail?.language).toBe('ar');
		expect(mail?.subject).toContain(campaignTitle);
		expect(mail?.text).toContain(t('ar', 'shortlist.mine_decision_interview', { partner: partnerName }));
		expect(mail?.text).toContain(feedback);
		expect(mail?.links.some((href) => href.endsWith('/ar/jobs/placement/mine'))).toBe(true);

		// 6. Her page in Arabic: the stage, the decision in plain words, the feedback in French (its lang); she shares her identity.
		await candidate.goto('/ar/my-space');
		await candidate.getByRole('link', { name: t('ar', 'campaigns.space_mine') }).first().click();
		await check(candidate, 'ar');
		const mine = (await candidate.getByRole('main').textContent()) ?? '';
		expect(mine).toContain(t('ar', 'campaigns.stage_shortlisted'));
		expect(mine).toContain(t('ar', 'shortlist.mine_decision_interview', { partner: isolated(partnerName) }));
		expect(mine).toContain(t('ar', 'shortlist.mine_partner_pseudonymous', { partner: isolated(partnerName) }));
		await expect(candidate.locator('q[lang="fr"]').textContent()).resolves.toBe(feedback);
		await expectPhoneWidthAndLanguageOfParts(candidate, 'ar');
		await shoot(candidate, 'mine-ar');
		await candidate.getByRole('button', { name: t('ar', 'shortlist.mine_share', { partner: isolated(partnerName) }) }).click();
		await expect(notice(candidate)).resolves.toContain(t('ar', 'shortlist.mine_shared'));
		await expect(candidate.getByRole('button', { name: t('ar', 'shortlist.mine_stop', { partner: isolated(partnerName) }) }).count()).resolves.toBe(1);
		await check(candidate, 'ar');
		await expectPhoneWidthAndLanguageOfParts(candidate, 'ar');
		await shoot(candidate, 'mine-shared-ar');

		// 7. The partner now sees her name and e-mail on the card.
		await partner.goto(decisionPath);
		const identified = (await partner.getByRole('article').first().textContent()) ?? '';
		expect(identified).toContain(t('fr', 'shortlist.identified'));
		expect(identified).toContain(candidateName);
		expect(identified).toContain(candidateEmail);
		await check(partner, 'fr', false);
		await shoot(partner, 'identified-fr');
		await partner.close();

		// 8. The division sees the partner's decision, its feedback and the consent on the candidate's page.
		await division.goto(`${campaignPath}/candidates`);
		await division.getByRole('link', { name: candidateName, exact: true }).click();
		await check(division, 'fr', false);
		const staff = (await division.getByRole('region', { name: t('fr', 'shortlist.staff_title') }).textContent()) ?? '';
		expect(staff).toContain(partnerName);
		expect(staff).toContain(t('fr', 'shortlist.outcome_interview'));
		expect(staff).toContain(feedback);
		expect(staff).toContain(t('fr', 'shortlist.staff_sharing', { date: '' }).trim().slice(0, 20));
		await expectPhoneWidthAndLanguageOfParts(division, 'fr');
		await shoot(division, 'staff-candidate-fr');
		const candidatePath = new URL(division.url()).pathname;
		await division.close();

		// 9. In Arabic with JavaScript: the partner's pages and the staff's view of the candidate pass axe.
		const partnerAr = await signedInAs(browser, recruiter, 'ar');
		const shortlistPath = decisionPath.replace(/\/[^/]+$/, '').replace('/fr/', '/ar/');
		await checkEach(partnerAr, 'ar', [
			['/ar/jobs/placement/partner', 'partner-ar'],
			[shortlistPath, 'shortlist-ar'],
			[`${shortlistPath}?show=all`, 'shortlist-all-ar'],
			[decisionPath.replace('/fr/', '/ar/'), 'decision-ar']
		], shoot);
		await partnerAr.close();
		const divisionAr = await signedInAs(browser, 'counsellor@demo.sharaka.ma', 'ar');
		await divisionAr.goto(candidatePath.replace('/fr/', '/ar/'));
		await check(divisionAr, 'ar');
		await expectPhoneWidthAndLanguageOfParts(divisionAr, 'ar');
		await shoot(divisionAr, 'staff-candidate-ar');
		await divisionAr.close();
		await candidate.close();
	});
});
