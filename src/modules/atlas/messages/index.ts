import type { MessageNamespace } from '../../../platform/kernel/manifest.ts';
import frAtlas from './fr/atlas.json' with { type: 'json' };
import arAtlas from './ar/atlas.json' with { type: 'json' };
import enAtlas from './en/atlas.json' with { type: 'json' };
import frAtlasDuplicates from './fr/atlas_duplicates.json' with { type: 'json' };
import arAtlasDuplicates from './ar/atlas_duplicates.json' with { type: 'json' };
import enAtlasDuplicates from './en/atlas_duplicates.json' with { type: 'json' };
import frAtlasExport from './fr/atlas_export.json' with { type: 'json' };
import arAtlasExport from './ar/atlas_export.json' with { type: 'json' };
import enAtlasExport from './en/atlas_export.json' with { type: 'json' };
import frAtlasImport from './fr/atlas_import.json' with { type: 'json' };
import arAtlasImport from './ar/atlas_import.json' with { type: 'json' };
import enAtlasImport from './en/atlas_import.json' with { type: 'json' };
import frAtlasRates from './fr/atlas_rates.json' with { type: 'json' };
import arAtlasRates from './ar/atlas_rates.json' with { type: 'json' };
import enAtlasRates from './en/atlas_rates.json' with { type: 'json' };
import frAtlasModeration from './fr/atlas_moderation.json' with { type: 'json' };
import arAtlasModeration from './ar/atlas_moderation.json' with { type: 'json' };
import enAtlasModeration from './en/atlas_moderation.json' with { type: 'json' };
import frAtlasRegions from './fr/atlas_regions.json' with { type: 'json' };
import arAtlasRegions from './ar/atlas_regions.json' with { type: 'json' };
import enAtlasRegions from './en/atlas_regions.json' with { type: 'json' };
import frAtlasShares from './fr/atlas_shares.json' with { type: 'json' };
import arAtlasShares from './ar/atlas_shares.json' with { type: 'json' };
import enAtlasShares from './en/atlas_shares.json' with { type: 'json' };
import frAtlasOrgMatches from './fr/atlas_org_matches.json' with { type: 'json' };
import arAtlasOrgMatches from './ar/atlas_org_matches.json' with { type: 'json' };
import enAtlasOrgMatches from './en/atlas_org_matches.json' with { type: 'json' };
import frAtlasConflicts from './fr/atlas_conflicts.json' with { type: 'json' };
import arAtlasConflicts from './ar/atlas_conflicts.json' with { type: 'json' };
import enAtlasConflicts from './en/atlas_conflicts.json' with { type: 'json' };
import frAtlasEntry from './fr/atlas_entry.json' with { type: 'json' };
import arAtlasEntry from './ar/atlas_entry.json' with { type: 'json' };
import enAtlasEntry from './en/atlas_entry.json' with { type: 'json' };

/** The atlas module's UI messages, by namespace (`namespace.key`), in the three languages. */
export const messages: Record<string, MessageNamespace> = {
	atlas: { fr: frAtlas, ar: arAtlas, en: enAtlas },
	atlas_duplicates: { fr: frAtlasDuplicates, ar: arAtlasDuplicates, en: enAtlasDuplicates },
	atlas_export: { fr: frAtlasExport, ar: arAtlasExport, en: enAtlasExport },
	atlas_import: { fr: frAtlasImport, ar: arAtlasImport, en: enAtlasImport },
	atlas_rates: { fr: frAtlasRates, ar: arAtlasRates, en: enAtlasRates },
	atlas_moderation: { fr: frAtlasModeration, ar: arAtlasModeration, en: enAtlasModeration },
	atlas_regions: { fr: frAtlasRegions, ar: arAtlasRegions, en: enAtlasRegions },
	atlas_shares: { fr: frAtlasShares, ar: arAtlasShares, en: enAtlasShares },
	atlas_org_matches: { fr: frAtlasOrgMatches, ar: arAtlasOrgMatches, en: enAtlasOrgMatches },
	atlas_conflicts: { fr: frAtlasConflicts, ar: arAtlasConflicts, en: enAtlasConflicts },
	// partners' entry: yearly amounts, second figures, month-only dates, the form's format messages (issue #17 rules 5 and 18)
	atlas_entry: { fr: frAtlasEntry, ar: arAtlasEntry, en: enAtlasEntry }
};
