import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import { aPerson, contextFor } from '../../../platform/testing/people.ts';
import { organisation } from '../../../platform/accounts/accounts.table.ts';
import { auditEvent } from '../../../platform/audit/audit-event.table.ts';
import type { Actor } from '../../../platform/policy/policy.ts';
import { loadProposalChoices, readProposalForm } from './proposal-organisations.ts';
import { formFromInitiative } from './proposal-form.ts';

let app: TestApp;
let partner: Actor;
let moderator: Actor;

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	partner = (await aPerson(app.database.db, { email: 'partner@test.ma', role: 'partner', organisationSlugs: ['expertise-france'] })).actor;
	moderator = (await aPerson(app.database.db, { email: 'moderator@test.ma', role: 'moderator', organisationSlugs: ['mdcmre'] })).actor;
});
afterAll(async () => app?.close());

/** The form as a browser sends it: a new initiative with these organisation rows. */
function sent(organisations: Record<string, string>[], over: Record<string, string> = {}) {
	const data = new FormData();
	const fields: Record<string, string> = { title_fr: 'Accueil des migrants à Oujda', status: 'ongoing', 'sources.0.citation': 'Rapport 2025', ...over };
	for (const [key, value] of Object.entries(fields)) data.append(key, value);
	data.append('regions', 'MA-02');
	organisations.forEach((row, position) => {
		for (const [key, value] of Object.entries(row)) data.append(`organisations.${position}.${key}`, value);
	});
	return data;
}

describe('the organisations of the proposal form', () => {
	it('says every refused cell at once with its row by number and the format expected, in the page’s language (issue #17 rule 18)', async () => {
		const form = await readProposalForm(
			contextFor(app.database.db, partner, { language: 'en' }),
			sent(
				[
					{ organisation: 'GIZ', role: 'funder', amount: '1,000,000.5.2', currency: 'EUR', secondAmount: '10 900 000', secondCurrency: 'MAD' },
					{ organisation: 'Nowhere Foundation', role: 'implementer' }
				],
				{ 'yearlyAmounts.0.organisation': 'GIZ', 'yearlyAmounts.0.year': '21', 'yearlyAmounts.0.amount': '400000', 'yearlyAmounts.0.currency': 'EUR', plannedStart: 'spring 2021' }
			)
		);
		const errors = (form.answer as unknown as { data: { errors: Record<string, string> } }).data.errors;
		expect(errors).toEqual({
			'organisations.1.organisation':
				'Organisation 2, Organisation (name or acronym): “Nowhere Foundation” is not in the Atlas’s list. Check the spelling or choose a suggestion; if the organisation is not there yet, tick “propose it”.',
			'organisations.0.amount': 'Organisation 1, Amount: write a positive amount in figures, without a currency, e.g. 250000 or 250 000.50.',
			'yearlyAmounts.0.year': 'Yearly amount 1, Year: write a four-digit year, e.g. 2021.',
			plannedStart: 'Planned start: write a date as DD/MM/YYYY, or MM/YYYY when only the month is known (e.g. 15/04/2021 or 04/2021).'
		});
		// nothing created for a form refused
		expect(await app.database.db.select().from(organisation).where(eq(organisation.name, 'Nowhere Foundation'))).toEqual([]);
	});

	it('offers the published organisations by name and acronym, and shows a version’s slugs as names', async () => {
		const choices = await loadProposalChoices(app.database.db, 'fr');
		const giz = choices.organisations.find((entry) => entry.slug === 'giz');
		expect(giz?.label).toBe('Deutsche Gesellschaft für Internationale Zusammenarbeit (GIZ)');
		expect(choices.currencies.map((currency) => currency.value)).toEqual(expect.arrayContaining(['MAD', 'EUR', 'USD']));
		expect(formFromInitiative({ organisations: [{ organisation: 'giz', role: 'funder', amount: 5, currency: 'EUR' }] })).toMatchObject({
			'organisations.0.organisation': 'giz',
			'organisations.0.role': 'funder',
			'organisations.0.amount': '5'
		});
	});

	it('knows an organisation by the suggested label, its acronym or its name without accents, row by row', async () => {
		const form = await readProposalForm(contextFor(app.database.db, partner), sent([
			{ organisation: 'Deutsche Gesellschaft für Internationale Zusammenarbeit (GIZ)', role: 'funder', amount: '250 000', currency: 'EUR' },
			{ organisation: '', role: '', amount: '', currency: '' },
			{ organisation: 'giz', role: 'implementer' }
		]));
		expect(form.answer).toBeNull();
		if (form.answer) return;
		expect(form.initiative.organisations).toEqual([
			{ organisation: 'giz', role: 'funder', amount: 250000, currency: 'EUR' },
			{ organisation: 'giz', role: 'implementer', amount: null, currency: null }
		]);
	});

	it('refuses a name it does not know, on its row, and creates nothing', async () => {
		const form = await readProposalForm(contextFor(app.database.db, partner), sent([{ organisation: 'Association Nouvelle Rive', role: 'implementer' }]));
		expect(form.answer && 'status' in form.answer ? form.answer.status : null).toBe(400);
		const errors = form.answer && 'data' in form.answer ? form.answer.data.errors : {};
		expect(errors['organisations.0.organisation']).toContain('Association Nouvelle Rive');
		expect(await app.database.db.select().from(organisation).where(eq(organisation.name, 'Association Nouvelle Rive'))).toHaveLength(0);
	});

	it('creates one "not listed yet" pending (not public) for a partner, attributed, and finds it again next time', async () => {
		const form = await readProposalForm(contextFor(app.database.db, partner), sent([{ organisation: 'Association Nouvelle Rive (ANR)', role: 'implementer', propose: 'on' }]));
		expect(form.answer).toBeNull();
		if (form.answer) return;
		const [created] = await app.database.db.select().from(organisation).where(eq(organisation.name, 'Association Nouvelle Rive'));
		expect(created).toMatchObject({ acronym: 'ANR', status: 'pending' });
		expect(form.initiative.organisations).toEqual([{ organisation: created.slug, role: 'implementer', amount: null, currency: null }]);
		expect(await app.database.db.select().from(auditEvent).where(and(eq(auditEvent.action, 'organisation.create'), eq(auditEvent.resourceId, created.id)))).toHaveLength(1);
		// Not offered to others while pending, but the next proposal naming it does not create it twice.
		const offered = (await loadProposalChoices(app.database.db, 'fr')).organisations.find((entry) => entry.slug === created.slug);
		expect(offered).toMatchObject({ label: 'Association Nouvelle Rive (ANR)', listed: false });
		const again = await readProposalForm(contextFor(app.database.db, partner), sent([{ organisation: 'ANR', role: 'partner' }]));
		expect(again.answer === null && again.initiative.organisations).toEqual([{ organisation: created.slug, role: 'partner', amount: null, currency: null }]);
	});

	it('creates nothing for a form that will be refused anyway; a moderator’s new organisation is public at once', async () => {
		const refused = await readProposalForm(contextFor(app.database.db, partner), sent([{ organisation: 'Collectif Sans Titre', role: 'partner', propose: 'on' }], { title_fr: '', status: 'unknown-status' }));
		expect(refused.answer).toBeNull();
		expect(await app.database.db.select().from(organisation).where(eq(organisation.name, 'Collectif Sans Titre'))).toHaveLength(0);

		const form = await readProposalForm(contextFor(app.database.db, moderator), sent([{ organisation: 'Réseau Marocain des Diasporas', role: 'partner', propose: 'on' }]));
		expect(form.answer).toBeNull();
		const [created] = await app.database.db.select().from(organisation).where(eq(organisation.name, 'Réseau Marocain des Diasporas'));
		expect(created.status).toBe('active');
	});

	it('answers "add a row" with the form as it was and one blank row more, saving nothing', async () => {
		const data = sent([{ organisation: 'GIZ', role: 'funder' }, { organisation: '', role: '' }]);
		data.append('addRow', 'organisations');
		const form = await readProposalForm(contextFor(app.database.db, partner), data);
		const values = form.answer && !('status' in form.answer) ? form.answer.values : {};
		expect(values['organisations.0.organisation']).toBe('GIZ');
		expect(values['organisations.2.organisation']).toBe('');
		expect(values.title_fr).toBe('Accueil des migrants à Oujda');
		expect(values.addRow).toBeUndefined();
	});
});
