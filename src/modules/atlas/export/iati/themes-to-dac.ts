// The export's table from the Atlas's themes to OECD DAC 5-digit purpose codes (IATI SectorVocabulary 1).
// The import reads codes with its own reviewed table (import/iati/sector-themes.ts): a code written here
// for a theme (16010 for integration) is not a reason to give every social-protection programme that theme.
// Codes and names: IATI Standard codelist Sector (2.03), CC BY 4.0, "IATI Standard" (copy in codelists/Sector.xml).
// DAC's own guidance puts diaspora engagement, remittances' development impact, return and reintegration,
// trafficking, protection and data on migration under 15190; so most themes share it.
import type { InitiativeTheme } from '../../atlas.model.ts';

export interface DacSector {
	code: string;
	/** the codelist's English name */
	name: string;
}

export const dacSectors = {
	'15190': { code: '15190', name: 'Facilitation of orderly, safe, regular and responsible migration and mobility' },
	'24050': { code: '24050', name: 'Remittance facilitation, promotion and optimisation' },
	'16010': { code: '16010', name: 'Social Protection' },
	'16020': { code: '16020', name: 'Employment creation' },
	'15160': { code: '15160', name: 'Human rights' },
	'16062': { code: '16062', name: 'Statistical capacity building' },
	'43082': { code: '43082', name: 'Research/scientific institutions' },
	'12220': { code: '12220', name: 'Basic health care' }
} as const satisfies Record<string, DacSector>;
export type DacCode = keyof typeof dacSectors;

/** Export: each theme's DAC purpose code. */
export const themeToDac: Readonly<Record<InitiativeTheme, DacCode>> = {
	migration_development: '15190',
	diaspora_skills: '15190',
	diaspora_investment: '24050',
	immigrant_integration: '16010',
	health: '12220',
	returnee_reintegration: '15190',
	legal_migration: '15190',
	migrant_rights: '15190',
	migration_governance: '15190',
	research_data: '15190',
	south_south: '15190'
};

/** The distinct DAC codes of a list of themes, in the order of first appearance. */
export function dacCodesOf(themes: readonly string[]): DacCode[] {
	const codes: DacCode[] = [];
	for (const theme of themes) {
		const code = themeToDac[theme as InitiativeTheme];
		if (code && !codes.includes(code)) codes.push(code);
	}
	return codes;
}
