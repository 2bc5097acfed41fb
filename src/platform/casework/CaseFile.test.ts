// The parts every caseload's file page shares: the header (notice, the messages of a form showing none of
// its own, the sections' links), the notes', appointments' and referrals' sections (each heading the target
// of its link), what a page makes of its forms' answer, and the actions a caseload's file page gets.
import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import type { Component } from 'svelte';
import { i18nContext } from '../i18n/context.ts';
import { createTranslator, translate } from '../i18n/translator.ts';
import type { Language } from '../i18n/languages.ts';
import type { Caseload } from './caseload.ts';
import { caseFileAnswer } from './case-file-answer.ts';
import { caseFilePageActions } from './casework.web.ts';
import CaseFileHeader from './CaseFileHeader.svelte';
import CaseNotes from './CaseNotes.svelte';
import CaseAppointments from './CaseAppointments.svelte';
import FileReferrals from './FileReferrals.svelte';

const show = <Props extends object>(component: Component<Props>, language: Language, props: Props) => render(component, { props, context: i18nContext(createTranslator(language)) }).body;
const sections = [
	['profile', 'Profil'],
	['notes', 'Notes privées']
] as const;
const note = { id: '11111111-1111-4111-8111-111111111111', body: 'Premier entretien', author: 'Amina', createdAt: '2027-03-01T10:00:00.000Z', mine: true, isSample: false };
const appointment = {
	id: '22222222-2222-4222-8222-222222222222',
	startsAt: '2027-03-02T10:00:00.000Z',
	mode: 'phone',
	purpose: 'Bilan',
	status: 'planned',
	staff: 'Amina',
	team: { id: 't', name: 'ANAPEC Rabat' },
	isSample: false
} as const;
const page = { file: { appointments: [appointment] }, statuses: ['planned', 'held', 'missed', 'cancelled'], modes: ['in_person', 'phone', 'video'], defaultStart: '2027-03-03T10:00' };

describe('what a file page makes of its forms’ answer', () => {
	it('names the failed form, gives its failure to that form only, and prefers the form’s notice to the address’s', () => {
		const failed = { values: { _form: 'note', body: '' }, errors: { body: 'Requis' } };
		const answer = caseFileAnswer(failed, 'note_added');
		expect(answer.name).toBe('note');
		expect(answer.of('note')).toBe(failed);
		expect(answer.of('appointment', 'need')).toBeNull();
		expect(answer.done).toBe('note_added');
		expect(caseFileAnswer({ done: 'appointment_planned' }, 'note_added').done).toBe('appointment_planned');
		expect(caseFileAnswer(null, '').failed).toBeNull();
	});
});

describe('the header of a file', () => {
	it('says what was done, in the casework’s words or the page’s own, and links each section’s heading', () => {
		const casework = show(CaseFileHeader, 'fr', { answer: caseFileAnswer({ done: 'note_added' }, ''), sectionsLabel: 'Parties du dossier', sections });
		expect(casework).toContain(translate('fr', 'casework.done_note_added'));
		expect(casework).toContain('aria-label="Parties du dossier"');
		expect(casework).toContain('href="#profile-title"');
		expect(casework).toContain('href="#notes-title"');
		const own = show(CaseFileHeader, 'ar', { answer: caseFileAnswer(null, 'assigned'), notices: { done: ['assigned'], messages: 'mobility' }, sectionsLabel: 'x', sections });
		expect(own).toContain(translate('ar', 'mobility.done_assigned'));
	});

	it('shows the messages of a form that has none of its own, and only those', () => {
		const failure = (form: string) => caseFileAnswer({ values: { _form: form }, errors: { '': 'Refusé' } }, '');
		expect(show(CaseFileHeader, 'fr', { answer: failure('delete_note'), sectionsLabel: 'x', sections })).toContain('Refusé');
		for (const form of ['note', 'appointment', 'need', 'need_update', 'document']) {
			expect(show(CaseFileHeader, 'fr', { answer: failure(form), sectionsLabel: 'x', sections })).not.toContain('Refusé');
		}
		expect(show(CaseFileHeader, 'fr', { answer: failure('assign'), ownForms: ['assign'], sectionsLabel: 'x', sections })).not.toContain('Refusé');
	});
});

describe('the sections of a file', () => {
	it('heads the notes with the module’s words, the target of their link, and keeps what was typed on a failure', () => {
		const html = show(CaseNotes, 'fr', { title: 'Notes privées', hint: 'Vues par l’agence', notes: [note], failed: { values: { _form: 'note', body: 'brouillon' }, errors: { body: 'Trop long' } } });
		expect(html).toContain('aria-labelledby="notes-title"');
		expect(html).toMatch(/<h2 id="notes-title">Notes privées<\/h2>/);
		expect(html).toContain('Vues par l’agence');
		expect(html).toContain('action="?/note"');
		expect(html).toContain('action="?/deleteNote"');
		expect(html).toContain('brouillon');
		expect(html).toContain('Trop long');
	});

	it('lists the appointments with a status form each, then the form planning one at the page’s default start', () => {
		const html = show(CaseAppointments, 'ar', { title: 'المواعيد', staffLabel: 'المستشار(ة)', page });
		expect(html).toContain('aria-labelledby="appointments-title"');
		expect(html).toContain('action="?/appointmentStatus"');
		expect(html).toContain('action="?/appointment"');
		expect(html).toContain('value="2027-03-03T10:00"');
		expect(html).toContain('المستشار(ة)');
	});

	it('offers the referral form’s link only where the page gives one (not on a closed case)', () => {
		const props = { title: 'Orientations', referLabel: 'Orienter', referrals: [], teamSide: 'l’agence', recordLabel: 'Enregistrer' };
		const open = show(FileReferrals, 'fr', { ...props, referHref: '/fr/jobs/counsellor/seekers/p/referral' });
		expect(open).toContain('aria-labelledby="referrals-title"');
		expect(open).toContain('href="/fr/jobs/counsellor/seekers/p/referral"');
		expect(show(FileReferrals, 'fr', props)).not.toContain('Orienter');
	});
});

describe('a file page’s actions', () => {
	const caseload = (needs: boolean) => ({ key: 'test.caseload', ...(needs ? { needs: { kinds: ['documents'], messages: 'mobility', audit: 'test_need' } } : {}) }) as unknown as Caseload;
	const find = async () => {
		throw new Error('not called');
	};
	const common = ['note', 'deleteNote', 'appointment', 'appointmentStatus', 'referralStatus'];

	it('are the notes’, appointments’ and referrals’, with the needs’ when the caseload keeps needs and the documents’ when the page asks', () => {
		expect(Object.keys(caseFilePageActions(caseload(false), find))).toEqual(common);
		expect(Object.keys(caseFilePageActions(caseload(true), find))).toEqual([...common, 'need', 'needUpdate']);
		expect(Object.keys(caseFilePageActions(caseload(false), find, { documents: true }))).toEqual([...common, 'document', 'deleteDocument']);
	});
});
