// The appointments table: the person reads theirs on a phone as blocks, each cell under its column's name, the
// mode in their language; the staff's table keeps a status form per row and stays a table.
import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import AppointmentsTable from './AppointmentsTable.svelte';
import { i18nContext } from '../i18n/context.ts';
import { createTranslator } from '../i18n/translator.ts';
import type { Language } from '../i18n/languages.ts';

const appointments = [
	{ id: '11111111-1111-4111-8111-111111111111', startsAt: '2027-03-03T09:00:00.000Z', mode: 'video' as const, purpose: 'Préparer l’entretien', status: 'planned' as const, staff: 'Amina Conseillère', team: { id: 'team', name: 'ANAPEC' } },
	{ id: '22222222-2222-4222-8222-222222222222', startsAt: '2027-03-10T09:00:00.000Z', mode: 'in_person' as const, purpose: 'Dossier', status: 'held' as const, staff: 'Amina Conseillère', team: { id: 'team', name: 'ANAPEC' } }
];
const show = (language: Language, props: Record<string, unknown> = {}) =>
	render(AppointmentsTable, { props: { appointments, staffLabel: language === 'ar' ? 'المستشار' : 'Conseiller·ère', ...props }, context: i18nContext(createTranslator(language)) }).body;

describe('a person’s appointments', () => {
	it('gives the person blocks on a phone, each cell under its column’s name, the mode in their language', () => {
		const html = show('ar');
		expect(html).toContain('class="table-stack"');
		expect(html).not.toContain('<form');
		for (const label of ['الطريقة', 'الموضوع', 'المستشار']) expect(html).toContain(`data-label="${label}"`);
		expect(html).toContain('عبر الفيديو');
		// an appointment in person names the team it is held at
		expect(html).toContain('ANAPEC');
	});

	it('keeps the staff’s table, with a status form per appointment', () => {
		const html = show('fr', { statuses: ['planned', 'held', 'missed', 'cancelled'] });
		expect(html).not.toContain('table-stack');
		expect(html.match(/action="\?\/appointmentStatus"/g)).toHaveLength(2);
		expect(html).toContain('En visioconférence');
	});
});
