import type { Language } from './languages.ts';
// One JSON file per namespace and language; a module adds its namespace here.
import frCommon from './messages/fr/common.json' with { type: 'json' };
import arCommon from './messages/ar/common.json' with { type: 'json' };
import enCommon from './messages/en/common.json' with { type: 'json' };
import frAccount from './messages/fr/account.json' with { type: 'json' };
import arAccount from './messages/ar/account.json' with { type: 'json' };
import enAccount from './messages/en/account.json' with { type: 'json' };
import frAdmin from './messages/fr/admin.json' with { type: 'json' };
import arAdmin from './messages/ar/admin.json' with { type: 'json' };
import enAdmin from './messages/en/admin.json' with { type: 'json' };
import frErrors from './messages/fr/errors.json' with { type: 'json' };
import arErrors from './messages/ar/errors.json' with { type: 'json' };
import enErrors from './messages/en/errors.json' with { type: 'json' };
import frEmail from './messages/fr/email.json' with { type: 'json' };
import arEmail from './messages/ar/email.json' with { type: 'json' };
import enEmail from './messages/en/email.json' with { type: 'json' };
import frApi from './messages/fr/api.json' with { type: 'json' };
import arApi from './messages/ar/api.json' with { type: 'json' };
import enApi from './messages/en/api.json' with { type: 'json' };
import frAtlas from '../../modules/atlas/messages/fr/atlas.json' with { type: 'json' };
import arAtlas from '../../modules/atlas/messages/ar/atlas.json' with { type: 'json' };
import enAtlas from '../../modules/atlas/messages/en/atlas.json' with { type: 'json' };
import frJobs from '../../modules/jobs/messages/fr/jobs.json' with { type: 'json' };
import arJobs from '../../modules/jobs/messages/ar/jobs.json' with { type: 'json' };
import enJobs from '../../modules/jobs/messages/en/jobs.json' with { type: 'json' };
import frSupport from '../../modules/jobs/messages/fr/support.json' with { type: 'json' };
import arSupport from '../../modules/jobs/messages/ar/support.json' with { type: 'json' };
import enSupport from '../../modules/jobs/messages/en/support.json' with { type: 'json' };
import frModeration from '../../modules/atlas/messages/fr/moderation.json' with { type: 'json' };
import arModeration from '../../modules/atlas/messages/ar/moderation.json' with { type: 'json' };
import enModeration from '../../modules/atlas/messages/en/moderation.json' with { type: 'json' };
import frSeekers from '../../modules/jobs/messages/fr/seekers.json' with { type: 'json' };
import arSeekers from '../../modules/jobs/messages/ar/seekers.json' with { type: 'json' };
import enSeekers from '../../modules/jobs/messages/en/seekers.json' with { type: 'json' };
import frAtlasExport from '../../modules/atlas/messages/fr/atlas_export.json' with { type: 'json' };
import arAtlasExport from '../../modules/atlas/messages/ar/atlas_export.json' with { type: 'json' };
import enAtlasExport from '../../modules/atlas/messages/en/atlas_export.json' with { type: 'json' };
import frAtlasImport from '../../modules/atlas/messages/fr/atlas_import.json' with { type: 'json' };
import arAtlasImport from '../../modules/atlas/messages/ar/atlas_import.json' with { type: 'json' };
import enAtlasImport from '../../modules/atlas/messages/en/atlas_import.json' with { type: 'json' };
import frAtlasRates from '../../modules/atlas/messages/fr/atlas_rates.json' with { type: 'json' };
import arAtlasRates from '../../modules/atlas/messages/ar/atlas_rates.json' with { type: 'json' };
import enAtlasRates from '../../modules/atlas/messages/en/atlas_rates.json' with { type: 'json' };
import frAtlasDuplicates from '../../modules/atlas/messages/fr/atlas_duplicates.json' with { type: 'json' };
import arAtlasDuplicates from '../../modules/atlas/messages/ar/atlas_duplicates.json' with { type: 'json' };
import enAtlasDuplicates from '../../modules/atlas/messages/en/atlas_duplicates.json' with { type: 'json' };
import frCounsellors from '../../modules/jobs/messages/fr/counsellors.json' with { type: 'json' };
import arCounsellors from '../../modules/jobs/messages/ar/counsellors.json' with { type: 'json' };
import enCounsellors from '../../modules/jobs/messages/en/counsellors.json' with { type: 'json' };
import frMatching from '../../modules/jobs/messages/fr/matching.json' with { type: 'json' };
import arMatching from '../../modules/jobs/messages/ar/matching.json' with { type: 'json' };
import enMatching from '../../modules/jobs/messages/en/matching.json' with { type: 'json' };
import frOffline from '../../modules/jobs/messages/fr/offline.json' with { type: 'json' };
import arOffline from '../../modules/jobs/messages/ar/offline.json' with { type: 'json' };
import enOffline from '../../modules/jobs/messages/en/offline.json' with { type: 'json' };

type Namespace = Record<string, string>;

const namespaces: Record<string, Record<Language, Namespace>> = {
	common: { fr: frCommon, ar: arCommon, en: enCommon },
	account: { fr: frAccount, ar: arAccount, en: enAccount },
	admin: { fr: frAdmin, ar: arAdmin, en: enAdmin },
	errors: { fr: frErrors, ar: arErrors, en: enErrors },
	email: { fr: frEmail, ar: arEmail, en: enEmail },
	api: { fr: frApi, ar: arApi, en: enApi },
	atlas: { fr: frAtlas, ar: arAtlas, en: enAtlas },
	jobs: { fr: frJobs, ar: arJobs, en: enJobs },
	support: { fr: frSupport, ar: arSupport, en: enSupport },
	moderation: { fr: frModeration, ar: arModeration, en: enModeration },
	seekers: { fr: frSeekers, ar: arSeekers, en: enSeekers },
	atlas_export: { fr: frAtlasExport, ar: arAtlasExport, en: enAtlasExport },
	atlas_import: { fr: frAtlasImport, ar: arAtlasImport, en: enAtlasImport },
	atlas_rates: { fr: frAtlasRates, ar: arAtlasRates, en: enAtlasRates },
	atlas_duplicates: { fr: frAtlasDuplicates, ar: arAtlasDuplicates, en: enAtlasDuplicates },
	counsellors: { fr: frCounsellors, ar: arCounsellors, en: enCounsellors },
	matching: { fr: frMatching, ar: arMatching, en: enMatching },
	offline: { fr: frOffline, ar: arOffline, en: enOffline }
};

/** Flat catalogue per language: `namespace.key` → ICU message. */
export const catalogue: Record<Language, Map<string, string>> = {
	fr: new Map(),
	ar: new Map(),
	en: new Map()
};

for (const [namespace, byLanguage] of Object.entries(namespaces)) {
	for (const language of Object.keys(byLanguage) as Language[]) {
		for (const [key, message] of Object.entries(byLanguage[language])) {
			catalogue[language].set(`${namespace}.${key}`, message);
		}
	}
}
