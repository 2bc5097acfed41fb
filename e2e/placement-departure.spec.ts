// International placement, issue 10 items 7–8: pre-departure preparation, circular migration and return. The
// division (the demo counsellor), in French without JavaScript on a phone, creates this season's seasonal campaign
// for Spain and next season's, both split across two agencies; adds a candidate (who signed up in French and reads
// without JavaScript) and moves her through the stages up to "visa granted", announcing each by e-mail; creates an
// orientation session starting two minutes ahead and registers her by e-mail; meanwhile the pre-departure page of
// the host country is read in French, Arabic and English (Spain's and Germany's real, with their sources); her attendance, taken at the door from half an hour before the start, moves her
// to "orientation attended"; she departs and arrives; her on-time return is recorded with the re-hire decision,
// and next season's campaign invites her. The candidate sees each stage, the session she is registered for and
// the invitation on her page, accepts it, and the outbox holds the e-mails in French. The staff pages in Arabic
// with JavaScript pass axe. Screenshots at 360 and 1280 px go to test-results/screenshots/placement-departure-*.
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { check, checkEach, emailsTo, screenshotsFor, signedInAs, signUpAndConfirm } from './flows.ts';
import { expectPhoneWidthAndLanguageOfParts, server, t, useBrowser } from './harness.ts';

const browser = useBrowser();
const shoot = screenshotsFor('placement-departure');
const stamp = Date.now();
const seasonTitle = `Saison des agrumes – Valence ${stamp}`;
const nextTitle = `Saison des agrumes – Valence, saison suivante ${stamp}`;
const candidateEmail = `departure.${stamp}@example.ma`;
const candidateName = 'Khadija Candidate au départ';
/** A day as YYYY-MM-DD, `offset` days from today. */
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const notice = (page: Page) => page.getByRole('status').first().textContent();
/** Date (YYYY-MM-DD) and time (HH:MM) in Morocco of an instant: the session form's fields. */
function moroccoTime(at: Date) {
	const parts = Object.fromEntries(
		new Intl.DateTimeFormat('en-GB', { timeZone: 'Africa/Casablanca', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
			.formatToParts(at)
			.map((part) => [part.type, part.value])
	);
	return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

async function createCampaign(page: Page, title: string, starts: number, ends: number) {
	await page.goto('/fr/jobs/placement/campaigns/new');
	await page.getByLabel(t('fr', 'campaigns.field_title'), { exact: true }).fill(title);
	await page.getByLabel(t('fr', 'placement.host_country'), { exact: true }).selectOption('ES');
	await page.getByLabel(t('fr', 'campaigns.field_host_region'), { exact: true }).fill('Valence');
	await page.getByLabel(t('fr', 'placement.field_channel'), { exact: true }).selectOption('seasonal');
	await page.getByLabel(t('fr', 'campaigns.field_positions'), { exact: true }).fill('30');
	await page.getByLabel(t('fr', 'campaigns.field_season_starts'), { exact: true }).fill(day(starts));
	await page.getByLabel(t('fr', 'campaigns.field_season_ends'), { exact: true }).fill(day(ends));
	await page.getByLabel('ANAPEC Rabat', { exact: true }).fill('20');
	await page.getByLabel('ANAPEC Tanger', { exact: true }).fill('10');
	await page.getByRole('button', { name: t('fr', 'campaigns.save') }).click();
	await expect(notice(page)).resolves.toContain(t('fr', 'campaigns.created'));
	return new URL(page.url()).pathname;
}

describe('international placement: orientation, departure, return and the next season', () => {
	test('orientation attended, pre-departure pages in three languages, return recorded and an invitation to the next season; the candidate sees each stage and gets the e-mails in French', { timeout: 500_000 }, async () => {
		// 0. The candidate signs up in French, without JavaScript.
		const candidate = await browser.newPage({ locale: 'fr', javaScriptEnabled: false });
		await signUpAndConfirm(candidate, 'fr', candidateName, candidateEmail, `Pass-${stamp}-word`);

		// 1. The division: this season's campaign (started a month ago) and next season's, split across two agencies.
		const division = await signedInAs(browser, 'counsellor@demo.sharaka.ma', 'fr', false, true);
		const seasonPath = await createCampaign(division, seasonTitle, -30, 60);
		const nextPath = await createCampaign(division, nextTitle, 335, 425);
		await division.goto(seasonPath);
		const addForm = division.locator('form[action="?/add"]');
		await addForm.getByLabel(t('fr', 'campaigns.field_source_agency'), { exact: true }).selectOption({ label: 'ANAPEC Rabat' });
		await addForm.getByLabel(t('fr', 'campaigns.field_emails'), { exact: true }).fill(candidateEmail);
		await addForm.getByRole('button', { name: t('fr', 'campaigns.add_submit') }).click();
		await expect(notice(division)).resolves.toContain(t('fr', 'campaigns.added', { added: 1, already: 0 }));

		// 2. Staff move her step by step to "visa granted", each announced; she sees each stage on her page and gets each e-mail in French.
		const move = async (to: string) => {
			await division.goto(`${seasonPath}/candidates`);
			await division.getByRole('checkbox', { name: t('fr', 'campaigns.select_candidate', { name: candidateName }) }).check();
			await division.getByLabel(t('fr', 'campaigns.field_move_to'), { exact: true }).selectOption(to);
			await division.getByLabel(t('fr', 'campaigns.field_announce')).check();
			const before = server().outbox().length;
			await division.getByRole('button', { name: t('fr', 'campaigns.move_submit') }).click();
			await expect(notice(division)).resolves.toContain(t('fr', 'campaigns.announced', { count: 1 }));
			const [mail] = await emailsTo(candidateEmail, before);
			expect(mail?.language, `the e-mail of the stage ${to}`).toBe('fr');
			expect(mail?.subject).toContain(t('fr', `campaigns.stage_${to}`));
			await candidate.goto('/fr/jobs/placement/mine');
			await expect(candidate.getByRole('main').textContent()).resolves.toContain(t('fr', `campaigns.stage_${to}`));
		};
		for (const stage of ['preselected', 'shortlisted', 'selected', 'contract_signed', 'visa_requested', 'visa_granted']) await move(stage);
		await check(candidate, 'fr', false);
		await shoot(candidate, 'mine-visa-fr');

		// 3. An orientation session two minutes ahead, in Rabat; she is registered by her e-mail.
		const starts = new Date(Date.now() + 120_000);
		const { date, time } = moroccoTime(new Date(starts.getTime() + 60_000 - (starts.getTime() % 60_000)));
		await division.goto('/fr/my-space');
		await division.getByRole('link', { name: t('fr', 'campaigns.space_campaigns') }).first().click();
		await division.getByRole('link', { name: t('fr', 'departure.orientation_link') }).click();
		await check(division, 'fr', false);
		await division.getByLabel(t('fr', 'departure.field_agency'), { exact: true }).selectOption({ label: 'ANAPEC Rabat' });
		await division.getByLabel(t('fr', 'departure.field_country'), { exact: true }).selectOption('ES');
		await division.getByLabel(t('fr', 'departure.field_date'), { exact: true }).fill(date);
		await division.getByLabel(t('fr', 'departure.field_time'), { exact: true }).fill(time);
		await division.getByRole('button', { name: t('fr', 'departure.create_submit') }).click();
		// neither a place nor a link: refused on the field, nothing created
		await expect(division.locator('.error-summary a[href="#field-place"]').count()).resolves.toBe(1);
		await check(division, 'fr', false);
		await shoot(division, 'session-refused-fr');
		await division.getByLabel(t('fr', 'departure.field_place'), { exact: true }).fill('Agence ANAPEC Rabat, salle 2');
		await division.getByRole('button', { name: t('fr', 'departure.create_submit') }).click();
		await expect(notice(division)).resolves.toContain(t('fr', 'departure.created'));
		const sessionPath = new URL(division.url()).pathname;
		await division.getByLabel(t('fr', 'departure.field_email'), { exact: true }).fill(candidateEmail);
		await division.getByRole('button', { name: t('fr', 'departure.register_submit') }).click();
		await expect(notice(division)).resolves.toContain(t('fr', 'departure.registered_notice'));
		await expect(division.getByRole('row').filter({ hasText: candidateName }).textContent()).resolves.toContain(t('fr', 'departure.status_registered'));
		await check(division, 'fr', false);
		await expectPhoneWidthAndLanguageOfParts(division, 'fr');
		await shoot(division, 'session-fr');
		// she sees the session she is registered for, and the link to the host country's pre-departure pages
		await candidate.goto('/fr/jobs/placement/mine');
		const orientation = (await candidate.getByRole('main').textContent()) ?? '';
		expect(orientation).toContain(t('fr', 'departure.my_status_registered'));
		expect(orientation).toContain('Agence ANAPEC Rabat, salle 2');
		await check(candidate, 'fr', false);
		await expectPhoneWidthAndLanguageOfParts(candidate, 'fr');
		await shoot(candidate, 'mine-registered-fr');

		// 4. Meanwhile: the pre-departure page for Spain, in French (from her page), Arabic and English.
		await candidate.getByRole('link', { name: t('fr', 'departure.prepare_link', { country: 'Espagne' }) }).first().click();
		await check(candidate, 'fr', false);
		await expect(candidate.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('Espagne');
		// Spain's pages are real: their official sources at the bottom, no sample badge nor notice
		await expect(candidate.getByRole('main').textContent()).resolves.not.toContain(t('fr', 'departure.prepare_disclaimer'));
		expect(await candidate.getByRole('main').locator('.badge').count()).toBe(0);
		expect(await candidate.locator('a[href^="https://www.boe.es/"]').count()).toBeGreaterThan(0);
		await shoot(candidate, 'prepare-es-fr');
		const preparePath = new URL(candidate.url()).pathname;
		const reader = await browser.newPage({ locale: 'ar' });
		for (const [language, country] of [['ar', 'إسبانيا'], ['en', 'Spain']] as const) {
			await reader.goto(preparePath.replace('/fr/', `/${language}/`));
			await check(reader, language);
			await expect(reader.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(country);
			await expect(reader.getByRole('main').textContent()).resolves.not.toContain(t(language, 'departure.prepare_disclaimer'));
			expect(await reader.getByRole('main').locator('.badge').count()).toBe(0);
			await expectPhoneWidthAndLanguageOfParts(reader, language);
			await shoot(reader, `prepare-es-${language}`);
		}
		await reader.goto('/ar/jobs/placement/prepare');
		await check(reader, 'ar');
		await expectPhoneWidthAndLanguageOfParts(reader, 'ar');
		await shoot(reader, 'prepare-ar');
		// Germany's pages are real: their sources at the bottom, no sample badge nor notice
		for (const [language, country] of [['fr', 'Allemagne'], ['ar', 'ألمانيا'], ['en', 'Germany']] as const) {
			await reader.goto(`/${language}/jobs/placement/prepare/de-rights`);
			await check(reader, language);
			const main = (await reader.getByRole('main').textContent()) ?? '';
			await expect(reader.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(country);
			expect(main).not.toContain(t(language, 'departure.prepare_disclaimer'));
			expect(await reader.getByRole('main').locator('.badge').count()).toBe(0);
			expect(main).toContain('Faire Integration');
			await expect(reader.locator('a[href^="https://www.bmas.de/"]').count()).resolves.toBe(1);
			await expectPhoneWidthAndLanguageOfParts(reader, language);
			await shoot(reader, `prepare-de-${language}`);
		}
		await reader.goto('/ar/jobs/placement/prepare/de-contacts');
		await check(reader, 'ar');
		await expectPhoneWidthAndLanguageOfParts(reader, 'ar');
		await shoot(reader, 'prepare-de-contacts-ar');
		await reader.close();

		// 5. Attendance is taken at the door (from half an hour before the start): hers moves her to "orientation attended".
		await division.goto(sessionPath);
		await division.getByRole('checkbox', { name: t('fr', 'departure.present_label', { name: candidateName }) }).check();
		await division.getByRole('button', { name: t('fr', 'departure.attendance_submit') }).click();
		await expect(notice(division)).resolves.toContain(t('fr', 'departure.attendance_saved', { attended: 1, absent: 0, moved: 1 }));
		await check(division, 'fr', false);
		await shoot(division, 'attendance-fr');
		await candidate.goto('/fr/jobs/placement/mine');
		const attended = (await candidate.getByRole('main').textContent()) ?? '';
		expect(attended).toContain(t('fr', 'campaigns.stage_orientation'));
		expect(attended).toContain(t('fr', 'departure.my_status_attended'));

		// 6. She departs and arrives.
		await move('departed');
		await move('arrived');

		// 7. Her on-time return, then the re-hire decision.
		await division.goto(seasonPath);
		await division.getByRole('link', { name: t('fr', 'departure.returns_link') }).click();
		await check(division, 'fr', false);
		// the options isolate each name (U+2068 … U+2069): chosen by the option holding hers
		const option = division.locator('select[name="candidateId"] option').filter({ hasText: candidateName });
		await division.getByLabel(t('fr', 'departure.field_candidate'), { exact: true }).selectOption((await option.getAttribute('value'))!);
		await division.getByLabel(t('fr', 'departure.field_outcome'), { exact: true }).selectOption('on_time');
		await division.getByLabel(t('fr', 'departure.field_returned_on'), { exact: true }).fill(day(0));
		await division.getByRole('button', { name: t('fr', 'departure.record_submit') }).click();
		await expect(notice(division)).resolves.toContain(t('fr', 'departure.return_recorded'));
		await division.getByRole('form', { name: t('fr', 'departure.decide_label', { name: candidateName }) }).getByRole('button', { name: t('fr', 'departure.decide_yes'), exact: true }).click();
		await expect(notice(division)).resolves.toContain(t('fr', 'departure.eligibility_saved'));
		await expect(division.getByRole('row').filter({ hasText: candidateName }).textContent()).resolves.toContain(t('fr', 'departure.eligible_yes'));
		await check(division, 'fr', false);
		await expectPhoneWidthAndLanguageOfParts(division, 'fr');
		await shoot(division, 'returns-fr');
		const returnsPath = new URL(division.url()).pathname;
		await candidate.goto('/fr/jobs/placement/mine');
		const back = (await candidate.getByRole('main').textContent()) ?? '';
		expect(back).toContain(t('fr', 'campaigns.stage_returned'));
		expect(back).toContain(t('fr', 'campaigns.mine_eligible'));

		// 8. Next season's campaign invites her (the other eligible returnees left unticked); the e-mail is in French.
		await division.goto(`${nextPath}/returns`);
		for (const box of await division.locator('input[name="candidateIds"]').all()) await box.uncheck();
		await division.getByRole('checkbox', { name: t('fr', 'departure.invite_choose', { name: candidateName }) }).check();
		const before = server().outbox().length;
		await division.getByRole('button', { name: t('fr', 'departure.invite_submit') }).click();
		await expect(notice(division)).resolves.toContain(t('fr', 'departure.invited_notice', { invited: 1 }));
		await check(division, 'fr', false);
		await shoot(division, 'invited-fr');
		const [invitation] = await emailsTo(candidateEmail, before);
		expect(invitation?.language).toBe('fr');
		expect(invitation?.subject).toContain(nextTitle);
		expect(invitation?.links.some((href) => href.endsWith('/fr/jobs/placement/mine'))).toBe(true);

		// 9. She accepts on her page: back in the pipeline, preselected by last season's agency.
		await candidate.goto('/fr/my-space');
		await candidate.getByRole('link', { name: t('fr', 'campaigns.space_mine') }).first().click();
		await expect(candidate.getByRole('main').textContent()).resolves.toContain(nextTitle);
		await check(candidate, 'fr', false);
		await expectPhoneWidthAndLanguageOfParts(candidate, 'fr');
		await shoot(candidate, 'mine-invited-fr');
		await candidate.getByRole('button', { name: t('fr', 'departure.accept') }).click();
		await expect(notice(candidate)).resolves.toContain(t('fr', 'departure.accepted_preselected'));
		await check(candidate, 'fr', false);
		await shoot(candidate, 'mine-accepted-fr');
		await candidate.close();

		// 10. The staff pages in Arabic, with JavaScript, pass axe.
		const divisionAr = await signedInAs(browser, 'counsellor@demo.sharaka.ma', 'ar');
		await checkEach(divisionAr, 'ar', [
			['/ar/jobs/placement/orientation', 'orientation-ar'],
			['/ar/jobs/placement/orientation?when=past', 'orientation-past-ar'],
			[sessionPath.replace('/fr/', '/ar/'), 'session-ar'],
			[returnsPath.replace('/fr/', '/ar/'), 'returns-ar'],
			[`${nextPath.replace('/fr/', '/ar/')}/returns`, 'next-returns-ar'],
			['/ar/jobs/placement/follow-ups', 'follow-ups-ar']
		], shoot);
		await divisionAr.close();
		await division.close();
	});
});
