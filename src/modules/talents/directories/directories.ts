// Directories of the diaspora (issue #11, item 5): the regional houses of Moroccans of the world, the MRE desks
// (by region, services, contact) and the diaspora associations (organisations of the type `diaspora_association`,
// with their host country, their fields and the Talents networks they belong to). Three collections of the
// platform's directory, so that their audit trail, search and archiving are the platform's: moderators keep every
// entry, the members of an organisation its own (the directory's manage and contribute actions). An association
// names its networks as platform links (`talents.network:<slug>`, this module's link target); each network's page
// lists its associations. No entry is real until someone enters it: the seeds name only the study and the synthesis
// on the houses (`houseReferences`); the demo's entries are badged samples.
import { z } from 'zod';
import { and, eq, inArray } from 'drizzle-orm';
import {
	canEditEntryOf,
	createDirectoryEntry,
	directoryOrganisationCountries,
	getDirectoryEntry,
	organisationsForDirectory,
	publicDirectoryEntry,
	searchDirectory,
	updateDirectoryEntry,
	type DirectoryCollection,
	type DirectoryEntryInput,
	type DirectoryEntryWithOrganisation
} from '../../../platform/directory/directory.service.ts';
import { organisation } from '../../../platform/accounts/accounts.table.ts';
import { AppError, isAppError } from '../../../platform/http/app-error.ts';
import type { DbOrTx } from '../../../platform/db/database.ts';
import type { Actor } from '../../../platform/policy/policy.ts';
import type { RequestContext } from '../../../platform/kernel/context.ts';
import type { Language } from '../../../platform/i18n/languages.ts';
import { pickText, type LocalisedText } from '../../../platform/i18n/content-language.ts';
import type { LinkTarget } from '../../../platform/kernel/manifest.ts';
import { resolveLinks } from '../../../platform/kernel/links.ts';
import { countryCodes, countryName } from '../../../platform/geo/countries.ts';
import { regions } from '../../../platform/geo/morocco.ts';
import { toCsv } from '../../../platform/ui/charts/csv.ts';
import { network } from '../talents.table.ts';

/** What a house or a desk offers (a controlled list; an entry may offer several). */
export const houseServices = ['information', 'administrative_procedures', 'investment', 'legal_advice', 'social_support', 'culture', 'return'] as const;
/** An association's fields of action. */
export const associationFields = ['culture', 'education', 'solidarity', 'local_development', 'entrepreneurship', 'youth', 'women', 'skills_transfer', 'health'] as const;
/** A house of Moroccans of the world, or an MRE desk (a regional office's counter for Moroccans of the world). */
export const houseKinds = ['house', 'desk'] as const;
export type HouseKind = (typeof houseKinds)[number];

/** The Talents networks an association belongs to (this module's link target). */
export const NETWORK_LINK = 'talents.network';
/** The organisation type an association's entry must be run by. */
export const ASSOCIATION_TYPE = 'diaspora_association';

export const houses: DirectoryCollection = {
	key: 'talents.houses',
	services: houseServices,
	manageAction: 'talents.moderate',
	contributeAction: 'talents.mission.manage',
	auditResource: 'talent_house'
};
export const mreDesks: DirectoryCollection = {
	key: 'talents.mre_desks',
	services: houseServices,
	manageAction: 'talents.moderate',
	contributeAction: 'talents.mission.manage',
	auditResource: 'talent_mre_desk'
};
export const associations: DirectoryCollection = {
	key: 'talents.associations',
	services: associationFields,
	manageAction: 'talents.moderate',
	contributeAction: 'talents.mission.manage',
	linkKinds: [NETWORK_LINK],
	auditResource: 'talent_association'
};
export const collectionOf = (kind: HouseKind) => (kind === 'desk' ? mreDesks : houses);

/** The seeds' real references on the houses (Knowledge documents, resolved through the link targets). */
export const houseReferences = ['knowledge.document:etude-maisons-marocains-du-monde', 'knowledge.document:synthese-maisons-marocains-du-monde'] as const;

export const contentLanguages = ['fr', 'ar', 'en'] as const;
const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
export const blankToNull = (value: unknown) => (value === undefined || (typeof value === 'string' && value.trim() === '') ? null : value);
export const toArray = (value: unknown) => (value === undefined || value === null ? [] : Array.isArray(value) ? value : [value]);
export const text = (max: number) => z.preprocess(blankToUndefined, z.string().trim().max(max).optional());
export const nullableText = (max: number) => z.preprocess(blankToNull, z.string().trim().max(max).nullable());
export const regionCodes = regions.map((region) => region.iso) as [string, ...string[]];
export const hostCountries = countryCodes.filter((code) => code !== 'MA') as [string, ...string[]];

export function localised(value: Record<string, unknown>, field: string): LocalisedText {
	const result: LocalisedText = {};
	for (const language of contentLanguages) {
		const found = value[`${field}_${language}`];
		if (typeof found === 'string' && found) result[language] = found;
	}
	return result;
}

/** An entry's texts and contact, as its forms send them (a text per language: `name_fr`, `name_ar`…). */
export const entryTexts = {
	name_fr: text(200),
	name_ar: text(200),
	name_en: text(200),
	description_fr: text(3000),
	description_ar: text(3000),
	description_en: text(3000),
	city: text(100),
	email: z.preprocess(blankToNull, z.email().max(254).nullable()),
	phone: z.preprocess(blankToNull, z.string().trim().max(40).regex(/^[+0-9 ().-]{6,40}$/).nullable()),
	website: z.preprocess(blankToNull, z.url({ protocol: /^https?$/, hostname: z.regexes.domain }).max(300).nullable())
};
/** When a house or a desk is open, per language. */
export const openingHoursTexts = { openingHours_fr: text(300), openingHours_ar: text(300), openingHours_en: text(300) };
const common = { organisationId: z.uuid(), ...entryTexts };

/** A name and a description in at least one language. */
export function needsNameAndDescription(value: Record<string, unknown>, context: z.RefinementCtx) {
	for (const field of ['name', 'description']) {
		if (!contentLanguages.some((language) => value[`${field}_${language}`])) {
			context.addIssue({ code: 'too_small', origin: 'string', minimum: 1, inclusive: true, path: [`${field}_fr`], input: '' });
		}
	}
}

/** The form of a house or a desk (create and edit): the region is required, a house being regional. */
export const HouseForm = z
	.object({
		...common,
		services: z.preprocess(toArray, z.array(z.enum(houseServices)).min(1)),
		regions: z.preprocess(toArray, z.array(z.enum(regionCodes)).min(1)),
		address: nullableText(300),
		...openingHoursTexts
	})
	.superRefine(needsNameAndDescription, { when: () => true })
	.transform((value) => entryOf(value, { address: value.address, openingHours: localised(value, 'openingHours') }));

/** A directory entry from either form: what the two share, then what is the form's own. */
function entryOf(
	value: z.output<z.ZodObject<typeof common>> & { services: string[]; regions: string[] },
	own: Partial<Pick<DirectoryEntryInput, 'address' | 'links' | 'openingHours'>>
): DirectoryEntryInput {
	return {
		organisationId: value.organisationId,
		name: localised(value, 'name'),
		description: localised(value, 'description'),
		eligibility: {},
		services: [...new Set(value.services)],
		regions: [...new Set(value.regions)],
		cities: value.city ? [value.city] : [],
		languages: [],
		phone: value.phone,
		email: value.email,
		address: null,
		website: value.website,
		funderIds: [],
		links: [],
		...own
	};
}

/** The form of a diaspora association: its fields, its city abroad, the regions of Morocco it acts in, its networks. */
export const AssociationForm = z
	.object({
		...common,
		services: z.preprocess(toArray, z.array(z.enum(associationFields)).min(1)),
		regions: z.preprocess(toArray, z.array(z.enum(regionCodes))),
		/** Talents networks as whole links (`talents.network:<slug>`), checked by the directory */
		links: z.preprocess(toArray, z.array(z.string().trim().min(1).max(300)).max(20))
	})
	.superRefine(needsNameAndDescription, { when: () => true })
	.transform((value) => entryOf(value, { links: [...new Set(value.links)] }));

export const HouseQuery = z.object({
	kind: z.preprocess(blankToUndefined, z.enum(houseKinds).optional()).describe('house: houses of Moroccans of the world; desk: MRE desks; both when absent'),
	region: z.preprocess(blankToUndefined, z.enum(regionCodes).optional()).describe('ISO 3166-2:MA region'),
	service: z.preprocess(blankToUndefined, z.enum(houseServices).optional())
});
export const AssociationQuery = z.object({
	country: z.preprocess((value) => (typeof value === 'string' ? (value.trim() === '' ? undefined : value.trim().toUpperCase()) : value), z.enum(hostCountries).optional()).describe('host country (ISO 3166-1 alpha-2)'),
	field: z.preprocess(blankToUndefined, z.enum(associationFields).optional()),
	network: z.preprocess(blankToUndefined, z.string().trim().max(200).optional()).describe('member of this Talents network (its slug)')
});

const LIST_SIZE = 500;

/** The named networks of entries (their links), in the page's language. */
async function namedLinks(db: DbOrTx, items: readonly DirectoryEntryWithOrganisation[], language: Language) {
	const links = await resolveLinks(db, [...new Set(items.flatMap((item) => item.entry.links))], language);
	const byValue = new Map(links.map((link) => [link.value, link]));
	return (item: DirectoryEntryWithOrganisation) =>
		item.entry.links.flatMap((value) => {
			const link = byValue.get(value);
			return link ? [{ slug: link.key, label: link.label, lang: link.lang, path: link.path, isSample: link.isSample }] : [];
		});
}

/** The active houses and desks (a short list: all of them), houses first, each by name. */
export async function listHouses(db: DbOrTx, query: z.output<typeof HouseQuery>, language: Language) {
	const kinds = query.kind ? [query.kind] : houseKinds;
	const items = [];
	for (const kind of kinds) {
		const found = await searchDirectory(db, collectionOf(kind), { region: query.region, service: query.service, page: 1, pageSize: LIST_SIZE }, language);
		items.push(...found.items.map((item) => ({ kind, ...publicDirectoryEntry(item) })));
	}
	return { total: items.length, items };
}
export type HouseView = Awaited<ReturnType<typeof listHouses>>['items'][number];

/** A house or a desk by its id (an archived one only for the people who may edit it). */
export async function getHouse(db: DbOrTx, id: string, actor?: Actor | null): Promise<{ kind: HouseKind; found: DirectoryEntryWithOrganisation }> {
	for (const kind of houseKinds) {
		try {
			return { kind, found: await getDirectoryEntry(db, collectionOf(kind), id, actor) };
		} catch (failure) {
			if (!(isAppError(failure) && failure.code === 'not_found')) throw failure;
		}
	}
	throw new AppError('not_found');
}

async function countriesOf(db: DbOrTx, organisationIds: readonly string[]) {
	const ids = [...new Set(organisationIds)];
	const rows = ids.length ? await db.select({ id: organisation.id, country: organisation.country }).from(organisation).where(inArray(organisation.id, ids)) : [];
	return new Map(rows.map((row) => [row.id, row.country]));
}

async function associationViews(db: DbOrTx, items: readonly DirectoryEntryWithOrganisation[], language: Language) {
	const [countries, networksOf] = await Promise.all([countriesOf(db, items.map((item) => item.organisation.id)), namedLinks(db, items, language)]);
	return items.map((item) => ({ ...publicDirectoryEntry(item), country: countries.get(item.organisation.id) ?? null, networks: networksOf(item) }));
}

/** The active diaspora associations by name, filtered by host country, field and network, with their networks named. */
export async function listAssociations(db: DbOrTx, query: z.output<typeof AssociationQuery>, language: Language) {
	const found = await searchDirectory(
		db,
		associations,
		{ organisationCountry: query.country, service: query.field, link: query.network ? `${NETWORK_LINK}:${query.network}` : undefined, page: 1, pageSize: LIST_SIZE },
		language
	);
	return { total: found.total, items: await associationViews(db, found.items, language) };
}
export type AssociationView = Awaited<ReturnType<typeof listAssociations>>['items'][number];

/** One association's page: its host country and networks. */
export async function getAssociation(db: DbOrTx, id: string, language: Language, actor?: Actor | null) {
	const found = await getDirectoryEntry(db, associations, id, actor);
	const [view] = await associationViews(db, [found], language);
	return { found, view: view! };
}

/** The host countries of the listed associations, named (the filter's choices). */
export async function associationCountries(db: DbOrTx, language: Language) {
	const found = await directoryOrganisationCountries(db, associations);
	return found.map((row) => ({ value: row.value, label: countryName(row.value, language), count: row.count })).sort((a, b) => a.label.localeCompare(b.label, language));
}

/** On a network's page: the associations that name it. */
export async function networkAssociations(db: DbOrTx, slug: string, language: Language) {
	return listAssociations(db, { network: slug }, language);
}

/** The organisations this actor may attach an association's entry to: diaspora associations only. */
export async function associationOrganisations(db: DbOrTx, actor: Actor | null | undefined) {
	const mine = await organisationsForDirectory(db, associations, actor);
	if (!mine.length) return [];
	const allowed = await db
		.select({ id: organisation.id })
		.from(organisation)
		.where(and(eq(organisation.type, ASSOCIATION_TYPE), inArray(organisation.id, mine.map((row) => row.id))));
	const ids = new Set(allowed.map((row) => row.id));
	return mine.filter((row) => ids.has(row.id));
}

/** An association's entry is run by an organisation of the type `diaspora_association`. */
async function refuseOtherTypes(db: DbOrTx, organisationId: string) {
	const [found] = await db.select({ type: organisation.type }).from(organisation).where(eq(organisation.id, organisationId)).limit(1);
	if (found && found.type !== ASSOCIATION_TYPE) throw new AppError('invalid_input', { fields: [{ path: 'organisationId', messageKey: 'field_choice' }] });
}

export async function createAssociation(ctx: RequestContext, input: DirectoryEntryInput) {
	if (!canEditEntryOf(ctx.actor, associations, input.organisationId)) throw new AppError('forbidden');
	await refuseOtherTypes(ctx.db, input.organisationId);
	return createDirectoryEntry(ctx, associations, input);
}

export async function updateAssociation(ctx: RequestContext, id: string, input: DirectoryEntryInput) {
	await refuseOtherTypes(ctx.db, input.organisationId);
	return updateDirectoryEntry(ctx, associations, id, input);
}

/** The Talents networks, for other records' links (an association's networks). */
export const networkLinks: LinkTarget = {
	titleKey: 'directories.link_target_network',
	async choices(db, language) {
		const rows = await db.select({ slug: network.slug, name: network.name, isSample: network.isSample }).from(network);
		return rows
			.map((row) => {
				const shown = pickText(row.name, language);
				return { value: row.slug, label: shown.text, lang: shown.lang, keywords: Object.values(row.name).join(' '), isSample: row.isSample };
			})
			.sort((a, b) => a.label.localeCompare(b.label, language));
	},
	async resolve(db, keys, language) {
		if (!keys.length) return new Map();
		const rows = await db.select({ slug: network.slug, name: network.name, isSample: network.isSample }).from(network).where(inArray(network.slug, [...keys]));
		return new Map(
			rows.map((row) => {
				const shown = pickText(row.name, language);
				return [row.slug, { label: shown.text, lang: shown.lang, path: `/talents/networks/${row.slug}`, isSample: row.isSample }];
			})
		);
	}
};

/** A form's values (edit page) and the boxes ticked. */
export function entryFormValues(entry: { organisationId: string; name: LocalisedText; description: LocalisedText; openingHours?: LocalisedText; email: string | null; phone: string | null; website: string | null; address: string | null; cities: string[]; services: string[]; regions: string[]; links: string[] } | null, organisationId = '') {
	const values: Record<string, string> = {
		organisationId: entry?.organisationId ?? organisationId,
		email: entry?.email ?? '',
		phone: entry?.phone ?? '',
		website: entry?.website ?? '',
		address: entry?.address ?? '',
		city: entry?.cities[0] ?? ''
	};
	for (const field of ['name', 'description', 'openingHours'] as const) {
		for (const language of contentLanguages) values[`${field}_${language}`] = entry?.[field]?.[language] ?? '';
	}
	return { values, chosen: { services: entry?.services ?? [], regions: entry?.regions ?? [], links: entry?.links ?? [] } };
}

/** What a refused form sent back: the boxes ticked. */
export const chosenFrom = (data: FormData) => ({ services: data.getAll('services').map(String), regions: data.getAll('regions').map(String), links: data.getAll('links').map(String) });

const regionName = (code: string) => regions.find((region) => region.iso === code)?.nameFr ?? code;

/** The houses and desks as open data (CSV, RFC 4180), headers stable, texts in the three languages. */
export function housesCsv(items: readonly HouseView[]) {
	const columns = ['id', 'kind', 'name_fr', 'name_ar', 'name_en', 'organisation', 'regions', 'city', 'services', 'address', 'phone', 'email', 'website', 'is_sample', 'updated_at', 'opening_hours_fr', 'opening_hours_ar', 'opening_hours_en', 'version'];
	return toCsv([
		columns,
		...items.map((item) => [
			item.id,
			item.kind,
			item.name.fr ?? '',
			item.name.ar ?? '',
			item.name.en ?? '',
			item.organisation.name,
			item.regions.join(' '),
			item.cities.join(' | '),
			item.services.join(' '),
			item.contact.address ?? '',
			item.contact.phone ?? '',
			item.contact.email ?? '',
			item.contact.website ?? '',
			item.isSample ? 'true' : 'false',
			item.updatedAt,
			item.openingHours.fr ?? '',
			item.openingHours.ar ?? '',
			item.openingHours.en ?? '',
			String(item.version)
		])
	]);
}

/** The associations as open data (CSV). */
export function associationsCsv(items: readonly AssociationView[]) {
	const columns = ['id', 'name_fr', 'name_ar', 'name_en', 'organisation', 'country', 'city', 'fields', 'regions', 'networks', 'email', 'website', 'is_sample', 'updated_at', 'version'];
	return toCsv([
		columns,
		...items.map((item) => [
			item.id,
			item.name.fr ?? '',
			item.name.ar ?? '',
			item.name.en ?? '',
			item.organisation.name,
			item.country ?? '',
			item.cities.join(' | '),
			item.services.join(' '),
			item.regions.join(' '),
			item.networks.map((entry) => entry.slug).join(' '),
			item.contact.email ?? '',
			item.contact.website ?? '',
			item.isSample ? 'true' : 'false',
			item.updatedAt,
			String(item.version)
		])
	]);
}

/** schema.org JSON-LD of a house or a desk: a GovernmentOffice of the organisation running it. */
export function houseJsonLd(view: HouseView, url: string, language: Language) {
	const name = pickText(view.name, language);
	const description = pickText(view.description, language);
	return {
		'@context': 'https://schema.org',
		'@type': 'GovernmentOffice',
		url,
		name: name.text,
		inLanguage: name.lang,
		...(description.text ? { description: description.text } : {}),
		parentOrganization: { '@type': 'Organization', name: view.organisation.name },
		address: {
			'@type': 'PostalAddress',
			...(view.contact.address ? { streetAddress: view.contact.address } : {}),
			...(view.cities[0] ? { addressLocality: view.cities[0] } : {}),
			...(view.regions[0] ? { addressRegion: regionName(view.regions[0]) } : {}),
			addressCountry: 'MA'
		},
		...(view.contact.phone ? { telephone: view.contact.phone } : {}),
		...(view.contact.email ? { email: view.contact.email } : {}),
		...(view.contact.website ? { sameAs: view.contact.website } : {})
	};
}

/** schema.org JSON-LD of an association: an Organization in its host country, member of its networks. */
export function associationJsonLd(view: AssociationView, url: string, publicUrl: string, language: Language) {
	const name = pickText(view.name, language);
	const description = pickText(view.description, language);
	return {
		'@context': 'https://schema.org',
		'@type': 'Organization',
		url,
		name: name.text,
		...(description.text ? { description: description.text } : {}),
		...(view.country || view.cities[0]
			? { address: { '@type': 'PostalAddress', ...(view.cities[0] ? { addressLocality: view.cities[0] } : {}), ...(view.country ? { addressCountry: view.country } : {}) } }
			: {}),
		...(view.contact.email ? { email: view.contact.email } : {}),
		...(view.contact.website ? { sameAs: view.contact.website } : {}),
		...(view.networks.length ? { memberOf: view.networks.map((entry) => ({ '@type': 'Organization', name: entry.label, url: `${publicUrl}/${language}${entry.path}` })) } : {})
	};
}
