// Issue #17 rule 2: the IATI export writes the recipient countries it knows and never invents Morocco.
import { describe, expect, it } from 'vitest';
import { iatiActivity } from './iati/iati.ts';
import type { ExportRecord } from './records.ts';

const record = (over: Partial<ExportRecord>): ExportRecord => ({
	id: '00000000-0000-4000-8000-000000000001',
	slug: 'regional',
	title: { fr: 'Programme régional' },
	summary: {},
	status: 'ongoing',
	plannedStart: '2024-01-01',
	plannedEnd: null,
	actualStart: null,
	actualEnd: null,
	startYear: 2024,
	endYear: null,
	nationalScope: false,
	regions: [],
	provinces: [],
	communes: [],
	otherPlaces: null,
	countries: [],
	moroccoShare: null,
	countryShares: [],
	recipientRegions: [],
	points: [],
	themes: [],
	targetGroups: [],
	organisations: [{ slug: 'giz', name: 'GIZ', acronym: 'GIZ', type: 'cooperation_agency', role: 'funder', amount: null, currency: null, secondFigure: null }],
	budgetTotal: null,
	budgetCurrency: null,
	budgetSecondFigure: null,
	yearlyAmounts: [],
	budgetEur: null,
	budgetMad: null,
	contact: null,
	website: null,
	iatiIdentifier: 'XM-TEST-1',
	partOf: null,
	parts: [],
	sources: [],
	lastVerifiedOn: null,
	isSample: false,
	updatedAt: new Date('2026-01-01T00:00:00Z'),
	...over
});
const countries = (over: Partial<ExportRecord>) => {
	const result = iatiActivity(record(over));
	if (!('xml' in result)) throw new Error('skipped');
	return [...result.xml.matchAll(/<recipient-country code="([A-Z]{2})"/g)].map((match) => match[1]);
};

describe('IATI export: recipient countries', () => {
	it('does not invent Morocco for an initiative placed elsewhere: other countries only, or a region code', () => {
		expect(countries({ countries: ['SN', 'ML'] })).toEqual(['SN', 'ML']);
		expect(countries({ recipientRegions: [{ code: '289', vocabulary: '1', percentage: null }] })).toEqual([]);
	});

	it('writes Morocco when nothing places the initiative elsewhere (its page says "place in Morocco not given"), and when the source gave Morocco’s share', () => {
		expect(countries({})).toEqual(['MA']);
		expect(countries({ countries: ['BJ', 'CM', 'SN'], moroccoShare: 24 })).toEqual(['MA', 'BJ', 'CM', 'SN']);
	});

	it('writes Morocco when the initiative is placed there (national scope, regions, provinces, points, MA)', () => {
		expect(countries({ nationalScope: true })).toEqual(['MA']);
		expect(countries({ regions: ['MA-02'] })).toEqual(['MA']);
		expect(countries({ provinces: ['MA-TET'] })).toEqual(['MA']);
		expect(countries({ points: [{ lat: 33.57, lon: -7.59, label: 'Casablanca' }] as ExportRecord['points'] })).toEqual(['MA']);
		expect(countries({ countries: ['MA', 'SN'] })).toEqual(['MA', 'SN']);
		expect(countries({ nationalScope: true, countries: ['SN'] })).toEqual(['MA', 'SN']);
	});

	it('writes the percentages the source gave (Morocco’s share, the others, the regions), else equal shares marked as such', () => {
		const xml = (over: Partial<ExportRecord>) => {
			const result = iatiActivity(record(over));
			if (!('xml' in result)) throw new Error('skipped');
			return [...result.xml.matchAll(/<recipient-(?:country|region) [^>]*\/>/g)].map((match) => match[0]);
		};
		expect(xml({ nationalScope: true, countries: ['SN'], moroccoShare: 40, countryShares: [{ country: 'SN', percentage: 60 }] })).toEqual([
			'<recipient-country code="MA" percentage="40"/>',
			'<recipient-country code="SN" percentage="60"/>'
		]);
		// Morocco's share is the rest when only the others were given
		expect(xml({ regions: ['MA-02'], countries: ['SN'], countryShares: [{ country: 'SN', percentage: 25 }] })).toEqual([
			'<recipient-country code="MA" percentage="75"/>',
			'<recipient-country code="SN" percentage="25"/>'
		]);
		// a regional activity keeps its region, not Morocco
		expect(xml({ recipientRegions: [{ code: '189', vocabulary: '1', percentage: null }] })).toEqual(['<recipient-region code="189" vocabulary="1" percentage="100" sharaka:share="equal"/>']);
		expect(xml({ countries: ['SN', 'ML'] })).toEqual([
			'<recipient-country code="SN" percentage="50" sharaka:share="equal"/>',
			'<recipient-country code="ML" percentage="50" sharaka:share="equal"/>'
		]);
	});
});
