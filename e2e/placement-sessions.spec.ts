// International placement, issue 10: changing things once made. The division (the demo counsellor), in French
// without JavaScript on a phone, creates a seasonal campaign for Spain and changes its positions (below the
// agencies' shares first: refused on the field); adds a candidate who signed up in Arabic, preselects her with the
// e-mail and corrects that wrong move through the list row's link to her page's correction form (she gets the
// correction in Arabic), then once more from the board's card. Then an orientation session she is registered for: its time changed (she is told in Arabic),
// then cancelled (told too). On her side: the correction in her path, and an offer abroad in Spain linking to
// Spain's pre-departure pages. The list offering a correction and the edit pages — the campaign's, the session's —
// pass axe in Arabic. No clock waits: the session is ten days ahead. Screenshots at 360 and 1280 px go to
// test-results/screenshots/placement-sessions-*.
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { check, checkEach, emailsTo, screenshotsFor, signedInAs, signUpAndConfirm } from './flows.ts';
import { expectPhoneWidthAndLanguageOfParts, server, t, useBrowser } from './harness.ts';

const browser = useBrowser();
const shoot = screenshotsFor('placement-sessions');
const stamp = Date.now();
const title = `Saison des pêches – Murcie ${stamp}`;
const candidateEmail = `sessions.${stamp}@example.ma`;
const candidateName = 'سلمى المترشحة';
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const notice = (page: Page) => page.getByRole('status').first().textContent();
/** The e-mail's subject line before its variable part (`{when}`…), in a language. */
const subjectStart = (language: 'ar' | 'fr', key: string) => t(language, key, { when: '\u0000', campaign: '\u0000' }).split('\u0000')[0];

describe('international placement: a campaign, a wrong move and a session changed', () => {
	test('positions changed, a wrong move corrected, a session’s time changed then cancelled — e-mails in her language; the edit pages pass axe in Arabic', { timeout: 300_000 }, async () => {
		// 0. The candidate signs up in Arabic.
		const candidate = await browser.newPage({ locale: 'ar', javaScriptEnabled: false });
		await signUpAndConfirm(candidate, 'ar', candidateName, candidateEmail, `Pass-${stamp}-word`);

		// 1. The division creates the campaign, split across Rabat and Tanger (30 positions).
		const division = await signedInAs(browser, 'counsellor@demo.sharaka.ma', 'fr', false, true);
		await division.goto('/fr/jobs/placement/campaigns/new');
		await division.getByLabel(t('fr', 'campaigns.field_title'), { exact: true }).fill(title);
		await division.getByLabel(t('fr', 'placement.host_country'), { exact: true }).selectOption('ES');
		await division.getByLabel(t('fr', 'campaigns.field_host_region'), { exact: true }).fill('Murcie');
		await division.getByLabel(t('fr', 'placement.field_channel'), { exact: true }).selectOption('seasonal');
		await division.getByLabel(t('fr', 'campaigns.field_positions'), { exact: true }).fill('30');
		await division.getByLabel(t('fr', 'campaigns.field_season_starts'), { exact: true }).fill(day(-10));
		await division.getByLabel(t('fr', 'campaigns.field_season_ends'), { exact: true }).fill(day(80));
		await division.getByLabel('ANAPEC Rabat', { exact: true }).fill('20');
		await division.getByLabel('ANAPEC Tanger', { exact: true }).fill('10');
		await division.getByRole('button', { name: t('fr', 'campaigns.save') }).click();
		await expect(notice(division)).resolves.toContain(t('fr', 'campaigns.created'));
		const campaignPath = new URL(division.url()).pathname;

		// 2. Its positions: below the agencies' 30 refused on the field, nothing changed; then 40.
		await division.getByRole('link', { name: t('fr', 'campaigns.edit_link') }).click();
		const editPath = new URL(division.url()).pathname;
		await division.getByLabel(t('fr', 'campaigns.field_positions'), { exact: true }).fill('25');
		await division.getByRole('button', { name: t('fr', 'campaigns.edit_submit') }).click();
		await expect(division.locator('.error-summary a[href="#field-positions"]').textContent()).resolves.toBe(t('fr', 'errors.field_below_quotas', { sum: 30 }));
		await check(division, 'fr', false);
		await expectPhoneWidthAndLanguageOfParts(division, 'fr');
		await shoot(division, 'campaign-edit-refused-fr');
		await division.getByLabel(t('fr', 'campaigns.field_positions'), { exact: true }).fill('40');
		await division.getByRole('button', { name: t('fr', 'campaigns.edit_submit') }).click();
		await expect(notice(division)).resolves.toContain(t('fr', 'campaigns.updated'));
		await expect(division.getByRole('main').textContent()).resolves.toContain(t('fr', 'campaigns.positions_value', { count: '40' }));

		// 3. She is added for Rabat and preselected with the e-mail — the wrong person: the row offers the correction.
		const addForm = division.locator('form[action="?/add"]');
		await addForm.getByLabel(t('fr', 'campaigns.field_source_agency'), { exact: true }).selectOption({ label: 'ANAPEC Rabat' });
		await addForm.getByLabel(t('fr', 'campaigns.field_emails'), { exact: true }).fill(candidateEmail);
		await addForm.getByRole('button', { name: t('fr', 'campaigns.add_submit') }).click();
		await expect(notice(division)).resolves.toContain(t('fr', 'campaigns.added', { added: 1, already: 0 }));
		const listPath = `${campaignPath}/candidates`;
		await division.goto(listPath);
		await division.getByRole('checkbox', { name: t('fr', 'campaigns.select_candidate', { name: candidateName }) }).check();
		await division.getByLabel(t('fr', 'campaigns.field_move_to'), { exact: true }).selectOption('preselected');
		await division.getByLabel(t('fr', 'campaigns.field_announce')).check();
		await division.getByRole('button', { name: t('fr', 'campaigns.move_submit') }).click();
		await expect(notice(division)).resolves.toContain(t('fr', 'campaigns.announced', { count: 1 }));

		// the list offering the correction, in Arabic with axe: her row links to her page's correction form, unfolded there
		const reader = await signedInAs(browser, 'counsellor@demo.sharaka.ma', 'ar', true);
		await reader.goto(listPath.replace('/fr/', '/ar/'));
		await check(reader, 'ar');
		await expectPhoneWidthAndLanguageOfParts(reader, 'ar');
		await shoot(reader, 'correction-list-ar');
		await reader.getByRole('link', { name: t('ar', 'campaigns.correct_open_page') }).click();
		await expect(reader.locator('details#correct[open]').count()).resolves.toBe(1);
		await check(reader, 'ar');
		await expectPhoneWidthAndLanguageOfParts(reader, 'ar');
		await shoot(reader, 'correction-ar');

		// the correction without JavaScript, on a phone: the link in her row (the table's first columns, on screen)
		// leads to the form; no reason refused on the field, then back to "registered"
		const row = division.getByRole('row').filter({ hasText: candidateName });
		const link = row.getByRole('link', { name: t('fr', 'campaigns.correct_open_page') });
		await expect(link.evaluate((element) => element.getBoundingClientRect().right <= window.innerWidth && element.getBoundingClientRect().left >= 0)).resolves.toBe(true);
		await link.click();
		await division.getByRole('button', { name: t('fr', 'campaigns.correct_submit'), exact: true }).click();
		await expect(division.locator('.error-summary a[href="#field-reason"]').count()).resolves.toBe(1);
		await expect(division.locator('#field-reason').count()).resolves.toBe(1);
		await shoot(division, 'correction-refused-fr');
		const before = server().outbox().length;
		await division.getByLabel(t('fr', 'campaigns.field_correction_reason'), { exact: true }).fill('Présélectionnée par erreur (mauvaise ligne)');
		await division.getByRole('button', { name: t('fr', 'campaigns.correct_submit'), exact: true }).click();
		await expect(notice(division)).resolves.toContain(t('fr', 'campaigns.corrected_back', { stage: t('fr', 'campaigns.stage_registered') }));
		await check(division, 'fr', false);
		await expectPhoneWidthAndLanguageOfParts(division, 'fr');
		await shoot(division, 'corrected-fr');
		await division.goto(listPath);
		await expect(row.textContent()).resolves.toContain(t('fr', 'campaigns.stage_registered'));
		const [correction] = await emailsTo(candidateEmail, before);
		expect(correction?.language).toBe('ar');
		expect(correction?.subject.startsWith(subjectStart('ar', 'campaigns.email_correction_subject'))).toBe(true);
		// the board offers it on her card too: preselected again, corrected there, the board shown again
		await division.getByRole('checkbox', { name: t('fr', 'campaigns.select_candidate', { name: candidateName }) }).check();
		await division.getByLabel(t('fr', 'campaigns.field_move_to'), { exact: true }).selectOption('preselected');
		await division.getByRole('button', { name: t('fr', 'campaigns.move_submit') }).click();
		await expect(notice(division)).resolves.toContain(t('fr', 'campaigns.moved', { count: 1 }));
		await division.goto(`${listPath}?view=board`);
		const card = division.getByRole('listitem').filter({ hasText: candidateName });
		await card.locator('details.correct summary').click();
		await card.getByLabel(t('fr', 'campaigns.field_correction_reason'), { exact: true }).fill('Encore la mauvaise ligne');
		await card.getByRole('button', { name: t('fr', 'campaigns.correct_submit'), exact: true }).click();
		await expect(notice(division)).resolves.toContain(t('fr', 'campaigns.corrected_back', { stage: t('fr', 'campaigns.stage_registered') }));
		expect(new URL(division.url()).searchParams.get('view')).toBe('board');
		await check(division, 'fr', false);
		await shoot(division, 'board-corrected-fr');
		await division.goto(listPath);
		// her page: the current stage, and the correction in her path
		await candidate.goto('/ar/jobs/placement/mine');
		const mine = (await candidate.getByRole('main').textContent()) ?? '';
		expect(mine).toContain(t('ar', 'campaigns.mine_correction', { stage: t('ar', 'campaigns.stage_registered') }));
		await check(candidate, 'ar', false);
		// staff see the correction in her history, badged, with its reason
		await division.getByRole('link', { name: candidateName, exact: true }).click();
		const history = (await division.getByRole('table').textContent()) ?? '';
		expect(history).toContain(t('fr', 'campaigns.correction_badge'));
		expect(history).toContain('Présélectionnée par erreur (mauvaise ligne)');
		await check(division, 'fr', false);
		await shoot(division, 'candidate-fr');
		// an offer abroad in Spain links to Spain's pre-departure pages
		await candidate.goto('/ar/jobs?abroad=yes&country=ES');
		await candidate.getByRole('main').locator('a[href^="/ar/jobs/offers/"]').first().click();
		await candidate.locator('a[href="/ar/jobs/placement/prepare/es-rights"]').click();
		await expect(candidate.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('إسبانيا');
		await expect(candidate.getByRole('main').textContent()).resolves.not.toContain(t('ar', 'departure.prepare_disclaimer'));

		// 4. An orientation session ten days ahead in Rabat; she is registered by her e-mail.
		await division.goto('/fr/jobs/placement/orientation');
		await division.getByLabel(t('fr', 'departure.field_agency'), { exact: true }).selectOption({ label: 'ANAPEC Rabat' });
		await division.getByLabel(t('fr', 'departure.field_country'), { exact: true }).selectOption('ES');
		await division.getByLabel(t('fr', 'departure.field_date'), { exact: true }).fill(day(10));
		await division.getByLabel(t('fr', 'departure.field_time'), { exact: true }).fill('10:00');
		await division.getByLabel(t('fr', 'departure.field_place'), { exact: true }).fill('Agence ANAPEC Rabat, salle 3');
		await division.getByRole('button', { name: t('fr', 'departure.create_submit') }).click();
		await expect(notice(division)).resolves.toContain(t('fr', 'departure.created'));
		const sessionPath = new URL(division.url()).pathname;
		await division.getByLabel(t('fr', 'departure.field_email'), { exact: true }).fill(candidateEmail);
		await division.getByRole('button', { name: t('fr', 'departure.register_submit') }).click();
		await expect(notice(division)).resolves.toContain(t('fr', 'departure.registered_notice'));

		// 5. Its time changed: 15:30 instead of 10:00; she is told, in Arabic.
		await division.getByRole('link', { name: t('fr', 'departure.edit_link') }).click();
		const sessionEditPath = new URL(division.url()).pathname;
		await check(division, 'fr', false);
		await expectPhoneWidthAndLanguageOfParts(division, 'fr');
		await shoot(division, 'session-edit-fr');
		await division.getByLabel(t('fr', 'departure.field_time'), { exact: true }).fill('15:30');
		const beforeChange = server().outbox().length;
		await division.getByRole('button', { name: t('fr', 'departure.edit_submit') }).click();
		await expect(notice(division)).resolves.toContain(t('fr', 'departure.updated_told', { told: 1, promoted: 0 }));
		expect(new URL(division.url()).pathname).toBe(sessionPath);
		const [changed] = await emailsTo(candidateEmail, beforeChange);
		expect(changed?.language).toBe('ar');
		expect(changed?.subject.startsWith(subjectStart('ar', 'departure.email_session_changed_subject'))).toBe(true);
		expect(changed?.text).toContain('15:30');

		// the edit pages in Arabic, with axe (the session's still open for changes)
		await checkEach(
			reader,
			'ar',
			[
				[editPath.replace('/fr/', '/ar/'), 'campaign-edit-ar'],
				[sessionEditPath.replace('/fr/', '/ar/'), 'session-edit-ar']
			],
			shoot
		);

		// 6. Cancelled: without ticking the confirmation refused, then cancelled; she is told, in Arabic.
		await division.goto(sessionEditPath);
		await division.getByRole('button', { name: t('fr', 'departure.cancel_submit') }).click();
		await expect(division.locator('#field-confirm-error').count()).resolves.toBe(1);
		await division.getByLabel(t('fr', 'departure.cancel_confirm')).check();
		const beforeCancel = server().outbox().length;
		await division.getByRole('button', { name: t('fr', 'departure.cancel_submit') }).click();
		await expect(notice(division)).resolves.toContain(t('fr', 'departure.cancelled_notice', { cancelled: 1, told: 1 }));
		await expect(division.getByRole('main').textContent()).resolves.toContain(t('fr', 'departure.session_cancelled'));
		await check(division, 'fr', false);
		await shoot(division, 'session-cancelled-fr');
		const [cancelled] = await emailsTo(candidateEmail, beforeCancel);
		expect(cancelled?.language).toBe('ar');
		expect(cancelled?.subject.startsWith(subjectStart('ar', 'departure.email_session_cancelled_subject'))).toBe(true);
	});
});
