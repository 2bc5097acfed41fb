// IATI activity XML 2.03 for the Atlas's initiatives (valid against schema/iati-activities-schema.xsd;
// element order follows the schema's sequence). See README.md beside this file.
import { translate } from '../../../../platform/i18n/translator.ts';
import { languages, type Language } from '../../../../platform/i18n/languages.ts';
import { provinces, regions } from '../../../../platform/geo/morocco.ts';
import { provinceCentroids, regionCentroids, type LonLat } from '../centroids.ts';
import { communeByCode } from '../../../../platform/geo/communes.ts';
import type { ExportRecord } from '../records.ts';
import { dacCodesOf } from './themes-to-dac.ts';
import {
	ATLAS_NAMESPACE,
	ATLAS_PREFIX,
	organisationTypeToIati,
	rolesBeyondIati,
	REPORTING_ORG_REF,
	roleToIati,
	sharakaIdentifier,
	statusToIati,
	THEME_VOCABULARY_URI
} from './codes.ts';
import type { OrganisationType } from '../../../../platform/accounts/accounts.model.ts';
import { firstDay, formatPartialDate, isMonth, lastDay } from '../../partial-dates.ts';

// Characters XML 1.0 cannot hold at all (C0 controls but tab, LF, CR; lone surrogates; U+FFFE/FFFF).
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text content, escaped. */
export function xmlText(value: string): string {
	return value.replace(INVALID_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
/** An attribute value (for double quotes), escaped; line breaks kept as character references. */
export function xmlAttr(value: string): string {
	return xmlText(value).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

function element(name: string, attributes: Record<string, string | number | null | undefined>, children?: string): string {
	const attrs = Object.entries(attributes)
		.filter(([, value]) => value !== null && value !== undefined && value !== '')
		.map(([key, value]) => ` ${key}="${xmlAttr(String(value))}"`)
		.join('');
	return children === undefined ? `<${name}${attrs}/>` : `<${name}${attrs}>${children}</${name}>`;
}

const narrative = (text: string, lang?: string) => element('narrative', { 'xml:lang': lang }, xmlText(text));
/** Every language of the text: fr, ar, en first, then the source's own when it is another (es…). */
const narratives = (texts: Partial<Record<string, string>>) =>
	[...languages, ...Object.keys(texts).filter((lang) => !(languages as readonly string[]).includes(lang))]
		.filter((lang) => texts[lang]?.trim())
		.map((lang) => narrative(texts[lang]!.trim(), lang))
		.join('');

/** Splits 100 into `count` shares with two decimals that add up to exactly 100. */
export function equalPercentages(count: number): string[] {
	if (count <= 0) return [];
	const base = Math.floor(10000 / count) / 100;
	const shares = Array.from({ length: count }, () => base);
	shares[count - 1] = Math.round((100 - base * (count - 1)) * 100) / 100;
	return shares.map((share) => String(share));
}

export interface IatiOptions {
	/** the moment written in generated-datetime */
	now?: Date;
}

/** Why an initiative is left out of the IATI file (the schema needs a date and an organisation). */
export type IatiSkip = 'no_date' | 'no_organisation';

const regionByIso = new Map(regions.map((region) => [region.iso, region]));
const provinceByIso = new Map(provinces.map((province) => [province.iso, province]));

function activityDates(record: ExportRecord): string {
	const out: string[] = [];
	const yearOnly = (type: string, year: number, end: boolean) =>
		element(
			'activity-date',
			{ type, 'iso-date': end ? `${year}-12-31` : `${year}-01-01` },
			languages.map((lang) => narrative(translate(lang, 'atlas_export.iati_year_only', { year }), lang)).join('')
		);
	// a month alone: its first (start) or last (end) day, with a narrative and the Atlas's attribute saying so
	const dated = (type: string, value: string, end: boolean) =>
		isMonth(value)
			? element(
					'activity-date',
					{ type, 'iso-date': end ? lastDay(value) : firstDay(value), [`${ATLAS_PREFIX}:precision`]: 'month' },
					languages.map((lang) => narrative(translate(lang, 'atlas_export.iati_month_only', { month: formatPartialDate(lang, value) }), lang)).join('')
				)
			: element('activity-date', { type, 'iso-date': value });
	if (record.plannedStart) out.push(dated('1', record.plannedStart, false));
	if (record.actualStart) out.push(dated('2', record.actualStart, false));
	if (!record.plannedStart && !record.actualStart && record.startYear) {
		out.push(yearOnly(record.status === 'planned' ? '1' : '2', record.startYear, false));
	}
	if (record.plannedEnd) out.push(dated('3', record.plannedEnd, true));
	if (record.actualEnd) out.push(dated('4', record.actualEnd, true));
	if (!record.plannedEnd && !record.actualEnd && record.endYear) {
		out.push(yearOnly(record.status === 'completed' ? '4' : '3', record.endYear, true));
	}
	return out.join('');
}

/** The first day of the initiative (a month's first day, 1 January of a year alone), or null. */
function startDayOf(record: ExportRecord): string | null {
	const start = record.actualStart ?? record.plannedStart;
	return start ? firstDay(start) : record.startYear ? `${record.startYear}-01-01` : null;
}

function period(record: ExportRecord): { start: string; end: string } | null {
	const start = startDayOf(record);
	const endValue = record.actualEnd ?? record.plannedEnd;
	const end = endValue ? lastDay(endValue) : record.endYear ? `${record.endYear}-12-31` : null;
	return start && end && end >= start ? { start, end } : null;
}

/** A year's period, within the initiative's when it starts or ends that year (IATI: a budget period of a year at most). */
function yearPeriod(record: ExportRecord, year: number): { start: string; end: string } {
	const whole = period(record);
	let start = `${year}-01-01`;
	let end = `${year}-12-31`;
	if (whole && whole.start > start && whole.start <= end) start = whole.start;
	if (whole && whole.end < end && whole.end >= start) end = whole.end;
	return { start, end };
}

/** The Atlas's attributes carrying a second figure (IATI has none): read back by the Atlas's import. */
const secondFigureAttributes = (figure: { amount: number; currency: string } | null): Record<string, string> =>
	figure ? { [`${ATLAS_PREFIX}:second-amount`]: String(figure.amount), [`${ATLAS_PREFIX}:second-currency`]: figure.currency } : {};

/**
 * The budgets: one per year the source gives (type 1 original, status 1 indicative, `sharaka:year`), and the
 * total over the whole period when there is no yearly budget (IATI's rules prefer periods of at most a year,
 * which the Atlas knows only when the source gave them). With yearly budgets, a stated total that is not
 * their sum is said in the Atlas's attributes on the first of them, so that a re-import keeps it.
 */
function budgets(record: ExportRecord): string {
	const yearly = record.yearlyAmounts.filter((entry) => !entry.organisation);
	const budget = (at: { start: string; end: string }, amount: number, currency: string, attributes: Record<string, string | undefined> = {}, valueAttributes: Record<string, string> = {}) =>
		element(
			'budget',
			{ type: '1', status: '1', ...attributes },
			element('period-start', { 'iso-date': at.start }) +
				element('period-end', { 'iso-date': at.end }) +
				element('value', { currency, 'value-date': at.start, ...valueAttributes }, String(amount))
		);
	const whole = period(record);
	if (!yearly.length) {
		return record.budgetTotal != null && record.budgetCurrency && whole
			? budget(whole, record.budgetTotal, record.budgetCurrency, {}, secondFigureAttributes(record.budgetSecondFigure))
			: '';
	}
	const sum = yearly.every((entry) => entry.currency === record.budgetCurrency) ? Math.round(yearly.reduce((total, entry) => total + entry.amount, 0) * 100) / 100 : null;
	const totalAttributes =
		record.budgetTotal != null && record.budgetCurrency
			? {
					...(sum === record.budgetTotal ? {} : { [`${ATLAS_PREFIX}:total`]: String(record.budgetTotal), [`${ATLAS_PREFIX}:total-currency`]: record.budgetCurrency }),
					...secondFigureAttributes(record.budgetSecondFigure)
				}
			: { [`${ATLAS_PREFIX}:total`]: 'unknown' };
	return yearly
		.map((entry, index) => budget(yearPeriod(record, entry.year), entry.amount, entry.currency, { [`${ATLAS_PREFIX}:year`]: String(entry.year), ...(index === 0 ? totalAttributes : {}) }))
		.join('');
}

/** IATI ActivityScope: 3 multi-national, 4 national, 5 several first-level areas, 6 one, 7 one second-level area. */
function activityScope(record: ExportRecord): string | null {
	if (record.countries.length) return '3';
	if (record.nationalScope) return '4';
	if (record.regions.length > 1) return '5';
	if (record.regions.length === 1) return record.provinces.length === 1 ? '7' : '6';
	return null;
}

function recipientCountries(record: ExportRecord): string {
	// Morocco when something places the initiative there, when the source gave Morocco's share, or when nothing
	// places it anywhere else (a Moroccan place not given yet); a regional activity (a region code, other
	// countries only) is not exported as "MA 100 %" (issue #17 rule 2)
	const elsewhere = record.countries.some((code) => code !== 'MA') || record.recipientRegions.length > 0;
	const inMorocco =
		record.nationalScope ||
		record.regions.length > 0 ||
		record.provinces.length > 0 ||
		record.communes.length > 0 ||
		record.points.length > 0 ||
		record.countries.includes('MA') ||
		record.moroccoShare != null ||
		!elsewhere;
	const codes = [...new Set([...(inMorocco ? ['MA'] : []), ...record.countries.filter((code) => code !== 'MA')])];
	const regions = record.recipientRegions;
	// the percentages as stored when the source gave them all (Morocco's may be the rest), else equal shares
	const stored = codes.map((code) =>
		code === 'MA' ? record.moroccoShare : (record.countryShares.find((share) => share.country === code)?.percentage ?? null)
	);
	const regionShares = regions.map((region) => region.percentage ?? null);
	const unknown = [...stored, ...regionShares].filter((value) => value === null).length;
	const given = [...stored, ...regionShares].reduce<number>((sum, value) => sum + (value ?? 0), 0);
	const asStored = stored.some((value) => value !== null) || regionShares.some((value) => value !== null);
	let shares: (number | string)[];
	if (asStored && (unknown === 0 || (unknown === 1 && stored[0] === null && inMorocco && given < 100))) {
		shares = [...stored, ...regionShares].map((value) => value ?? Math.round((100 - given) * 100) / 100);
	} else shares = equalPercentages(codes.length + regions.length);
	// equal shares are IATI's requirement, not the source's word: said so in the Atlas's namespace
	const assumed = asStored ? undefined : 'equal';
	const share = `${ATLAS_PREFIX}:share`;
	return (
		codes.map((code, index) => element('recipient-country', { code, percentage: shares[index], [share]: assumed })).join('') +
		regions
			.map((region, index) =>
				element('recipient-region', { code: region.code, vocabulary: region.vocabulary, percentage: shares[codes.length + index], [share]: assumed })
			)
			.join('')
	);
}

const point = ([lon, lat]: LonLat, exactness: '1' | '2') =>
	element('point', { srsName: 'http://www.opengis.net/def/crs/EPSG/0/4326' }, element('pos', {}, `${lat} ${lon}`)) +
	element('exactness', { code: exactness });

function locations(record: ExportRecord): string {
	const out: string[] = [];
	const inMorocco = element('administrative', { vocabulary: 'A4', level: '0', code: 'MA' });
	for (const entry of record.points) {
		out.push(
			element(
				'location',
				{},
				(entry.label ? element('name', {}, narrative(entry.label)) : '') + point([entry.lon, entry.lat], '1')
			)
		);
	}
	const area = (iso: string, names: { nameFr: string; nameAr: string; nameEn: string } | undefined, centroid: LonLat | undefined, level: 'ADM1' | 'ADM2') =>
		element(
			'location',
			{ ref: iso },
			(names ? element('name', {}, narratives({ fr: names.nameFr, ar: names.nameAr, en: names.nameEn })) : '') +
				inMorocco +
				(centroid ? point(centroid, '2') : '') +
				element('location-class', { code: '1' }) +
				element('feature-designation', { code: level })
		);
	for (const iso of record.regions) out.push(area(iso, regionByIso.get(iso), regionCentroids[iso], 'ADM1'));
	for (const iso of record.provinces) out.push(area(iso, provinceByIso.get(iso), provinceCentroids[iso], 'ADM2'));
	// A commune: its HCP code as the reference and as a third-level administrative code (IATI's geographic
	// vocabularies have no national statistical codes: "HCP" names the Haut-Commissariat au Plan's), its point.
	for (const code of record.communes) {
		const commune = communeByCode(code);
		if (!commune) continue;
		out.push(
			element(
				'location',
				{ ref: code },
				element('name', {}, narratives({ fr: commune.nameFr, ar: commune.nameAr })) +
					inMorocco +
					element('administrative', { vocabulary: 'HCP', level: '3', code }) +
					(commune.lat != null && commune.lon != null ? point([commune.lon, commune.lat], '2') : '') +
					element('location-class', { code: '1' }) +
					element('feature-designation', { code: 'ADM3' })
			)
		);
	}
	return out.join('');
}

function sectors(record: ExportRecord): string {
	const dac = dacCodesOf(record.themes);
	const dacShares = equalPercentages(dac.length);
	const themeShares = equalPercentages(record.themes.length);
	return (
		dac.map((code, index) => element('sector', { vocabulary: '1', code, percentage: dacShares[index] })).join('') +
		record.themes
			.map((theme, index) =>
				element(
					'sector',
					{ vocabulary: '99', 'vocabulary-uri': THEME_VOCABULARY_URI, code: theme, percentage: themeShares[index] },
					languages.map((lang) => narrative(translate(lang, `atlas.theme_${theme}`), lang)).join('')
				)
			)
			.join('')
	);
}

const ROLE_ORDER = ['1', '2', '3', '4'];

const organisationName = (entry: { name: string; acronym: string | null }) =>
	entry.acronym && !entry.name.includes(entry.acronym) ? `${entry.name} (${entry.acronym})` : entry.name;

/**
 * IATI TransactionType 11 (incoming commitment) per funder with a stated amount, dated at the start of the
 * initiative; and each funder's yearly amounts as incoming funds (type 1) dated in their year (the start of
 * the initiative when it starts that year).
 */
function contributions(record: ExportRecord, orgs: ExportRecord['organisations']): string[] {
	const start = startDayOf(record);
	if (!start) return [];
	const transaction = (type: '1' | '11', date: string, entry: { type: string; name: string; acronym: string | null }, amount: number, currency: string, valueAttributes = {}) =>
		element(
			'transaction',
			{},
			element('transaction-type', { code: type }) +
				element('transaction-date', { 'iso-date': date }) +
				element('value', { currency, 'value-date': date, ...valueAttributes }, String(amount)) +
				element('provider-org', { type: organisationTypeToIati[entry.type as OrganisationType] ?? '90' }, narrative(organisationName(entry)))
		);
	const commitments = orgs
		.filter((entry) => entry.role === 'funder' && entry.amount != null && entry.currency)
		.map((entry) => transaction('11', start, entry, entry.amount!, entry.currency!, secondFigureAttributes(entry.secondFigure)));
	const yearly = record.yearlyAmounts.flatMap((entry) =>
		entry.organisation ? [transaction('1', yearPeriod(record, entry.year).start, entry.organisation, entry.amount, entry.currency)] : []
	);
	return [...commitments, ...yearly];
}

/** The `<iati-activity>` of one initiative, or why it cannot have one. */
export function iatiActivity(record: ExportRecord): { xml: string } | { skipped: IatiSkip } {
	const dates = activityDates(record);
	if (!dates) return { skipped: 'no_date' };
	if (!record.organisations.length) return { skipped: 'no_organisation' };
	const identifier = record.iatiIdentifier?.trim() || sharakaIdentifier(record.slug);
	const title = narratives(record.title);
	const summary = narratives(record.summary) || title;
	const orgs = [...record.organisations]
		.map((entry) => ({ ...entry, iatiRole: roleToIati[entry.role] }))
		.sort((a, b) => ROLE_ORDER.indexOf(a.iatiRole) - ROLE_ORDER.indexOf(b.iatiRole));
	const scope = activityScope(record);
	const parts = [
		element('iati-identifier', {}, xmlText(identifier)),
		element(
			'reporting-org',
			{ ref: REPORTING_ORG_REF, type: '10', 'secondary-reporter': '1' },
			languages.map((lang) => narrative(translate(lang, 'atlas_export.iati_reporting_org'), lang)).join('')
		),
		element('title', {}, title),
		element('description', { type: '1' }, summary),
		...orgs.map((entry) =>
			element(
				'participating-org',
				{
					role: entry.iatiRole,
					type: organisationTypeToIati[entry.type as OrganisationType] ?? '90',
					[`${ATLAS_PREFIX}:role`]: rolesBeyondIati.includes(entry.role) ? entry.role : undefined
				},
				narrative(organisationName(entry))
			)
		),
		element('activity-status', { code: statusToIati[record.status] }),
		dates,
		record.website ? element('contact-info', { type: '1' }, element('website', {}, xmlText(record.website))) : '',
		scope ? element('activity-scope', { code: scope }) : '',
		recipientCountries(record),
		locations(record),
		sectors(record),
		budgets(record),
		// each funder's stated contribution as an incoming commitment from it (what an importer reads back)
		...contributions(record, orgs),
		// programmes within programmes: 1 = the parent, 2 = a child (IATI RelatedActivityType)
		record.partOf ? element('related-activity', { ref: record.partOf.iatiIdentifier?.trim() || sharakaIdentifier(record.partOf.slug), type: '1' }) : '',
		...record.parts.map((part) => element('related-activity', { ref: part.iatiIdentifier?.trim() || sharakaIdentifier(part.slug), type: '2' }))
	];
	const xml = element(
		'iati-activity',
		{
			'last-updated-datetime': record.updatedAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
			'xml:lang': 'fr',
			'default-currency': record.budgetCurrency,
			// a part sits one level below its programme
			hierarchy: record.partOf ? '2' : '1'
		},
		parts.join('')
	);
	return { xml };
}

/** The file's opening: XML declaration and `<iati-activities>`. */
export function iatiHeader(options: IatiOptions = {}): string {
	const generated = (options.now ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z');
	return `<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="2.03" generated-datetime="${generated}" xmlns:${ATLAS_PREFIX}="${ATLAS_NAMESPACE}">\n`;
}

/** The file's end, with a comment listing the initiatives left out and why. */
export function iatiFooter(skipped: { slug: string; reason: IatiSkip }[]): string {
	const note = skipped.length
		? `<!-- Left out (the IATI schema needs at least one date and one participating organisation): ${skipped
				.map((entry) => `${entry.slug} (${entry.reason})`)
				.join(', ')
				.replace(/--/g, '- -')} -->\n`
		: '';
	return `${note}</iati-activities>\n`;
}
