// Matching: the demo employer opens the ranked candidates of one of their offers (French, without
// JavaScript; Arabic with axe-core) and sees pseudonymous cards of people who consented to employers
// only; the demo counsellor sees the same list with names, plus people who consented to counsellors
// (English, axe-core); nobody else sees it, through the pages or the API; the demo member finds offers
// recommended for them, with the reasons (French without JavaScript, Arabic with axe-core).
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { Language } from '#platform/i18n/languages.ts';
import { t, useBrowser } from './harness.ts';
import { check, signedInAs } from './flows.ts';

const browser = useBrowser();

const signedIn = (email: string, language: Language, javaScriptEnabled = true): Promise<Page> => signedInAs(browser, email, language, javaScriptEnabled);

/** The references of the candidates a page shows (from the cards' text). */
async function referencesOn(page: Page): Promise<string[]> {
	const text = (await page.getByRole('main').textContent()) ?? '';
	return [...new Set([...text.matchAll(/[0-9A-F]{4}-[0-9A-F]{4}/g)].map((match) => match[0]))];
}

const offerTitle = 'Manœuvre en bâtiment';

describe('matching: candidates of an offer and recommended offers', () => {
	let offerPath = '';
	let employerReferences: string[] = [];

	test('the employer sees pseudonymous, ranked and explained candidates (fr, without JavaScript)', async () => {
		const page = await signedIn('employer@demo.sharaka.ma', 'fr', false);
		await page.goto('/fr/jobs/employer');
		await page.getByRole('link', { name: `${t('fr', 'matching.link_candidates')} — ${offerTitle}`, exact: true }).first().click();
		offerPath = new URL(page.url()).pathname;
		expect(offerPath).toMatch(/^\/fr\/jobs\/employer\/offers\/[0-9a-f-]{36}\/candidates$/);
		await check(page, 'fr', false);
		await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(t('fr', 'matching.candidates_title', { title: offerTitle }));
		const main = (await page.getByRole('main').textContent()) ?? '';
		expect(main).toContain(t('fr', 'matching.candidates_intro_employer'));
		expect(main).toContain('(CITP 9313)');
		expect(main).toContain(t('fr', 'matching.why'));
		// no one's name, address or nationality
		for (const hidden of ['Hamid Ouali', 'Moussa Diallo', '@sample.sharaka.invalid', 'Guinée']) expect(main).not.toContain(hidden);
		const cards = page.getByRole('main').getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2 }) });
		expect(await cards.count()).toBeGreaterThan(1);
		const firstHeading = (await cards.first().getByRole('heading', { level: 2 }).textContent())?.trim() ?? '';
		expect(firstHeading).toMatch(/^Candidat n°\s1 — référence [0-9A-F]{4}-[0-9A-F]{4}/);
		employerReferences = await referencesOn(page);
		expect(employerReferences.length).toBeGreaterThan(1);
		await page.context().close();
	});

	test('the same list in Arabic passes axe-core', async () => {
		expect(offerPath, 'the French test found the offer').not.toBe('');
		const page = await signedIn('employer@demo.sharaka.ma', 'ar');
		await page.goto(offerPath.replace('/fr/', '/ar/'));
		await check(page, 'ar', true);
		await expect(page.getByRole('main').textContent()).resolves.toContain(t('ar', 'matching.why'));
		await page.context().close();
	});

	test('a counsellor sees names, and the people who consented to counsellors only (en, axe-core)', async () => {
		const page = await signedIn('counsellor@demo.sharaka.ma', 'en');
		const counsellorPath = offerPath.replace('/fr/jobs/employer/', '/en/jobs/counsellor/');
		await page.goto(counsellorPath);
		await check(page, 'en', true);
		const main = (await page.getByRole('main').textContent()) ?? '';
		expect(main).toContain(t('en', 'matching.candidates_intro_counsellor'));
		expect(main).toContain('Hamid Ouali (exemple)');
		// consented to counsellors only: listed here, never for the employer
		const cheikh = page.getByRole('listitem').filter({ hasText: 'Cheikh Mbaye (exemple)' });
		await expect(cheikh.count()).resolves.toBe(1);
		const [cheikhReference] = [...((await cheikh.textContent()) ?? '').matchAll(/[0-9A-F]{4}-[0-9A-F]{4}/g)].map((match) => match[0]);
		expect(employerReferences).not.toContain(cheikhReference);
		const hamid = page.getByRole('listitem').filter({ hasText: 'Hamid Ouali (exemple)' });
		const [hamidReference] = [...((await hamid.textContent()) ?? '').matchAll(/[0-9A-F]{4}-[0-9A-F]{4}/g)].map((match) => match[0]);
		expect(employerReferences).toContain(hamidReference);
		// the employer's page is not the counsellor's
		expect((await page.goto(offerPath))?.status()).toBe(403);
		await page.context().close();
	});

	test('nobody else sees candidates, through the pages or the API', async () => {
		const offerId = offerPath.split('/')[5];
		const apiPath = `/api/v1/job-offers/${offerId}/candidates`;

		const employer = await signedIn('employer@demo.sharaka.ma', 'fr');
		const own = await employer.request.get(apiPath);
		expect(own.status()).toBe(200);
		const body = (await own.json()) as { items: { person: unknown; reference: string }[] };
		expect(body.items.every((item) => item.person === null)).toBe(true);
		// an offer of another employer
		const search = (await (await employer.request.get(`/api/v1/job-offers?q=${encodeURIComponent('Téléconseiller francophone')}`)).json()) as { items: { id: string }[] };
		const othersOffer = search.items[0].id;
		expect((await employer.goto(`/fr/jobs/employer/offers/${othersOffer}/candidates`))?.status()).toBe(404);
		expect((await employer.request.get(`/api/v1/job-offers/${othersOffer}/candidates`)).status()).toBe(404);
		await employer.context().close();

		// a partner who is not this employer
		const partner = await signedIn('partner@demo.sharaka.ma', 'fr');
		expect((await partner.goto(offerPath))?.status()).toBe(404);
		expect((await partner.request.get(apiPath)).status()).toBe(404);
		await partner.context().close();

		// a job seeker
		const member = await signedIn('member@demo.sharaka.ma', 'fr');
		expect((await member.goto(offerPath))?.status()).toBe(403);
		expect((await member.goto(offerPath.replace('/employer/', '/counsellor/')))?.status()).toBe(403);
		expect((await member.request.get(apiPath)).status()).toBe(403);
		await member.context().close();
	});

	for (const { language, javaScriptEnabled } of [
		{ language: 'fr' as const, javaScriptEnabled: false },
		{ language: 'ar' as const, javaScriptEnabled: true }
	]) {
		test(`the demo member finds offers recommended for them (${language}${javaScriptEnabled ? ', axe-core' : ', without JavaScript'})`, async () => {
			const page = await signedIn('member@demo.sharaka.ma', language, javaScriptEnabled);
			await page.goto(`/${language}/jobs/profile`);
			await page.getByRole('navigation', { name: t(language, 'seekers.space_nav') }).getByRole('link', { name: t(language, 'matching.nav_recommended'), exact: true }).click();
			expect(new URL(page.url()).pathname).toBe(`/${language}/jobs/profile/recommended`);
			await check(page, language, javaScriptEnabled);
			await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(t(language, 'matching.recommended_title'));
			const first = page.getByRole('main').getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2 }) }).first();
			await expect(first.textContent()).resolves.toContain(language === 'fr' ? "Même métier\u00a0: Employés de centre d'appel (CITP 4222)" : '(التصنيف الدولي 4222)');
			await first.getByRole('heading', { level: 2 }).getByRole('link').click();
			expect(new URL(page.url()).pathname).toMatch(new RegExp(`^/${language}/jobs/offers/[0-9a-f-]{36}$`));
			const api = await page.request.get('/api/v1/me/recommended-offers');
			expect(api.status()).toBe(200);
			const body = (await api.json()) as { profile: boolean; items: { score: number }[] };
			expect(body.profile).toBe(true);
			expect(body.items.length).toBeGreaterThan(2);
			await page.context().close();
		});
	}
});
