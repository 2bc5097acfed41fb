// The export's correspondences (export/iati/codes.ts, themes-to-dac.ts) read the other way, plus the few
// codes only an importer meets (IATI 1.x spellings some 2.0x files still carry, codes the export never writes).
import type { OrganisationType } from '../../../../platform/accounts/accounts.model.ts';
import { initiativeThemes, type InitiativeTheme, type OrganisationRole } from '../../atlas.model.ts';
import { iatiToRole, organisationTypeToIati } from '../../export/iati/codes.ts';
import codelists from './codelists.json' with { type: 'json' };

/** IATI OrganisationRole (1 Funding, 2 Accountable, 3 Extending, 4 Implementing), and the 1.x names. */
export function roleOf(code: string | null): OrganisationRole | null {
	if (!code) return null;
	const named: Record<string, string> = { funding: '1', accountable: '2', extending: '3', implementing: '4' };
	return iatiToRole[named[code.toLowerCase()] ?? code] ?? null;
}

/**
 * IATI OrganisationType → the Atlas's type, for organisations the import creates: the export's table read
 * backwards; 10 (government) is a ministry when the identifier is Moroccan ("MA-…"), else a cooperation
 * agency; NGOs (21–24) and foundations (60) are NGOs, private companies (70–73) employers.
 */
export function organisationTypeOf(code: string | null, ref: string | null): OrganisationType {
	if (code === '10') return ref?.toUpperCase().startsWith('MA-') ? 'ministry' : 'cooperation_agency';
	const exact = (Object.entries(organisationTypeToIati) as [OrganisationType, string][]).filter(([, iati]) => iati === code);
	if (exact.length === 1) return exact[0][0];
	if (code && /^2[1-4]$/.test(code)) return 'ngo';
	if (code === '60') return 'ngo';
	if (code && /^7[0-3]$/.test(code)) return 'employer';
	return 'other';
}

/** IATI ActivityDateType: 1 planned start, 2 actual start, 3 planned end, 4 actual end (and the 1.x names). */
export function dateTypeOf(code: string | null): '1' | '2' | '3' | '4' | null {
	const named: Record<string, '1' | '2' | '3' | '4'> = {
		'start-planned': '1',
		'start-actual': '2',
		'end-planned': '3',
		'end-actual': '4'
	};
	if (code === '1' || code === '2' || code === '3' || code === '4') return code;
	return code ? (named[code.toLowerCase()] ?? null) : null;
}

/** IATI TransactionType: 1 incoming funds, 2 outgoing commitment, 11 incoming commitment (and the 1.x letters). */
export function transactionTypeOf(code: string | null): string | null {
	const named: Record<string, string> = { IF: '1', C: '2', D: '3', E: '4', IC: '11' };
	if (!code) return null;
	return named[code.toUpperCase()] ?? code;
}

/** Sector vocabularies: 1 DAC 5-digit, 2 DAC 3-digit (and the 1.x names); others are returned as they are. */
export function sectorVocabularyOf(code: string | null): string {
	if (!code) return '1';
	const named: Record<string, string> = { DAC: '1', 'DAC-3': '2' };
	return named[code.toUpperCase()] ?? code;
}

// DAC code → themes: the import's own documented table (sector-themes.ts).
export { themesOfDac3, themesOfDac5 } from './sector-themes.ts';

export function isTheme(code: string): code is InitiativeTheme {
	return (initiativeThemes as readonly string[]).includes(code);
}

type Named = { en: string; fr?: string };
const sectors = codelists.sectors as Record<string, Named>;
const categories = codelists.sectorCategories as Record<string, Named>;
const regions = codelists.regions as Record<string, Named>;

/** The name of a sector in the codelists (French when the codelist has it and the reader is French). */
export function sectorName(vocabulary: string, code: string, language: string): string | null {
	const entry = vocabulary === '1' ? sectors[code] : vocabulary === '2' ? categories[code] : undefined;
	if (!entry) return null;
	return language === 'fr' ? (entry.fr ?? entry.en) : entry.en;
}

/** The name of an IATI (OECD DAC) region, e.g. 189 "North of Sahara, regional". */
export function regionName(code: string, language: string): string | null {
	const entry = regions[code];
	if (!entry) return null;
	return language === 'fr' ? (entry.fr ?? entry.en) : entry.en;
}
