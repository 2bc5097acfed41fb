// The needs component: for staff each need has its own labelled form (ids unique on the page) and the form
// adding one offers the caseload's kinds; for the person the same needs are read-only, notes shown.
import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import CaseNeeds from './CaseNeeds.svelte';
import { i18nContext } from '../i18n/context.ts';
import { createTranslator } from '../i18n/translator.ts';
import type { Language } from '../i18n/languages.ts';

const needs = [
	{ id: '11111111-1111-4111-8111-111111111111', kind: 'language_course', status: 'in_progress' as const, dueOn: '2027-06-30', note: 'Goethe B2', by: 'Amina', isSample: true, updatedAt: '2027-03-01T10:00:00.000Z' },
	{ id: '22222222-2222-4222-8222-222222222222', kind: 'documents', status: 'open' as const, dueOn: null, note: '', by: 'Amina', isSample: false, updatedAt: '2027-03-01T10:00:00.000Z' }
];
const kinds = ['language_course', 'diploma_recognition', 'documents', 'other'];
const show = (language: Language, props: Record<string, unknown>) => render(CaseNeeds, { props: { needs, kinds, kindsNamespace: 'mobility', ...props }, context: i18nContext(createTranslator(language)) }).body;

describe('a file’s needs', () => {
	it('gives staff a form per need with unique, labelled fields, and the form adding one', () => {
		const html = show('fr', { statuses: ['open', 'in_progress', 'done'] });
		const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((match) => match[1]);
		expect(new Set(ids).size).toBe(ids.length);
		for (const id of ids.filter((value) => /^need-(status|due|note)-/.test(value))) expect(html).toContain(`for="${id}"`);
		expect(html.match(/action="\?\/needUpdate"/g)).toHaveLength(2);
		expect(html).toContain('action="?/need"');
		expect(html).toContain('Reconnaissance du diplôme');
		expect(html).toContain('Exemple');
	});

	it('shows the person their needs and notes, without any form, in Arabic too', () => {
		const html = show('ar', {});
		expect(html).not.toContain('<form');
		expect(html).toContain('Goethe B2');
		expect(html).toContain('دروس اللغة');
		expect(html).toContain('جارٍ');
	});

	it('titles each need one level under the page’s own heading of the list', () => {
		expect(show('fr', {}).match(/<h3[ >]/g)).toHaveLength(2);
		const nested = show('fr', { headingLevel: 4 });
		expect(nested.match(/<h4[ >]/g)).toHaveLength(2);
		expect(nested).not.toMatch(/<h3[ >]/);
	});
});
