// The initiative's fields as the moderators' review compares them (platform/moderation/diff.ts), and
// their values shown in a language.
import { InitiativeInput, type InitiativeData } from '../atlas.schemas.ts';
import { createTranslator, translate } from '../../../platform/i18n/translator.ts';
import type { Language } from '../../../platform/i18n/languages.ts';
import { provinces, regions } from '../../../platform/geo/morocco.ts';
import { communeByCode, communeName } from '../../../platform/geo/communes.ts';
import { figureText, yearlyLines, type Figure } from '../amounts-text.ts';
import { formatPartialDate } from '../partial-dates.ts';
import {
	describeChange as describePlatformChange,
	diffVersions,
	isEmptyValue,
	type Change as PlatformChange,
	type DescribedChange,
	type DiffField as PlatformDiffField
} from '../../../platform/moderation/diff.ts';

/** The fields compared, in display order (each has a label `atlas_moderation.field_<name>`). */
export const diffFields = [
	'title',
	'summary',
	'description',
	'status',
	'partOf',
	'plannedStart',
	'plannedEnd',
	'actualStart',
	'actualEnd',
	'startYear',
	'endYear',
	'nationalScope',
	'regions',
	'provinces',
	'communes',
	'otherPlaces',
	'countries',
	'foreignPlaces',
	'points',
	'themes',
	'targetGroups',
	'budget',
	'organisations',
	'yearlyAmounts',
	'results',
	'lessons',
	'evaluation',
	'deliverables',
	'sources',
	'contact',
	'website',
	'iatiIdentifier',
	'lastVerifiedOn'
] as const;
export type DiffField = (typeof diffFields)[number];

const translatedFields = new Set<DiffField>(['title', 'summary', 'description', 'results', 'lessons']);
const setFields = new Set<DiffField>(['regions', 'provinces', 'communes', 'countries', 'themes', 'targetGroups']);

/** The initiative's fields as the platform's comparison reads them. */
const comparedFields: readonly PlatformDiffField<DiffField>[] = diffFields.map((name) => ({
	name,
	kind: translatedFields.has(name) ? 'translated' : setFields.has(name) ? 'set' : undefined
}));

export type Change = PlatformChange<DiffField>;

/** A stored snapshot or proposal as comparable data (unknown keys such as organisation names dropped). */
export function normaliseVersion(value: unknown): InitiativeData {
	const result = InitiativeInput.safeParse(value);
	if (result.success) return result.data;
	// An old snapshot that no longer validates, or the empty base of a new initiative (no title yet):
	// compare what can be read.
	const given = { ...(value as object) } as Record<string, unknown>;
	const title = Object.fromEntries(
		Object.entries(given.title && typeof given.title === 'object' ? given.title : {}).filter(([, text]) => typeof text === 'string' && text)
	) as InitiativeData['title'];
	return { ...InitiativeInput.parse({ status: 'planned', ...given, title: { fr: '?' } }), title };
}

/** How the moderators' review compares two versions of an initiative (a new one: against an empty one of the same status). */
export const initiativeDiff = {
	fields: comparedFields,
	comparable: (value: unknown) => normaliseVersion(value) as unknown as Record<string, unknown>,
	blank: (data: InitiativeData) => ({ title: {}, status: data.status })
};

/** What differs between two versions, field by field. */
export function diffInitiatives(before: unknown, after: unknown): Change[] {
	return diffVersions(initiativeDiff.comparable(before), initiativeDiff.comparable(after), comparedFields);
}

/** The names of the changed fields (each once). */
export function changedFields(before: unknown, after: unknown): DiffField[] {
	return [...new Set(diffInitiatives(before, after).map((change) => change.field))];
}

/** A value as lines of text in the language (codes spelt out; organisations by name when `organisationNames` knows their slug). */
export function describeValue(language: Language, field: DiffField, value: unknown, organisationNames: ReadonlyMap<string, string> = new Map()): string[] {
	if (isEmptyValue(value)) return [];
	const t = (key: string, values?: Record<string, string | number>) => translate(language, key, values);
	// amounts as on every other page (the page language's number and currency format)
	const money = createTranslator(language);
	switch (field) {
		case 'status':
			return [t(`atlas.status_${value}`)];
		case 'nationalScope':
			return [t(value ? 'atlas_moderation.yes' : 'atlas_moderation.no')];
		case 'themes':
			return (value as string[]).map((code) => t(`atlas.theme_${code}`));
		case 'targetGroups':
			return (value as string[]).map((code) => t(`atlas.target_${code}`));
		case 'regions':
			return (value as string[]).map((iso) => {
				const region = regions.find((entry) => entry.iso === iso);
				return region ? (language === 'ar' ? region.nameAr : language === 'en' ? region.nameEn : region.nameFr) : iso;
			});
		case 'provinces':
			return (value as string[]).map((iso) => {
				const province = provinces.find((entry) => entry.iso === iso);
				return province ? (language === 'ar' ? province.nameAr : language === 'en' ? province.nameEn : province.nameFr) : iso;
			});
		case 'communes':
			// by name, with the code that tells two communes of the same name apart
			return (value as string[]).map((code) => {
				const commune = communeByCode(code);
				return commune ? `${communeName(commune, language)} (${code})` : code;
			});
		case 'countries': {
			const names = new Intl.DisplayNames([language], { type: 'region' });
			return (value as string[]).map((code) => names.of(code) ?? code);
		}
		case 'budget': {
			// with the source's second figure, beside the first
			const budget = value as { total: number; currency: string; secondFigure?: Figure | null };
			return [figureText(language, { amount: budget.total, currency: budget.currency }, budget.secondFigure)];
		}
		case 'organisations':
			return (value as { organisation: string; role: string; amount?: number | null; currency?: string | null; secondFigure?: Figure | null }[]).map(
				(entry) =>
					`${organisationNames.get(entry.organisation) ?? entry.organisation} — ${t(`atlas.role_${entry.role}`)}${
						entry.amount != null
							? ` — ${entry.currency ? figureText(language, { amount: entry.amount, currency: entry.currency }, entry.secondFigure) : money.number(entry.amount)}`
							: ''
					}`
			);
		case 'yearlyAmounts':
			return yearlyLines(language, value as { organisation?: string | null; year: number; amount: number; currency: string }[], organisationNames);
		case 'plannedStart':
		case 'plannedEnd':
		case 'actualStart':
		case 'actualEnd':
		case 'lastVerifiedOn':
			// a day, or a month alone ("avril 2021")
			return [formatPartialDate(language, String(value))];
		case 'evaluation': {
			const evaluation = value as { by?: string | null; date?: string | null; url?: string | null };
			return [[evaluation.by, evaluation.date ? formatPartialDate(language, evaluation.date) : null, evaluation.url].filter(Boolean).join(' — ')];
		}
		case 'foreignPlaces': {
			const names = new Intl.DisplayNames([language], { type: 'region' });
			return (value as { country: string; region: string }[]).map((place) => `${place.region} (${names.of(place.country) ?? place.country})`);
		}
		case 'partOf': {
			const partOf = value as { initiative: string; relation: string };
			return [`${t(`atlas.relation_${partOf.relation}`)} — ${partOf.initiative}`];
		}
		case 'deliverables':
			return (value as { title: string; url?: string | null; type?: string | null; status?: string }[]).map((entry) =>
				[
					entry.title,
					entry.url,
					entry.type ? t(`atlas.deliverable_${entry.type}`) : null,
					entry.status === 'forthcoming' ? t('atlas.deliverable_forthcoming') : null
				]
					.filter(Boolean)
					.join(' — ')
			);
		case 'sources':
			return (value as { citation: string; url?: string | null; date?: string | null }[]).map((entry) =>
				[entry.citation, entry.url, entry.date ? formatPartialDate(language, entry.date) : null].filter(Boolean).join(' — ')
			);
		case 'points':
			return (value as { lat: number; lon: number; label?: string }[]).map((entry) => [`${entry.lat}, ${entry.lon}`, entry.label].filter(Boolean).join(' — '));
		default:
			return [String(value)];
	}
}

/** A change ready to show: the field's label and both values as lines. */
export function describeChange(language: Language, change: Change, organisationNames?: ReadonlyMap<string, string>): DescribedChange {
	return describePlatformChange(change, {
		label: (field) => translate(language, `atlas_moderation.field_${field}`),
		value: (field, value) => describeValue(language, field, value, organisationNames)
	});
}
