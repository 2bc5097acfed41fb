// Talents: a network's news items on their own pages, with a picture (issue 11). A coordinator (the demo
// administrator) publishes an announcement with a picture in French without JavaScript — a first try without the
// picture's Arabic description is refused with its error summary —; the news list links to the item's page, which
// shows the picture with its description, its width and height, and NewsArticle JSON-LD; the picture is served made
// again (WebP, no metadata) and the list shows its small version; the API and the Atom feed name the page and the
// picture. In Arabic the item's page, the list and the coordinators' page pass axe-core and the 320 px check. Screenshots: test-results/screenshots/talents-news-*.
import { describe, expect, test } from 'vitest';
import { expectPhoneWidthAndLanguageOfParts, server, t, useBrowser } from './harness.ts';
import { check, screenshotsFor, signedInAs } from './flows.ts';
import { aPicture } from '#platform/testing/images.ts';
import { checkImage } from '#platform/storage/image-check.ts';

const browser = useBrowser();
// digits: a Latin word in an Arabic title would be text in another language
const stamp = String(Date.now()).slice(-7);
const shoot = screenshotsFor('talents-news');
const NETWORK = 'exemple-numerique';
const TITLE_FR = `Visite du technopôle d’Oujda ${stamp}`;
const TITLE_AR = `زيارة القطب التكنولوجي بوجدة ${stamp}`;
const ALT_FR = 'Une vingtaine de membres du réseau devant le bâtiment du technopôle';
const ALT_AR = 'حوالي عشرين عضوا من الشبكة أمام بناية القطب التكنولوجي';

describe('Talents network news', () => {
	let itemPath = '';

	test('a coordinator publishes an announcement with a picture (fr, no JavaScript); its own page shows it', { timeout: 180_000 }, async () => {
		const picture = await aPicture(1200, 675);
		const coordinator = await signedInAs(browser, 'admin@demo.sharaka.ma', 'fr', false);
		await coordinator.goto(`/fr/talents/networks/${NETWORK}/announcements`);
		await check(coordinator, 'fr', false);
		const form = coordinator.locator('form[action="?/send"]');
		const fill = async () => {
			await form.locator('fieldset[lang="fr"]').getByLabel(t('fr', 'talents.field_subject')).fill(TITLE_FR);
			await form.locator('fieldset[lang="fr"]').getByLabel(t('fr', 'talents.field_body')).fill('Vingt membres du réseau ont visité le technopôle et rencontré trois jeunes entreprises.');
			await form.locator('fieldset[lang="ar"]').getByLabel(t('fr', 'talents.field_subject')).fill(TITLE_AR);
			await form.locator('fieldset[lang="ar"]').getByLabel(t('fr', 'talents.field_body')).fill('زار عشرون عضوا من الشبكة القطب التكنولوجي والتقوا بثلاث مقاولات ناشئة.');
			await form.getByLabel(t('fr', 'network_news.image_label')).setInputFiles({ name: 'technopole.png', mimeType: 'image/png', buffer: picture });
			await form.getByLabel(t('fr', 'network_news.image_alt_fr')).fill(ALT_FR);
			await form.getByLabel(t('fr', 'network_news.publish_label')).check();
		};
		// without the picture's description in Arabic, a language the announcement is written in: refused, nothing sent
		await fill();
		await form.getByRole('button', { name: t('fr', 'talents.announcement_send') }).click();
		await coordinator.locator('.error-summary').first().waitFor();
		await expect(coordinator.locator('.error-summary a[href="#field-image_alt_ar"]').textContent()).resolves.toBe(t('fr', 'network_news.image_alt_required', { language: 'arabe' }));
		await expect(coordinator.getByLabel(t('fr', 'network_news.image_alt_fr')).inputValue()).resolves.toBe(ALT_FR);
		await shoot(coordinator, 'announcement-errors-fr');
		// the picture is chosen again (a form sent back does not keep a file), with both descriptions
		const again = coordinator.locator('form[action="?/send"]');
		await again.getByLabel(t('fr', 'network_news.image_label')).setInputFiles({ name: 'technopole.png', mimeType: 'image/png', buffer: picture });
		await again.getByLabel(t('fr', 'network_news.image_alt_ar')).fill(ALT_AR);
		await again.getByLabel(t('fr', 'network_news.publish_label')).check();
		await again.getByRole('button', { name: t('fr', 'talents.announcement_send') }).click();
		await coordinator.getByRole('status').first().waitFor();
		await expect(coordinator.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'talents.done_announcement_sent'));
		expect(await coordinator.locator('.past > li', { hasText: TITLE_FR }).textContent()).toMatch(/1\D?200 × 675 px/);

		// the public news list links to the item's own page
		const visitor = await browser.newPage({ javaScriptEnabled: false, locale: 'fr' });
		await visitor.goto(`/fr/talents/networks/${NETWORK}/news`);
		await check(visitor, 'fr', false);
		// the list shows the picture's small version (480 px wide), its description being on the item's page
		const listed = visitor.locator('.news > li', { hasText: TITLE_FR });
		const thumbnail = listed.locator('img.news-thumb');
		await expect(thumbnail.getAttribute('width')).resolves.toBe('480');
		await expect(thumbnail.getAttribute('height')).resolves.toBe('270');
		expect(checkImage(await (await visitor.request.get((await thumbnail.getAttribute('src'))!)).body())).toMatchObject({ format: 'webp', width: 480 });
		await shoot(visitor, 'list-fr');
		await visitor.getByRole('link', { name: TITLE_FR }).click();
		await check(visitor, 'fr', false);
		itemPath = new URL(visitor.url()).pathname.replace(/^\/fr/, '');
		expect(itemPath).toMatch(new RegExp(`^/talents/networks/${NETWORK}/news/[0-9a-f-]{36}$`));
		const image = visitor.getByRole('img', { name: ALT_FR });
		await expect(image.getAttribute('width')).resolves.toBe('1200');
		await expect(image.getAttribute('height')).resolves.toBe('675');
		const jsonLd = JSON.parse((await visitor.locator('script[type="application/ld+json"]').textContent())!);
		expect(jsonLd).toMatchObject({ '@type': 'NewsArticle', headline: TITLE_FR, inLanguage: 'fr', image: { width: 1200, height: 675, caption: ALT_FR } });
		// the picture itself: made again (WebP, as wide as sent since under 1,600 pixels, no metadata), cached
		const served = await visitor.request.get((await image.getAttribute('src'))!);
		expect(served.status()).toBe(200);
		expect(served.headers()['content-type']).toBe('image/webp');
		expect(served.headers()['cache-control']).toBe('public, max-age=86400');
		expect(checkImage(await served.body())).toEqual({ format: 'webp', width: 1200, height: 675, animated: false });
		await shoot(visitor, 'item-fr');

		// the API and the feed name the item's page and its picture
		const news = await (await visitor.request.get(`/api/v1/talents/networks/${NETWORK}/news?lang=ar`)).json();
		const item = news.items.find((entry: { title: { fr?: string } }) => entry.title.fr === TITLE_FR);
		expect(item).toMatchObject({ url: server().url(`/ar${itemPath}`), image: { type: 'image/webp', width: 1200, height: 675, alt: { fr: ALT_FR, ar: ALT_AR }, small: { type: 'image/webp', width: 480, height: 270 } } });
		const feed = await (await visitor.request.get(`/fr/talents/networks/${NETWORK}/news/feed`)).text();
		expect(feed).toContain(`href="${server().url(`/fr${itemPath}`)}"`);
		expect(feed).toContain('rel="enclosure" type="image/webp"');
	});

	test('the news item, the list and the coordinators’ page in Arabic (axe, 320 px)', { timeout: 120_000 }, async () => {
		expect(itemPath).not.toBe('');
		const visitor = await browser.newPage({ locale: 'ar', phone: true });
		await visitor.goto(`/ar${itemPath}`);
		await check(visitor, 'ar');
		await expect(visitor.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(TITLE_AR);
		// described in the language the text is shown in
		await expect(visitor.getByRole('img', { name: ALT_AR }).count()).resolves.toBe(1);
		await expectPhoneWidthAndLanguageOfParts(visitor, 'ar');
		await shoot(visitor, 'item-ar');
		await visitor.goto(`/ar/talents/networks/${NETWORK}/news`);
		await check(visitor, 'ar');
		await expect(visitor.getByRole('link', { name: TITLE_AR }).getAttribute('href')).resolves.toBe(`/ar${itemPath}`);
		await expectPhoneWidthAndLanguageOfParts(visitor, 'ar');
		await shoot(visitor, 'list-ar');
		// the demo's health network: its caravan in Figuig has a picture drawn for the demo, shown small in the list
		await visitor.goto('/ar/talents/networks/exemple-sante/news');
		await check(visitor, 'ar');
		await expect(visitor.locator('img.news-thumb').count()).resolves.toBe(1);
		await expectPhoneWidthAndLanguageOfParts(visitor, 'ar');
		await shoot(visitor, 'demo-list-ar');

		const coordinator = await signedInAs(browser, 'admin@demo.sharaka.ma', 'ar');
		await coordinator.goto(`/ar/talents/networks/${NETWORK}/announcements`);
		await check(coordinator, 'ar');
		await expectPhoneWidthAndLanguageOfParts(coordinator, 'ar');
		await shoot(coordinator, 'announcements-ar');
	});
});
