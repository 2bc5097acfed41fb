// International placement, issue 10 items 3–4: the division (the demo counsellor holds its grant and serves the
// Rabat agency) creates a seasonal campaign split across two agencies in French without JavaScript on a phone —
// quotas over the positions are refused first, with the field named —; the Rabat agency adds the person it
// sourced (an unknown address refused) and preselects her; Tanger's staff (a new counsellor an administrator
// assigns to that agency) see only their agency's part, add and preselect theirs; staff move candidates with the checkbox form (a
// move that skips a mandatory step refused, naming it), announcing the interview; the candidate, who signed up
// in Arabic, got the e-mail in Arabic and sees the stage and next step on their page and in their my space.
// Staff pages in Arabic with JavaScript pass axe. Screenshots at 360 and 1280 px go to
// test-results/screenshots/placement-campaigns-*.
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { check, checkEach, emailsTo, screenshotsFor, signedInAs, signUpAndConfirm } from './flows.ts';
import { expectPhoneWidthAndLanguageOfParts, server, signIn, t, useBrowser } from './harness.ts';

const browser = useBrowser();
const shoot = screenshotsFor('placement-campaigns');
const stamp = Date.now();
const campaignTitle = `Saison des agrumes ${stamp}`;
const candidateEmail = `candidate.${stamp}@example.ma`;
const candidateName = 'سلمى المرشحة';
const staffEmail = `agent.tanger.${stamp}@example.ma`;
const staffPassword = `Agent-${stamp}-pass`;
/** A day as YYYY-MM-DD, `offset` days from today. */
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** The positions field of an agency's quota (the form lists every open agency, each field labelled by its name). */
const quotaField = async (page: Page, agency: string) => page.getByLabel(agency, { exact: true });

const notice = (page: Page) => page.getByRole('status').first().textContent();

describe('international placement: campaigns and the candidate pipeline', () => {
	test('the division splits a campaign across agencies, an agency preselects, staff move candidates without JavaScript; the candidate sees the stage and gets the e-mail in Arabic', { timeout: 400_000 }, async () => {
		// 0. The candidate signs up in Arabic (agencies add people by the e-mail of their account).
		const candidate = await browser.newPage({ locale: 'ar' });
		await signUpAndConfirm(candidate, 'ar', candidateName, candidateEmail, `Pass-${stamp}-word`);

		// 0'. Tanger's agency staff: a person given the counsellor role by an administrator and assigned to the agency.
		const staff = await browser.newPage({ locale: 'fr', javaScriptEnabled: false });
		await signUpAndConfirm(staff, 'fr', 'Karim Agent de Tanger', staffEmail, staffPassword);
		const admin = await signedInAs(browser, 'admin@demo.sharaka.ma', 'fr', false);
		await admin.goto(`/fr/admin/users?q=${encodeURIComponent(staffEmail)}`);
		const row = admin.getByRole('row').filter({ hasText: staffEmail });
		await row.locator('select[name="role"]').selectOption('counsellor');
		await row.getByRole('button', { name: new RegExp(t('fr', 'admin.users_change_role')) }).click();
		await admin.goto('/fr/jobs/counsellor/agencies');
		await admin.getByRole('link', { name: 'ANAPEC Tanger', exact: true }).click();
		await admin.getByLabel(t('fr', 'counsellors.agency_counsellor_email'), { exact: true }).fill(staffEmail);
		await admin.getByRole('button', { name: t('fr', 'counsellors.agency_counsellor_add') }).click();
		await expect(admin.getByRole('main').textContent()).resolves.toContain(staffEmail);
		await admin.close();

		// 1. The division's campaigns, from its my space.
		const division = await signedInAs(browser, 'counsellor@demo.sharaka.ma', 'fr', false, true);
		await division.goto('/fr/my-space');
		await division.getByRole('link', { name: t('fr', 'campaigns.space_campaigns') }).first().click();
		await check(division, 'fr', false);
		await expectPhoneWidthAndLanguageOfParts(division, 'fr');
		await shoot(division, 'campaigns-fr');

		// 2. A new campaign: shares over the positions are refused, the rows kept; then split 60 / 40.
		await division.getByRole('link', { name: t('fr', 'campaigns.campaign_new') }).click();
		await check(division, 'fr', false);
		await division.getByLabel(t('fr', 'campaigns.field_title'), { exact: true }).fill(campaignTitle);
		await division.getByLabel(t('fr', 'placement.host_country'), { exact: true }).selectOption('ES');
		await division.getByLabel(t('fr', 'campaigns.field_host_region'), { exact: true }).fill('Murcie');
		await division.getByLabel(t('fr', 'placement.field_channel'), { exact: true }).selectOption('seasonal');
		await division.getByLabel(t('fr', 'campaigns.field_positions'), { exact: true }).fill('100');
		await division.getByLabel(t('fr', 'campaigns.field_season_starts'), { exact: true }).fill(day(90));
		await division.getByLabel(t('fr', 'campaigns.field_season_ends'), { exact: true }).fill(day(200));
		await (await quotaField(division, 'ANAPEC Rabat')).fill('60');
		await (await quotaField(division, 'ANAPEC Tanger')).fill('60');
		await division.getByRole('button', { name: t('fr', 'campaigns.save') }).click();
		await expect(division.locator('.error-summary a[href="#field-quotas"]').textContent()).resolves.toContain(t('fr', 'errors.field_over_total', { sum: 120, total: 100 }));
		await expect((await quotaField(division, 'ANAPEC Rabat')).inputValue()).resolves.toBe('60');
		await check(division, 'fr', false);
		await shoot(division, 'campaign-refused-fr');
		await (await quotaField(division, 'ANAPEC Tanger')).fill('40');
		await division.getByRole('button', { name: t('fr', 'campaigns.save') }).click();
		await expect(notice(division)).resolves.toContain(t('fr', 'campaigns.created'));
		await check(division, 'fr', false);
		const campaignPath = new URL(division.url()).pathname;
		const progress = division.getByRole('region', { name: t('fr', 'campaigns.progress_title') });
		await expect(progress.getByRole('row').filter({ hasText: 'ANAPEC Tanger' }).textContent()).resolves.toContain(t('fr', 'campaigns.fill_under'));

		// 3. The Rabat agency adds the people it sourced: an address without an account is named, nothing added.
		const addForm = division.locator('form[action="?/add"]');
		await addForm.getByLabel(t('fr', 'campaigns.field_source_agency'), { exact: true }).selectOption({ label: 'ANAPEC Rabat' });
		await addForm.getByLabel(t('fr', 'campaigns.field_emails'), { exact: true }).fill(`${candidateEmail}\nmember@demo.sharaka.ma\npersonne.${stamp}@example.ma`);
		await addForm.getByRole('button', { name: t('fr', 'campaigns.add_submit') }).click();
		await expect(division.locator('.error-summary').textContent()).resolves.toContain(`personne.${stamp}@example.ma`);
		await shoot(division, 'add-refused-fr');
		await division.locator('form[action="?/add"]').getByLabel(t('fr', 'campaigns.field_emails'), { exact: true }).fill('member@demo.sharaka.ma');
		await division.locator('form[action="?/add"]').getByRole('button', { name: t('fr', 'campaigns.add_submit') }).click();
		await expect(notice(division)).resolves.toContain(t('fr', 'campaigns.added', { added: 1, already: 0 }));
		await check(division, 'fr', false);
		await expectPhoneWidthAndLanguageOfParts(division, 'fr');
		await shoot(division, 'campaign-fr');

		// 4. The candidates' list: the Rabat agency preselects its person (checkbox form, no JavaScript).
		await division.getByRole('link', { name: t('fr', 'campaigns.candidates_link') }).click();
		await check(division, 'fr', false);
		const tick = async (name: string, page = division) => page.getByRole('checkbox', { name: t('fr', 'campaigns.select_candidate', { name }) }).check();
		const move = async (to: string, options: { eventOn?: string; announce?: boolean } = {}, page = division) => {
			await page.getByLabel(t('fr', 'campaigns.field_move_to'), { exact: true }).selectOption(to);
			if (options.eventOn) await page.getByLabel(t('fr', 'campaigns.field_event_on'), { exact: true }).fill(options.eventOn);
			if (options.announce) await page.getByLabel(t('fr', 'campaigns.field_announce')).check();
			await page.getByRole('button', { name: t('fr', 'campaigns.move_submit') }).click();
		};
		await tick('Awa Membre (exemple)');
		await move('preselected');
		await expect(notice(division)).resolves.toContain(t('fr', 'campaigns.moved', { count: 1 }));

		// 4'. Tanger's staff see their agency's part only, add the person they sourced and preselect her.
		await signIn(staff, 'fr', staffEmail, staffPassword);
		await staff.goto('/fr/my-space');
		await staff.getByRole('link', { name: t('fr', 'campaigns.space_campaigns') }).first().click();
		await staff.getByRole('link', { name: campaignTitle }).click();
		await check(staff, 'fr', false);
		const rows = staff.getByRole('region', { name: t('fr', 'campaigns.progress_title') }).getByRole('row');
		await expect(rows.filter({ hasText: 'ANAPEC Rabat' }).count()).resolves.toBe(0);
		await expect(rows.filter({ hasText: 'ANAPEC Tanger' }).count()).resolves.toBe(1);
		await staff.getByLabel(t('fr', 'campaigns.field_emails'), { exact: true }).fill(candidateEmail);
		await staff.getByRole('button', { name: t('fr', 'campaigns.add_submit') }).click();
		await expect(notice(staff)).resolves.toContain(t('fr', 'campaigns.added', { added: 1, already: 0 }));
		await shoot(staff, 'agency-campaign-fr');
		await staff.getByRole('link', { name: t('fr', 'campaigns.candidates_link') }).click();
		await expect(staff.locator('input[name="candidateIds"]').count()).resolves.toBe(1);
		await tick(candidateName, staff);
		await move('preselected', {}, staff);
		await expect(notice(staff)).resolves.toContain(t('fr', 'campaigns.moved', { count: 1 }));
		await check(staff, 'fr', false);
		await shoot(staff, 'agency-candidates-fr');
		await staff.close();
		await division.goto(`${campaignPath}/candidates`);

		// 5. A move that skips a mandatory step is refused, naming the step; nothing moves.
		await tick(candidateName);
		await move('selected');
		const refusal = division.locator('.error-summary a[href="#field-to"]');
		await expect(refusal.textContent()).resolves.toContain(t('fr', 'campaigns.stage_shortlisted'));
		await expect(division.getByRole('checkbox', { name: t('fr', 'campaigns.select_candidate', { name: candidateName }) }).isChecked()).resolves.toBe(true);
		await check(division, 'fr', false);
		await shoot(division, 'move-refused-fr');

		// 6. Shortlisted by the partner, then the interview, announced by e-mail.
		await move('shortlisted');
		await expect(notice(division)).resolves.toContain(t('fr', 'campaigns.moved', { count: 1 }));
		const before = server().outbox().length;
		await tick(candidateName);
		await move('interview', { eventOn: day(10), announce: true });
		await expect(notice(division)).resolves.toContain(t('fr', 'campaigns.announced', { count: 1 }));
		await expect(division.getByRole('row').filter({ hasText: candidateName }).textContent()).resolves.toContain(t('fr', 'campaigns.stage_interview'));
		await check(division, 'fr', false);
		await expectPhoneWidthAndLanguageOfParts(division, 'fr');
		await shoot(division, 'candidates-fr');

		// 7. The board by stage, with its counts; the CSV of the list.
		await division.getByRole('link', { name: t('fr', 'campaigns.view_board') }).click();
		await check(division, 'fr', false);
		await expect(division.getByRole('region', { name: new RegExp(t('fr', 'campaigns.stage_interview')) }).textContent()).resolves.toContain(candidateName);
		await shoot(division, 'board-fr');
		const csv = await division.request.get(`${campaignPath}/candidates.csv`);
		expect(csv.headers()['content-type']).toContain('text/csv');
		expect(await csv.text()).toContain(candidateEmail);
		const xlsx = await division.request.get(`${campaignPath}/candidates.xlsx`);
		expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
		// the candidate's history: who moved them, when
		await division.goto(`${campaignPath}/candidates`);
		await division.getByRole('link', { name: candidateName, exact: true }).click();
		await check(division, 'fr', false);
		await expect(division.getByRole('region', { name: t('fr', 'campaigns.history_title') }).first().textContent()).resolves.toContain(t('fr', 'campaigns.stage_preselected'));
		await shoot(division, 'history-fr');

		// 8. The candidate got the e-mail in Arabic, and sees the stage and the next step (my space, their page).
		const [mail] = await emailsTo(candidateEmail, before);
		expect(mail?.subject).toContain(t('ar', 'campaigns.stage_interview'));
		expect(mail?.links.some((href) => href.endsWith('/ar/jobs/placement/mine'))).toBe(true);
		await candidate.goto('/ar/my-space');
		await candidate.getByRole('link', { name: t('ar', 'campaigns.space_mine') }).first().click();
		await check(candidate, 'ar');
		const main = await candidate.getByRole('main').textContent();
		expect(main).toContain(campaignTitle);
		expect(main).toContain(t('ar', 'campaigns.stage_interview'));
		expect(main).toContain(t('ar', 'campaigns.next_interview'));
		await expectPhoneWidthAndLanguageOfParts(candidate, 'ar');
		await shoot(candidate, 'mine-ar');
		await candidate.close();

		// 9. The staff pages in Arabic, with JavaScript, pass axe.
		const divisionAr = await signedInAs(browser, 'counsellor@demo.sharaka.ma', 'ar');
		await checkEach(divisionAr, 'ar', [
			['/ar/jobs/placement/campaigns', 'campaigns-ar'],
			[campaignPath.replace('/fr/', '/ar/'), 'campaign-ar'],
			[`${campaignPath.replace('/fr/', '/ar/')}/candidates`, 'candidates-ar'],
			[`${campaignPath.replace('/fr/', '/ar/')}/candidates?view=board`, 'board-ar'],
			['/ar/jobs/placement/campaigns/new', 'new-ar']
		], shoot);
		await divisionAr.close();
		await division.close();
	});
});
