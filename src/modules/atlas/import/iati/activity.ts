// One <iati-activity> (2.01–2.03) → an initiative to import, with every problem found. Countries and
// sectors are read on the activity, else on its transactions (IATI lets a publisher give them there).
// Pure: no database (organisations are matched when applying).
import { countryCodes } from '../../../../platform/geo/countries.ts';
import { translate } from '../../../../platform/i18n/translator.ts';
import { languages, type Language } from '../../../../platform/i18n/languages.ts';
import { provinces, regions } from '../../../../platform/geo/morocco.ts';
import { provinceAt } from '../../../../platform/geo/geometry/locate.ts';
import { communeByCode, communeNamed } from '../../../../platform/geo/communes.ts';
import { iatiToStatus, slugOfSharakaIdentifier, THEME_VOCABULARY_URI } from '../../export/iati/codes.ts';
import type { Translated } from '../../atlas.table.ts';
import { organisationRoles, otherLanguagePattern, type InitiativeStatus, type InitiativeTheme, type OrganisationRole } from '../../atlas.model.ts';
import type { InitiativeInput } from '../../atlas.schemas.ts';
import { cut, Problems, type ActivityPreview, type ImportedActivity, type ImportedOrganisation } from '../imported.ts';
import type { ImportProblem } from '../import.table.ts';
import { sanitise } from '../validate.ts';
import { namesMorocco, regionIncludesMorocco } from '../../recipient-regions.ts';
import type { RecipientRegion } from '../../atlas.table.ts';
import { isPlaceholderOrganisation, usableRef } from '../organisations.ts';
import { inOrder, isMonth } from '../../partial-dates.ts';
import { attr, childNamed, childrenNamed, OVERSIZED, type IatiFileHeader, type XmlNode } from './xml.ts';
import {
	dateTypeOf,
	isTheme,
	regionName,
	roleOf,
	sectorName,
	sectorVocabularyOf,
	themesOfDac3,
	themesOfDac5,
	transactionTypeOf
} from './codes.ts';

export interface MappedActivity {
	identifier: string | null;
	title: Translated;
	/** null when the activity is skipped (a critical problem) */
	activity: ImportedActivity | null;
	preview: ActivityPreview;
	problems: ImportProblem[];
	concernsMorocco: boolean;
}

const LIMITS = { title: 300, summary: 2000, description: 20000, points: 100, sources: 49, countries: 60, identifier: 150, name: 200 };

// ── Narratives ──────────────────────────────────────────────────────────────

const ARABIC = /[\u0600-\u06FF]/;
const FRENCH_WORDS = /\b(de|des|la|le|les|et|du|pour|dans|au|aux|en)\b/gi;
const ENGLISH_WORDS = /\b(the|of|and|for|in|to|with|on)\b/gi;

/** A language tag's base (fr-FR → fr). */
function baseLanguage(tag: string | null | undefined): string | null {
	const base = tag?.trim().toLowerCase().split(/[-_]/)[0];
	return base || null;
}

/** The language of a text given without any: Arabic script, else whichever of French or English words dominate. */
export function guessLanguage(text: string): Language {
	if (ARABIC.test(text)) return 'ar';
	const french = text.match(FRENCH_WORDS)?.length ?? 0;
	const english = text.match(ENGLISH_WORDS)?.length ?? 0;
	return french > english ? 'fr' : 'en';
}

interface Context {
	/** the activity's default language (its xml:lang, else the file's), null when neither says */
	language: string | null;
	problems: Problems;
	ignoredLanguages: Set<string>;
	/** languages beyond fr, ar, en the texts are kept in */
	keptLanguages: Set<string>;
	guessed: Set<string>;
}

const clean = (text: string) => text.replace(/\r\n?/g, '\n').replace(/[ \t]+/g, ' ').replace(/\n{3,}/g, '\n\n').trim();

/** The narratives of an element by language (fr, ar, en); the same language twice is joined by a blank line. */
function narratives(node: XmlNode | undefined, context: Context): Translated {
	const out: Translated = {};
	if (!node) return out;
	const items = childrenNamed(node, 'narrative');
	// IATI 1.x (and some 2.0x files) put the text directly in the element.
	const sources = items.length ? items : node.text.trim() ? [node] : [];
	for (const item of sources) {
		const text = clean(item.text);
		if (!text) continue;
		let language = baseLanguage(item.attrs['xml:lang']) ?? context.language;
		if (!language) {
			language = guessLanguage(text);
			context.guessed.add(language);
		}
		// a language beyond the three is kept as the source wrote it (moderators add translations); a code that is none is dropped
		if (!(languages as readonly string[]).includes(language)) {
			if (!otherLanguagePattern.test(language)) {
				context.ignoredLanguages.add(language);
				continue;
			}
			context.keptLanguages.add(language);
		}
		out[language] = out[language] ? `${out[language]}\n\n${text}` : text;
	}
	return out;
}

/** The languages of these texts: fr, ar, en first, then the others in the order met. */
function textLanguages(...texts: Translated[]): string[] {
	const found = new Set(texts.flatMap((entry) => Object.keys(entry).filter((key) => entry[key])));
	return [...languages.filter((language) => found.has(language)), ...[...found].filter((language) => !(languages as readonly string[]).includes(language))];
}

/** Every narrative of an element, whatever its language (names of organisations, for matching). */
function allNarratives(node: XmlNode | undefined): string[] {
	if (!node) return [];
	const items = childrenNamed(node, 'narrative');
	const texts = (items.length ? items : [node]).map((item) => clean(item.text)).filter(Boolean);
	return [...new Set(texts)];
}

function firstOf(texts: Translated, order: readonly Language[] = ['fr', 'en', 'ar']): string | null {
	for (const language of order) if (texts[language]) return texts[language]!;
	return null;
}

// ── Values ──────────────────────────────────────────────────────────────────

const DAY = /^(\d{4}-\d{2}-\d{2})(?:$|T|Z|[+-]\d{2}:?\d{2}$)/;

function isoDay(value: string | null): string | null {
	const match = value ? DAY.exec(value.trim()) : null;
	if (!match) return null;
	const day = match[1];
	const parsed = new Date(`${day}T00:00:00Z`);
	return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === day ? day : null;
}

/**
 * An activity date: a day, or a month alone — "2021-04" as some publishers write it (not xsd:date, read
 * anyway: issue #17 rule 18), or a day the Atlas's own export marks `sharaka:precision="month"`.
 */
function activityDay(value: string | null, monthOnly: boolean): string | null {
	const text = value?.trim() ?? '';
	if (isMonth(text)) return text;
	const day = isoDay(text);
	return day && monthOnly ? day.slice(0, 7) : day;
}

/** The year a budget period stands for: the calendar year holding most of its days (a fiscal year April–March: its first); null beyond a year. */
function periodYear(start: string | null, end: string | null): number | null {
	if (!start || !end || end < start) return null;
	const from = Date.parse(`${start}T00:00:00Z`);
	const to = Date.parse(`${end}T00:00:00Z`);
	if ((to - from) / 86_400_000 > 366) return null;
	const first = Number(start.slice(0, 4));
	if (Number(end.slice(0, 4)) === first) return first;
	const daysInFirst = (Date.parse(`${first + 1}-01-01T00:00:00Z`) - from) / 86_400_000;
	const daysInNext = (to - Date.parse(`${first + 1}-01-01T00:00:00Z`)) / 86_400_000 + 1;
	return daysInNext > daysInFirst ? first + 1 : first;
}

function amount(text: string | null): number | null {
	const value = text?.trim().replace(/\s/g, '');
	// xsd:decimal: ".5", "5." and "+5" are valid amounts (issue #17 rule 4)
	if (!value || !/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(value)) return null;
	const number = Number(value);
	return Number.isFinite(number) ? number : null;
}

const currencyOf = (code: string | null) => (code && /^[A-Za-z]{3}$/.test(code.trim()) ? code.trim().toUpperCase() : null);

function httpUrl(value: string | null): string | null {
	if (!value) return null;
	try {
		const url = new URL(value.trim());
		return (url.protocol === 'http:' || url.protocol === 'https:') && url.href.length <= 500 ? url.href : null;
	} catch {
		return null;
	}
}

// ── Places ──────────────────────────────────────────────────────────────────

const fold = (text: string) =>
	text
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();

const placeByName = new Map<string, { kind: 'region' | 'province'; iso: string }>();
for (const region of regions) {
	for (const name of [region.nameFr, region.nameAr, region.nameEn]) placeByName.set(fold(name), { kind: 'region', iso: region.iso });
}
for (const province of provinces) {
	for (const name of [province.nameFr, province.nameAr, province.nameEn]) {
		if (!placeByName.has(fold(name))) placeByName.set(fold(name), { kind: 'province', iso: province.iso });
	}
}
const regionIsos = new Set(regions.map((region) => region.iso));
const provinceIsos = new Set(provinces.map((province) => province.iso));

function placeOf(codes: (string | null)[], names: string[]): { kind: 'region' | 'province'; iso: string } | null {
	for (const code of codes) {
		const upper = code?.trim().toUpperCase();
		if (!upper) continue;
		if (regionIsos.has(upper)) return { kind: 'region', iso: upper };
		if (provinceIsos.has(upper)) return { kind: 'province', iso: upper };
	}
	for (const name of names) {
		const found = placeByName.get(fold(name));
		if (found) return found;
	}
	return null;
}

/**
 * The places a location with no name names in its description ("Région Souss-Massa : Ait-Aimra, Taroudant,
 * Tiznit - maroc", as the European Commission writes them): its pieces, the kind of place before a name dropped.
 */
function describedPlaces(entry: XmlNode): string[] {
	return allNarratives(childNamed(entry, 'description'))
		.flatMap((text) => text.split(/[,;:\n/]|\s[-–]\s/))
		.map((piece) => piece.replace(/^\s*(r[ée]gion|province|pr[ée]fecture|commune|جهة|إقليم|عمالة)(\s+(de|du|des|d'|d’))?\s+/i, '').trim())
		.filter(Boolean);
}

// ── The activity ────────────────────────────────────────────────────────────

/** The title and dates the export writes when only the years are known ("Seule l’année est connue : 2019"). */
function isYearOnly(node: XmlNode, year: string): boolean {
	const texts = allNarratives(node);
	return texts.length > 0 && texts.some((text) => languages.some((language) => text === translate(language, 'atlas_export.iati_year_only', { year: Number(year) })));
}

export function mapActivity(node: XmlNode, header: IatiFileHeader): MappedActivity {
	const problems = new Problems();
	const context: Context = {
		language: baseLanguage(node.attrs['xml:lang']) ?? baseLanguage(header.language),
		problems,
		ignoredLanguages: new Set(),
		keptLanguages: new Set(),
		guessed: new Set()
	};
	const emptyPreview: ActivityPreview = { start: null, end: null, budget: null, countries: [], regions: [], sectors: [], themes: [], organisations: [] };
	const rawIdentifier = clean(childNamed(node, 'iati-identifier')?.text ?? '');
	const identifier = rawIdentifier || null;
	if (node.children[0]?.name === OVERSIZED) {
		problems.critical('activity_too_large');
		return { identifier, title: {}, activity: null, preview: emptyPreview, problems: problems.list, concernsMorocco: false };
	}
	const ownSlug = slugOfSharakaIdentifier(identifier);
	if (!identifier) problems.critical('no_identifier');
	else if (identifier.length > LIMITS.identifier) problems.critical('identifier_too_long', { max: LIMITS.identifier });

	// Titles, summary, description
	const titleTexts = narratives(childNamed(node, 'title'), context);
	const title: Translated = {};
	for (const language of textLanguages(titleTexts)) {
		const text = titleTexts[language]?.replace(/\s+/g, ' ');
		if (!text) continue;
		title[language] = cut(text, LIMITS.title);
		if (text.length > LIMITS.title) problems.warning('text_truncated', { field: 'title', max: LIMITS.title });
	}
	if (!Object.values(title).some(Boolean)) problems.critical('no_title');

	const descriptions = childrenNamed(node, 'description');
	const general = descriptions.find((entry) => (attr(entry, 'type') ?? '1') === '1');
	const generalTexts = narratives(general, context);
	const summary: Translated = {};
	const description: Translated = {};
	const descriptionTexts = descriptions.map((entry) => (entry === general ? generalTexts : narratives(entry, context)));
	for (const language of textLanguages(generalTexts, ...descriptionTexts)) {
		const text = generalTexts[language];
		// The Atlas's own export writes the title as the description of an initiative without a summary.
		if (text && text.replace(/\s+/g, ' ') !== title[language]) summary[language] = cut(text, LIMITS.summary);
		// the description keeps every text (general, objectives, target groups…) when there is more than the summary
		const all = descriptionTexts.map((texts) => texts[language]).filter(Boolean) as string[];
		const joined = all.join('\n\n');
		if (joined && joined !== text) {
			description[language] = cut(joined, LIMITS.description);
			if (joined.length > LIMITS.description) problems.warning('text_truncated', { field: 'description', max: LIMITS.description });
		}
	}

	// Dates
	const dates: Partial<Record<'1' | '2' | '3' | '4', string>> = {};
	let startYear: number | null = null;
	let endYear: number | null = null;
	for (const entry of childrenNamed(node, 'activity-date')) {
		const type = dateTypeOf(attr(entry, 'type'));
		const raw = attr(entry, 'iso-date');
		if (!type) continue;
		const day = activityDay(raw, Boolean(header.atlasPrefix && attr(entry, `${header.atlasPrefix}:precision`) === 'month'));
		if (!day) {
			problems.error('invalid_date', { type, value: (raw ?? '').slice(0, 40) });
			continue;
		}
		if (dates[type]) continue;
		const year = day.slice(0, 4);
		const start = type === '1' || type === '2';
		if (isYearOnly(entry, year) && day.slice(5) === (start ? '01-01' : '12-31')) {
			if (start) startYear ??= Number(year);
			else endYear ??= Number(year);
			continue;
		}
		dates[type] = day;
	}
	for (const [start, end] of [
		['1', '3'],
		['2', '4']
	] as const) {
		if (dates[start] && dates[end] && !inOrder(dates[start]!, dates[end]!)) {
			problems.error('dates_reversed', { start: dates[start]!, end: dates[end]! });
			delete dates[end];
		}
	}
	if (startYear && endYear && endYear < startYear) endYear = null;
	if (!dates['1'] && !dates['2'] && !dates['3'] && !dates['4'] && !startYear && !endYear) problems.warning('no_dates');

	// Status
	const statusCode = attr(childNamed(node, 'activity-status'), 'code');
	let status: InitiativeStatus | undefined = statusCode ? iatiToStatus[statusCode] : undefined;
	if (!status) {
		status = dates['4'] ? 'completed' : dates['2'] ? 'ongoing' : 'planned';
		if (statusCode) problems.error('invalid_status', { code: statusCode.slice(0, 20) });
		else problems.warning('status_missing', { status });
	}

	// Transactions (read once: budgets, contributions, countries, sectors)
	const defaultCurrency = currencyOf(attr(node, 'default-currency'));
	const atlasAttr = (entry: XmlNode | undefined, name: string) => (header.atlasPrefix && entry ? attr(entry, `${header.atlasPrefix}:${name}`) : null);
	/** the Atlas's own second figure, beside a value (IATI has none) */
	const secondFigureOf = (value: XmlNode | undefined) => {
		const figure = amount(atlasAttr(value, 'second-amount'));
		const currency = currencyOf(atlasAttr(value, 'second-currency'));
		return figure !== null && figure >= 0 && currency ? { amount: figure, currency } : null;
	};
	const transactions = childrenNamed(node, 'transaction').map((entry) => {
		const value = childNamed(entry, 'value');
		return {
			type: transactionTypeOf(attr(childNamed(entry, 'transaction-type'), 'code')),
			amount: amount(value?.text ?? null),
			currency: currencyOf(attr(value, 'currency')) ?? defaultCurrency,
			date: isoDay(attr(childNamed(entry, 'transaction-date'), 'iso-date')) ?? isoDay(attr(value, 'value-date')),
			secondFigure: secondFigureOf(value),
			provider: childNamed(entry, 'provider-org'),
			countries: childrenNamed(entry, 'recipient-country').map((country) => attr(country, 'code')),
			regions: childrenNamed(entry, 'recipient-region').map((region) => ({ code: attr(region, 'code'), vocabulary: attr(region, 'vocabulary') ?? '1' })),
			sectors: childrenNamed(entry, 'sector')
		};
	});

	// Budget: the sum of the budgets (a revised budget replaces the original of its period), else of the
	// commitments; and each budget of a year at most as the amount of its year (issue #17 rule 5)
	let budget: InitiativeInput['budget'] = null;
	const byPeriod = new Map<string, { revised: boolean; amount: number; currency: string | null; start: string | null; end: string | null; year: number | null }>();
	let statedTotal: { total: number; currency: string } | 'unknown' | null = null;
	let budgetSecondFigure: { amount: number; currency: string } | null = null;
	for (const entry of childrenNamed(node, 'budget')) {
		const value = childNamed(entry, 'value');
		const sum = amount(value?.text ?? null);
		if (sum === null || sum < 0) {
			problems.error('budget_invalid', { value: (value?.text ?? '').trim().slice(0, 40) });
			continue;
		}
		const start = isoDay(attr(childNamed(entry, 'period-start'), 'iso-date'));
		const end = isoDay(attr(childNamed(entry, 'period-end'), 'iso-date'));
		const period = `${attr(childNamed(entry, 'period-start'), 'iso-date')}/${attr(childNamed(entry, 'period-end'), 'iso-date')}`;
		const revised = attr(entry, 'type') === '2';
		const current = byPeriod.get(period);
		// the Atlas's own file says which budgets are a year's (`sharaka:year`) and the total beside them
		const atlasYear = Number(atlasAttr(entry, 'year'));
		const year = header.atlasPrefix ? (Number.isInteger(atlasYear) && atlasYear > 0 ? atlasYear : null) : periodYear(start, end);
		const total = atlasAttr(entry, 'total');
		if (total === 'unknown') statedTotal = 'unknown';
		else if (total !== null) {
			const figure = amount(total);
			const currency = currencyOf(atlasAttr(entry, 'total-currency'));
			if (figure !== null && figure >= 0 && currency) statedTotal = { total: figure, currency };
		}
		budgetSecondFigure ??= secondFigureOf(value) ?? secondFigureOf(entry);
		const item = { revised, amount: sum, currency: currencyOf(attr(value, 'currency')) ?? defaultCurrency, start, end, year };
		if (!current) byPeriod.set(period, item);
		else if (revised && !current.revised) byPeriod.set(period, item);
		else if (revised === current.revised) byPeriod.set(period, { ...current, amount: current.amount + sum, currency: current.currency === item.currency ? current.currency : null });
	}
	const total = (items: { amount: number | null; currency: string | null }[]) => {
		// negative transactions (de-obligations, reimbursements) are netted, not dropped (issue #17 rule 4);
		// budgets never reach here negative (refused above)
		const kept = items.filter((item) => item.amount !== null);
		if (!kept.length) return null;
		const currencies = [...new Set(kept.map((item) => item.currency))];
		if (currencies.length > 1 || !currencies[0]) {
			problems.error(currencies.includes(null) ? 'budget_no_currency' : 'budget_currencies', { currencies: currencies.filter(Boolean).join(', ') });
			return null;
		}
		const net = Math.round(kept.reduce((sum, item) => sum + item.amount!, 0) * 100) / 100;
		if (net < 0) {
			problems.error('budget_invalid', { value: String(net) });
			return null;
		}
		return { total: net, currency: currencies[0] };
	};
	// the budget of each year the file gives (a year's budgets in one currency are added up)
	const yearlyBudgets = new Map<string, { year: number; amount: number; currency: string }>();
	for (const entry of byPeriod.values()) {
		if (entry.year === null || !entry.currency) continue;
		const key = `${entry.year}/${entry.currency}`;
		const found = yearlyBudgets.get(key);
		yearlyBudgets.set(key, { year: entry.year, currency: entry.currency, amount: Math.round(((found?.amount ?? 0) + entry.amount) * 100) / 100 });
	}
	const atlasYearly = header.atlasPrefix && [...byPeriod.values()].some((entry) => entry.year !== null);
	// budgets that are all zero say nothing of the activity's size (the European Commission publishes the
	// years still to come, each 0 once everything is committed): the commitments are the total, no year's amount
	const zeroBudgets = !header.atlasPrefix && byPeriod.size > 0 && [...byPeriod.values()].every((entry) => entry.amount === 0);
	if (zeroBudgets) {
		byPeriod.clear();
		yearlyBudgets.clear();
		problems.warning('budgets_zero');
	}
	if (atlasYearly) budget = statedTotal === 'unknown' ? null : (statedTotal ?? total([...byPeriod.values()]));
	else if (byPeriod.size) budget = total([...byPeriod.values()]);
	// the Atlas's own export states a total whenever it has one: its funders' commitments are not a total
	else if (!header.atlasPrefix) {
		const commitments = transactions.filter((entry) => entry.type === '2');
		const incoming = transactions.filter((entry) => entry.type === '11');
		budget = total(commitments.length ? commitments : incoming);
	}
	if (budget && budget.total > 1e13) {
		problems.error('budget_invalid', { value: String(budget.total) });
		budget = null;
	}
	if (budget && budgetSecondFigure && budgetSecondFigure.currency !== budget.currency) budget = { ...budget, secondFigure: budgetSecondFigure };
	// a single budget over the whole activity is its total, not the amount of a year
	const yearlyAmounts: NonNullable<InitiativeInput['yearlyAmounts']> =
		atlasYearly || yearlyBudgets.size > 1 || [...byPeriod.values()].every((entry) => entry.year !== null)
			? [...yearlyBudgets.values()].sort((a, b) => a.year - b.year).map((entry) => ({ organisation: null, ...entry }))
			: [];
	if (!budget && !byPeriod.size && !transactions.some((entry) => entry.type === '2' || entry.type === '11')) problems.warning('no_budget');

	// Organisations
	const organisations: ImportedOrganisation[] = [];
	const sameOrganisation = (a: { ref: string | null; names: string[] }, b: { ref: string | null; names: string[] }) =>
		(a.ref && b.ref && a.ref.toUpperCase() === b.ref.toUpperCase()) || a.names.some((name) => b.names.some((other) => fold(other) === fold(name)));
	for (const entry of childrenNamed(node, 'participating-org')) {
		const ref = usableRef(attr(entry, 'ref'));
		const names = allNarratives(entry).map((name) => cut(name, LIMITS.name));
		const preferred = firstOf(narratives(entry, { ...context, problems: new Problems(), ignoredLanguages: new Set(), keptLanguages: new Set(), guessed: new Set() }));
		// a file the Atlas exported names the roles IATI has no code for (partner, beneficiary) in its namespace
		const atlasRole = header.atlasPrefix ? attr(entry, `${header.atlasPrefix}:role`) : null;
		const role = (organisationRoles as readonly string[]).includes(atlasRole ?? '') ? (atlasRole as OrganisationRole) : roleOf(attr(entry, 'role'));
		if (!role) {
			problems.error('organisation_role', { role: (attr(entry, 'role') ?? '').slice(0, 20), name: names[0] ?? ref ?? '?' });
			continue;
		}
		if (!names.length && !ref) {
			problems.error('organisation_no_name');
			continue;
		}
		if (isPlaceholderOrganisation(ref, names)) {
			problems.warning('organisation_placeholder', { name: names[0] });
			continue;
		}
		const ordered = preferred ? [cut(preferred, LIMITS.name), ...names.filter((name) => name !== cut(preferred, LIMITS.name))] : names;
		const organisation: ImportedOrganisation = { ref, names: ordered, type: attr(entry, 'type'), role };
		if (!organisations.some((other) => other.role === role && sameOrganisation(other, organisation))) organisations.push(organisation);
	}
	// Contributions: what each provider of incoming funds gave (incoming commitments, else incoming funds);
	// its amounts per year: incoming funds by the year of their date — else, when its commitments fall in
	// several years, those (issue #17 rule 5). The Atlas's own file: commitments are the total, funds the years.
	const providers = new Map<string, { ref: string | null; names: string[]; type: string | null; commitments: typeof transactions; funds: typeof transactions }>();
	for (const entry of transactions) {
		if (!entry.provider || (entry.type !== '1' && entry.type !== '11')) continue;
		const ref = usableRef(attr(entry.provider, 'ref'));
		const names = allNarratives(entry.provider).map((name) => cut(name, LIMITS.name));
		if (!ref && !names.length) continue;
		if (isPlaceholderOrganisation(ref, names)) {
			problems.warning('organisation_placeholder', { name: names[0] });
			continue;
		}
		const key = ref?.toUpperCase() ?? fold(names[0]);
		const provider = providers.get(key) ?? { ref, names, type: attr(entry.provider, 'type'), commitments: [], funds: [] };
		(entry.type === '11' ? provider.commitments : provider.funds).push(entry);
		providers.set(key, provider);
	}
	const byYear = (items: typeof transactions) => {
		const years = new Map<string, { year: number; amount: number; currency: string }>();
		for (const item of items) {
			if (item.amount === null || !item.currency || !item.date) continue;
			const year = Number(item.date.slice(0, 4));
			const key = `${year}/${item.currency}`;
			years.set(key, { year, currency: item.currency, amount: Math.round(((years.get(key)?.amount ?? 0) + item.amount) * 100) / 100 });
		}
		// a year netted below zero says nothing of the year's amount
		return [...years.values()].filter((entry) => entry.amount >= 0).sort((a, b) => a.year - b.year);
	};
	for (const provider of providers.values()) {
		const items = header.atlasPrefix ? provider.commitments : provider.commitments.length ? provider.commitments : provider.funds;
		const kept = items.filter((item) => item.amount !== null && item.amount >= 0);
		const currencies = [...new Set(kept.map((item) => item.currency))];
		const name = provider.names[0] ?? provider.ref ?? '?';
		const commitmentYears = new Set(provider.commitments.flatMap((item) => (item.date ? [item.date.slice(0, 4)] : [])));
		const yearly = byYear(provider.funds.length ? provider.funds : !header.atlasPrefix && commitmentYears.size > 1 ? provider.commitments : []);
		let contribution: Pick<ImportedOrganisation, 'amount' | 'currency' | 'secondFigure'> = {};
		if (currencies.length === 1 && currencies[0]) {
			const sum = Math.round(kept.reduce((total, item) => total + item.amount!, 0) * 100) / 100;
			const second = kept.length === 1 ? kept[0].secondFigure : null;
			contribution = { amount: sum, currency: currencies[0], ...(second && second.currency !== currencies[0] ? { secondFigure: second } : {}) };
		} else if (kept.length) problems.error('contribution_currencies', { name });
		if (!contribution.amount && contribution.amount !== 0 && !yearly.length) continue;
		const funder = organisations.find((entry) => entry.role === 'funder' && sameOrganisation(entry, provider));
		const found = { ...contribution, ...(yearly.length ? { yearly } : {}) };
		if (funder) Object.assign(funder, found);
		else organisations.push({ ref: provider.ref, names: provider.names, type: provider.type, role: 'funder', ...found });
	}
	if (!organisations.length) problems.warning('no_organisation');

	// Countries (activity, else transactions) and regions
	const activityCountries = childrenNamed(node, 'recipient-country').map((entry) => attr(entry, 'code'));
	// each recipient's percentage as the file gives it: Morocco's share counts in statistics, the others are kept
	const percentageOf = (entry: XmlNode) => {
		// the Atlas's own export marks the equal shares it had to write when the source gave none
		if (header.atlasPrefix && attr(entry, `${header.atlasPrefix}:share`) === 'equal') return null;
		const number = amount(attr(entry, 'percentage'));
		return number !== null && number >= 0 && number <= 100 ? number : null;
	};
	let moroccoShare: number | null = null;
	const countryShares: { country: string; percentage: number }[] = [];
	for (const entry of childrenNamed(node, 'recipient-country')) {
		const code = attr(entry, 'code')?.toUpperCase() ?? '';
		const percentage = percentageOf(entry);
		if (percentage === null) continue;
		if (code === 'MA' || code === 'EH') moroccoShare = (moroccoShare ?? 0) + percentage;
		else if (countryCodes.includes(code) && !countryShares.some((share) => share.country === code)) countryShares.push({ country: code, percentage });
	}
	// all of it in Morocco, or a share the file cannot mean (0), is the whole
	if (moroccoShare !== null && (moroccoShare >= 100 || moroccoShare <= 0)) moroccoShare = null;
	const countryCodesGiven = activityCountries.length ? activityCountries : transactions.flatMap((entry) => entry.countries);
	if (!activityCountries.length && countryCodesGiven.length) problems.warning('countries_from_transactions');
	let concernsMorocco = false;
	const countries: string[] = [];
	for (const raw of countryCodesGiven) {
		const code = raw?.toUpperCase() ?? '';
		// The platform's convention (organisation.schemas.ts): the southern provinces are in Morocco.
		if (code === 'MA' || code === 'EH') concernsMorocco = true;
		else if (countryCodes.includes(code)) {
			if (!countries.includes(code)) countries.push(code);
		} else problems.error('invalid_country', { code: (raw ?? '').slice(0, 10) });
	}
	if (countries.length > LIMITS.countries) {
		problems.warning('too_many', { field: 'countries', max: LIMITS.countries });
		countries.length = LIMITS.countries;
	}
	// Supranational regions (IATI vocabularies 1 OECD DAC and 2 UN M49) are kept; others are reported
	const regionEntries = [
		...childrenNamed(node, 'recipient-region').map((entry) => ({ code: attr(entry, 'code'), vocabulary: attr(entry, 'vocabulary') ?? '1', percentage: percentageOf(entry) })),
		...transactions.flatMap((entry) => entry.regions.map((region) => ({ ...region, percentage: null })))
	];
	const recipientRegions: RecipientRegion[] = [];
	const regionsNotKept: string[] = [];
	for (const entry of regionEntries) {
		if (!entry.code) continue;
		if ((entry.vocabulary === '1' || entry.vocabulary === '2') && /^\d{1,4}$/.test(entry.code)) {
			if (!recipientRegions.some((other) => other.code === entry.code && other.vocabulary === entry.vocabulary)) {
				recipientRegions.push({ code: entry.code, vocabulary: entry.vocabulary, percentage: entry.percentage });
			}
		} else regionsNotKept.push(entry.code);
	}
	if (regionsNotKept.length) problems.warning('region_not_kept', { regions: [...new Set(regionsNotKept)].join(', ') });
	const regionLabel = (region: RecipientRegion) => (region.vocabulary === '1' ? regionName(region.code, 'en') : null) ?? region.code;

	// Locations: Moroccan communes (by HCP code), regions and provinces (by code or name), else points;
	// then communes by name among the places found (issue #17 rule 18)
	const regionSet = new Set<string>();
	const provinceSet = new Set<string>();
	const communeSet = new Set<string>();
	const points: NonNullable<InitiativeInput['points']> = [];
	const unplaced: { names: string[]; codes: (string | null)[] }[] = [];
	/** pieces of descriptions that named no region nor province: communes perhaps */
	const describedRest: string[] = [];
	for (const entry of childrenNamed(node, 'location')) {
		const names = allNarratives(childNamed(entry, 'name'));
		const codes = [attr(entry, 'ref'), attr(childNamed(entry, 'location-id'), 'code'), ...childrenNamed(entry, 'administrative').map((item) => attr(item, 'code'))];
		// a commune's HCP code (the Atlas's export writes it as ref and administrative code): its point is the commune's
		const commune = codes.flatMap((code) => (code ? (communeByCode(code) ?? []) : []))[0];
		if (commune) {
			communeSet.add(commune.code);
			continue;
		}
		// the Atlas's own export names its regions and provinces by code; its other locations are points only
		let place = header.atlasPrefix && !attr(entry, 'ref') ? null : placeOf(codes, names);
		if (place) (place.kind === 'region' ? regionSet : provinceSet).add(place.iso);
		else if (!names.length && !header.atlasPrefix) {
			// no name: the regions and provinces its description names are its places (its point, then, only an office's)
			const rest: string[] = [];
			for (const piece of describedPlaces(entry)) {
				const found = placeOf([], [piece]);
				if (found) (found.kind === 'region' ? regionSet : provinceSet).add(found.iso);
				else rest.push(piece);
				place ??= found;
			}
			if (place) describedRest.push(...rest);
		}
		const pos = childNamed(childNamed(entry, 'point') ?? { name: '', attrs: {}, children: [], text: '' }, 'pos')?.text.trim();
		// an area's point is its centroid, not a place of its own
		if (pos && !place) {
			const [lat, lon] = pos.split(/\s+/).map(Number);
			if (Number.isFinite(lat) && Number.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180) {
				if (points.length < LIMITS.points) points.push(names[0] ? { lat, lon, label: cut(names[0], 200) } : { lat, lon });
				else problems.warning('too_many', { field: 'points', max: LIMITS.points });
				// a point alone still says where in Morocco: its province, for the moderator to check near a border
				const province = header.atlasPrefix ? undefined : provinceAt(lat, lon);
				if (province && !provinceSet.has(province.iso)) {
					provinceSet.add(province.iso);
					problems.warning('place_from_point', { name: names[0] ?? pos.slice(0, 60), province: province.iso });
				}
				continue;
			}
			problems.error('invalid_point', { value: pos.slice(0, 60) });
			continue;
		}
		if (place) continue;
		unplaced.push({ names, codes });
	}
	// a name that designates one commune among the activity's places (all of Morocco when it names none)
	const within = [...regionSet, ...provinceSet];
	for (const piece of describedRest) {
		const commune = communeNamed(piece, within);
		if (commune) communeSet.add(commune.code);
	}
	for (const { names, codes } of unplaced) {
		const commune = names.map((name) => communeNamed(name, within)).find(Boolean);
		if (commune) communeSet.add(commune.code);
		else problems.warning('location_not_kept', { name: names[0] ?? codes.find(Boolean) ?? '?' });
	}
	const nationalScope = concernsMorocco && attr(childNamed(node, 'activity-scope'), 'code') === '4';
	if (concernsMorocco && !nationalScope && !regionSet.size && !provinceSet.size && !communeSet.size && !points.length) problems.warning('no_location');
	// a region that includes Morocco (North of Sahara, Africa…) without MA: for the moderator to decide, with a hint
	const mayConcern = !concernsMorocco && recipientRegions.some(regionIncludesMorocco);
	if (mayConcern) {
		problems.warning('may_concern_morocco', { regions: recipientRegions.filter(regionIncludesMorocco).map(regionLabel).join(', ') });
		const texts = [...Object.values(title), ...Object.values(summary), ...Object.values(description)].join(' \n ');
		if (namesMorocco(texts)) problems.warning('names_morocco');
	} else if (!concernsMorocco) problems.warning('not_morocco');

	// Sectors (activity, else transactions) → themes
	const sectorNodes = childrenNamed(node, 'sector').length ? childrenNamed(node, 'sector') : transactions.flatMap((entry) => entry.sectors);
	if (!childrenNamed(node, 'sector').length && sectorNodes.length) problems.warning('sectors_from_transactions');
	const sectors: { vocabulary: string; code: string }[] = [];
	const atlasThemes = new Set<InitiativeTheme>();
	const dacThemes = new Set<InitiativeTheme>();
	const unmapped: string[] = [];
	const ignoredVocabularies = new Set<string>();
	for (const entry of sectorNodes) {
		const vocabulary = sectorVocabularyOf(attr(entry, 'vocabulary'));
		const code = attr(entry, 'code');
		if (!code) continue;
		if (attr(entry, 'vocabulary-uri') === THEME_VOCABULARY_URI) {
			if (isTheme(code)) atlasThemes.add(code);
			continue;
		}
		if (!sectors.some((sector) => sector.vocabulary === vocabulary && sector.code === code)) sectors.push({ vocabulary, code });
		if (vocabulary === '1' || vocabulary === '2') {
			const themes = vocabulary === '1' ? themesOfDac5(code) : themesOfDac3(code);
			if (themes) themes.forEach((theme) => dacThemes.add(theme));
			else unmapped.push(`${code} ${sectorName(vocabulary, code, 'en') ?? ''}`.trim());
		} else ignoredVocabularies.add(vocabulary);
	}
	const themes = atlasThemes.size ? [...atlasThemes] : [...dacThemes];
	if (unmapped.length) problems.warning('sector_not_mapped', { codes: [...new Set(unmapped)].join(', ') });
	if (ignoredVocabularies.size) problems.warning('sector_vocabulary_ignored', { vocabularies: [...ignoredVocabularies].join(', ') });
	if (!themes.length) problems.warning('no_theme');

	// Contact, web site, documents
	const contactInfo = childNamed(node, 'contact-info');
	const website = httpUrl(contactInfo ? (childNamed(contactInfo, 'website')?.text ?? null) : null);
	const contactParts = contactInfo
		? [
				firstOf(narratives(childNamed(contactInfo, 'organisation'), context)),
				firstOf(narratives(childNamed(contactInfo, 'person-name'), context)),
				clean(childNamed(contactInfo, 'email')?.text ?? '')
			].filter(Boolean)
		: [];
	const sources: NonNullable<InitiativeInput['sources']> = [];
	for (const entry of childrenNamed(node, 'document-link')) {
		const url = httpUrl(attr(entry, 'url'));
		if (!url) {
			problems.warning('document_link_invalid', { url: (attr(entry, 'url') ?? '').slice(0, 100) });
			continue;
		}
		if (sources.length >= LIMITS.sources) {
			problems.warning('too_many', { field: 'sources', max: LIMITS.sources });
			break;
		}
		const name = firstOf(narratives(childNamed(entry, 'title'), context));
		const date = isoDay(attr(childNamed(entry, 'document-date'), 'iso-date'));
		sources.push({ citation: cut(name ?? url, 1000), url, ...(date ? { date } : {}) });
	}

	// the larger activity this one is part of (a project's component, a programme's contract): linked on apply
	const parentRef = childrenNamed(node, 'related-activity')
		.filter((entry) => attr(entry, 'type') === '1')
		.map((entry) => clean(attr(entry, 'ref') ?? ''))
		.find((ref) => ref && ref !== identifier && ref.length <= LIMITS.identifier);
	if (parentRef) problems.warning('part_of', { ref: parentRef });

	if (context.ignoredLanguages.size) problems.warning('language_ignored', { languages: [...context.ignoredLanguages].join(', ') });
	if (context.keptLanguages.size) problems.warning('language_kept', { languages: [...context.keptLanguages].join(', ') });
	if (context.guessed.size) problems.warning('language_guessed', { languages: [...context.guessed].join(', ') });

	const input: ImportedActivity['input'] = {
		title,
		summary,
		description,
		status,
		plannedStart: dates['1'] ?? null,
		actualStart: dates['2'] ?? null,
		plannedEnd: dates['3'] ?? null,
		actualEnd: dates['4'] ?? null,
		startYear: startYear ?? null,
		endYear: endYear ?? null,
		nationalScope,
		regions: [...regionSet],
		provinces: [...provinceSet],
		communes: [...communeSet].sort(),
		countries,
		points,
		themes,
		budget,
		yearlyAmounts,
		sources,
		contact: contactParts.length ? cut(contactParts.join(' — '), 500) : null,
		website,
		moroccoShare: concernsMorocco ? moroccoShare : null,
		countryShares: countryShares.filter((share) => countries.includes(share.country)),
		recipientRegions,
		// the Atlas's own identifier (an initiative without an IATI one, exported by the Atlas) is its slug again
		...(ownSlug ? { slug: ownSlug, iatiIdentifier: null } : { iatiIdentifier: identifier })
	};
	const preview: ActivityPreview = {
		start: dates['2'] ?? dates['1'] ?? (startYear ? String(startYear) : null),
		end: dates['4'] ?? dates['3'] ?? (endYear ? String(endYear) : null),
		budget,
		countries: concernsMorocco ? ['MA', ...countries] : countries,
		regions: [...regionSet, ...provinceSet],
		sectors,
		themes,
		organisations: organisations.map((entry) => ({ name: entry.names[0] ?? entry.ref ?? '?', role: entry.role }))
	};
	const checked = problems.hasCritical ? null : sanitise(input, problems);
	const activity: ImportedActivity | null = checked
		? { identifier, input: checked, organisations, exactThemes: atlasThemes.size > 0, givesCountries: countryCodesGiven.length > 0, concernsMorocco, parentRef: parentRef ?? null }
		: null;
	return { identifier, title, activity, preview, problems: problems.list, concernsMorocco };
}
