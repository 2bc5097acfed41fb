// Emergency return in a crisis: the crisis cell (the demo moderator) opens a crisis in French without
// JavaScript; a person on a phone registers (a registration without contact refused) and says "I am
// safe" through the personal link; the cell finds them on the dashboard, assigns them to a relay and
// moves them on; the pages pass axe in Arabic (with the sample crisis's 1,500 registrations); the cell
// closes the crisis and registering stops. The registration and "safe" pages carry no script at all.
// Screenshots at 360 and 1280 px go to test-results/screenshots/.
import { describe, expect, test } from 'vitest';
import { check, pick, screenshotsFor, signedInAs } from './flows.ts';
import { expectPhoneWidthAndLanguageOfParts, t, useBrowser } from './harness.ts';

const browser = useBrowser();
const shoot = screenshotsFor('crisis');

const CELL = 'moderator@demo.sharaka.ma';
const TITLE = 'Évacuation de test';
let slug = '';
let safeLink = '';

describe('emergency return in a crisis', () => {
	test('the cell opens a crisis; a person registers on a phone and says they are safe; the cell assigns and tracks them (fr, no JavaScript)', { timeout: 180_000 }, async () => {
		const cell = await signedInAs(browser, CELL, 'fr', false);
		await cell.goto('/fr/my-space');
		await cell.getByRole('link', { name: t('fr', 'return.space_crisis'), exact: true }).click();
		await check(cell, 'fr', false);
		const form = cell.getByRole('main');
		// nothing chosen: every missing part named
		await form.getByRole('button', { name: t('fr', 'return.crisis_open_submit') }).click();
		await expect(form.locator('.error-summary li').count()).resolves.toBeGreaterThanOrEqual(3);
		await form.locator('input[name="title_fr"]').fill(TITLE);
		await pick(form, 'countries', ['SD']);
		await form.getByLabel(t('fr', 'return.crisis_field_started'), { exact: true }).fill('2026-11-28');
		await form.getByLabel(t('fr', 'return.crisis_field_retention'), { exact: true }).fill('30');
		await form.getByRole('button', { name: t('fr', 'return.crisis_open_submit') }).click();
		await expect(cell.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'return.crisis_done_opened'));
		slug = new URL(cell.url()).pathname.split('/').at(-1)!;

		// a person on a phone, no JavaScript: the public page, then the very light registration page
		const phone = await browser.newPage({ javaScriptEnabled: false, phone: true, locale: 'fr' });
		await phone.goto('/fr/return/crisis');
		await check(phone, 'fr', false);
		await phone.getByRole('link', { name: t('fr', 'return.crisis_register_link') }).click();
		expect(await phone.locator('script[src], link[rel="modulepreload"]').count()).toBe(0);
		const main = phone.getByRole('main');
		await main.getByLabel(t('fr', 'return.crisis_name'), { exact: true }).fill('Karim Alaoui');
		await main.getByLabel(t('fr', 'return.crisis_city'), { exact: true }).fill('Khartoum');
		await main.getByLabel(t('fr', 'return.crisis_need_medical')).check();
		await main.getByRole('button', { name: t('fr', 'return.crisis_register_submit') }).click();
		await expect(main.getByText(t('fr', 'return.crisis_error_contact')).first().isVisible()).resolves.toBe(true);
		// what was typed is still there
		await expect(main.getByLabel(t('fr', 'return.crisis_name'), { exact: true }).inputValue()).resolves.toBe('Karim Alaoui');
		await expect(main.getByLabel(t('fr', 'return.crisis_need_medical')).isChecked()).resolves.toBe(true);
		await shoot(phone, 'register-refused');
		await main.getByLabel(t('fr', 'return.crisis_phone'), { exact: true }).fill('+249 912 345 678');
		await main.getByRole('button', { name: t('fr', 'return.crisis_register_submit') }).click();
		await expect(phone.getByRole('status').first().textContent()).resolves.toMatch(/[A-Z2-9]{3}-[A-Z2-9]{3}/);
		safeLink = (await phone.locator('.link a').getAttribute('href'))!;
		await shoot(phone, 'registered');
		await phone.goto(new URL(safeLink).pathname);
		await check(phone, 'fr', false);
		await phone.getByRole('button', { name: t('fr', 'return.crisis_safe_submit') }).click();
		await expect(phone.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'return.crisis_safe_recorded'));
		await phone.close();

		// the cell sees them on the dashboard: Khartoum has no place on the map yet; the cell adds it from the cities left
		await cell.goto(`/fr/return/crisis/cell/${slug}`);
		await check(cell, 'fr', false);
		await expect(cell.getByText(t('fr', 'return.crisis_map_empty')).count()).resolves.toBe(1);
		await cell.getByRole('link', { name: t('fr', 'return.crisis_places_link'), exact: true }).click();
		await check(cell, 'fr', false);
		await cell.getByRole('link', { name: 'Khartoum', exact: true }).click();
		const places = cell.getByRole('main');
		await expect(places.getByLabel(t('fr', 'return.crisis_place_name'), { exact: true }).inputValue()).resolves.toBe('Khartoum');
		// a latitude out of range is refused, then the coordinates as a French speaker types them
		await places.getByLabel(t('fr', 'return.crisis_place_latitude'), { exact: true }).fill('155,5');
		await places.getByLabel(t('fr', 'return.crisis_place_longitude'), { exact: true }).fill('32,5599');
		await places.getByRole('button', { name: t('fr', 'return.crisis_place_add') }).click();
		await expect(cell.locator('#field-latitude[aria-invalid="true"]').count()).resolves.toBe(1);
		await places.getByLabel(t('fr', 'return.crisis_place_latitude'), { exact: true }).fill('15,5007');
		await places.getByRole('button', { name: t('fr', 'return.crisis_place_add') }).click();
		await expect(cell.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'return.crisis_done_place_added'));
		await shoot(cell, 'places');
		await cell.goto(`/fr/return/crisis/cell/${slug}`);
		const map = cell.getByRole('img', { name: t('fr', 'return.crisis_map_title') });
		await expect(map.locator('circle').count()).resolves.toBe(1);
		await expect(map.locator('text').textContent()).resolves.toBe(t('fr', 'return.crisis_map_point', { place: 'Khartoum', count: '1' }));
		await cell.getByRole('link', { name: t('fr', 'return.crisis_need_medical') }).click();
		await expect(cell.getByRole('heading', { name: /Karim Alaoui/ }).count()).resolves.toBe(1);
		const card = cell.locator('li.card', { hasText: 'Karim Alaoui' });
		await expect(card.textContent()).resolves.toContain(t('fr', 'return.crisis_safe_last', { date: '' }).trim());
		await card.getByLabel(t('fr', 'return.crisis_assign_to')).selectOption({ label: 'Migration et Développement (M&D)' });
		await card.getByRole('button', { name: new RegExp(t('fr', 'return.crisis_assign')) }).click();
		await expect(cell.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'return.crisis_done_assigned'));
		const moved = cell.locator('li.card', { hasText: 'Karim Alaoui' });
		await moved.getByLabel(t('fr', 'return.crisis_move_to')).selectOption('contacted');
		await moved.getByRole('button', { name: new RegExp(t('fr', 'return.plan_status_save')) }).click();
		await expect(cell.locator('li.card', { hasText: 'Karim Alaoui' }).textContent()).resolves.toContain(t('fr', 'return.crisis_status_contacted'));
		await shoot(cell, 'dashboard');
		await cell.close();

		// the association's relay (the demo partner) sees the registrations assigned to it, and only them
		const relay = await signedInAs(browser, 'partner@demo.sharaka.ma', 'fr', false);
		await relay.goto(`/fr/return/crisis/cell/${slug}/registrations`);
		await check(relay, 'fr', false);
		await expect(relay.getByRole('heading', { name: /Karim Alaoui/ }).count()).resolves.toBe(1);
		await expect(relay.getByRole('button', { name: new RegExp(t('fr', 'return.crisis_assign')) }).count()).resolves.toBe(0);
		await expect(relay.getByText(t('fr', 'return.crisis_export')).count()).resolves.toBe(0);

		// the relay ticks a step of the associations' part of the responder's guide; the cell's part is not theirs
		await relay.goto(`/fr/return/crisis/cell/${slug}`);
		await relay.getByRole('link', { name: t('fr', 'return.checklist_open'), exact: true }).click();
		await check(relay, 'fr', false);
		const associations = relay.locator('section', { has: relay.getByRole('heading', { name: 'Associations', exact: true }) });
		await associations.getByRole('button', { name: new RegExp(`^${t('fr', 'return.checklist_mark_done')}`) }).first().click();
		await expect(relay.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'return.crisis_done_step_done'));
		await expect(relay.locator('section', { has: relay.getByRole('heading', { name: 'Associations', exact: true }) }).textContent()).resolves.toContain(t('fr', 'return.checklist_done_by', { name: 'Demo Partner', date: '' }).split('Demo Partner')[0]);
		const cellPart = relay.locator('section', { has: relay.getByRole('heading', { name: 'Cellule de crise du ministère', exact: true }) });
		await expect(cellPart.getByRole('button').count()).resolves.toBe(0);
		await shoot(relay, 'checklist');
		await relay.close();
	});

	test('in Arabic the public pages, the registration and the cell’s pages pass axe (the sample crisis: 1,500 registrations)', { timeout: 180_000 }, async () => {
		const phone = await browser.newPage({ locale: 'ar', phone: true });
		await phone.goto('/ar/return/crisis');
		await check(phone, 'ar');
		await phone.goto(`/ar/return/crisis/${slug}/register`);
		await check(phone, 'ar');
		await expectPhoneWidthAndLanguageOfParts(phone, 'ar');
		await shoot(phone, 'register-ar');
		await phone.goto(new URL(safeLink).pathname.replace(/^\/fr\//, '/ar/'));
		await check(phone, 'ar');
		await phone.close();

		const cell = await signedInAs(browser, CELL, 'ar');
		await cell.goto('/ar/return/crisis/cell');
		await check(cell, 'ar');
		await cell.goto('/ar/return/crisis/cell/exemple-exercice-de-crise');
		await check(cell, 'ar');
		// six of the sample's seven cities are on the map; Moundou is left for the cell to place
		await expect(cell.getByRole('img', { name: t('ar', 'return.crisis_map_title') }).locator('circle').count()).resolves.toBe(6);
		await expect(cell.locator('.unplaced').textContent()).resolves.toContain('Moundou');
		await shoot(cell, 'sample-ar');
		await cell.goto('/ar/return/crisis/cell/exemple-exercice-de-crise/places');
		await check(cell, 'ar');
		await shoot(cell, 'places-ar');
		await cell.goto('/ar/return/crisis/cell/exemple-exercice-de-crise/registrations?need=medical');
		await check(cell, 'ar');
		await expect(cell.locator('p[role="status"]').first().textContent()).resolves.toMatch(/[0-9٠-٩]/);
		await cell.goto(`/ar/return/crisis/cell/${slug}`);
		await check(cell, 'ar');
		// the responder's guide, then the crisis's checklist: the cell ticks its own first step
		await cell.goto('/ar/return/crisis/cell');
		await cell.getByRole('link', { name: t('ar', 'return.responders_title'), exact: true }).click();
		await check(cell, 'ar');
		await shoot(cell, 'responders-ar');
		await cell.goto(`/ar/return/crisis/cell/${slug}/checklist`);
		await check(cell, 'ar');
		const cellPart = cell.locator('section', { has: cell.getByRole('heading', { name: 'خلية الأزمة بالوزارة', exact: true }) });
		await cellPart.getByRole('button', { name: new RegExp(`^${t('ar', 'return.checklist_mark_done')}`) }).first().click();
		await expect(cell.getByRole('status').first().textContent()).resolves.toContain(t('ar', 'return.crisis_done_step_done'));
		await check(cell, 'ar');
		await shoot(cell, 'checklist-ar');
		await cell.close();
	});

	test('the cell closes the crisis: registering stops, the deletion date shows (fr, no JavaScript)', { timeout: 120_000 }, async () => {
		const cell = await signedInAs(browser, CELL, 'fr', false);
		await cell.goto(`/fr/return/crisis/cell/${slug}`);
		await cell.locator('details summary', { hasText: t('fr', 'return.crisis_close_open') }).click();
		await cell.getByRole('button', { name: t('fr', 'return.crisis_close_submit') }).click();
		await expect(cell.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'return.crisis_done_closed'));
		await expect(cell.getByRole('main').textContent()).resolves.toContain(t('fr', 'return.crisis_state_closed'));
		await cell.close();
		const phone = await browser.newPage({ javaScriptEnabled: false, phone: true, locale: 'fr' });
		await phone.goto(`/fr/return/crisis/${slug}/register`);
		await expect(phone.getByText(t('fr', 'return.crisis_closed_notice')).count()).resolves.toBe(1);
		await expect(phone.getByRole('button', { name: t('fr', 'return.crisis_register_submit') }).count()).resolves.toBe(0);
		await phone.close();
	});
});
