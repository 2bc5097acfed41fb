// Regional concertation (issue #13, item 5): the secretariat of the demo's sample body in the Oriental (the demo
// moderator, through a grant limited to that body) enters, in French without JavaScript and on a phone, the
// meeting held yesterday, records its minutes and attendance, then a decision of it (a due date before the
// meeting is refused with the field named), and follows the decision to "done" on the tracker's page; the
// body's public summary shows it done, in Arabic, axe clean; the Oriental's page links to its bodies; the
// public list, the API. A partner country's strategy owner (Senegal's, a grant an administrator gives) creates a
// body in a Senegalese region and records a meeting's decision, in French without JavaScript; the region's page in
// Arabic lists it, axe clean. Screenshots at 360 and 1280 px go to test-results/screenshots/strategy-concertation-*.
import { describe, expect, test } from 'vitest';
import { apiClient } from './api-client.ts';
import { check, pick, screenshotsFor, signedInAs, signUpAndConfirm } from './flows.ts';
import { expectPhoneWidthAndLanguageOfParts, server, t, useBrowser } from './harness.ts';

const browser = useBrowser();
const { url } = server();
const shoot = screenshotsFor('strategy-concertation');
const stamp = Date.now();
const title = `Réunion extraordinaire ${stamp}`;
const decision = `Ouvrir une permanence d’accueil des MRE de retour à Nador ${stamp}`;

/** A day as YYYY-MM-DD, `offset` days from today (Morocco is UTC+1 all year but Ramadan: a midday time is safe). */
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('regional concertation', () => {
	test('a secretary records a held meeting, its minutes and a decision without JavaScript, follows it to done; its summary in Arabic', { timeout: 240_000 }, async () => {
		// 0. The sample body, as the API lists it.
		const listed = (await (await fetch(url('/api/v1/strategy/concertation-bodies?region=MA-02'))).json()) as { items: { slug: string; isSample: boolean; name: string }[] };
		const sample = listed.items.find((item) => item.isSample)!;
		expect(sample).toBeDefined();
		expect(listed.items.some((item) => !item.isSample)).toBe(true);

		// 1. The secretary finds the body from the Oriental's page and enters its space (French, no JavaScript, phone).
		const secretary = await signedInAs(browser, 'moderator@demo.sharaka.ma', 'fr', false, true);
		await secretary.goto('/fr/strategy/regions/MA-02');
		await secretary.getByRole('link', { name: t('fr', 'strategy.region_concertation_link', { region: 'Oriental' }), exact: true }).click();
		await check(secretary, 'fr', false);
		await shoot(secretary, 'list-fr');
		await secretary.getByRole('link', { name: sample.name, exact: true }).click();
		await secretary.getByRole('link', { name: t('fr', 'strategy.concertation_enter_space'), exact: true }).click();
		await check(secretary, 'fr', false);
		await secretary.getByRole('navigation', { name: t('fr', 'workspace.nav_label') }).getByRole('link', { name: t('fr', 'workspace.nav_meetings'), exact: true }).click();

		// 2. The meeting held yesterday, entered after the fact.
		await secretary.getByLabel(t('fr', 'workspace.field_title'), { exact: true }).fill(title);
		await secretary.getByLabel(t('fr', 'workspace.field_starts_at'), { exact: true }).fill(`${day(-1)}T10:00`);
		await secretary.getByLabel(t('fr', 'workspace.field_mode'), { exact: true }).selectOption('in_person');
		await secretary.getByLabel(t('fr', 'workspace.field_place'), { exact: true }).fill('Nador, annexe de la Région');
		await secretary.getByLabel(t('fr', 'workspace.field_agenda'), { exact: true }).fill('1. Accueil des MRE de retour à Nador\n2. Décisions');
		await secretary.getByRole('button', { name: t('fr', 'workspace.schedule_submit'), exact: true }).click();
		await expect(secretary.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'workspace.done_scheduled', { sent: 0 }));
		await secretary.getByRole('link', { name: title, exact: true }).click();
		await check(secretary, 'fr', false);

		// 3. Its minutes and who attended.
		await secretary.getByLabel(t('fr', 'workspace.field_minutes'), { exact: true }).fill('La commission a décidé d’ouvrir une permanence d’accueil à Nador.');
		const attendees = secretary.locator('details#field-attendees');
		if (await attendees.count()) await attendees.locator('summary').click();
		await secretary.locator('input[name="attendees"]').first().check();
		await secretary.getByRole('button', { name: t('fr', 'workspace.minutes_submit'), exact: true }).click();
		await expect(secretary.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'workspace.done_minutes_saved'));
		const meetingPath = new URL(secretary.url()).pathname;

		// 4. A decision of the meeting: due before the meeting, refused with the field named; then saved.
		await secretary.getByRole('link', { name: t('fr', 'strategy.concertation_decision_record'), exact: true }).click();
		await check(secretary, 'fr', false);
		await secretary.getByLabel(t('fr', 'strategy.concertation_decision_text'), { exact: true }).fill(decision);
		const owner = secretary.getByLabel(t('fr', 'strategy.recommendation_owner'), { exact: true });
		const ownerValue = await owner.locator('option', { hasText: 'Migration et Développement' }).first().getAttribute('value');
		await owner.selectOption(ownerValue!);
		await secretary.getByLabel(t('fr', 'strategy.recommendation_due_on'), { exact: true }).fill(day(-3));
		await secretary.getByRole('button', { name: t('fr', 'strategy.concertation_decision_save'), exact: true }).click();
		await expect(secretary.locator('.error-summary').textContent()).resolves.toContain(t('fr', 'strategy.concertation_error_due_before_meeting'));
		await expect(secretary.getByLabel(t('fr', 'strategy.concertation_decision_text'), { exact: true }).inputValue()).resolves.toBe(decision);
		await shoot(secretary, 'decision-refused-fr');
		await secretary.getByLabel(t('fr', 'strategy.recommendation_due_on'), { exact: true }).fill(day(60));
		await secretary.getByRole('button', { name: t('fr', 'strategy.concertation_decision_save'), exact: true }).click();
		await secretary.waitForURL((address) => address.pathname === meetingPath && address.searchParams.get('recorded') === '1');
		await expect(secretary.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'strategy.concertation_decision_recorded'));
		await check(secretary, 'fr', false);
		await shoot(secretary, 'meeting-fr');

		// 5. Followed to done on the tracker's page (done needs how).
		await secretary.getByRole('link', { name: decision, exact: true }).click();
		await check(secretary, 'fr', false);
		await secretary.getByLabel(t('fr', 'strategy.recommendation_status'), { exact: true }).selectOption('in_progress');
		await secretary.getByLabel(t('fr', 'strategy.recommendation_note'), { exact: true }).fill('Local trouvé à l’annexe de la Région.');
		await secretary.getByRole('button', { name: t('fr', 'strategy.recommendation_follow_up_save'), exact: true }).click();
		await secretary.getByLabel(t('fr', 'strategy.recommendation_status'), { exact: true }).selectOption('done');
		await secretary.getByLabel(t('fr', 'strategy.recommendation_note'), { exact: true }).fill('La permanence est ouverte depuis lundi.');
		await secretary.getByRole('button', { name: t('fr', 'strategy.recommendation_follow_up_save'), exact: true }).click();
		await expect(secretary.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'strategy.recommendation_followed', { status: t('fr', 'strategy.recommendation_status_done') }));
		await expect(secretary.locator('.history > li').count()).resolves.toBe(3);
		await shoot(secretary, 'followed-fr');

		// 6. The public summary in Arabic (a visitor): the meeting held with its agenda, never its minutes; the decision done.
		const visitor = await browser.newPage({ locale: 'ar-MA' });
		await visitor.goto(`/ar/strategy/concertation/${sample.slug}`);
		await check(visitor, 'ar');
		await expectPhoneWidthAndLanguageOfParts(visitor, 'ar');
		await expect(visitor.getByRole('heading', { name: title, exact: true }).count()).resolves.toBe(1);
		await expect(visitor.locator('main').textContent()).resolves.not.toContain('permanence d’accueil à Nador.');
		const item = visitor.locator('.decisions > li', { hasText: decision });
		await expect(item.textContent()).resolves.toContain(t('ar', 'strategy.recommendation_status_done'));
		// a visitor is not offered the space
		await expect(visitor.getByRole('link', { name: t('ar', 'strategy.concertation_enter_space') }).count()).resolves.toBe(0);
		await shoot(visitor, 'summary-ar');
		await visitor.goto('/ar/strategy/concertation');
		await check(visitor, 'ar');
		await shoot(visitor, 'list-ar');

		// 7. The API gives the decision done with its meeting.
		const detail = (await (await fetch(url(`/api/v1/strategy/concertation-bodies/${sample.slug}`))).json()) as { decisions: { text: string; status: string; meeting: { title: string } | null }[] };
		expect(detail.decisions.find((entry) => entry.text === decision)).toMatchObject({ status: 'done', meeting: { title } });
	});

	test('an administrator appoints a body’s secretariat by address without JavaScript, and takes it back; Arabic axe clean', { timeout: 180_000 }, async () => {
		const listed = (await (await fetch(url('/api/v1/strategy/concertation-bodies?region=MA-02'))).json()) as { items: { slug: string; isSample: boolean }[] };
		const sample = listed.items.find((item) => item.isSample)!;
		const admin = await signedInAs(browser, 'admin@demo.sharaka.ma', 'fr', false, true);
		await admin.goto(`/fr/strategy/concertation/${sample.slug}`);
		await admin.getByRole('link', { name: t('fr', 'strategy.secretariat_link') }).click();
		await check(admin, 'fr', false);
		const email = admin.getByLabel(t('fr', 'strategy.secretariat_email'), { exact: true });
		// an address without an account is refused, the field named
		await email.fill('personne@exemple.invalid');
		await admin.getByRole('button', { name: t('fr', 'strategy.secretariat_appoint'), exact: true }).click();
		await expect(admin.locator('.error-summary').textContent()).resolves.toContain(t('fr', 'errors.field_unknown_account'));
		await email.fill('partner@demo.sharaka.ma');
		await admin.getByRole('button', { name: t('fr', 'strategy.secretariat_appoint'), exact: true }).click();
		await expect(admin.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'strategy.secretariat_appointed', { email: 'partner@demo.sharaka.ma' }));
		await expect(admin.locator('.holders').textContent()).resolves.toContain('partner@demo.sharaka.ma');
		await shoot(admin, 'secretariat-fr');
		// in Arabic, the same page
		const arabic = await signedInAs(browser, 'admin@demo.sharaka.ma', 'ar', true);
		await arabic.goto(`/ar/strategy/concertation/${sample.slug}/secretariat`);
		await check(arabic, 'ar');
		await expectPhoneWidthAndLanguageOfParts(arabic, 'ar');
		await shoot(arabic, 'secretariat-ar');
		// taken back
		await admin.locator('.holders li', { hasText: 'partner@demo.sharaka.ma' }).getByRole('button').click();
		await expect(admin.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'strategy.secretariat_removed'));
		await expect(admin.locator('main').textContent()).resolves.not.toContain('partner@demo.sharaka.ma');
	});

	test('an owner of Senegal’s plan creates a body in Saint-Louis and records a meeting’s decision without JavaScript; the region’s page in Arabic', { timeout: 300_000 }, async () => {
		// a person of Senegal's ministry signs up; the administrator makes her an owner of Senegal's plan (a grant limited to it)
		const email = `recosa-${stamp}@example.org`;
		const owner = await browser.newPage({ javaScriptEnabled: false, locale: 'fr' });
		await signUpAndConfirm(owner, 'fr', `Aminata Diop ${stamp}`, email, 'une phrase assez longue 2026');
		const api = apiClient();
		const token = await api.tokenFor('admin@demo.sharaka.ma', `recosa ${stamp}`);
		const found = await api.call('GET', `/api/v1/users?q=${encodeURIComponent(email)}`, { token });
		const granted = await api.call('POST', `/api/v1/users/${found.json.items[0].id}/grants`, { token, body: { role: 'strategy:owner', scope: 'recosa-plan-action-senegal' } });
		expect(granted.status, granted.text).toBe(201);
		const name = `Cadre régional de concertation sur la migration de Saint-Louis ${stamp}`;
		const decided = `Ouvrir un point d’information sur la mobilité régulière à Saint-Louis ${stamp}`;

		// 1. From her space to her country's bodies, then the new body's form: Senegal only, its regions by name.
		await owner.goto('/fr/my-space');
		await owner.getByRole('link', { name: t('fr', 'strategy.space_concertation_abroad') }).click();
		await check(owner, 'fr', false);
		expect(new URL(owner.url()).searchParams.get('country')).toBe('SN');
		await owner.getByRole('link', { name: t('fr', 'strategy.concertation_new'), exact: true }).click();
		await check(owner, 'fr', false);
		await expect(owner.locator('main').textContent()).resolves.toContain(t('fr', 'strategy.concertation_country_only', { country: 'Sénégal' }));
		await expect(owner.locator('input[name="region"][value="MA-02"]').count()).resolves.toBe(0);
		await owner.getByLabel(t('fr', 'strategy.concertation_name_fr'), { exact: true }).fill(name);
		await owner.getByLabel(t('fr', 'strategy.concertation_terms_fr'), { exact: true }).fill('Suivre deux fois par an la mise en œuvre régionale du plan d’action du Sénégal à Saint-Louis.');
		const member = owner.locator('select[name="members.0.organisationId"]');
		await member.selectOption((await member.locator('option', { hasText: 'GIZ' }).first().getAttribute('value'))!);
		// no region: refused, the field named, what was typed kept
		await owner.getByRole('button', { name: t('fr', 'strategy.concertation_create'), exact: true }).click();
		await expect(owner.locator('.error-summary').textContent()).resolves.toContain(t('fr', 'strategy.concertation_error_region'));
		await expect(owner.getByLabel(t('fr', 'strategy.concertation_name_fr'), { exact: true }).inputValue()).resolves.toBe(name);
		await shoot(owner, 'abroad-refused-fr');
		await pick(owner, 'region', ['SN-SL']);
		await owner.getByRole('button', { name: t('fr', 'strategy.concertation_create'), exact: true }).click();
		await expect(owner.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'strategy.concertation_saved'));
		await expect(owner.locator('.facts').textContent()).resolves.toContain('Sénégal');
		await check(owner, 'fr', false);
		const slug = new URL(owner.url()).pathname.split('/').at(-1)!;

		// 2. She runs its space: yesterday's meeting, its minutes, a decision of it.
		await owner.getByRole('link', { name: t('fr', 'strategy.concertation_enter_space'), exact: true }).click();
		await owner.getByRole('navigation', { name: t('fr', 'workspace.nav_label') }).getByRole('link', { name: t('fr', 'workspace.nav_meetings'), exact: true }).click();
		await owner.getByLabel(t('fr', 'workspace.field_title'), { exact: true }).fill(`Première réunion ${stamp}`);
		await owner.getByLabel(t('fr', 'workspace.field_starts_at'), { exact: true }).fill(`${day(-1)}T10:00`);
		await owner.getByLabel(t('fr', 'workspace.field_mode'), { exact: true }).selectOption('in_person');
		await owner.getByLabel(t('fr', 'workspace.field_place'), { exact: true }).fill('Saint-Louis, gouvernance régionale');
		await owner.getByLabel(t('fr', 'workspace.field_agenda'), { exact: true }).fill('1. Installation du cadre\n2. Décisions');
		await owner.getByRole('button', { name: t('fr', 'workspace.schedule_submit'), exact: true }).click();
		await owner.getByRole('link', { name: `Première réunion ${stamp}`, exact: true }).click();
		await owner.getByLabel(t('fr', 'workspace.field_minutes'), { exact: true }).fill('Le cadre est installé ; il ouvrira un point d’information.');
		await owner.getByRole('button', { name: t('fr', 'workspace.minutes_submit'), exact: true }).click();
		await expect(owner.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'workspace.done_minutes_saved'));
		await owner.getByRole('link', { name: t('fr', 'strategy.concertation_decision_record'), exact: true }).click();
		await check(owner, 'fr', false);
		await owner.getByLabel(t('fr', 'strategy.concertation_decision_text'), { exact: true }).fill(decided);
		await owner.getByLabel(t('fr', 'strategy.recommendation_due_on'), { exact: true }).fill(day(90));
		await owner.getByRole('button', { name: t('fr', 'strategy.concertation_decision_save'), exact: true }).click();
		await expect(owner.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'strategy.concertation_decision_recorded'));
		await shoot(owner, 'abroad-meeting-fr');

		// 3. The region's page in Arabic (a visitor): the body with its region and country, axe clean, nothing sideways.
		const visitor = await browser.newPage({ locale: 'ar-MA' });
		await visitor.goto('/ar/strategy/regions/SN-SL');
		await check(visitor, 'ar');
		await expectPhoneWidthAndLanguageOfParts(visitor, 'ar');
		await expect(visitor.getByRole('link', { name, exact: true }).count()).resolves.toBe(1);
		await shoot(visitor, 'abroad-region-ar');
		await visitor.getByRole('link', { name, exact: true }).click();
		await check(visitor, 'ar');
		await expect(visitor.locator('.facts').textContent()).resolves.toContain('السنغال');
		await expect(visitor.locator('.decisions').textContent()).resolves.toContain(decided);
		// the API gives its country and region
		const listed = (await (await fetch(url('/api/v1/strategy/concertation-bodies?country=SN'))).json()) as { items: { slug: string; region: string; country: string }[] };
		expect(listed.items.find((item) => item.slug === slug)).toMatchObject({ country: 'SN', region: 'SN-SL' });
	});
});
