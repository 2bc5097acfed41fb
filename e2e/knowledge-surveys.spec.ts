// Surveys of the Knowledge library: an editor builds a questionnaire for the sample workshop and sends its
// personal links (French, no JavaScript); participants answer through their link on a phone (French without
// JavaScript; Arabic with axe); the editor reads honest results and exports them; once closed, the public
// sees them without small counts. The seeds' evaluation survey shows its printed figures, read for consistency.
// Screenshots at 360 and 1280 px go to test-results/screenshots/.
import { describe, expect, test } from 'vitest';
import { expectPhoneWidthAndLanguageOfParts, t, useBrowser } from './harness.ts';
import { check, emailsTo, signedInAs, screenshotsFor } from './flows.ts';
import { server } from './harness.ts';

const browser = useBrowser();
const { url } = server();
const shoot = screenshotsFor('knowledge-surveys');
const slug = 'retour-sur-l-atelier-de-l-oriental';

describe('Knowledge surveys', () => {
	test('an editor builds a survey and sends its links; participants answer through them; the editor reads and exports the results; the public reads them once closed', { timeout: 240_000 }, async () => {
		const editor = await signedInAs(browser, 'moderator@demo.sharaka.ma', 'fr', false);
		await editor.goto('/fr/knowledge/surveys');
		await editor.getByRole('link', { name: t('fr', 'surveys.new_title') }).click();
		await check(editor, 'fr', false);
		const settings = editor.locator('main form.form');
		await settings.getByLabel(t('fr', 'surveys.form_title_fr'), { exact: true }).fill('Retour sur l’atelier de l’Oriental');
		await settings.getByLabel(t('fr', 'surveys.form_title_ar'), { exact: true }).fill('تقييم ورشة الشرق');
		await settings.getByLabel(t('fr', 'surveys.form_event'), { exact: true }).selectOption('exemple-atelier-mobilite-competences');
		await settings.getByLabel(t('fr', 'surveys.form_status'), { exact: true }).selectOption('published');
		await settings.getByLabel(t('fr', 'surveys.form_results_public')).check();
		await settings.getByRole('button', { name: t('fr', 'surveys.form_create') }).click();
		await editor.waitForURL((address) => address.pathname === `/fr/knowledge/surveys/${slug}/edit`);
		await expect(editor.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'surveys.created'));

		// a choice with one option only is refused, the question stays typed
		const add = editor.locator('form[action="?/add"]');
		await add.getByLabel(t('fr', 'surveys.form_label_fr'), { exact: true }).fill('Globalement, l’atelier vous a-t-il été utile ?');
		await add.getByLabel(t('fr', 'surveys.form_label_ar'), { exact: true }).fill('إجمالا، هل كانت الورشة مفيدة لكم؟');
		await add.getByLabel(t('fr', 'surveys.form_options_fr'), { exact: true }).fill('Oui');
		await add.getByLabel(t('fr', 'surveys.form_required')).check();
		await add.getByRole('button', { name: t('fr', 'surveys.form_add_question') }).click();
		await expect(editor.locator('.error-summary a').first().getAttribute('href')).resolves.toBe('#field-options_fr');
		await expect(editor.locator('form[action="?/add"]').getByLabel(t('fr', 'surveys.form_label_fr'), { exact: true }).inputValue()).resolves.toBe('Globalement, l’atelier vous a-t-il été utile ?');
		await editor.locator('form[action="?/add"]').getByLabel(t('fr', 'surveys.form_options_fr'), { exact: true }).fill('Oui\nNon');
		await editor.locator('form[action="?/add"]').getByLabel(t('fr', 'surveys.form_options_ar'), { exact: true }).fill('نعم\nلا');
		await editor.locator('form[action="?/add"]').getByRole('button', { name: t('fr', 'surveys.form_add_question') }).click();
		await expect(editor.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'surveys.question_added'));
		// a free text asked only to those who answered "Non"
		const second = editor.locator('form[action="?/add"]');
		await second.getByLabel(t('fr', 'surveys.form_kind'), { exact: true }).selectOption('text');
		await second.getByLabel(t('fr', 'surveys.form_label_fr'), { exact: true }).fill('Qu’est-ce qui a manqué ?');
		await second.getByLabel(t('fr', 'surveys.form_label_ar'), { exact: true }).fill('ما الذي كان ينقص؟');
		await second.getByLabel(t('fr', 'surveys.form_condition'), { exact: true }).selectOption({ index: 2 });
		await second.getByRole('button', { name: t('fr', 'surveys.form_add_question') }).click();
		await expect(editor.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'surveys.question_added'));
		await shoot(editor, 'builder-fr');

		// the links to the workshop's confirmed participants
		const before = server().outbox().length;
		await editor.getByRole('link', { name: /Liens personnels/ }).click();
		await check(editor, 'fr', false);
		await editor.locator('#field-participants').check();
		await editor.getByRole('button', { name: t('fr', 'surveys.invite_send') }).click();
		await expect(editor.getByRole('status').first().textContent()).resolves.toMatch(/[1-9]\d* liens? envoyés?/);
		const [toKarim] = await emailsTo('karim.exemple@example.org', before);
		const [toSalma] = await emailsTo('salma.exemple@example.org', before);
		const linkOf = (mail: typeof toKarim) => new URL(mail.links.find((href) => href.includes('/knowledge/surveys/answer/'))!).pathname;

		// Karim answers on a phone without JavaScript: the required question is asked for first
		const karim = await browser.newPage({ javaScriptEnabled: false, phone: true });
		await karim.goto(linkOf(toKarim));
		await check(karim, 'fr', false);
		await karim.getByRole('button', { name: t('fr', 'surveys.send_answers') }).click();
		await expect(karim.locator('.error-summary').textContent()).resolves.toContain(t('fr', 'surveys.error_in_question', { number: 1, message: t('fr', 'errors.field_required') }));
		await karim.getByLabel('Non', { exact: true }).check();
		await karim.getByRole('textbox').fill('Plus de temps pour les échanges.');
		await shoot(karim, 'answer-fr');
		await karim.getByRole('button', { name: t('fr', 'surveys.send_answers') }).click();
		await expect(karim.getByRole('status').textContent()).resolves.toContain(t('fr', 'surveys.thanks'));
		// the link answers once
		await karim.goto(linkOf(toKarim));
		await expect(karim.getByText(t('fr', 'surveys.already_answered')).count()).resolves.toBe(1);

		// Salma answers in Arabic, with JavaScript
		const salma = await browser.newPage({ javaScriptEnabled: true, phone: true });
		await salma.goto(linkOf(toSalma).replace('/fr/', '/ar/'));
		await check(salma, 'ar');
		// with JavaScript, "what was missing" shows only after "no"
		await expect(salma.getByRole('textbox').isVisible()).resolves.toBe(false);
		await salma.getByLabel('لا', { exact: true }).check();
		await expect(salma.getByRole('textbox').isVisible()).resolves.toBe(true);
		await salma.getByLabel('نعم', { exact: true }).check();
		await expect(salma.getByRole('textbox').isVisible()).resolves.toBe(false);
		await shoot(salma, 'answer-ar');
		await salma.getByRole('button', { name: t('ar', 'surveys.send_answers') }).click();
		await expect(salma.getByRole('status').textContent()).resolves.toContain(t('ar', 'surveys.thanks'));

		// the editor's results: every percentage with the number who answered; the raw answers as CSV
		const arabicEditor = await signedInAs(browser, 'moderator@demo.sharaka.ma', 'ar');
		await arabicEditor.goto(`/ar/knowledge/surveys/${slug}/results`);
		await check(arabicEditor, 'ar');
		await expect(arabicEditor.getByRole('main').textContent()).resolves.toContain(t('ar', 'surveys.respondents', { count: 2 }));
		await expect(arabicEditor.getByRole('main').textContent()).resolves.toContain('Plus de temps pour les échanges.');
		await shoot(arabicEditor, 'results-ar');
		const csv = await arabicEditor.request.get(url(`/fr/knowledge/surveys/${slug}/results/export?format=csv`));
		expect(csv.headers()['content-type']).toContain('text/csv');
		const rows = (await csv.text()).trim().split(/\r?\n/);
		expect(rows).toHaveLength(3);
		expect(rows[0]).toContain('Globalement, l’atelier vous a-t-il été utile ?');
		expect(rows.slice(1).join('\n')).toContain('Plus de temps pour les échanges.');
		// nobody else reads them while the survey is open
		const visitor = await browser.newPage({ javaScriptEnabled: false });
		expect((await visitor.goto(`/fr/knowledge/surveys/${slug}/results`))?.status()).toBe(404);

		// closed: the public reads them, without counts under 5 nor free texts
		await editor.goto(`/fr/knowledge/surveys/${slug}/edit`);
		await editor.getByRole('button', { name: t('fr', 'surveys.close_now') }).click();
		await expect(editor.getByRole('status').first().textContent()).resolves.toContain(t('fr', 'surveys.closed_now'));
		await visitor.goto(`/fr/knowledge/surveys/${slug}/results`);
		await check(visitor, 'fr', false);
		await expect(visitor.getByText(t('fr', 'surveys.respondents_few')).count()).resolves.toBe(2);
		await expect(visitor.getByRole('main').textContent()).resolves.not.toContain('Plus de temps pour les échanges.');
		await shoot(visitor, 'results-public-fr');
	});

	test('the seeds’ evaluation survey shows the report’s figures and what they can honestly say (fr, no JavaScript; ar, axe)', { timeout: 90_000 }, async () => {
		const visitor = await browser.newPage({ javaScriptEnabled: false, phone: true });
		await visitor.goto('/fr/knowledge/surveys');
		await visitor.getByRole('link', { name: 'Évaluation de l’événement final de SHARAKA' }).click();
		await check(visitor, 'fr', false);
		await visitor.getByRole('link', { name: t('fr', 'surveys.results_link') }).click();
		await check(visitor, 'fr', false);
		const main = await visitor.getByRole('main').textContent();
		expect(main).toContain(t('fr', 'surveys.reported_intro', { invited: 132, complete: 48 }));
		expect(main).toContain(t('fr', 'surveys.reported_fits', { count: 13 }));
		expect(main).toContain(t('fr', 'surveys.reported_fits_none'));
		expect(main).toContain(t('fr', 'surveys.reported_not_complete', { count: 48 }));
		await shoot(visitor, 'seeds-results-fr');
		const arabic = await browser.newPage({ javaScriptEnabled: true });
		// from the final event's page
		await arabic.goto('/ar/knowledge/events/evenement-final-sharaka-2017');
		await arabic.getByRole('link', { name: 'تقييم الحدث الختامي لمشروع شراكة' }).click();
		await check(arabic, 'ar');
		await expectPhoneWidthAndLanguageOfParts(arabic, 'ar');
		await arabic.goto('/ar/knowledge/surveys/evaluation-evenement-final-sharaka-2017/results');
		await check(arabic, 'ar');
		await expectPhoneWidthAndLanguageOfParts(arabic, 'ar');
		await shoot(arabic, 'seeds-results-ar');
	});

	test('a member finds a survey to answer in My space and answers it on its page, once (fr, no JavaScript); the page passes axe in Arabic', { timeout: 90_000 }, async () => {
		const member = await signedInAs(browser, 'member@demo.sharaka.ma', 'fr', false);
		await member.goto('/fr/my-space');
		await member.getByRole('link', { name: t('fr', 'surveys.space_answer') }).click();
		await member.getByRole('link', { name: 'Exemple : satisfaction des participants à l’atelier' }).click();
		await check(member, 'fr', false);
		await member.getByLabel('4', { exact: true }).check();
		await member.getByLabel('Oui', { exact: true }).check();
		await member.getByRole('button', { name: t('fr', 'surveys.send_answers') }).click();
		await expect(member.getByRole('status').textContent()).resolves.toContain(t('fr', 'surveys.thanks'));
		await member.goto('/fr/knowledge/surveys/exemple-satisfaction-atelier-mobilite');
		await expect(member.getByText(t('fr', 'surveys.already_answered')).count()).resolves.toBe(1);
		const arabic = await signedInAs(browser, 'admin@demo.sharaka.ma', 'ar');
		await arabic.goto('/ar/knowledge/surveys/exemple-satisfaction-atelier-mobilite');
		await check(arabic, 'ar');
		await shoot(arabic, 'member-form-ar');
	});
});
