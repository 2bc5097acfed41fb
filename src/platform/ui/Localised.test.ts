import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import Localised from './Localised.svelte';
import { i18nContext } from '../i18n/context.ts';
import { createTranslator } from '../i18n/translator.ts';
import { pickText } from '../i18n/content-language.ts';
import type { Language } from '../i18n/languages.ts';
import { inner, tags, text } from './map/html-test-utils.ts';

const show = (page: Language, text: Record<string, string>, props: Record<string, unknown> = {}) =>
	render(Localised, { props: { text: pickText(text, page), ...props }, context: i18nContext(createTranslator(page)) }).body;

describe('content shown in its own language', () => {
	it('marks a French title on an Arabic page with lang, direction and a note in Arabic', () => {
		const html = show('ar', { fr: 'Programme PRIMO' }, { tag: 'h1' });
		const [heading] = tags(html, 'h1');
		expect(heading.attrs).toMatchObject({ lang: 'fr', dir: 'ltr' });
		expect(text(inner(html, heading))).toBe('Programme PRIMO');
		expect(text(html)).toContain('باللغة الفرنسية');
	});

	it('adds nothing to text in the page language', () => {
		const html = show('fr', { fr: 'Programme PRIMO', ar: 'برنامج بريمو' });
		expect(text(html)).toBe('Programme PRIMO');
		expect(html).not.toContain('lang=');
	});

	it('can leave the note out where the page says it once for all', () => {
		const html = show('en', { ar: 'دليل العودة' }, { note: false });
		expect(html).toContain('lang="ar" dir="rtl"');
		expect(html).not.toContain('in Arabic');
	});
});
