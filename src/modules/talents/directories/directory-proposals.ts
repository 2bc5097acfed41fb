// The directories of the diaspora kept up to date by the people concerned (issue #11, item 5), under the ministry's
// moderation like the Atlas: any account proposes a new house, MRE desk or association, or a correction of an entry
// (the platform's moderation, collection `talents.directories`, one queue for the three directories); a moderator
// reads what changes, then publishes it as the entry's next version (attributed to the proposer, audited), asks for
// changes or refuses it with a reason; the proposer follows it on "my proposals" and is e-mailed the decision in
// their language. A new association not yet in the registry is proposed with its name and host country: approving
// creates its organisation (type `diaspora_association`). The proposer's own name and address are never published:
// the moderators see who proposed, the public sees the entry.
import { z } from 'zod';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { organisation } from '../../../platform/accounts/accounts.table.ts';
import { createOrganisation } from '../../../platform/accounts/organisation.service.ts';
import {
	createDirectoryEntry,
	directoryEntryVersionData,
	updateDirectoryEntry,
	type DirectoryCollection,
	type DirectoryEntryInput
} from '../../../platform/directory/directory.service.ts';
import { directoryEntry } from '../../../platform/directory/directory.table.ts';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { AppError, type FieldProblem } from '../../../platform/http/app-error.ts';
import { parseOrThrow } from '../../../platform/http/validation.ts';
import { isolate, type LocalisedText } from '../../../platform/i18n/content-language.ts';
import type { Language } from '../../../platform/i18n/languages.ts';
import type { RequestContext } from '../../../platform/kernel/context.ts';
import { parseLink, resolveLinks, unknownLinks } from '../../../platform/kernel/links.ts';
import { countryName } from '../../../platform/geo/countries.ts';
import { regions } from '../../../platform/geo/morocco.ts';
import { describeChange, type Change, type DescribedChange } from '../../../platform/moderation/diff.ts';
import {
	findOwnProposal,
	listOwnProposals,
	ownProposalCounts,
	proposeChange,
	proposeNew,
	waitingStatuses,
	withdrawProposal,
	type ModeratedCollection,
	type ModeratedSubject
} from '../../../platform/moderation/moderation.service.ts';
import { moderationProposal, type ProposalRow, type ProposalStatus } from '../../../platform/moderation/moderation.table.ts';
import type { Notify } from '../../../platform/moderation/notify.ts';
import { translate } from '../../../platform/i18n/translator.ts';
import { slugify } from '../../../platform/text/slug.ts';
import {
	ASSOCIATION_TYPE,
	associationFields,
	associations,
	blankToNull,
	entryTexts,
	houses,
	houseServices,
	hostCountries,
	localised,
	mreDesks,
	needsNameAndDescription,
	NETWORK_LINK,
	nullableText,
	openingHoursTexts,
	regionCodes,
	toArray
} from './directories.ts';

export const DIRECTORY_PROPOSALS = 'talents.directories';
/** What a proposal is about: a house of Moroccans of the world, an MRE desk, or a diaspora association. */
export const entryKinds = ['house', 'desk', 'association'] as const;
export type EntryKind = (typeof entryKinds)[number];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const collections: Record<EntryKind, DirectoryCollection> = { house: houses, desk: mreDesks, association: associations };
export const directoryOf = (kind: EntryKind) => collections[kind];
const kindOfCollection = (key: string): EntryKind | null => entryKinds.find((kind) => collections[kind].key === key) ?? null;
/** The services an entry of this kind may offer (an association's: its fields of action). */
export const servicesOf = (kind: EntryKind): readonly string[] => (kind === 'association' ? associationFields : houseServices);
/** An entry's public page, after the language. */
export const entryPath = (kind: EntryKind, id: string) => `/talents/${kind === 'association' ? 'associations' : 'houses'}/${id}`;

/** A new association, not yet in the registry: created with its entry when a moderator approves. */
export interface NewAssociation {
	name: string;
	acronym: string | null;
	/** host country, ISO 3166-1 alpha-2 */
	country: string;
}

/** A complete entry as proposed, moderated and compared with the entry's versions (same field names). */
export interface DirectoryProposalData {
	kind: EntryKind;
	/** the organisation running it (an association: the association itself); null with `newOrganisation` */
	organisationId: string | null;
	newOrganisation: NewAssociation | null;
	name: LocalisedText;
	description: LocalisedText;
	openingHours: LocalisedText;
	services: string[];
	regions: string[];
	cities: string[];
	address: string | null;
	phone: string | null;
	email: string | null;
	website: string | null;
	/** an association's Talents networks (`talents.network:<slug>`) */
	links: string[];
}

const upperOrNull = (value: unknown) => {
	const blank = blankToNull(value);
	return typeof blank === 'string' ? blank.trim().toUpperCase() : blank;
};
const required = (context: z.RefinementCtx, path: string) => context.addIssue({ code: 'custom', message: 'field_required', path: [path], input: '' });

/**
 * A proposal as the forms and the API send it: the entry's fields (texts per language as `name_fr`, `name_ar`…),
 * its kind, the organisation running it, or for an association not yet in the registry its name and host country.
 */
const proposalFields = z.object({
	kind: z.enum(entryKinds).describe('house: a house of Moroccans of the world; desk: an MRE desk; association: a diaspora association'),
	organisationId: z.preprocess(blankToNull, z.uuid().nullable()).describe('the organisation running it (/api/v1/organisations); an association: the association itself'),
	newOrganisationName: z.preprocess(blankToNull, z.string().trim().min(2).max(200).nullable()).describe('an association not in the registry yet: its name (without `organisationId`)'),
	newOrganisationAcronym: nullableText(30).describe('its acronym, if it has one'),
	newOrganisationCountry: z.preprocess(upperOrNull, z.enum(hostCountries).nullable()).describe('its host country (ISO 3166-1 alpha-2)'),
	...entryTexts,
	...openingHoursTexts,
	services: z.preprocess(toArray, z.array(z.string().trim().max(60)).max(20)).describe('a house’s or desk’s services, an association’s fields of action (keys of the lists)'),
	regions: z.preprocess(toArray, z.array(z.enum(regionCodes)).max(12)).describe('ISO 3166-2:MA regions (a house or a desk: at least one)'),
	address: nullableText(300),
	links: z.preprocess(toArray, z.array(z.string().trim().min(1).max(300)).max(20)).describe('an association’s Talents networks, as `talents.network:<slug>`')
});
export const DirectoryProposalInput = proposalFields
	.superRefine((value, context) => {
		needsNameAndDescription(value, context);
		const offered = servicesOf(value.kind);
		if (!value.services.length) required(context, 'services');
		else if (value.services.some((service) => !offered.includes(service))) context.addIssue({ code: 'invalid_value', values: [...offered], path: ['services'], input: value.services });
		if (value.kind !== 'association') {
			if (!value.organisationId) required(context, 'organisationId');
			if (!value.regions.length) required(context, 'regions');
		} else if (!value.organisationId) {
			if (!value.newOrganisationName) required(context, 'organisationId');
			else if (!value.newOrganisationCountry) required(context, 'newOrganisationCountry');
		}
	}, { when: () => true })
	.transform(
		(value): DirectoryProposalData => ({
			kind: value.kind,
			organisationId: value.organisationId,
			newOrganisation:
				value.kind === 'association' && !value.organisationId && value.newOrganisationName && value.newOrganisationCountry
					? { name: value.newOrganisationName, acronym: value.newOrganisationAcronym, country: value.newOrganisationCountry }
					: null,
			name: localised(value, 'name'),
			description: localised(value, 'description'),
			// an association has no opening hours (its members are abroad)
			openingHours: value.kind === 'association' ? {} : localised(value, 'openingHours'),
			services: [...new Set(value.services)],
			regions: [...new Set(value.regions)],
			cities: value.city ? [value.city] : [],
			address: value.kind === 'association' ? null : value.address,
			phone: value.phone,
			email: value.email,
			website: value.website,
			links: value.kind === 'association' ? [...new Set(value.links)] : []
		})
	)
	.meta({ id: 'TalentDirectoryProposalInput' });

/** The API's proposal: a new entry, or with `entryId` and `baseVersion` a correction of a listed one. */
export const DirectoryProposalRequest = proposalFields
	.extend({
		kind: z.enum(entryKinds).optional().describe('a new entry’s kind; a correction takes the entry’s'),
		entryId: z.uuid().optional().describe('the listed entry a correction is for (a house, a desk or an association)'),
		baseVersion: z.coerce.number().int().min(1).optional().describe('with `entryId`: the version the correction was made on (its `version` in the lists)'),
		comment: z.string().max(2000).optional().describe('a note to the moderators: what changes and how the proposer knows it (not published)')
	})
	.meta({ id: 'TalentDirectoryProposalRequest' });

export const DirectoryProposalAnswer = z
	.object({
		proposal: z.object({ id: z.uuid(), status: z.enum(['pending', 'approved', 'rejected', 'changes_requested', 'withdrawn']), baseVersion: z.int().nullable() }).nullable().describe('the proposal waiting for a moderator (null: a moderator’s own, published at once)'),
		published: z.object({ id: z.uuid(), kind: z.enum(entryKinds), path: z.string(), version: z.int() }).nullable().describe('the entry published (a moderator’s own, or once approved)')
	})
	.meta({ id: 'TalentDirectoryProposalAnswer' });

export const DirectoryDecision = z
	.object({
		decision: z.enum(['approve', 'reject', 'request_changes']),
		reason: z.string().max(2000).optional().describe('what the proposer receives: required to reject or to ask for changes')
	})
	.meta({ id: 'TalentDirectoryDecision' });

/** A published subject's id, kind and page (for the API's answers). */
export function publishedEntry(published: { id: string; slug: string; version: number } | null) {
	if (!published) return null;
	const kind = parseSubject(published.slug)?.kind ?? 'house';
	return { id: published.id, kind, path: entryPath(kind, published.id), version: published.version };
}

const sameName = (name: string) => sql`lower(${organisation.name}) = lower(${name})`;

/** The proposal validated, its organisation and networks checked against the registry (a refusal names the field). */
async function normaliseProposal({ db }: RequestContext, input: unknown): Promise<DirectoryProposalData> {
	const data = parseOrThrow(DirectoryProposalInput, input);
	const problems: FieldProblem[] = [];
	if (data.organisationId) {
		const [found] = await db.select({ type: organisation.type, status: organisation.status }).from(organisation).where(eq(organisation.id, data.organisationId));
		// an association's entry is run by the association itself
		if (!found || found.status !== 'active' || (data.kind === 'association' && found.type !== ASSOCIATION_TYPE)) problems.push({ path: 'organisationId', messageKey: 'field_choice' });
	} else if (data.newOrganisation) {
		const [taken] = await db.select({ id: organisation.id }).from(organisation).where(sameName(data.newOrganisation.name)).limit(1);
		if (taken) problems.push({ path: 'newOrganisationName', messageKey: 'field_taken' });
	}
	if (data.links.length) {
		const badKind = data.links.some((value) => parseLink(value)?.kind !== NETWORK_LINK);
		if (badKind || (await unknownLinks(db, data.links, 'fr')).length) problems.push({ path: 'links', messageKey: 'field_choice' });
	}
	if (problems.length) throw new AppError('invalid_input', { fields: problems });
	return data;
}

/** A name in the first language given, French first (lists, e-mails). */
export const nameText = (name: LocalisedText | undefined | null) => name?.fr ?? name?.en ?? name?.ar ?? '';

const subjectColumns = { id: directoryEntry.id, collection: directoryEntry.collection, version: directoryEntry.version, name: directoryEntry.name };
const keys = entryKinds.map((kind) => collections[kind].key);
/** The subject's slug says its kind (`house/<id>`): the platform's moderation links to its page with it alone. */
const asSubject = (row: { id: string; collection: string; version: number; name: LocalisedText }): ModeratedSubject => ({
	id: row.id,
	slug: `${kindOfCollection(row.collection) ?? 'house'}/${row.id}`,
	version: row.version,
	title: nameText(row.name)
});
/** The kind and id a subject's slug (or a bare id) names. */
export function parseSubject(idOrSlug: string): { kind: EntryKind | null; id: string } | null {
	const [first, second] = idOrSlug.split('/');
	if (second === undefined) return UUID.test(first) ? { kind: null, id: first } : null;
	const kind = entryKinds.find((entry) => entry === first) ?? null;
	return kind && UUID.test(second) ? { kind, id: second } : null;
}

/** What the platform's directory is given to publish (an association's organisation once created). */
function entryInput(data: DirectoryProposalData, organisationId: string): DirectoryEntryInput {
	return {
		organisationId,
		name: data.name,
		description: data.description,
		eligibility: {},
		openingHours: data.openingHours,
		services: data.services,
		regions: data.regions,
		cities: data.cities,
		languages: [],
		phone: data.phone,
		email: data.email,
		address: data.address,
		website: data.website,
		funderIds: [],
		links: data.links
	};
}

/** An address for the new association's organisation: from its acronym or name, made unique. */
async function freeOrganisationSlug(db: DbOrTx, association: NewAssociation): Promise<string> {
	const base = slugify(association.acronym ?? '') || slugify(association.name) || 'association';
	const taken = new Set(
		(await db.select({ slug: organisation.slug }).from(organisation).where(sql`${organisation.slug} = ${base} or ${organisation.slug} like ${`${base}-%`}`)).map((row) => row.slug)
	);
	if (!taken.has(base)) return base;
	for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** The houses, desks and associations under the platform's moderation: every account proposes, the ministry's moderators publish. */
export const directoryProposals: ModeratedCollection<DirectoryProposalData> = {
	key: DIRECTORY_PROPOSALS,
	actions: { propose: 'talents.directory.propose', review: 'talents.moderate', discuss: 'talents.moderate' },
	audit: {
		proposal: 'talent_directory_proposal',
		subjectKey: 'entryId',
		subject: 'talent_directory_entry',
		message: 'talent_directory_message',
		draft: 'talent_directory_draft',
		draftResource: 'talent_directory_proposal_draft'
	},
	normalise: normaliseProposal,
	// a correction never turns a house into an association; an association stays its own organisation's entry
	keep: (data, subject) => {
		const kind = parseSubject(subject.slug)?.kind ?? data.kind;
		return { ...data, kind, newOrganisation: null };
	},
	async find({ db }, idOrSlug, options = {}) {
		const named = parseSubject(idOrSlug);
		if (!named) return null;
		const query = db
			.select(subjectColumns)
			.from(directoryEntry)
			.where(and(eq(directoryEntry.id, named.id), inArray(directoryEntry.collection, keys)));
		const [row] = options.lock ? await query.for('update') : await query;
		return row ? asSubject(row) : null;
	},
	async subjects({ db }, ids) {
		if (!ids.length) return new Map();
		const rows = await db.select(subjectColumns).from(directoryEntry).where(and(inArray(directoryEntry.id, ids), inArray(directoryEntry.collection, keys)));
		return new Map(rows.map((row) => [row.id, asSubject(row)]));
	},
	version: ({ db }, subjectId, number) => directoryEntryVersionData(db, subjectId, number),
	async publish(ctx, { subjectId, data, expectedVersion, author }) {
		if (subjectId) {
			const [current] = await ctx.db.select({ collection: directoryEntry.collection, organisationId: directoryEntry.organisationId }).from(directoryEntry).where(eq(directoryEntry.id, subjectId));
			const kind = current ? kindOfCollection(current.collection) : null;
			if (!current || !kind) throw new AppError('not_found');
			const organisationId = kind === 'association' ? current.organisationId : (data.organisationId ?? current.organisationId);
			const updated = await updateDirectoryEntry(ctx, directoryOf(kind), subjectId, entryInput(data, organisationId), { expectedVersion, author });
			return { id: updated.id, slug: `${kind}/${updated.id}`, version: updated.version };
		}
		let organisationId = data.organisationId;
		if (!organisationId && data.newOrganisation) {
			const association = data.newOrganisation;
			const created = await createOrganisation(ctx, { name: association.name, acronym: association.acronym ?? undefined, type: ASSOCIATION_TYPE, country: association.country, slug: await freeOrganisationSlug(ctx.db, association) });
			organisationId = created.id;
		}
		if (!organisationId) throw new AppError('invalid_input', { fields: [{ path: 'organisationId', messageKey: 'field_required' }] });
		const created = await createDirectoryEntry(ctx, directoryOf(data.kind), entryInput(data, organisationId), { author });
		return { id: created.id, slug: `${data.kind}/${created.id}`, version: created.version };
	},
	title: (data) => nameText(data.name),
	diff: {
		fields: [
			{ name: 'organisationId' },
			{ name: 'newOrganisation' },
			{ name: 'name', kind: 'translated' },
			{ name: 'description', kind: 'translated' },
			{ name: 'services', kind: 'set' },
			{ name: 'regions', kind: 'set' },
			{ name: 'cities' },
			{ name: 'address' },
			{ name: 'openingHours', kind: 'translated' },
			{ name: 'phone' },
			{ name: 'email' },
			{ name: 'website' },
			{ name: 'links', kind: 'set' }
		],
		comparable: (value) => (value ?? {}) as Record<string, unknown>
	},
	emails: 'directories',
	pages: {
		review: (language, id) => `/${language}/talents/directories/moderation/${id}`,
		subject: (language, slug) => {
			const named = parseSubject(slug);
			return named ? `/${language}${entryPath(named.kind ?? 'house', named.id)}` : `/${language}/talents/directories/proposals`;
		},
		home: (language) => `/${language}/talents/directories/proposals`
	},
	drafts: {
		resumable: /^\/talents\/(houses|associations)\/(propose|[0-9a-f-]{36}\/propose)$/,
		notKept: ['draftId', 'from', 'baseVersion'],
		title: (values) => ['name_fr', 'name_ar', 'name_en'].map((key) => values[key]).find((value): value is string => typeof value === 'string' && value.trim() !== '')?.trim() ?? null
	}
};

// ── Proposing ───────────────────────────────────────────────────────────────

/** The proposer's note to the moderators: not published, 2,000 characters at most. */
function checkComment(comment: string | null | undefined) {
	if ((comment ?? '').trim().length > 2000) throw new AppError('invalid_input', { fields: [{ path: 'comment', messageKey: 'field_too_long', values: { max: 2000 } }] });
}

/** A new house, desk or association: waits for a moderator (a moderator's own is published at once). */
export async function proposeDirectoryEntry(ctx: RequestContext, input: unknown, options: { comment?: string | null; notify?: Notify } = {}) {
	ctx.require(directoryProposals.actions.propose);
	checkComment(options.comment);
	return proposeNew(ctx, directoryProposals, input, options);
}

/**
 * A correction of a listed entry, based on the version the proposer read (a base no longer current: 409
 * `stale_version` with `currentVersion`). Its kind is the entry's; an association's organisation stays the association.
 */
export async function proposeDirectoryCorrection(
	ctx: RequestContext,
	entryId: string,
	input: unknown,
	options: { baseVersion: number; comment?: string | null; notify?: Notify }
) {
	ctx.require(directoryProposals.actions.propose);
	checkComment(options.comment);
	const entry = await listedEntry(ctx.db, entryId);
	const raw = typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
	const fixed = entry.kind === 'association' ? { organisationId: entry.organisationId, newOrganisationName: null, newOrganisationAcronym: null, newOrganisationCountry: null } : {};
	return proposeChange(ctx, directoryProposals, entry.id, { ...raw, ...fixed, kind: entry.kind }, options);
}

/** A listed (active) entry of the three directories, with its kind; anything else is not found. */
export async function listedEntry(db: DbOrTx, entryId: string) {
	if (!UUID.test(entryId)) throw new AppError('not_found');
	const [row] = await db
		.select({ id: directoryEntry.id, collection: directoryEntry.collection, organisationId: directoryEntry.organisationId, version: directoryEntry.version, status: directoryEntry.status })
		.from(directoryEntry)
		.where(and(eq(directoryEntry.id, entryId), inArray(directoryEntry.collection, keys)));
	const kind = row ? kindOfCollection(row.collection) : null;
	if (!row || !kind || row.status !== 'active') throw new AppError('not_found');
	return { ...row, kind };
}

// ── The proposer's own ──────────────────────────────────────────────────────

const DECIDED_SHOWN = 20;

export const MyDirectoryProposal = z
	.object({
		id: z.uuid(),
		kind: z.enum(entryKinds),
		name: z.record(z.string(), z.string()).describe('the proposed names, by language'),
		status: z.enum(['pending', 'approved', 'rejected', 'changes_requested', 'withdrawn']),
		entry: z.object({ id: z.uuid(), path: z.string() }).nullable().describe('the entry it corrects (or, once approved, the new entry); null for a new entry waiting'),
		baseVersion: z.int().nullable().describe('the version a correction was made on'),
		publishedVersion: z.int().nullable(),
		comment: z.string().nullable().describe('the proposer’s note to the moderators (not published)'),
		reviewReason: z.string().nullable().describe('the moderators’ reason, for a refusal or a request for changes'),
		createdAt: z.string(),
		reviewedAt: z.string().nullable(),
		withdrawable: z.boolean()
	})
	.meta({ id: 'TalentMyDirectoryProposal' });
export type MyDirectoryProposal = z.infer<typeof MyDirectoryProposal>;
export const MyDirectoryProposalList = z
	.object({ waiting: z.array(MyDirectoryProposal).describe('pending or sent back for changes, newest first'), decided: z.array(MyDirectoryProposal).describe(`the ${DECIDED_SHOWN} latest others`) })
	.meta({ id: 'TalentMyDirectoryProposals' });

function shown(row: ProposalRow): MyDirectoryProposal {
	const data = row.data as Partial<DirectoryProposalData>;
	const kind = data.kind ?? 'house';
	return {
		id: row.id,
		kind,
		name: Object.fromEntries(Object.entries(data.name ?? {}).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '')),
		status: row.status,
		entry: row.subjectId ? { id: row.subjectId, path: entryPath(kind, row.subjectId) } : null,
		baseVersion: row.baseVersion,
		publishedVersion: row.publishedVersion,
		comment: row.comment,
		reviewReason: row.reviewReason,
		createdAt: row.createdAt.toISOString(),
		reviewedAt: row.reviewedAt ? row.reviewedAt.toISOString() : null,
		withdrawable: waitingStatuses.includes(row.status)
	};
}

/** The person's proposals to the directories: all those waiting, then the latest decided. */
export async function myDirectoryProposals(ctx: RequestContext): Promise<z.infer<typeof MyDirectoryProposalList>> {
	const { waiting, decided } = await listOwnProposals(ctx, directoryProposals, { decided: DECIDED_SHOWN });
	return { waiting: waiting.map(shown), decided: decided.map(shown) };
}

/** One proposal of the person's own, with its data (to start again from it); anyone else's: not found. */
export async function myDirectoryProposal(ctx: RequestContext, id: string) {
	const row = await findOwnProposal(ctx, directoryProposals, id);
	return { ...shown(row), data: row.data as DirectoryProposalData };
}

/** Withdraws one's own proposal still waiting; refused (409) when it was decided meanwhile or is no longer as the proposer saw it. */
export async function withdrawMyDirectoryProposal(ctx: RequestContext, id: string, expectedStatus?: ProposalStatus) {
	await withdrawProposal(ctx, directoryProposals, id, { expectedStatus });
	return myDirectoryProposal(ctx, id);
}

/** My space: the person's proposals waiting (pending or sent back), and whether they ever proposed one. */
export function myDirectoryCounts(db: DbOrTx, userId: string) {
	return ownProposalCounts(db, directoryProposals, userId);
}

/** My space, for moderators: the proposals waiting for a decision. */
export async function pendingDirectoryProposals(db: DbOrTx) {
	const [row] = await db
		.select({ n: sql<number>`count(*)::int` })
		.from(moderationProposal)
		.where(and(eq(moderationProposal.collection, DIRECTORY_PROPOSALS), eq(moderationProposal.status, 'pending')));
	return row?.n ?? 0;
}

// ── Forms ───────────────────────────────────────────────────────────────────

/** A proposal's data as a form's values (to start again from a proposal sent back). */
export function proposalFormValues(data: DirectoryProposalData) {
	const values: Record<string, string> = {
		organisationId: data.organisationId ?? '',
		newOrganisationName: data.newOrganisation?.name ?? '',
		newOrganisationAcronym: data.newOrganisation?.acronym ?? '',
		newOrganisationCountry: data.newOrganisation?.country ?? '',
		city: data.cities[0] ?? '',
		address: data.address ?? '',
		phone: data.phone ?? '',
		email: data.email ?? '',
		website: data.website ?? ''
	};
	for (const field of ['name', 'description', 'openingHours'] as const) {
		for (const language of ['fr', 'ar', 'en'] as const) values[`${field}_${language}`] = data[field]?.[language] ?? '';
	}
	return { values, chosen: { services: data.services, regions: data.regions, links: data.links } };
}

/** A form's fields as the proposal's input (the boxes ticked as lists). */
export function proposalFromForm(form: FormData, kind: EntryKind) {
	const raw: Record<string, unknown> = { kind };
	for (const key of new Set(form.keys())) {
		if (['services', 'regions', 'links'].includes(key)) raw[key] = form.getAll(key).map(String);
		else raw[key] = String(form.get(key) ?? '');
	}
	return raw;
}

// ── The moderators' review ──────────────────────────────────────────────────

/** What a proposal changes, each field named in the page's language and each value in words (never a code). */
export async function describeDirectoryChanges(db: DbOrTx, language: Language, kind: EntryKind, changes: Change[]): Promise<DescribedChange[]> {
	const organisationIds = [...new Set(changes.flatMap((change) => (change.field === 'organisationId' ? [change.before, change.after] : [])).filter((value): value is string => typeof value === 'string'))];
	const organisations = organisationIds.length ? await db.select({ id: organisation.id, name: organisation.name, acronym: organisation.acronym }).from(organisation).where(inArray(organisation.id, organisationIds)) : [];
	const organisationName = new Map(organisations.map((row) => [row.id, row.acronym ? `${row.name} (${row.acronym})` : row.name]));
	const linkValues = [...new Set(changes.flatMap((change) => (change.field === 'links' ? [change.before, change.after] : [])).flatMap((value) => (Array.isArray(value) ? value.map(String) : [])))];
	const networkName = new Map((linkValues.length ? await resolveLinks(db, linkValues, language) : []).map((link) => [link.value, link.label]));
	const t = (key: string) => translate(language, key);
	const regionName = (code: string) => {
		const found = regions.find((region) => region.iso === code);
		return found ? (language === 'ar' ? found.nameAr : language === 'en' ? found.nameEn : found.nameFr) : code;
	};
	const list = (value: unknown) => (Array.isArray(value) ? value.map(String) : [String(value)]);
	// what people typed, in any language or script, is isolated from the page's direction and language
	return changes.map((change) =>
		describeChange(change, {
			label: (field) => t(`directories.diff_${field}`),
			value: (field, value) => {
				switch (field) {
					case 'organisationId':
						return [isolate(organisationName.get(String(value)) ?? String(value))];
					case 'newOrganisation': {
						const association = value as NewAssociation;
						return [`${isolate(`${association.name}${association.acronym ? ` (${association.acronym})` : ''}`)} — ${countryName(association.country, language)}`];
					}
					case 'services':
						return list(value).map((service) => t(kind === 'association' ? `directories.field_${service}` : `directories.service_${service}`));
					case 'regions':
						return list(value).map(regionName);
					case 'links':
						return list(value).map((link) => isolate(networkName.get(link) ?? link));
					default:
						return list(value).map(isolate);
				}
			}
		})
	);
}
