import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import PageTitle from './PageTitle.svelte';
import { i18nContext } from '../i18n/context.ts';
import { createTranslator } from '../i18n/translator.ts';
import type { Language } from '../i18n/languages.ts';
import { inner, tags, text } from './map/html-test-utils.ts';

const offerTitle = 'Infirmière / infirmier en soins généraux';
/** the page's h1 for translated words around an offer's title written in `lang` */
const heading = (page: Language, title: string, lang: string | undefined) => {
	const html = render(PageTitle, { props: { title, part: { text: offerTitle, lang } }, context: i18nContext(createTranslator(page)) }).body;
	const [h1] = tags(html, 'h1');
	return inner(html, h1);
};

describe('a page heading with people’s content inside translated words', () => {
	it('sets a French offer title apart in French on an Arabic page, the words around it staying Arabic', () => {
		const title = `عرض في الخارج: ${offerTitle}`;
		const html = heading('ar', title, 'fr');
		const [part] = tags(html, 'span');
		expect(part.attrs).toMatchObject({ lang: 'fr', dir: 'ltr' });
		expect(text(inner(html, part))).toBe(offerTitle);
		expect(text(html)).toBe(title);
	});

	it('adds nothing when the title is in the page’s language', () => {
		const title = `Offre à l’étranger : ${offerTitle}`;
		const html = heading('fr', title, 'fr');
		expect(html).not.toContain('lang=');
		expect(text(html)).toBe(title);
	});

	it('isolates content whose language is not known (an employer’s offer title) in a <bdi>', () => {
		const title = `الترشح لـ: ${offerTitle}`;
		const html = heading('ar', title, undefined);
		const [part] = tags(html, 'bdi');
		expect(text(inner(html, part))).toBe(offerTitle);
		expect(text(html)).toBe(title);
	});
});
