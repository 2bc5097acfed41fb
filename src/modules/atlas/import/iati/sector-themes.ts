// The import's one table from OECD DAC purpose codes (IATI SectorVocabulary 1) to the Atlas's themes, issue #17 rule 6.
// Reviewed against the DAC codelist (../shared/data/iati-codelists/Sector.xml, IATI Standard 2.03, CC BY 4.0):
// a code is mapped only when the codelist's own definition is about migration; a general code (social
// protection, employment, human rights, statistics) would put every welfare or jobs programme on the map,
// so it stays "unclassified" and the moderator chooses the theme in the preview.
// The export keeps its own theme → code table (export/iati/themes-to-dac.ts) and also writes the Atlas's
// theme codes, which the import prefers, so a round trip does not depend on this table.
import type { InitiativeTheme } from '../../atlas.model.ts';
import codelists from './codelists.json' with { type: 'json' };

export interface SectorThemeLine {
	themes: readonly InitiativeTheme[];
	/** why the codelist's definition fits these themes */
	reason: string;
}

/** DAC 5-digit codes the Atlas maps, each with the reason from the codelist's definition. */
export const sectorThemes: Readonly<Record<string, SectorThemeLine>> = {
	'15190': {
		themes: ['legal_migration', 'migration_governance'],
		reason: 'Codelist: "orderly, safe, regular and responsible migration and mobility": migration policy, planning and management, regular pathways, border management.'
	},
	'15136': {
		themes: ['migration_governance'],
		reason: 'Codelist: "Immigration affairs and services, including alien registration, issuing work and travel documents to immigrants": the administration of immigration.'
	},
	'24050': {
		themes: ['diaspora_investment'],
		reason: 'Codelist: "Remittance facilitation, promotion and optimisation … reducing the sending costs of remittances": the transfers of people abroad.'
	}
};

/** DAC codes met in migration programmes and deliberately left unclassified, with the reason (README's table). */
export const sectorsLeftUnclassified: Readonly<Record<string, string>> = {
	'16010': 'Social protection for every vulnerable group; not about migrants (the old table turned it into "immigrant integration").',
	'16020': 'Employment creation for everyone; not about migrants (the old table turned it into "immigrant integration").',
	'16070': 'Labour rights in general.',
	'11330': 'Vocational training in general.',
	'15160': 'Human rights in general; the codelist sends human rights programming for migrants to 15190.',
	'15162': 'Human rights monitoring in general.',
	'16062': 'Statistical capacity in general; not migration data as such.',
	'13096': 'Population statistics (census, vital registration) of which migration data is one part.',
	'43082': 'Research institutions "when sector cannot be identified".',
	'72010': 'Humanitarian assistance to refugees and displaced people: emergency relief, not a migration-and-development theme.',
	'93010': 'Refugees in donor countries: spent in the donor country, not cooperation in Morocco (also 93011–93018).',
	'91010': 'Administrative costs.'
};

const allDac5 = Object.keys(codelists.sectors as Record<string, unknown>).filter((code) => /^\d{5}$/.test(code));

/** A DAC 5-digit code's themes; undefined ("unclassified") when the table has no line for it. */
export function themesOfDac5(code: string): readonly InitiativeTheme[] | undefined {
	return sectorThemes[code]?.themes;
}

/**
 * A DAC 3-digit category's themes, only when the whole category fits: every 5-digit code of the category
 * in the codelist is mapped, to the same themes. Otherwise undefined ("unclassified"): a category such as
 * 151 "Government & civil society" holds the migration code beside fifty others.
 */
export function themesOfDac3(category: string): readonly InitiativeTheme[] | undefined {
	const members = allDac5.filter((code) => code.startsWith(category));
	if (!members.length) return undefined;
	const first = themesOfDac5(members[0]);
	if (!first) return undefined;
	const same = (themes: readonly InitiativeTheme[] | undefined) =>
		!!themes && themes.length === first.length && themes.every((theme) => first.includes(theme));
	return members.every((code) => same(themesOfDac5(code))) ? first : undefined;
}
