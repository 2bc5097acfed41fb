import { describe, expect, it } from 'vitest';
import { rowsOf, rowValues, withBlankRow } from './rows.ts';

describe('rows of a form field', () => {
	const keys = ['organisation', 'role', 'amount'];
	it('reads the filled rows in page order, whatever their numbers, and drops blank ones', () => {
		const values = {
			'organisations.10.organisation': 'GIZ',
			'organisations.10.role': 'implementer',
			'organisations.2.organisation': ' Union européenne (UE) ',
			'organisations.2.role': 'funder',
			'organisations.2.amount': '1 000 000',
			'organisations.3.organisation': '',
			'organisations.3.role': '',
			'organisationsX.1.role': 'funder',
			'organisations.1.unknown': 'x',
			title_fr: 'Titre'
		};
		expect(rowsOf(values, 'organisations', keys)).toEqual([
			{ organisation: 'Union européenne (UE)', role: 'funder', amount: '1 000 000' },
			{ organisation: 'GIZ', role: 'implementer', amount: '' }
		]);
	});

	it('fills a form from rows and adds a blank row after the blank one shown, renumbered', () => {
		const values = { ...rowValues('sources', [{ citation: 'Rapport', url: '' }]), 'sources.7.citation': 'Étude', 'sources.7.url': 'https://x.ma', 'sources.8.citation': '', addRow: 'sources', contact: 'a' };
		const more = withBlankRow(values, 'sources', ['citation', 'url']);
		expect(more).toEqual({
			contact: 'a',
			'sources.0.citation': 'Rapport',
			'sources.0.url': '',
			'sources.1.citation': 'Étude',
			'sources.1.url': 'https://x.ma',
			'sources.2.citation': '',
			'sources.2.url': '',
			'sources.3.citation': '',
			'sources.3.url': ''
		});
	});
});
