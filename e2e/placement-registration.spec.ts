// International placement, issue 10, items 7–8: a staff member cancels one person's registration to an orientation
// session at her request. Two candidates sign up (Salma in Arabic, Nadia in French); the division (the demo
// counsellor), in French without JavaScript on a phone, puts them in a seasonal campaign for Spain and creates a
// one-seat session with a waiting list ten days ahead: Salma takes the seat, Nadia waits. Salma asks to cancel: the
// warning button in her row frees her seat, Nadia takes it and is told by e-mail in French; Salma's page no longer
// says she is registered. The session page offering the cancellation passes axe in Arabic. No clock waits.
// Screenshots at 360 and 1280 px go to test-results/screenshots/placement-registration-*.
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { check, emailsTo, screenshotsFor, signedInAs, signUpAndConfirm } from './flows.ts';
import { expectPhoneWidthAndLanguageOfParts, server, t, useBrowser } from './harness.ts';

const browser = useBrowser();
const shoot = screenshotsFor('placement-registration');
const stamp = Date.now();
const title = `Saison des agrumes – Valence ${stamp}`;
const salma = { name: 'سلمى بنعلي', email: `registration.salma.${stamp}@example.ma` };
const nadia = { name: 'Nadia Berrada', email: `registration.nadia.${stamp}@example.ma` };
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const notice = (page: Page) => page.getByRole('status').first().textContent();

describe('international placement: one registration cancelled by staff', () => {
	test('staff cancel one person’s seat at her request: the first person waiting takes it and is told in her language', { timeout: 300_000 }, async () => {
		// 0. The candidates sign up, each in her language.
		const salmaPage = await browser.newPage({ locale: 'ar', javaScriptEnabled: false });
		await signUpAndConfirm(salmaPage, 'ar', salma.name, salma.email, `Pass-${stamp}-salma`);
		const nadiaPage = await browser.newPage({ locale: 'fr', javaScriptEnabled: false });
		await signUpAndConfirm(nadiaPage, 'fr', nadia.name, nadia.email, `Pass-${stamp}-nadia`);

		// 1. The division's seasonal campaign for Spain, with a share for Rabat; both added for Rabat.
		const division = await signedInAs(browser, 'counsellor@demo.sharaka.ma', 'fr', false, true);
		await division.goto('/fr/jobs/placement/campaigns/new');
		await division.getByLabel(t('fr', 'campaigns.field_title'), { exact: true }).fill(title);
		await division.getByLabel(t('fr', 'placement.host_country'), { exact: true }).selectOption('ES');
		await division.getByLabel(t('fr', 'campaigns.field_host_region'), { exact: true }).fill('Valence');
		await division.getByLabel(t('fr', 'placement.field_channel'), { exact: true }).selectOption('seasonal');
		await division.getByLabel(t('fr', 'campaigns.field_positions'), { exact: true }).fill('20');
		await division.getByLabel(t('fr', 'campaigns.field_season_starts'), { exact: true }).fill(day(20));
		await division.getByLabel(t('fr', 'campaigns.field_season_ends'), { exact: true }).fill(day(110));
		await division.getByLabel('ANAPEC Rabat', { exact: true }).fill('20');
		await division.getByRole('button', { name: t('fr', 'campaigns.save') }).click();
		await expect(notice(division)).resolves.toContain(t('fr', 'campaigns.created'));
		const addForm = division.locator('form[action="?/add"]');
		await addForm.getByLabel(t('fr', 'campaigns.field_source_agency'), { exact: true }).selectOption({ label: 'ANAPEC Rabat' });
		await addForm.getByLabel(t('fr', 'campaigns.field_emails'), { exact: true }).fill(`${salma.email}\n${nadia.email}`);
		await addForm.getByRole('button', { name: t('fr', 'campaigns.add_submit') }).click();
		await expect(notice(division)).resolves.toContain(t('fr', 'campaigns.added', { added: 2, already: 0 }));

		// 2. A one-seat session with a waiting list, ten days ahead: Salma takes the seat, Nadia waits.
		await division.goto('/fr/jobs/placement/orientation');
		await division.getByLabel(t('fr', 'departure.field_agency'), { exact: true }).selectOption({ label: 'ANAPEC Rabat' });
		await division.getByLabel(t('fr', 'departure.field_country'), { exact: true }).selectOption('ES');
		await division.getByLabel(t('fr', 'departure.field_date'), { exact: true }).fill(day(10));
		await division.getByLabel(t('fr', 'departure.field_time'), { exact: true }).fill('09:30');
		await division.getByLabel(t('fr', 'departure.field_place'), { exact: true }).fill('Agence ANAPEC Rabat, salle 1');
		await division.getByLabel(t('fr', 'departure.field_capacity'), { exact: true }).fill('1');
		await division.getByRole('button', { name: t('fr', 'departure.create_submit') }).click();
		await expect(notice(division)).resolves.toContain(t('fr', 'departure.created'));
		const sessionPath = new URL(division.url()).pathname;
		const register = async (email: string, expected: string) => {
			await division.getByLabel(t('fr', 'departure.field_email'), { exact: true }).fill(email);
			await division.getByRole('button', { name: t('fr', 'departure.register_submit') }).click();
			await expect(notice(division)).resolves.toContain(expected);
		};
		await register(salma.email, t('fr', 'departure.registered_notice'));
		await register(nadia.email, t('fr', 'departure.waiting_notice'));
		const row = (name: string) => division.getByRole('row').filter({ hasText: name });
		await expect(row(nadia.name).textContent()).resolves.toContain(t('fr', 'departure.status_waiting'));

		// 3. The session offering the cancellation, in Arabic with axe.
		const reader = await signedInAs(browser, 'counsellor@demo.sharaka.ma', 'ar', true);
		await reader.goto(sessionPath.replace('/fr/', '/ar/'));
		await expect(reader.getByRole('button', { name: t('ar', 'departure.cancel_registration') }).count()).resolves.toBe(2);
		await check(reader, 'ar');
		await expectPhoneWidthAndLanguageOfParts(reader, 'ar');
		await shoot(reader, 'session-ar');

		// 4. Salma asks to cancel: her row's warning button (no JavaScript); Nadia takes the seat and is told, in French.
		const before = server().outbox().length;
		await row(salma.name).getByRole('button', { name: t('fr', 'departure.cancel_registration') }).click();
		await expect(notice(division)).resolves.toContain(t('fr', 'departure.registration_cancelled_promoted'));
		await expect(row(salma.name).textContent()).resolves.toContain(t('fr', 'departure.status_cancelled'));
		await expect(row(nadia.name).textContent()).resolves.toContain(t('fr', 'departure.status_registered'));
		// a cancelled registration offers no second cancellation; Nadia's seat does
		await expect(row(salma.name).getByRole('button').count()).resolves.toBe(0);
		await check(division, 'fr', false);
		await expectPhoneWidthAndLanguageOfParts(division, 'fr');
		await shoot(division, 'cancelled-fr');
		const [seat] = await emailsTo(nadia.email, before);
		expect(seat?.language).toBe('fr');
		expect(seat?.subject.startsWith(t('fr', 'departure.email_seat_subject', { when: '\u0000' }).split('\u0000')[0])).toBe(true);
		expect(seat?.text).toContain('Agence ANAPEC Rabat, salle 1');

		// 5. Their pages: Nadia is registered; Salma no longer is (she may join the waiting list again).
		await nadiaPage.goto('/fr/jobs/placement/mine');
		await expect(nadiaPage.getByRole('main').textContent()).resolves.toContain(t('fr', 'departure.my_status_registered'));
		await salmaPage.goto('/ar/jobs/placement/mine');
		const hers = (await salmaPage.getByRole('main').textContent()) ?? '';
		expect(hers).not.toContain(t('ar', 'departure.my_status_registered'));
		expect(hers).toContain(t('ar', 'departure.join_waiting_list'));
		await check(salmaPage, 'ar', false);
	});
});
