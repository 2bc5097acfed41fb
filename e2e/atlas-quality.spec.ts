// Atlas data quality (issue #3): likely duplicates shown to the partner after proposing (French without
// JavaScript, with a withdrawal; Arabic with axe-core), to the moderators in the queue and on the review
// page, and in the API's answer; the exchange-rate table read by a visitor and edited by a moderator
// (Arabic), which recomputes an initiative's EUR figure; the alternative media types in the API docs;
// wide tables scrolling inside a named, focusable region instead of widening a narrow page.
import { beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '#platform/demo/demo.ts';
import type { Language } from '#platform/i18n/languages.ts';
import { expectLanguage, expectNoAxeViolations, expectNoRawMessageKeys, server, signIn, t, useBrowser } from './harness.ts';

const browser = useBrowser();
const { url } = server();
const stamp = Date.now();
const existingSlug = `e2e-quality-${stamp}`;
const existingTitle = `Guichets d’accueil des Marocains du monde à Tanger ${stamp}`;
const chfSlug = `e2e-quality-chf-${stamp}`;

async function call(method: string, path: string, init: { token?: string; cookie?: string; body?: unknown; language?: Language } = {}) {
	const headers: Record<string, string> = { 'accept-language': init.language ?? 'fr' };
	if (init.token) headers.authorization = `Bearer ${init.token}`;
	if (init.cookie) {
		headers.cookie = init.cookie;
		headers.origin = new URL(url('/')).origin;
	}
	if (init.body !== undefined) headers['content-type'] = 'application/json';
	const response = await fetch(url(path), { method, headers, body: init.body === undefined ? undefined : JSON.stringify(init.body), redirect: 'manual' });
	const text = await response.text();
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		json = undefined;
	}
	return { status: response.status, json: json as Record<string, any>, text };
}

/** Signs in through the form like a browser, then creates a personal token with the session. */
async function tokenFor(email: string): Promise<string> {
	const response = await fetch(url('/fr/account/sign-in'), {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded', origin: new URL(url('/')).origin, accept: 'text/html' },
		body: new URLSearchParams({ email, password: DEMO_PASSWORD }),
		redirect: 'manual'
	});
	expect(response.status, 'demo sign-in').toBe(303);
	const cookie = response.headers
		.getSetCookie()
		.map((line) => line.split(';')[0])
		.join('; ');
	const created = await call('POST', '/api/v1/me/tokens', { cookie, body: { name: 'atlas quality spec' } });
	expect(created.status).toBe(201);
	return created.json.token as string;
}

async function signInAs(page: Page, language: Language, email: string) {
	await signIn(page, language, email, DEMO_PASSWORD);
	await page.waitForURL((address) => !address.pathname.includes('/account/sign-in'));
}

/** Fills the least the proposal form needs (a French title, a source) and sends it. */
async function proposeNew(page: Page, language: Language, title: string) {
	await page.goto(`/${language}/atlas/initiatives/new`);
	await page
		.getByLabel(t(language, 'atlas_moderation.label_in', { field: t(language, 'atlas_moderation.field_title'), language: t(language, 'atlas_moderation.language_fr') }))
		.fill(title);
	await page
		.getByRole('group', { name: t(language, 'atlas_moderation.row_source', { n: 1 }), exact: true })
		.getByLabel(t(language, 'atlas_moderation.col_citation'))
		.fill('Rapport annuel 2024');
	await page.getByRole('button', { name: t(language, 'atlas_moderation.action_submit_proposal') }).click();
	await expect(page.getByRole('status').first().textContent()).resolves.toContain(t(language, 'atlas_moderation.proposal_sent'));
}

let moderatorToken: string;
let partnerToken: string;

beforeAll(async () => {
	moderatorToken = await tokenFor('moderator@demo.sharaka.ma');
	partnerToken = await tokenFor('partner@demo.sharaka.ma');
	for (const initiative of [
		{
			slug: existingSlug,
			title: { fr: existingTitle },
			status: 'ongoing',
			startYear: 2019,
			endYear: 2023,
			regions: ['MA-01'],
			organisations: [{ organisation: 'giz', role: 'funder' }],
			sources: [{ citation: 'Rapport e2e' }]
		},
		{
			slug: chfSlug,
			title: { fr: `Bourses de mobilité en Suisse ${stamp}` },
			status: 'completed',
			startYear: 2019,
			budget: { total: 1_080_000, currency: 'CHF' },
			sources: [{ citation: 'Rapport e2e' }]
		}
	]) {
		const created = await call('POST', '/api/v1/initiatives', { token: moderatorToken, body: { initiative } });
		expect(created.status, created.text).toBe(201);
	}
});

describe('likely duplicates', () => {
	test('a partner proposing a duplicate (fr, no JavaScript) is shown the published initiative with the reason, and withdraws', async () => {
		const partner = await browser.newPage({ javaScriptEnabled: false });
		await signInAs(partner, 'fr', 'partner@demo.sharaka.ma');
		const title = `Guichet d'accueil des Marocains du monde - Tanger ${stamp}`;
		await proposeNew(partner, 'fr', title);
		const section = partner.getByRole('region', { name: t('fr', 'atlas_duplicates.sent_title') });
		const link = section.getByRole('link', { name: existingTitle });
		expect(await link.getAttribute('href')).toBe(`/fr/atlas/initiatives/${existingSlug}`);
		await expect(section.textContent()).resolves.toContain(t('fr', 'atlas_duplicates.reasons', { reasons: t('fr', 'atlas_duplicates.reason_similar_title') }));
		await expectNoRawMessageKeys(partner);
		await partner.getByRole('button', { name: t('fr', 'atlas_duplicates.withdraw_action') }).click();
		await expect(partner.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'atlas_duplicates.withdrawn'));
		await partner.context().close();
		// It has left the moderators' queue.
		const withdrawn = await call('GET', '/api/v1/moderation/proposals?status=withdrawn&pageSize=100', { token: moderatorToken });
		expect(withdrawn.json.items.map((item: { title: string }) => item.title)).toContain(title);
		const pending = await call('GET', '/api/v1/moderation/proposals?status=pending&pageSize=100', { token: moderatorToken });
		expect(pending.json.items.map((item: { title: string }) => item.title)).not.toContain(title);
	});

	test('in Arabic the partner sees the same warning (axe); the moderator sees "possible duplicate of …" in the queue and on the review page', async () => {
		const partner = await browser.newPage({ locale: 'ar-MA' });
		await signInAs(partner, 'ar', 'partner@demo.sharaka.ma');
		const title = `Guichets d’accueil des Marocains du monde, Tanger ${stamp}`;
		await proposeNew(partner, 'ar', title);
		await expectLanguage(partner, 'ar');
		const section = partner.getByRole('region', { name: t('ar', 'atlas_duplicates.sent_title') });
		await expect(section.getByRole('link', { name: existingTitle }).count()).resolves.toBe(1);
		await expectNoAxeViolations(partner);
		await expectNoRawMessageKeys(partner);
		const proposalId = await partner.locator('input[name="proposal"]').getAttribute('value');
		expect(proposalId).toMatch(/^[0-9a-f-]{36}$/);
		await partner.context().close();

		const moderator = await browser.newPage({ locale: 'ar-MA' });
		await signInAs(moderator, 'ar', 'moderator@demo.sharaka.ma');
		// The queue lists the oldest first: find the page that holds the proposal.
		let row = null;
		for (let page = 1; page <= 10 && !row; page++) {
			await moderator.goto(`/ar/atlas/moderation?status=pending&page=${page}`);
			const candidate = moderator.getByRole('row').filter({ has: moderator.getByRole('link', { name: title, exact: true }) });
			if ((await candidate.count()) === 1) row = candidate;
		}
		expect(row, 'the proposal in the queue').not.toBeNull();
		await expect(row!.textContent()).resolves.toContain(t('ar', 'atlas_duplicates.possible_duplicate_of'));
		expect(await row!.getByRole('link', { name: existingTitle }).getAttribute('href')).toBe(`/ar/atlas/initiatives/${existingSlug}`);
		await expect(moderator.getByRole('region', { name: t('ar', 'atlas_moderation.queue_title') }).count()).resolves.toBe(1);
		await expectNoAxeViolations(moderator);
		await expectNoRawMessageKeys(moderator);

		await moderator.goto(`/ar/atlas/moderation/proposals/${proposalId}`);
		const notice = moderator.getByRole('region', { name: t('ar', 'atlas_duplicates.notice_title') });
		await expect(notice.textContent()).resolves.toContain(t('ar', 'atlas_duplicates.review_intro'));
		await expect(notice.getByRole('link', { name: existingTitle }).count()).resolves.toBe(1);
		await expectNoAxeViolations(moderator);
		await expectNoRawMessageKeys(moderator);
		await moderator.context().close();
	});

	test('the API answer of a proposal carries likelyDuplicates, with the reasons', async () => {
		const duplicate = await call('POST', '/api/v1/initiatives', {
			token: partnerToken,
			body: {
				initiative: {
					// similar (not very similar): flagged here for the same funder and the overlapping dates
					title: { fr: `Guichets d’accueil des Marocains du monde à Nador ${stamp}` },
					status: 'ongoing',
					plannedStart: '2022-01-01',
					organisations: [{ organisation: 'giz', role: 'funder' }],
					sources: [{ citation: 'Note e2e' }]
				}
			}
		});
		expect(duplicate.status, duplicate.text).toBe(201);
		expect(duplicate.json.proposal.status).toBe('pending');
		expect(duplicate.json.likelyDuplicates).toContainEqual({
			id: expect.any(String),
			slug: existingSlug,
			title: existingTitle,
			reasons: ['similar_title', 'overlapping_dates', 'same_funder']
		});
		const unrelated = await call('POST', '/api/v1/initiatives', {
			token: partnerToken,
			body: { initiative: { title: { fr: `Festival des cultures du monde à Essaouira ${stamp}` }, status: 'planned', sources: [{ citation: 'Note e2e' }] } }
		});
		expect(unrelated.status).toBe(201);
		expect(unrelated.json.likelyDuplicates).toEqual([]);
	});
});

describe('the exchange-rate table', () => {
	test('a visitor reads it (fr); a moderator adds a checked rate (ar), which converts a budget that had none', async () => {
		expect((await call('GET', `/api/v1/initiatives/${chfSlug}`)).json.budget.eur).toBeNull();

		const visitor = await browser.newPage();
		await visitor.goto('/fr/atlas/rates');
		await expect(visitor.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(t('fr', 'atlas_rates.title'));
		const mad = visitor.getByRole('region', { name: t('fr', 'atlas_rates.table_caption', { code: 'MAD' }) });
		await expect(mad.getByRole('row').count()).resolves.toBeGreaterThan(20);
		await expect(mad.textContent()).resolves.toContain(t('fr', 'atlas_rates.status_to_check'));
		await expect(visitor.getByRole('region', { name: t('fr', 'atlas_rates.unconverted_title') }).textContent()).resolves.toContain('CHF');
		await expect(visitor.getByRole('button', { name: t('fr', 'atlas_rates.save') }).count()).resolves.toBe(0);
		await expectNoAxeViolations(visitor);
		await expectNoRawMessageKeys(visitor);
		await visitor.context().close();

		const moderator = await browser.newPage({ locale: 'ar-MA' });
		await signInAs(moderator, 'ar', 'moderator@demo.sharaka.ma');
		await moderator.goto('/ar/atlas/moderation');
		await moderator.getByRole('navigation', { name: t('ar', 'atlas_moderation.queue_title') }).getByRole('link', { name: t('ar', 'atlas_rates.nav') }).click();
		expect(new URL(moderator.url()).pathname).toBe('/ar/atlas/rates');
		await expectLanguage(moderator, 'ar');
		const form = moderator.locator('form.form');
		await form.getByLabel(t('ar', 'atlas_rates.field_currency')).fill('chf');
		await form.getByLabel(t('ar', 'atlas_rates.field_year')).fill('2019');
		// Bad input: a localised error, nothing saved.
		await form.getByLabel(t('ar', 'atlas_rates.field_per_eur')).fill('abc');
		await form.getByRole('button', { name: t('ar', 'atlas_rates.save') }).click();
		await expect(moderator.getByRole('alert').textContent()).resolves.toContain(t('ar', 'errors.field_invalid'));
		await expectNoAxeViolations(moderator);
		expect((await call('GET', '/api/v1/atlas/exchange-rates')).json.rates.some((rate: { currency: string }) => rate.currency === 'CHF')).toBe(false);
		// Checked without a source: refused too.
		await form.getByLabel(t('ar', 'atlas_rates.field_per_eur')).fill('1,08');
		await form.getByLabel(t('ar', 'atlas_rates.field_checked')).check();
		await form.getByRole('button', { name: t('ar', 'atlas_rates.save') }).click();
		await expect(moderator.getByRole('alert').textContent()).resolves.toContain(t('ar', 'errors.field_required'));
		await form.getByLabel(t('ar', 'atlas_rates.field_source')).fill('BNS, cours moyen 2019');
		await form.getByRole('button', { name: t('ar', 'atlas_rates.save') }).click();
		await expect(moderator.getByRole('status').first().textContent()).resolves.toBe(t('ar', 'atlas_rates.saved', { code: 'CHF', year: '2019', count: 1 }));
		const chf = moderator.getByRole('region', { name: t('ar', 'atlas_rates.table_caption', { code: 'CHF' }) });
		await expect(chf.textContent()).resolves.toContain('BNS, cours moyen 2019');
		await expect(chf.textContent()).resolves.not.toContain(t('ar', 'atlas_rates.status_to_check'));
		await expectNoAxeViolations(moderator);
		await expectNoRawMessageKeys(moderator);
		// A row's "change" link starts the form from that rate.
		await chf.getByRole('link', { name: new RegExp(t('ar', 'atlas_rates.edit')) }).click();
		await expect(moderator.getByLabel(t('ar', 'atlas_rates.field_per_eur')).inputValue()).resolves.toBe('1.08');
		await expect(moderator.getByLabel(t('ar', 'atlas_rates.field_checked')).isChecked()).resolves.toBe(true);
		await moderator.context().close();

		// The budget now has its EUR figure (1,080,000 CHF at 1.08 for one euro).
		const detail = await call('GET', `/api/v1/initiatives/${chfSlug}`);
		expect(detail.json.budget.eur).toBe(1_000_000);
	});

	test('the API: public list, moderators’ PUT with localised errors', async () => {
		const list = await call('GET', '/api/v1/atlas/exchange-rates');
		expect(list.status).toBe(200);
		expect(list.json.rates[0].currency).toBe('MAD');
		const forbidden = await call('PUT', '/api/v1/atlas/exchange-rates/GBP/2024', { token: partnerToken, body: { perEur: 0.85 } });
		expect(forbidden.status).toBe(403);
		const bad = await call('PUT', '/api/v1/atlas/exchange-rates/GBP/2024', { token: moderatorToken, body: { perEur: -1 }, language: 'en' });
		expect(bad.status).toBe(400);
		expect(bad.json.error.details.fields).toEqual([{ path: 'perEur', message: t('en', 'errors.field_invalid') }]);
		const created = await call('PUT', '/api/v1/atlas/exchange-rates/gbp/2024', { token: moderatorToken, body: { perEur: 0.85, source: 'ECB reference rates, 2024 average', checked: true } });
		expect(created.status, created.text).toBe(201);
		expect(created.json).toMatchObject({ created: true, rate: { currency: 'GBP', year: 2024, perEur: 0.85, checked: true } });
		const changed = await call('PUT', '/api/v1/atlas/exchange-rates/GBP/2024', { token: moderatorToken, body: { perEur: 0.86 } });
		expect(changed.status).toBe(200);
		expect(changed.json.rate).toMatchObject({ perEur: 0.86, checked: false });
	});
});

describe('documentation and wide tables', () => {
	test('the API docs list the export media types of the initiatives list', async () => {
		const page = await browser.newPage({ locale: 'en' });
		await page.goto('/api/docs');
		// the contents lead to the group's own page, at the endpoint
		await page.locator('a[href$="#getInitiatives"]').click();
		await page.waitForURL((url) => url.pathname.startsWith('/api/docs/') && url.hash === '#getInitiatives');
		const operation = page.locator('article', { has: page.locator('#getInitiatives') });
		await expect(operation.textContent()).resolves.toContain(t('en', 'api.other_content_types'));
		for (const type of ['text/csv', 'application/geo+json', 'application/xml']) await expect(operation.textContent()).resolves.toContain(type);
		await expectNoAxeViolations(page);
		await page.context().close();
	});

	test('on a narrow screen a wide table scrolls inside its named, focusable region, not the page (fr, ar)', async () => {
		for (const language of ['fr', 'ar'] as const) {
			const page = await browser.newPage({ locale: language });
			await page.setViewportSize({ width: 320, height: 700 });
			for (const [path, name] of [
				[`/${language}/atlas/initiatives/${existingSlug}`, t(language, 'atlas.history')],
				[`/${language}/atlas/rates`, t(language, 'atlas_rates.table_caption', { code: 'USD' })]
			]) {
				await page.goto(path);
				const region = page.getByRole('region', { name, exact: true });
				await expect(region.getAttribute('tabindex')).resolves.toBe('0');
				await region.focus();
				await expect(region.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
				const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
				expect(overflow, `${path}: the page itself scrolls sideways`).toBeLessThanOrEqual(0);
			}
			await expectNoAxeViolations(page);
			await page.context().close();
		}
	});
});
