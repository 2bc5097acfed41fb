// Atlas collaboration and moderation: the demo partner proposes a change in French without JavaScript,
// the demo moderator sees the field-by-field diff and approves in Arabic (axe-core), the public page
// shows the new version and its history; a stale concurrent proposal through the API gets 409.
import { beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '#platform/demo/demo.ts';
import { apiClient } from './api-client.ts';
import { emailsTo } from './flows.ts';
import { expectLanguage, expectNoAxeViolations, expectNoRawMessageKeys, server, signIn, t, useBrowser } from './harness.ts';

const browser = useBrowser();
const { url, outbox } = server();
const { call, tokenFor } = apiClient();
const stamp = Date.now();
const slug = `e2e-moderation-${stamp}`;
const title = `Maisons de la diaspora ${stamp}`;

async function signInAs(page: Page, language: 'fr' | 'ar', email: string) {
	await signIn(page, language, email, DEMO_PASSWORD);
	await page.waitForURL((address) => !address.pathname.includes('/account/sign-in'));
}

let moderatorToken: string;
let partnerToken: string;

beforeAll(async () => {
	moderatorToken = await tokenFor('moderator@demo.sharaka.ma');
	partnerToken = await tokenFor('partner@demo.sharaka.ma');
	// A moderator's new initiative is published at once (version 1).
	const created = await call('POST', '/api/v1/initiatives', {
		token: moderatorToken,
		body: {
			initiative: {
				slug,
				title: { fr: title },
				status: 'ongoing',
				regions: ['MA-02'],
				themes: ['diaspora_skills'],
				organisations: [{ organisation: 'expertise-france', role: 'implementer' }],
				sources: [{ citation: 'Document de test e2e' }]
			},
			comment: 'Création e2e'
		}
	});
	expect(created.status, created.text).toBe(201);
	expect(created.json.initiative).toMatchObject({ slug, version: 1 });
});

describe('Atlas moderation', () => {
	test('a partner proposes a change (fr, no JavaScript); the moderator sees the diff and approves (ar, axe); the public page shows version 2 and its history', { timeout: 120_000 }, async () => {
		const mailsBefore = outbox().length;

		// 1. The demo partner, without JavaScript, in French.
		const partner = await browser.newPage({ javaScriptEnabled: false, phone: true });
		await signInAs(partner, 'fr', 'partner@demo.sharaka.ma');
		await partner.goto(`/fr/atlas/initiatives/${slug}`);
		await partner.getByRole('link', { name: t('fr', 'atlas_moderation.propose_link') }).click();
		expect(new URL(partner.url()).pathname).toBe(`/fr/atlas/initiatives/${slug}/propose`);
		await expect(partner.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(t('fr', 'atlas_moderation.propose_title', { title }));
		// The form starts from the current version.
		await expect(partner.getByLabel(t('fr', 'atlas_moderation.label_in', { field: t('fr', 'atlas_moderation.field_title'), language: t('fr', 'atlas_moderation.language_fr') })).inputValue()).resolves.toBe(title);
		await partner.getByLabel(t('fr', 'atlas_moderation.field_status')).selectOption('completed');
		await partner
			.getByLabel(t('fr', 'atlas_moderation.label_in', { field: t('fr', 'atlas_moderation.field_summary'), language: t('fr', 'atlas_moderation.language_fr') }))
			.fill('Des maisons de la diaspora ouvertes dans trois provinces de l’Oriental.');
		await partner.getByLabel(t('fr', 'atlas_moderation.label_comment')).fill('Projet achevé fin 2025, selon le rapport final.');
		await partner.getByRole('button', { name: t('fr', 'atlas_moderation.action_submit_proposal') }).click();
		await expect(partner.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'atlas_moderation.proposal_sent'));
		await expectNoRawMessageKeys(partner);
		// Nothing is published yet.
		await partner.goto(`/fr/atlas/initiatives/${slug}`);
		await expect(partner.locator('.facts').first().textContent()).resolves.toContain(t('fr', 'atlas.status_ongoing'));
		await partner.context().close();

		// The moderators are told by e-mail.
		// (e-mails go through the job queue: they arrive within a few seconds)
		const [toModerator] = await emailsTo('moderator@demo.sharaka.ma', mailsBefore);
		expect(toModerator?.subject).toContain(title);
		expect(toModerator?.links.some((link) => link.includes('/atlas/moderation/proposals/'))).toBe(true);

		// 2. The demo moderator, in Arabic, with axe-core.
		const moderator = await browser.newPage({ locale: 'ar-MA', phone: true });
		await signInAs(moderator, 'ar', 'moderator@demo.sharaka.ma');
		await moderator.goto('/ar/atlas/moderation');
		await expectLanguage(moderator, 'ar');
		await expect(moderator.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(t('ar', 'atlas_moderation.queue_title'));
		await expectNoAxeViolations(moderator);
		await expectNoRawMessageKeys(moderator);
		await moderator.getByRole('link', { name: title }).click();
		expect(new URL(moderator.url()).pathname).toMatch(/^\/ar\/atlas\/moderation\/proposals\/[0-9a-f-]{36}$/);
		const diff = moderator.getByRole('table', { name: t('ar', 'atlas_moderation.review_diff_title') });
		const statusRow = diff.getByRole('row').filter({ has: moderator.getByRole('rowheader', { name: t('ar', 'atlas_moderation.field_status'), exact: true }) });
		await expect(statusRow.textContent()).resolves.toContain(t('ar', 'atlas.status_ongoing'));
		await expect(statusRow.textContent()).resolves.toContain(t('ar', 'atlas.status_completed'));
		await expect(diff.textContent()).resolves.toContain('Des maisons de la diaspora ouvertes');
		await expect(moderator.textContent('body')).resolves.toContain('Projet achevé fin 2025');
		await expectNoAxeViolations(moderator);
		await expectNoRawMessageKeys(moderator);
		await moderator.getByRole('button', { name: t('ar', 'moderation.action_approve'), exact: true }).click();
		await expect(moderator.getByRole('status').first().textContent()).resolves.toContain(t('ar', 'atlas_moderation.done_approved', { version: 2 }));
		await expectNoAxeViolations(moderator);
		await moderator.context().close();

		// The proposer is told.
		const [toPartner] = await emailsTo('partner@demo.sharaka.ma', mailsBefore);
		expect(toPartner?.subject).toContain(title);
		expect(toPartner?.links).toContain(url(`/fr/atlas/initiatives/${slug}`));

		// 3. The public page shows the new version and its history.
		const visitor = await browser.newPage();
		await visitor.goto(`/fr/atlas/initiatives/${slug}`);
		await expect(visitor.locator('.facts').first().textContent()).resolves.toContain(t('fr', 'atlas.status_completed'));
		const history = visitor.getByRole('table', { name: t('fr', 'atlas.history') });
		const rows = history.locator('tbody tr');
		await expect(rows.count()).resolves.toBe(2);
		const latest = await rows.first().textContent();
		expect(latest).toContain('Expertise France');
		expect(latest).toContain(t('fr', 'atlas_moderation.field_status'));
		expect(latest).toContain(t('fr', 'atlas_moderation.field_summary'));
		expect(latest).toContain('Projet achevé fin 2025');
		await expect(rows.nth(1).textContent()).resolves.toContain(t('fr', 'atlas_moderation.history_first'));
		// The visitor sees neither the private discussion nor the moderators' buttons.
		await expect(visitor.getByRole('heading', { name: t('fr', 'moderation.discussion_title') }).count()).resolves.toBe(0);
		await expectNoAxeViolations(visitor);
		await expectNoRawMessageKeys(visitor);
		await visitor.context().close();

		const versions = await call('GET', `/api/v1/initiatives/${slug}/versions`);
		expect(versions.json.versions.map((version: { number: number }) => version.number)).toEqual([2, 1]);
	});

	test('the API refuses a proposal without If-Match (428) and a stale one (409 with the current version)', async () => {
		const detail = await call('GET', `/api/v1/initiatives/${slug}`);
		const etag = detail.headers.get('etag')!;
		const version = Number(etag.replace(/"/g, ''));
		expect(version).toBeGreaterThanOrEqual(2);
		const body = {
			initiative: {
				title: { fr: title },
				status: 'suspended',
				regions: ['MA-02'],
				organisations: [{ organisation: 'expertise-france', role: 'implementer' }],
				sources: [{ citation: 'Document de test e2e' }]
			},
			comment: 'Suspendu'
		};
		const missing = await call('POST', `/api/v1/initiatives/${slug}/proposals`, { token: partnerToken, body });
		expect(missing.status).toBe(428);
		expect(missing.json.error.code).toBe('precondition_required');

		const stale = await call('POST', `/api/v1/initiatives/${slug}/proposals`, { token: partnerToken, body, headers: { 'if-match': '"1"' } });
		expect(stale.status).toBe(409);
		expect(stale.json.error.code).toBe('conflict');
		expect(stale.json.error.details.currentVersion).toBe(version);
		expect(stale.headers.get('etag')).toBe(etag);

		const fresh = await call('POST', `/api/v1/initiatives/${slug}/proposals`, { token: partnerToken, body, headers: { 'if-match': etag } });
		expect(fresh.status, fresh.text).toBe(201);
		const queue = await call('GET', '/api/v1/moderation/proposals?status=pending', { token: moderatorToken });
		expect(queue.json.items.map((item: { id: string }) => item.id)).toContain(fresh.json.id);
		expect((await call('GET', '/api/v1/moderation/proposals', { token: partnerToken })).status).toBe(403);
		const rejected = await call('POST', `/api/v1/moderation/proposals/${fresh.json.id}/reject`, { token: moderatorToken, body: { reason: 'Pas de source pour la suspension' } });
		expect(rejected.json.status).toBe('rejected');
		expect((await call('GET', `/api/v1/initiatives/${slug}`)).json.status).toBe('completed');
	});

	test('the partner’s form and the private discussion (ar), the moderators’ lists and a restore (fr) pass axe-core', { timeout: 120_000 }, async () => {
		const partner = await browser.newPage({ locale: 'ar-MA' });
		await signInAs(partner, 'ar', 'partner@demo.sharaka.ma');
		await partner.goto(`/ar/atlas/initiatives/${slug}/propose`);
		await expectLanguage(partner, 'ar');
		await expectNoAxeViolations(partner);
		await expectNoRawMessageKeys(partner);
		await partner.goto('/ar/atlas/initiatives/new');
		await expectNoAxeViolations(partner);
		// Private discussion on the initiative's page.
		await partner.goto(`/ar/atlas/initiatives/${slug}`);
		await partner.getByLabel(t('ar', 'moderation.discussion_label')).fill('هل تتوفرون على التقرير النهائي؟');
		await partner.getByRole('button', { name: t('ar', 'moderation.discussion_send') }).click();
		await expect(partner.getByRole('status').first().textContent()).resolves.toContain(t('ar', 'moderation.discussion_sent'));
		await expect(partner.locator('.discussion').textContent()).resolves.toContain('هل تتوفرون على التقرير النهائي؟');
		await expectNoAxeViolations(partner);
		await expectNoRawMessageKeys(partner);
		// Partners do not moderate.
		const refused = await partner.goto('/ar/atlas/moderation');
		expect(refused?.status()).toBe(403);
		await partner.context().close();

		const moderator = await browser.newPage();
		await signInAs(moderator, 'fr', 'moderator@demo.sharaka.ma');
		for (const path of ['/fr/atlas/moderation/stale', '/fr/atlas/moderation/organisations', '/fr/atlas/moderation?status=all']) {
			const response = await moderator.goto(path);
			expect(response?.status(), path).toBe(200);
			await expect(moderator.getByRole('heading', { level: 1 }).count()).resolves.toBe(1);
			await expectNoAxeViolations(moderator);
			await expectNoRawMessageKeys(moderator);
		}
		await expect(moderator.getByRole('table').textContent()).resolves.toContain(title);
		await moderator.goto('/fr/atlas/moderation/organisations');
		await expect(moderator.getByRole('table').textContent()).resolves.toContain('Expertise France');

		// Restore version 1 as a new version.
		await moderator.goto(`/fr/atlas/initiatives/${slug}`);
		await expect(moderator.locator('.discussion').textContent()).resolves.toContain('هل تتوفرون على التقرير النهائي؟');
		await moderator.getByRole('button', { name: t('fr', 'atlas_moderation.action_restore', { number: 1 }) }).click();
		await expect(moderator.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'atlas_moderation.restore_done', { number: 1, version: 3 }));
		await expect(moderator.locator('.facts').first().textContent()).resolves.toContain(t('fr', 'atlas.status_ongoing'));
		const rows = moderator.getByRole('table', { name: t('fr', 'atlas.history') }).locator('tbody tr');
		await expect(rows.count()).resolves.toBe(3);
		await expect(rows.first().textContent()).resolves.toContain(t('fr', 'atlas_moderation.restore_comment', { number: 1 }));
		await expectNoAxeViolations(moderator);
		await moderator.context().close();
	});
});
