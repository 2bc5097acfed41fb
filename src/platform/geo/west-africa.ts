// The first-level administrative divisions of the RECOSA partner countries (Côte d'Ivoire, Mali, Senegal), as
// ISO 3166-2 lists them: codes and names only (no geometry). Written once by hand from the sources below and
// committed; not read from them at run time.
// Sources and credit:
//  - codes, subdivision types and names (the ISO 3166-2 names, in French, the countries' official language): the
//    Debian/Salsa `iso-codes` package 4.15.0, `iso_3166-2.json` (LGPL-2.1-or-later), which follows the ISO 3166
//    Maintenance Agency's Online Browsing Platform (https://www.iso.org/obp/ui/).
//  - Arabic names: Unicode CLDR, `common/subdivisions/ar.xml` (Unicode License v3; entries marked "provisional"
//    there), copied as CLDR writes them, the type word included ("منطقة كايس", "إقليم لوغا"). CLDR gives none for
//    five districts of Côte d'Ivoire (CI-CM Comoé, CI-LC Lacs, CI-LG Lagunes, CI-SM Sassandra-Marahoué, CI-WR Woroba):
//    their `nameAr` is null and pages show the French name, marked as French — never a transliteration made here.
// English names: the sources give none apart from the ISO names; `nameEn` repeats them (as Morocco's provinces do).

export type DivisionCountry = 'CI' | 'ML' | 'SN';
export interface Division {
	iso: string;
	country: DivisionCountry;
	/** the ISO 3166-2 subdivision category */
	type: 'region' | 'district' | 'autonomous_district';
	nameFr: string;
	/** null where the source gives no Arabic name */
	nameAr: string | null;
	nameEn: string;
}

const d = (iso: string, type: Division['type'], nameFr: string, nameAr: string | null): Division => ({ iso, country: iso.slice(0, 2) as DivisionCountry, type, nameFr, nameAr, nameEn: nameFr });

/** Côte d'Ivoire: 12 districts and 2 autonomous districts (ISO 3166-2:CI). */
export const coteDIvoireDivisions: readonly Division[] = [
	d('CI-AB', 'autonomous_district', 'Abidjan', 'أبيدجان'),
	d('CI-BS', 'district', 'Bas-Sassandra', 'مقاطعة باس-ساساندرا'),
	d('CI-CM', 'district', 'Comoé', null),
	d('CI-DN', 'district', 'Denguélé', 'مقاطعة دينغويلي'),
	d('CI-GD', 'district', 'Gôh-Djiboua', 'مقاطعة غوه-جيبوا'),
	d('CI-LC', 'district', 'Lacs', null),
	d('CI-LG', 'district', 'Lagunes', null),
	d('CI-MG', 'district', 'Montagnes', 'مقاطعة الجبال'),
	d('CI-SM', 'district', 'Sassandra-Marahoué', null),
	d('CI-SV', 'district', 'Savanes', 'مقاطعة سافانس'),
	d('CI-VB', 'district', 'Vallée du Bandama', 'مقاطعة فالي دو باندما'),
	d('CI-WR', 'district', 'Woroba', null),
	d('CI-YM', 'autonomous_district', 'Yamoussoukro', 'ياموسوكرو'),
	d('CI-ZZ', 'district', 'Zanzan', 'إقليم زانزان')
];

/** Mali: 10 regions and the district of Bamako (ISO 3166-2:ML). */
export const maliDivisions: readonly Division[] = [
	d('ML-1', 'region', 'Kayes', 'منطقة كايس'),
	d('ML-2', 'region', 'Koulikoro', 'منطقة كوليكورو'),
	d('ML-3', 'region', 'Sikasso', 'منطقة سيكاسو'),
	d('ML-4', 'region', 'Ségou', 'منطقة سيغو'),
	d('ML-5', 'region', 'Mopti', 'منطقة موبتي'),
	d('ML-6', 'region', 'Tombouctou', 'منطقة تمبكتو'),
	d('ML-7', 'region', 'Gao', 'منطقة غاو'),
	d('ML-8', 'region', 'Kidal', 'منطقة كيدال'),
	d('ML-9', 'region', 'Ménaka', 'منطقة ميناكا'),
	d('ML-10', 'region', 'Taoudénit', 'منطقة تودني'),
	d('ML-BKO', 'district', 'Bamako', 'باماكو')
];

/** Senegal: 14 regions (ISO 3166-2:SN). */
export const senegalDivisions: readonly Division[] = [
	d('SN-DB', 'region', 'Diourbel', 'إقليم ديوربيل'),
	d('SN-DK', 'region', 'Dakar', 'داكار'),
	d('SN-FK', 'region', 'Fatick', 'اقليم فاتيك'),
	d('SN-KA', 'region', 'Kaffrine', 'اقليم كفرين'),
	d('SN-KD', 'region', 'Kolda', 'كولدا'),
	d('SN-KE', 'region', 'Kédougou', 'كيدوغو'),
	d('SN-KL', 'region', 'Kaolack', 'كاولاك'),
	d('SN-LG', 'region', 'Louga', 'إقليم لوغا'),
	d('SN-MT', 'region', 'Matam', 'ماتام'),
	d('SN-SE', 'region', 'Sédhiou', 'سيدهيو'),
	d('SN-SL', 'region', 'Saint-Louis', 'إقليم سانت لويس'),
	d('SN-TC', 'region', 'Tambacounda', 'إقليم تامباكوندا'),
	d('SN-TH', 'region', 'Thiès', 'ثيس'),
	d('SN-ZG', 'region', 'Ziguinchor', 'زينغشور')
];

export const westAfricanDivisions: Record<DivisionCountry, readonly Division[]> = { CI: coteDIvoireDivisions, ML: maliDivisions, SN: senegalDivisions };
