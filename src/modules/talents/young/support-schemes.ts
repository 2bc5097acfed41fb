// Young generations (issue #11, item 6): the support schemes for young Moroccans of the world who start a
// business or invest in Morocco, kept as a collection of the platform's directory (moderators edit every entry,
// institutions their own organisation's), each may say which Atlas initiatives it belongs to (links resolved
// through the platform's link targets: this module never imports the Atlas). On an initiative's page the Atlas
// lists the schemes that link to it (the manifest's `linksTo`).
import { z } from 'zod';
import { countEntriesLinkingTo, searchDirectory, publicDirectoryEntry, type DirectoryCollection } from '../../../platform/directory/directory.service.ts';
import type { DbOrTx } from '../../../platform/db/database.ts';
import type { Language } from '../../../platform/i18n/languages.ts';
import type { LocalisedText } from '../../../platform/i18n/content-language.ts';
import type { Backlink } from '../../../platform/kernel/manifest.ts';
import { parseLink, resolveLinks } from '../../../platform/kernel/links.ts';
import { regions } from '../../../platform/geo/morocco.ts';

/** What a scheme offers (a controlled list; a scheme may offer several). */
export const schemeServices = ['funding', 'guarantee', 'coaching', 'incubation', 'investment_information', 'training', 'networking'] as const;
export type SchemeService = (typeof schemeServices)[number];

/** The Atlas's initiatives a scheme may belong to (offered when the Atlas is installed). */
export const INITIATIVE_LINK = 'atlas.initiative';

export const supportSchemes: DirectoryCollection<SchemeService> = {
	key: 'talents.support_schemes',
	services: schemeServices,
	manageAction: 'talents.moderate',
	contributeAction: 'talents.mission.manage',
	linkKinds: [INITIATIVE_LINK],
	auditResource: 'talent_support_scheme'
};

const contentLanguages = ['fr', 'ar', 'en'] as const;
const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const blankToNull = (value: unknown) => (value === undefined || (typeof value === 'string' && value.trim() === '') ? null : value);
const toArray = (value: unknown) => (value === undefined || value === null ? [] : Array.isArray(value) ? value : [value]);
const text = (max: number) => z.preprocess(blankToUndefined, z.string().trim().max(max).optional());
const regionCodes = regions.map((region) => region.iso) as [string, ...string[]];

function localised(value: Record<string, unknown>, field: string): LocalisedText {
	const result: LocalisedText = {};
	for (const language of contentLanguages) {
		const found = value[`${field}_${language}`];
		if (typeof found === 'string' && found) result[language] = found;
	}
	return result;
}

/** The form of a scheme (create and edit): each text in one or more languages, at least one for the name and the description. */
export const SchemeForm = z
	.object({
		organisationId: z.uuid(),
		name_fr: text(200),
		name_ar: text(200),
		name_en: text(200),
		description_fr: text(3000),
		description_ar: text(3000),
		description_en: text(3000),
		eligibility_fr: text(1000),
		eligibility_ar: text(1000),
		eligibility_en: text(1000),
		services: z.preprocess(toArray, z.array(z.enum(schemeServices)).min(1)),
		regions: z.preprocess(toArray, z.array(z.enum(regionCodes))),
		email: z.preprocess(blankToNull, z.email().max(254).nullable()),
		website: z.preprocess(blankToNull, z.url({ protocol: /^https?$/, hostname: z.regexes.domain }).max(300).nullable()),
		/** Atlas initiatives as whole links (`atlas.initiative:<slug>`), checked by the directory */
		links: z.preprocess(toArray, z.array(z.string().trim().min(1).max(300)).max(10))
	})
	.superRefine((value, context) => {
		for (const field of ['name', 'description']) {
			if (!contentLanguages.some((language) => value[`${field}_${language}` as keyof typeof value])) {
				context.addIssue({ code: 'too_small', origin: 'string', minimum: 1, inclusive: true, path: [`${field}_fr`], input: '' });
			}
		}
	}, { when: () => true })
	.transform((value) => ({
		organisationId: value.organisationId,
		name: localised(value, 'name'),
		description: localised(value, 'description'),
		eligibility: localised(value, 'eligibility'),
		services: [...new Set(value.services)],
		regions: [...new Set(value.regions)],
		cities: [],
		languages: [],
		phone: null,
		email: value.email,
		address: null,
		website: value.website,
		funderIds: [],
		links: [...new Set(value.links)]
	}));

export const SchemeQuery = z.object({
	service: z.preprocess(blankToUndefined, z.enum(schemeServices).optional()),
	region: z.preprocess(blankToUndefined, z.enum(regionCodes).optional()).describe('ISO 3166-2:MA region'),
	initiative: z.preprocess(blankToUndefined, z.string().trim().max(200).optional()).describe('part of this Atlas initiative (its slug)')
});

/** The active schemes (all of them: a short list), with their Atlas initiatives named in the page's language. */
export async function listSchemes(db: DbOrTx, query: z.output<typeof SchemeQuery>, language: Language) {
	const found = await searchDirectory(
		db,
		supportSchemes,
		{ service: query.service, region: query.region, link: query.initiative ? `${INITIATIVE_LINK}:${query.initiative}` : undefined, page: 1, pageSize: 100 },
		language
	);
	const links = await resolveLinks(db, [...new Set(found.items.flatMap((item) => item.entry.links))], language);
	const byValue = new Map(links.map((link) => [link.value, link]));
	return {
		total: found.total,
		items: found.items.map((item) => ({
			...publicDirectoryEntry(item),
			initiatives: item.entry.links.flatMap((value) => {
				const link = byValue.get(value);
				return link ? [{ label: link.label, lang: link.lang, path: link.path, isSample: link.isSample }] : [];
			})
		}))
	};
}
export type SchemeView = Awaited<ReturnType<typeof listSchemes>>['items'][number];

/** On an Atlas initiative's page: the support schemes for young entrepreneurs and investors that belong to it. */
export async function schemesLinkingTo(db: DbOrTx, value: string): Promise<Backlink[]> {
	const link = parseLink(value);
	if (link?.kind !== INITIATIVE_LINK) return [];
	const count = await countEntriesLinkingTo(db, supportSchemes, value);
	return [{ titleKey: 'young.schemes_of_initiative', count, path: `/talents/young?initiative=${encodeURIComponent(link.key)}#schemes-title` }];
}

/** The real references of the young generations' page: the seeds' study and synthesis, and the Atlas initiative that produced them. */
export const youngReferences = [
	'knowledge.document:synthese-jeunes-generations-mre-entrepreneuriat',
	'knowledge.document:etude-competences-jeunes-generations-mre',
	'atlas.initiative:sharaka-composante-2-mobilisation-competences-mre'
] as const;

/** A scheme's form values (edit page), and the boxes ticked. */
export function schemeFormValues(entry: { organisationId: string; name: LocalisedText; description: LocalisedText; eligibility: LocalisedText; email: string | null; website: string | null; services: string[]; regions: string[]; links: string[] } | null, organisationId = '') {
	const values: Record<string, string> = { organisationId: entry?.organisationId ?? organisationId, email: entry?.email ?? '', website: entry?.website ?? '' };
	for (const field of ['name', 'description', 'eligibility'] as const) {
		for (const language of contentLanguages) values[`${field}_${language}`] = entry?.[field]?.[language] ?? '';
	}
	return { values, chosen: { services: entry?.services ?? [], regions: entry?.regions ?? [], links: entry?.links ?? [] } };
}

/** What a refused form sent back: the boxes ticked. */
export const chosenFrom = (data: FormData) => ({ services: data.getAll('services').map(String), regions: data.getAll('regions').map(String), links: data.getAll('links').map(String) });
