// Issue #17: partners enter Morocco's share and the other countries' shares in the proposal form (no
// JavaScript), checked by the same rules as the API, with a localised message on the field at fault.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import { aPerson, contextFor } from '../../../platform/testing/people.ts';
import type { Actor } from '../../../platform/policy/policy.ts';
import { moderationProposal } from '../../../platform/moderation/moderation.table.ts';
import { translate } from '../../../platform/i18n/translator.ts';
import { proposeNewInitiative } from './moderation.service.ts';
import { readProposalForm } from './proposal-organisations.ts';
import { formFromInitiative, proposalFailure } from './proposal-form.ts';

let app: TestApp;
let partner: Actor;

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	partner = (await aPerson(app.database.db, { email: 'partner@shares.test', role: 'partner', organisationSlugs: ['expertise-france'] })).actor;
});
afterAll(async () => app?.close());

function form(fields: Record<string, string | string[]>): FormData {
	const data = new FormData();
	for (const [key, value] of Object.entries(fields)) for (const one of Array.isArray(value) ? value : [value]) data.append(key, one);
	return data;
}

const base = {
	title_fr: 'Partenariat régional pour la mobilité, test des parts',
	status: 'ongoing',
	themes: 'legal_migration',
	countries: ['TN', 'SN'],
	'sources.0.citation': 'Fiche du bailleur, 2024'
};

async function submit(language: 'fr' | 'ar', fields: Record<string, string | string[]>) {
	const ctx = contextFor(app.database.db, partner, { language });
	const read = await readProposalForm(ctx, form(fields));
	if (read.answer) throw new Error('the form was not read');
	try {
		return { ok: await proposeNewInitiative(ctx, read.initiative), errors: null };
	} catch (failure) {
		const answer = proposalFailure(language, failure, read.values) as unknown as { status: number; data: { errors: Record<string, string> } };
		return { ok: null, status: answer.status, errors: answer.data.errors };
	}
}

describe('shares in the partner form', () => {
	it('keeps Morocco’s share and the other countries’ percentages as the source gives them', async () => {
		const sent = await submit('fr', {
			...base,
			moroccoShare: '40',
			'countryShares.0.country': 'TN',
			'countryShares.0.percentage': '35,5',
			'countryShares.1.country': 'SN',
			'countryShares.1.percentage': '24.5'
		});
		expect(sent.errors).toBeNull();
		const [proposal] = await app.database.db.select().from(moderationProposal).where(eq(moderationProposal.id, sent.ok!.proposal!.id));
		const data = proposal.data as { moroccoShare: number; countryShares: { country: string; percentage: number }[] };
		expect(data.moroccoShare).toBe(40);
		expect(data.countryShares).toEqual([
			{ country: 'TN', percentage: 35.5 },
			{ country: 'SN', percentage: 24.5 }
		]);
		// and back into the form, to propose a change later
		const again = formFromInitiative(data as never);
		expect([again.moroccoShare, again['countryShares.0.country'], again['countryShares.0.percentage']]).toEqual(['40', 'TN', '35.5']);
	});

	it('refuses what the API refuses, with a message on the field at fault, in the page’s language', async () => {
		const before = (await app.database.db.select().from(moderationProposal)).length;
		const notNumber = await submit('fr', { ...base, moroccoShare: 'quarante' });
		expect(notNumber.status).toBe(400);
		expect(Object.keys(notNumber.errors!)).toEqual(['moroccoShare']);

		const notListed = await submit('ar', { ...base, moroccoShare: '40', 'countryShares.0.country': 'EG', 'countryShares.0.percentage': '10' });
		// the row by its number, the column by its label, and what to do (issue #17 rule 18)
		expect(notListed.errors!['countryShares.0.country']).toBe(
			translate('ar', 'atlas_entry.row_cell', {
				row: translate('ar', 'atlas_shares.row_country_share', { n: 1 }),
				column: translate('ar', 'atlas_moderation.col_country'),
				problem: translate('ar', 'atlas_entry.problem_share_country')
			})
		);

		const tooMuch = await submit('fr', { ...base, moroccoShare: '70', 'countryShares.0.country': 'TN', 'countryShares.0.percentage': '50' });
		expect(tooMuch.errors!.moroccoShare).toBe('Part du Maroc (%)\u00a0: avec la part du Maroc, les parts dépassent 100\u00a0% au total.');
		// a share that is no number: the field and the format expected
		expect(notNumber.errors!.moroccoShare).toBe('Part du Maroc (%)\u00a0: écrivez un pourcentage entre 0 et 100, par exemple 40 ou 12,5.');

		const zero = await submit('fr', { ...base, moroccoShare: '0' });
		expect(Object.keys(zero.errors!)).toEqual(['moroccoShare']);
		expect((await app.database.db.select().from(moderationProposal)).length).toBe(before);
	});

	it('computes the planned end from a duration in months; refuses a duration without a start or not a whole number (rule 18)', async () => {
		const ok = await submit('fr', { ...base, plannedStart: '2021-04-01', durationMonths: '48', targetGroups: ['third_country_nationals', 'youth_international_mobility'] });
		expect(ok.errors).toBeNull();
		const [proposal] = await app.database.db.select().from(moderationProposal).where(eq(moderationProposal.id, ok.ok!.proposal!.id));
		expect(proposal.data).toMatchObject({ plannedStart: '2021-04-01', plannedEnd: '2025-03-31', targetGroups: ['third_country_nationals', 'youth_international_mobility'] });

		const ctx = contextFor(app.database.db, partner, { language: 'en' });
		const noStart = await readProposalForm(ctx, form({ ...base, durationMonths: '48' }));
		expect((noStart.answer as unknown as { data: { errors: Record<string, string> } }).data.errors.durationMonths).toBe(translate('en', 'atlas_shares.duration_needs_start'));
		const words = await readProposalForm(ctx, form({ ...base, plannedStart: '2021-04-01', durationMonths: 'four years' }));
		expect((words.answer as unknown as { data: { errors: Record<string, string> } }).data.errors.durationMonths).toBe(translate('en', 'errors.field_invalid'));
	});
});
