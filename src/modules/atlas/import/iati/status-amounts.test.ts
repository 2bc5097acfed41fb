// Issue #17: rule 8 (every IATI activity status mapped, "cancelled" kept as such through export and
// re-import) and rule 4's decimals (".5" is a valid xsd:decimal amount).
import { describe, expect, it } from 'vitest';
import { translate } from '../../../../platform/i18n/translator.ts';
import { iatiToStatus, statusToIati } from '../../export/iati/codes.ts';
import { initiativeStatuses } from '../../atlas.model.ts';
import { parseIatiFile } from './parse.ts';

async function* chunks(text: string) {
	yield new TextEncoder().encode(text);
}
const parse = (text: string) => parseIatiFile(chunks(text), { maxBytes: 1024 * 1024, maxActivities: 100 });
const activity = (id: string, body: string) =>
	`<iati-activity xml:lang="fr" default-currency="EUR"><iati-identifier>XM-TEST-${id}</iati-identifier>` +
	`<title><narrative>Activité ${id}</narrative></title><recipient-country code="MA"/>${body}</iati-activity>`;
const file = (activities: string) => `<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="2.03">${activities}</iati-activities>`;

describe('IATI activity status', () => {
	it('maps every IATI status; 5 Cancelled is "cancelled", not "suspended"', async () => {
		const parsed = await parse(file(['1', '2', '3', '4', '5', '6'].map((code) => activity(`S${code}`, `<activity-status code="${code}"/>`)).join('')));
		expect(parsed.activities.map((entry) => entry.activity!.input.status)).toEqual(['planned', 'ongoing', 'completed', 'completed', 'cancelled', 'suspended']);
	});

	it('exports each Atlas status to an IATI code that re-imports as the same status', () => {
		for (const status of initiativeStatuses) expect(iatiToStatus[statusToIati[status]], status).toBe(status);
		expect(statusToIati.cancelled).toBe('5');
	});

	it('labels "cancelled" in the three languages', () => {
		expect(translate('fr', 'atlas.status_cancelled')).toBe('Annulée');
		expect(translate('en', 'atlas.status_cancelled')).toBe('Cancelled');
		expect(translate('ar', 'atlas.status_cancelled')).toBe('ملغاة');
	});
});

describe('IATI amounts', () => {
	it('accepts valid decimals such as ".5" and "+1000."', async () => {
		const budget = (value: string, year: number) =>
			`<budget type="1"><period-start iso-date="${year}-01-01"/><period-end iso-date="${year}-12-31"/><value currency="EUR" value-date="${year}-01-01">${value}</value></budget>`;
		const parsed = await parse(file(activity('DECIMALS', `<activity-status code="2"/>${budget('+1000.', 2024)}${budget('.5', 2025)}`)));
		const [only] = parsed.activities;
		expect(only.activity!.input.budget).toEqual({ total: 1000.5, currency: 'EUR' });
		expect(only.problems.map((problem) => problem.code)).not.toContain('budget_invalid');
	});

	it('nets negative commitments (de-obligations) instead of dropping them', async () => {
		const commitment = (value: string) => `<transaction><transaction-type code="2"/><transaction-date iso-date="2024-01-01"/><value currency="EUR">${value}</value></transaction>`;
		const parsed = await parse(file(activity('NET', `<activity-status code="2"/>${commitment('1000000')}${commitment('-400000')}${commitment('250000.5')}`)));
		expect(parsed.activities[0].activity!.input.budget).toEqual({ total: 850_000.5, currency: 'EUR' });
	});

	it('still refuses what is not a number', async () => {
		const parsed = await parse(file(activity('BAD', `<activity-status code="2"/><budget><period-start iso-date="2024-01-01"/><period-end iso-date="2024-12-31"/><value currency="EUR">1,000</value></budget>`)));
		expect(parsed.activities[0].problems.map((problem) => problem.code)).toContain('budget_invalid');
	});
});
