// Applying an import, as a job of the queue (`atlas.apply-import`): whichever instance of the app takes
// it applies the chosen activities, 100 at a time, as proposals (partners) or published initiatives and
// new versions (moderators), each with the import row's outcome written in the same transaction — so a
// page closed, a second click, a restart or an instance killed in the middle never makes anything twice:
// the job's heartbeat stops, another instance takes the job up and continues where the rows say.
import { and, asc, desc, eq, gt, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../../platform/db/database.ts';
import { organisation, user } from '../../../platform/accounts/accounts.table.ts';
import { loadActor } from '../../../platform/accounts/actor.ts';
import { createContext, type RequestContext } from '../../../platform/kernel/context.ts';
import { isAppError } from '../../../platform/http/app-error.ts';
import { isBadValueForDatabase } from '../../../platform/http/api.ts';
import { can, type Actor } from '../../../platform/policy/policy.ts';
import type { Mailer } from '../../../platform/mail/mailer.ts';
import type { Logger } from '../../../platform/log/logger.ts';
import { translate } from '../../../platform/i18n/translator.ts';
import { isLanguage, type Language } from '../../../platform/i18n/languages.ts';
import { initiative, initiativeVersion } from '../atlas.table.ts';
import { impliedPlaces } from '../places.ts';
import { InitiativeInput, type InitiativeData } from '../atlas.schemas.ts';
import { createInitiatives, freeSlugs, updateInitiative } from '../initiative.service.ts';
import { sharakaIdentifier, slugOfSharakaIdentifier } from '../export/iati/codes.ts';
import { slugify } from '../../../platform/text/slug.ts';
import { moderationProposal } from '../../../platform/moderation/moderation.table.ts';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import { initiativeProposals } from '../moderation/initiative-proposals.ts';
import { proposeChange, proposeNewInitiative } from '../moderation/moderation.service.ts';
import { composeEmail } from '../../../platform/mail/compose.ts';
import { atlasImport, atlasImportActivity, atlasImportFieldConflict, type ImportOutcome } from './import.table.ts';
import { fieldValue, reconcile, stableJson, withFieldValue, type FieldConflict } from './provenance.ts';
import type { ImportedActivity } from './imported.ts';
import { OrganisationMatcher } from './organisations.ts';

/** What a running import needs from the app. */
export interface ImportEnv {
	db: Db;
	mailer?: Mailer;
	publicUrl?: string;
	logger?: Pick<Logger, 'error' | 'warn' | 'info'>;
}

/** Rows applied per round: published in one transaction (moderators), or one proposal at a time (partners). */
const PUBLISH_CHUNK = 500;
const PROPOSE_CHUNK = 100;
/** An "applying" import whose runner has given no sign of life for this long was interrupted. */
export const STALE_AFTER_MS = 30_000;

/** The queue's job (`<module>.<job>`) that applies one import. */
export const APPLY_IMPORT_JOB = 'apply-import';

/** What the job carries: the import, and the heartbeat its claim wrote (the sign that nobody runs it yet). */
export interface ApplyImportJob {
	importId: string;
	claimedAt: string;
}

type ImportRecord = typeof atlasImport.$inferSelect;
type ActivityRow = typeof atlasImportActivity.$inferSelect;

// ── Building initiatives ────────────────────────────────────────────────────

/** The organisations of an activity once matched, and the yearly amounts of its funders (by slug). */
type ResolvedOrganisations = { organisations: NonNullable<InitiativeInput['organisations']>; yearlyAmounts: NonNullable<InitiativeInput['yearlyAmounts']> };

/** The source cited for an activity that gives none: the file, its publisher and the day of the import. */
export function fileCitation(record: Pick<ImportRecord, 'fileName' | 'publisher' | 'createdAt' | 'language' | 'kind'>) {
	const language: Language = isLanguage(record.language) ? record.language : 'fr';
	const date = record.createdAt.toISOString().slice(0, 10);
	const citation = translate(language, record.publisher ? 'atlas_import.file_citation_publisher' : 'atlas_import.file_citation', {
		file: record.fileName,
		publisher: record.publisher ?? '',
		kind: record.kind.toUpperCase(),
		date
	});
	return { citation: citation.slice(0, 1000), url: null, date };
}

export function buildInput(activity: ImportedActivity, resolved: ResolvedOrganisations, citation: ReturnType<typeof fileCitation>): InitiativeInput {
	const { organisations: _unresolved, ...rest } = activity.input;
	// the initiative's own yearly budgets (the file's), then its funders' (matched)
	const yearlyAmounts = [...(rest.yearlyAmounts ?? []).filter((entry) => !entry.organisation), ...resolved.yearlyAmounts];
	return { ...rest, organisations: resolved.organisations, yearlyAmounts, sources: rest.sources?.length ? rest.sources : [citation] };
}

const tableFields: Record<string, (keyof InitiativeInput)[]> = {
	identifier: ['slug'],
	iati_identifier: ['iatiIdentifier'],
	status: ['status'],
	themes: ['themes'],
	national_scope: ['nationalScope'],
	regions: ['regions'],
	provinces: ['provinces'],
	// a name the commune list does not know goes to the other places
	communes: ['communes', 'otherPlaces'],
	other_places: ['otherPlaces'],
	countries: ['countries'],
	target_groups: ['targetGroups'],
	planned_start: ['plannedStart'],
	planned_end: ['plannedEnd'],
	actual_start: ['actualStart'],
	actual_end: ['actualEnd'],
	start_year: ['startYear'],
	end_year: ['endYear'],
	budget_total: ['budget'],
	currency: ['budget'],
	budget_second_figure: ['budget'],
	yearly_amounts: ['yearlyAmounts'],
	website: ['website'],
	contact: ['contact'],
	sources: ['sources'],
	last_verified: ['lastVerifiedOn'],
	sample: ['isSample']
};

/**
 * A known initiative's next version: its current data with what the file gives. From an IATI file:
 * texts per language, status, dates, budget, web site and contact when given; countries when the file
 * names recipients; themes when they are the Atlas's own codes (DAC codes are coarser than the themes a
 * moderator chose); regions and provinces added; organisations by (organisation, role), the file's
 * amounts first; sources added. From a table: the mapped columns only.
 */
export function mergeIntoCurrent(current: InitiativeData, next: InitiativeInput, activity: ImportedActivity): InitiativeInput {
	const merged: InitiativeInput = { ...current };
	const texts = (field: 'title' | 'summary' | 'description') => ({ ...current[field], ...(next[field] ?? {}) });
	if (activity.columns) {
		const columns = new Set(activity.columns);
		for (const column of columns) {
			for (const field of tableFields[column] ?? []) (merged as Record<string, unknown>)[field] = next[field];
		}
		for (const field of ['title', 'summary'] as const) {
			const given = activity.columns.filter((column) => column.startsWith(`${field}_`)).map((column) => column.slice(field.length + 1));
			if (given.length) {
				const value = { ...current[field] } as Record<string, string | undefined>;
				for (const language of given) {
					// the source's own language: the table's text replaces the ones the Atlas kept in another language
					if (language === 'original') {
						for (const key of Object.keys(value)) if (!isLanguage(key)) delete value[key];
						for (const [key, text] of Object.entries(next[field] ?? {})) if (!isLanguage(key) && text) value[key] = text;
						continue;
					}
					const text = (next[field] as Record<string, string | undefined> | undefined)?.[language];
					if (text) value[language] = text;
					else delete value[language];
				}
				merged[field] = value;
			}
		}
		const roles = {
			funders: 'funder',
			accountable_organisations: 'accountable',
			extending_organisations: 'extending',
			implementers: 'implementer', partners: 'partner', beneficiary_institutions: 'beneficiary' } as const;
		const replaced = (Object.keys(roles) as (keyof typeof roles)[]).filter((column) => columns.has(column)).map((column) => roles[column]);
		if (replaced.length) {
			merged.organisations = [
				...current.organisations.filter((entry) => !replaced.includes(entry.role as never)),
				...(next.organisations ?? []).filter((entry) => replaced.includes(entry.role as never))
			];
		}
		if (!columns.has('budget_total') && !columns.has('currency')) merged.budget = current.budget;
		// a table without the second figures' columns keeps those the Atlas has, beside the same amounts
		if (!columns.has('budget_second_figure')) merged.budget = keepSecondFigure(merged.budget ?? null, current.budget ?? null);
		if (!columns.has('funder_second_figures')) merged.organisations = keepSecondFigures(merged.organisations ?? [], current.organisations);
		// a funder column replaced: its yearly amounts come from the table's column, else stay for the funders kept
		if (!columns.has('yearly_amounts')) merged.yearlyAmounts = keptYearlyAmounts(current.yearlyAmounts, merged.organisations ?? []);
		if (!merged.sources?.length) merged.sources = current.sources;
		merged.slug = current.slug;
		return merged;
	}
	merged.title = texts('title');
	merged.summary = texts('summary');
	merged.description = texts('description');
	merged.status = next.status;
	const dateFields = ['plannedStart', 'plannedEnd', 'actualStart', 'actualEnd', 'startYear', 'endYear'] as const;
	if (dateFields.some((field) => next[field] != null)) for (const field of dateFields) (merged as Record<string, unknown>)[field] = next[field] ?? null;
	if (next.budget) merged.budget = next.budget.secondFigure ? next.budget : keepSecondFigure(next.budget, current.budget ?? null);
	// the file's yearly amounts replace the Atlas's when it gives some (an IATI file never gives second figures of its own)
	if (next.yearlyAmounts?.length) merged.yearlyAmounts = next.yearlyAmounts;
	if (next.website) merged.website = next.website;
	if (next.contact) merged.contact = next.contact;
	if (activity.givesCountries) {
		merged.countries = next.countries;
		merged.moroccoShare = next.moroccoShare ?? null;
		merged.countryShares = next.countryShares ?? [];
	}
	if (next.recipientRegions?.length) merged.recipientRegions = next.recipientRegions;
	if (activity.exactThemes || (!current.themes.length && next.themes?.length)) merged.themes = next.themes;
	merged.regions = [...new Set([...current.regions, ...(next.regions ?? [])])];
	merged.provinces = [...new Set([...current.provinces, ...(next.provinces ?? [])])];
	merged.communes = [...new Set([...current.communes, ...(next.communes ?? [])])];
	merged.nationalScope = current.nationalScope || Boolean(next.nationalScope);
	if (next.points?.length) merged.points = next.points;
	const organisations = [...(next.organisations ?? [])];
	for (const entry of current.organisations) {
		if (!organisations.some((other) => other.organisation === entry.organisation && other.role === entry.role)) organisations.push(entry);
	}
	merged.organisations = keepSecondFigures(organisations, current.organisations);
	merged.yearlyAmounts = keptYearlyAmounts(merged.yearlyAmounts ?? [], merged.organisations);
	// the activity's own documents are added; the file is cited only when there is no other source
	const sources = [...current.sources];
	for (const source of activity.input.sources ?? []) {
		if (source.url ? !sources.some((other) => other.url === source.url) : !sources.some((other) => other.citation === source.citation)) sources.push(source);
	}
	merged.sources = sources.length ? sources.slice(0, 50) : (next.sources ?? []);
	merged.iatiIdentifier = next.iatiIdentifier ?? current.iatiIdentifier;
	// the larger initiative the file names (once the Atlas knows it); the kind of link a moderator chose stays
	if (next.partOf && next.partOf.initiative !== current.slug) {
		merged.partOf = { initiative: next.partOf.initiative, relation: current.partOf?.initiative === next.partOf.initiative ? current.partOf.relation : next.partOf.relation };
	}
	merged.slug = current.slug;
	return merged;
}

type Budget = InitiativeInput['budget'];
type Organisations = NonNullable<InitiativeInput['organisations']>;

/** The next budget with the Atlas's second figure when it gives none and the amount and currency are the same. */
function keepSecondFigure(next: Budget, current: Budget): Budget {
	if (!next || next.secondFigure || !current?.secondFigure) return next;
	return next.total === current.total && next.currency === current.currency ? { ...next, secondFigure: current.secondFigure } : next;
}

/** Each organisation with the Atlas's second figure for the same contribution when the file gives none. */
function keepSecondFigures(next: Organisations, current: Organisations): Organisations {
	return next.map((entry) => {
		if (entry.secondFigure) return entry;
		const same = current.find((other) => other.organisation === entry.organisation && other.role === entry.role);
		return same?.secondFigure && same.amount === entry.amount && (same.currency ?? null) === (entry.currency ?? null) ? { ...entry, secondFigure: same.secondFigure } : entry;
	});
}

/** The yearly amounts whose funder is still among the funders (the initiative's own budget's always). */
function keptYearlyAmounts(amounts: NonNullable<InitiativeInput['yearlyAmounts']>, organisations: Organisations): NonNullable<InitiativeInput['yearlyAmounts']> {
	const funders = new Set(organisations.filter((entry) => entry.role === 'funder').map((entry) => entry.organisation));
	return amounts.filter((entry) => !entry.organisation || funders.has(entry.organisation));
}

/** The same data once validated (key order, absent/null, and the order of sets ignored). */
export function sameData(a: InitiativeInput, b: InitiativeInput): boolean {
	try {
		return canonical(a) === canonical(b);
	} catch {
		return false;
	}
}

function canonical(input: InitiativeInput): string {
	const data = InitiativeInput.parse(input);
	const budgetCurrency = data.budget?.currency ?? 'EUR';
	return stableJson({
		...data,
		// a commune implies its province, a province its region (as the Atlas stores them): listing them too says nothing more
		...impliedPlaces(data),
		communes: [...new Set(data.communes)].sort(),
		countries: [...data.countries].sort(),
		themes: [...data.themes].sort(),
		targetGroups: [...data.targetGroups].sort(),
		// as initiative.service stores them: an amount without a currency is in the budget's (else EUR)
		organisations: data.organisations
			.map((entry) => ({
				organisation: entry.organisation,
				role: entry.role,
				amount: entry.amount ?? null,
				currency: entry.amount != null ? (entry.currency ?? budgetCurrency) : null,
				secondFigure: entry.amount != null ? (entry.secondFigure ?? null) : null
			}))
			.sort((x, y) => `${x.role}/${x.organisation}`.localeCompare(`${y.role}/${y.organisation}`)),
		yearlyAmounts: sortedYearlyAmounts(data.yearlyAmounts)
	});
}

/** Yearly amounts in one order (year, funder, currency): the order they were given says nothing more. */
export function sortedYearlyAmounts(amounts: InitiativeData['yearlyAmounts']) {
	return amounts
		.map((entry) => ({ organisation: entry.organisation ?? null, year: entry.year, amount: entry.amount, currency: entry.currency }))
		.sort((x, y) => x.year - y.year || (x.organisation ?? '').localeCompare(y.organisation ?? '') || x.currency.localeCompare(y.currency));
}

/** The current version of a published initiative, as an input. */
export async function currentData(db: DbOrTx, initiativeId: string): Promise<{ data: InitiativeData; version: number; slug: string } | null> {
	const [row] = await db
		.select({ snapshot: initiativeVersion.snapshot, version: initiative.version, slug: initiative.slug })
		.from(initiative)
		.innerJoin(initiativeVersion, and(eq(initiativeVersion.initiativeId, initiative.id), eq(initiativeVersion.number, initiative.version)))
		.where(eq(initiative.id, initiativeId));
	if (!row) return null;
	const parsed = InitiativeInput.safeParse(row.snapshot);
	return parsed.success ? { data: { ...parsed.data, slug: row.slug }, version: row.version, slug: row.slug } : null;
}

function slugBase(input: InitiativeInput, identifier: string | null): string {
	return slugify(input.title.fr ?? input.title.en ?? '') || slugify(identifier ?? '') || 'initiative';
}

// ── The run ─────────────────────────────────────────────────────────────────

type Outcome = {
	outcome: ImportOutcome;
	initiativeId?: string | null;
	slug?: string | null;
	/** the initiative's version after the row (created, updated, unchanged) */
	version?: number | null;
	/** the file's values of fields where that version keeps the platform's */
	fileValues?: Record<string, unknown> | null;
	proposalId?: string | null;
	error?: { code: string; values?: Record<string, string | number> };
};

function failureOf(error: unknown): Outcome {
	if (isAppError(error)) {
		if (error.code === 'conflict') return { outcome: 'failed', error: { code: 'apply_conflict' } };
		if (error.code === 'invalid_input') {
			return { outcome: 'failed', error: { code: 'apply_invalid', values: { fields: error.fields.map((field) => field.path).join(', ') || '—' } } };
		}
		if (error.code === 'forbidden' || error.code === 'unauthenticated') return { outcome: 'failed', error: { code: 'apply_forbidden' } };
	}
	// the database's own refusals of one activity's values: that activity fails, the import goes on
	if (isBadValueForDatabase(error)) return { outcome: 'failed', error: { code: 'apply_invalid', values: { fields: '—' } } };
	for (let current: unknown = error; current; current = (current as { cause?: unknown }).cause) {
		if ((current as { code?: unknown }).code === '23505') return { outcome: 'failed', error: { code: 'apply_conflict' } };
	}
	throw error;
}

/** Many rows' outcomes in one statement (a round of new initiatives). */
async function recordMany(tx: DbOrTx, importId: string, results: { position: number; initiativeId: string; slug: string }[]) {
	if (!results.length) return;
	const values = sql.join(
		results.map((result) => sql`(${result.position}::int, ${result.initiativeId}::uuid, ${result.slug}::text)`),
		sql`, `
	);
	await tx.execute(sql`
		update ${atlasImportActivity} set outcome = 'created', result_initiative_id = v.initiative_id, result_slug = v.slug,
			result_proposal_id = null, result_error = null, result_version = 1, applied_at = now()
		from (values ${values}) as v(position, initiative_id, slug)
		where ${atlasImportActivity.importId} = ${importId} and ${atlasImportActivity.position} = v.position`);
}

async function record(tx: DbOrTx, importId: string, position: number, result: Outcome) {
	await tx
		.update(atlasImportActivity)
		.set({
			outcome: result.outcome,
			resultInitiativeId: result.initiativeId ?? null,
			resultSlug: result.slug ?? null,
			resultProposalId: result.proposalId ?? null,
			resultVersion: result.version ?? null,
			resultFileValues: result.fileValues && Object.keys(result.fileValues).length ? result.fileValues : null,
			resultError: result.error ?? null,
			appliedAt: new Date()
		})
		.where(and(eq(atlasImportActivity.importId, importId), eq(atlasImportActivity.position, position)));
}

interface RunState {
	env: ImportEnv;
	record: ImportRecord;
	actor: Actor;
	/** the applier's context (their actor, the audit context of the request that started the import) */
	ctx: RequestContext;
	matcher: OrganisationMatcher;
	comment: string;
	citation: ReturnType<typeof fileCitation>;
	proposed: number;
}

async function resolveOrganisations(state: RunState, activity: ImportedActivity): Promise<ResolvedOrganisations> {
	const out: ResolvedOrganisations = { organisations: [], yearlyAmounts: [] };
	for (const entry of activity.organisations) {
		// an organisation a partner's file brings in waits for a moderator before it shows anywhere public
		const found = await state.matcher.resolve(state.ctx, entry, state.record.id, { pending: !can(state.actor, 'organisation.manage') });
		if (!found) continue;
		if (out.organisations.some((other) => other.organisation === found.slug && other.role === entry.role)) continue;
		out.organisations.push({
			organisation: found.slug,
			role: entry.role,
			amount: entry.amount ?? null,
			currency: entry.amount != null ? (entry.currency ?? null) : null,
			...(entry.amount != null && entry.secondFigure ? { secondFigure: entry.secondFigure } : {})
		});
		if (entry.role !== 'funder') continue;
		for (const year of entry.yearly ?? []) {
			if (!out.yearlyAmounts.some((other) => other.organisation === found.slug && other.year === year.year && other.currency === year.currency)) {
				out.yearlyAmounts.push({ organisation: found.slug, ...year });
			}
		}
	}
	return out;
}

/**
 * The initiatives the rows stand for now, by position: same IATI identifier, else (tables) same Atlas
 * identifier. Looked up again when applying: an earlier, interrupted run may have created them since the preview.
 */
async function knownNow(db: DbOrTx, items: { row: ActivityRow; activity: ImportedActivity }[]): Promise<Map<number, string>> {
	const identifiers = [...new Set(items.map(({ activity }) => activity.identifier).filter((value): value is string => Boolean(value)))];
	const slugs = [...new Set(items.map(({ activity }) => activity.input.slug).filter((value): value is string => Boolean(value)))];
	const found = new Map<number, string>();
	if (!identifiers.length && !slugs.length) return found;
	const rows = await db
		.select({ id: initiative.id, slug: initiative.slug, identifier: initiative.iatiIdentifier })
		.from(initiative)
		.where(
			sql`${identifiers.length ? inArray(initiative.iatiIdentifier, identifiers) : sql`false`} or ${slugs.length ? inArray(initiative.slug, slugs) : sql`false`}`
		);
	const byIdentifier = new Map(rows.filter((row) => row.identifier).map((row) => [row.identifier!, row.id]));
	const bySlug = new Map(rows.map((row) => [row.slug, row.id]));
	for (const { row, activity } of items) {
		const id = (activity.identifier ? byIdentifier.get(activity.identifier) : undefined) ?? (activity.input.slug ? bySlug.get(activity.input.slug) : undefined);
		if (id) found.set(row.position, id);
	}
	return found;
}

/** An activity's parent reference as the Atlas finds it again: an IATI identifier, or the Atlas's own one. */
const refKey = (ref: string) => ref.trim().toUpperCase();

/**
 * The initiatives named as the larger ones that activities are part of (`related-activity` type 1): by IATI
 * identifier (any case), or by slug when the reference is the Atlas's own identifier. Map: reference key → slug.
 */
async function parentsInAtlas(db: DbOrTx, refs: (string | null | undefined)[]): Promise<Map<string, string>> {
	const given = [...new Set(refs.filter((ref): ref is string => Boolean(ref)).map((ref) => ref.trim()))];
	const found = new Map<string, string>();
	if (!given.length) return found;
	const ownSlugs = new Map(given.map((ref) => [ref, slugOfSharakaIdentifier(ref)] as const).filter((entry): entry is [string, string] => Boolean(entry[1])));
	const rows = await db
		.select({ slug: initiative.slug, identifier: initiative.iatiIdentifier })
		.from(initiative)
		.where(or(sql`upper(${initiative.iatiIdentifier}) in ${given.map(refKey)}`, ownSlugs.size ? inArray(initiative.slug, [...ownSlugs.values()]) : sql`false`));
	for (const row of rows) if (row.identifier) found.set(refKey(row.identifier), row.slug);
	for (const [ref, slug] of ownSlugs) if (rows.some((row) => row.slug === slug)) found.set(refKey(ref), slug);
	return found;
}

/** The input with its parent when the Atlas knows it (never itself); unchanged otherwise. */
function withParent(input: InitiativeInput, activity: ImportedActivity, parents: Map<string, string>): InitiativeInput {
	const slug = activity.parentRef ? parents.get(refKey(activity.parentRef)) : undefined;
	return slug && slug !== input.slug ? { ...input, partOf: { initiative: slug, relation: 'component' } } : input;
}

/**
 * The initiative as the last import of it (another file, or an earlier import of the same) saw it: the
 * version that import wrote or found unchanged, with the file's values where that version kept the
 * platform's. Null when no import ever touched it.
 */
export async function lastImportedVersion(db: DbOrTx, initiativeId: string, importId: string): Promise<InitiativeData | null> {
	const a = atlasImportActivity;
	const [last] = await db
		.select({ version: a.resultVersion, appliedAt: a.appliedAt, fileValues: a.resultFileValues })
		.from(a)
		.where(and(eq(a.resultInitiativeId, initiativeId), inArray(a.outcome, ['created', 'updated', 'unchanged']), sql`${a.importId} <> ${importId}`))
		.orderBy(desc(a.appliedAt))
		.limit(1);
	if (!last) return null;
	const [row] = await db
		.select({ snapshot: initiativeVersion.snapshot })
		.from(initiativeVersion)
		.where(
			and(
				eq(initiativeVersion.initiativeId, initiativeId),
				// rows applied before the version was recorded: the last version written by then
				last.version != null ? eq(initiativeVersion.number, last.version) : lte(initiativeVersion.createdAt, last.appliedAt ?? new Date(0))
			)
		)
		.orderBy(desc(initiativeVersion.number))
		.limit(1);
	if (!row) return null;
	const parsed = InitiativeInput.safeParse(row.snapshot);
	if (!parsed.success) return null;
	let seen: InitiativeData = parsed.data;
	for (const [key, value] of Object.entries(last.fileValues ?? {})) seen = withFieldValue(seen, key, value);
	return seen;
}

/** Keeps the fields both the platform and the file changed since the last import, for a moderator to decide. */
async function recordConflicts(tx: DbOrTx, importId: string, position: number, initiativeId: string, conflicts: FieldConflict[]) {
	if (!conflicts.length) return;
	await tx
		.insert(atlasImportFieldConflict)
		.values(
			conflicts.map((conflict) => ({
				importId,
				position,
				field: conflict.field,
				initiativeId,
				lastImportValue: conflict.lastImport,
				atlasValue: conflict.atlas,
				fileValue: conflict.file
			}))
		)
		.onConflictDoNothing();
}

async function applyKnown(state: RunState, row: ActivityRow, activity: ImportedActivity, initiativeId: string, publish: boolean, parents: Map<string, string>): Promise<void> {
	const { db } = state.env;
	const current = await currentData(db, initiativeId);
	if (!current) {
		await record(db, state.record.id, row.position, { outcome: 'failed', error: { code: 'apply_conflict' } });
		return;
	}
	const given = withParent(buildInput(activity, await resolveOrganisations(state, activity), state.citation), activity, parents);
	const merged = mergeIntoCurrent(current.data, given, activity);
	const parsedMerge = InitiativeInput.safeParse(merged);
	// field by field against what the last import left (issue #17 rule 14); an invalid merge fails below as before
	const { next, conflicts, kept } = parsedMerge.success
		? reconcile(current.data, { ...parsedMerge.data, slug: current.slug }, await lastImportedVersion(db, initiativeId, state.record.id), publish ? 'atlas' : 'file')
		: { next: merged, conflicts: [] as FieldConflict[], kept: [] as string[] };
	// what the file said where the Atlas keeps its own value: the next import compares with the file, not with the Atlas
	const fileValues = Object.fromEntries([...kept, ...(publish ? conflicts.map((conflict) => conflict.field) : [])].map((key) => [key, fieldValue(parsedMerge.data!, key)]));
	if (sameData(next, current.data)) {
		await state.ctx.transaction(async ({ db: tx }) => {
			if (publish) await recordConflicts(tx, state.record.id, row.position, initiativeId, conflicts);
			await record(tx, state.record.id, row.position, { outcome: 'unchanged', initiativeId, slug: current.slug, version: current.version, fileValues });
		});
		return;
	}
	if (!publish) {
		// the same change already waiting for review (the same file imported again): no second proposal
		const waiting = await db
			.select({ id: moderationProposal.id, data: moderationProposal.data })
			.from(moderationProposal)
			.where(
				and(
					eq(moderationProposal.collection, initiativeProposals.key),
					eq(moderationProposal.subjectId, initiativeId),
					eq(moderationProposal.status, 'pending'),
					eq(moderationProposal.proposerUserId, state.actor.userId),
					eq(moderationProposal.baseVersion, current.version)
				)
			);
		const same = waiting.find((proposal) => sameData(proposal.data as InitiativeInput, next));
		if (same) {
			await record(db, state.record.id, row.position, { outcome: 'proposed', initiativeId, slug: current.slug, proposalId: same.id });
			return;
		}
	}
	try {
		await state.ctx.transaction(async (inTx) => {
			const tx = inTx.db;
			if (publish) {
				const updated = await updateInitiative(inTx, initiativeId, next, {
					userId: state.actor.userId,
					organisationId: state.actor.organisationIds[0] ?? null,
					comment: state.comment,
					expectedVersion: current.version
				});
				await recordConflicts(tx, state.record.id, row.position, initiativeId, conflicts);
				await record(tx, state.record.id, row.position, { outcome: 'updated', initiativeId, slug: updated.slug, version: updated.version, fileValues });
			} else {
				const proposal = await proposeChange(inTx, initiativeId, next, {
					baseVersion: current.version,
					comment: state.comment
				});
				await record(tx, state.record.id, row.position, { outcome: 'proposed', initiativeId, slug: current.slug, proposalId: proposal.id });
				state.proposed++;
			}
		});
	} catch (error) {
		await record(db, state.record.id, row.position, failureOf(error));
	}
}

async function pendingProposalFor(db: DbOrTx, identifier: string | null): Promise<string | null> {
	if (!identifier) return null;
	const [found] = await db
		.select({ id: moderationProposal.id })
		.from(moderationProposal)
		.where(and(eq(moderationProposal.collection, initiativeProposals.key), eq(moderationProposal.status, 'pending'), isNull(moderationProposal.subjectId), sql`${moderationProposal.data}->>'iatiIdentifier' = ${identifier}`))
		.limit(1);
	return found?.id ?? null;
}

async function publishNew(state: RunState, items: { row: ActivityRow; activity: ImportedActivity }[]) {
	if (!items.length) return;
	const { db } = state.env;
	const inputs: InitiativeInput[] = [];
	for (const { activity } of items) inputs.push(buildInput(activity, await resolveOrganisations(state, activity), state.citation));
	const slugs = await freeSlugs(
		db,
		items.map(({ activity }, index) => inputs[index].slug ?? slugBase(inputs[index], activity.identifier))
	);
	inputs.forEach((input, index) => (input.slug = slugs[index]));
	// parents: in the Atlas, or among this round's new initiatives (linked in the same transaction)
	const parents = await parentsInAtlas(db, items.map(({ activity }) => activity.parentRef));
	for (const [index, { activity }] of items.entries()) {
		if (activity.identifier) parents.set(refKey(activity.identifier), inputs[index].slug!);
		parents.set(refKey(sharakaIdentifier(inputs[index].slug!)), inputs[index].slug!);
	}
	items.forEach(({ activity }, index) => (inputs[index] = withParent(inputs[index], activity, parents)));
	const author = { userId: state.actor.userId, organisationId: state.actor.organisationIds[0] ?? null, comment: state.comment };
	try {
		// One transaction for the whole round (fast); any refusal → one by one, to keep the others.
		await state.ctx.transaction(async (inTx) => {
			const created = await createInitiatives(inTx, inputs, author);
			for (const [index, entry] of created.entries()) await attachWaitingProposals(inTx, entry.id, inputs[index].iatiIdentifier, inputs[index].partOf);
			await recordMany(
				inTx.db,
				state.record.id,
				items.map(({ row }, index) => ({ position: row.position, initiativeId: created[index].id, slug: created[index].slug }))
			);
		});
		return;
	} catch (error) {
		if (items.length === 1) {
			await record(db, state.record.id, items[0].row.position, failureOf(error));
			return;
		}
	}
	for (const [index, { row }] of items.entries()) {
		try {
			await state.ctx.transaction(async (inTx) => {
				// one by one, a parent of this round may have failed or come later: linked at the end of the import
				const parent = inputs[index].partOf?.initiative;
				if (parent && !(await inTx.db.select({ id: initiative.id }).from(initiative).where(eq(initiative.slug, parent))).length) inputs[index] = { ...inputs[index], partOf: null };
				const [created] = await createInitiatives(inTx, [inputs[index]], author);
				await attachWaitingProposals(inTx, created.id, inputs[index].iatiIdentifier, inputs[index].partOf);
				await record(inTx.db, state.record.id, row.position, { outcome: 'created', initiativeId: created.id, slug: created.slug, version: 1 });
			});
		} catch (error) {
			await record(db, state.record.id, row.position, failureOf(error));
		}
	}
}

/**
 * A partner's proposal of a new initiative for the same IATI activity, still waiting, becomes a proposal of
 * change of the initiative just published (issue 17, rule 13): one record, with its proposals, never two.
 */
async function attachWaitingProposals(ctx: RequestContext, initiativeId: string, identifier: string | null | undefined, partOf: InitiativeInput['partOf']): Promise<void> {
	if (!identifier) return;
	const attached = await ctx.db
		.update(moderationProposal)
		// the whole the same activity is part of: the partner's import could not name it while it was not in the
		// Atlas; approving their proposal must not undo the link
		.set({
			subjectId: initiativeId,
			baseVersion: 1,
			...(partOf ? { data: sql`case when coalesce(${moderationProposal.data}->'partOf', 'null'::jsonb) = 'null'::jsonb then jsonb_set(${moderationProposal.data}, '{partOf}', ${JSON.stringify(partOf)}::jsonb) else ${moderationProposal.data} end` } : {})
		})
		.where(
			and(
				eq(moderationProposal.collection, initiativeProposals.key),
				inArray(moderationProposal.status, ['pending', 'changes_requested']),
				isNull(moderationProposal.subjectId),
				sql`upper(${moderationProposal.data}->>'iatiIdentifier') = ${identifier.trim().toUpperCase()}`
			)
		)
		.returning({ id: moderationProposal.id });
	for (const proposal of attached) {
		await recordAudit(ctx.db, ctx.audit, {
			action: 'initiative_proposal.attach',
			resourceType: 'initiative_proposal',
			resourceId: proposal.id,
			before: { initiativeId: null },
			after: { initiativeId, baseVersion: 1, iatiIdentifier: identifier }
		});
	}
}

async function proposeNew(state: RunState, row: ActivityRow, activity: ImportedActivity, parents: Map<string, string>) {
	const { db } = state.env;
	const pending = await pendingProposalFor(db, activity.identifier);
	if (pending) {
		// never a second proposal for the same activity while one waits
		await record(db, state.record.id, row.position, { outcome: 'proposed', proposalId: pending });
		return;
	}
	const input = withParent(buildInput(activity, await resolveOrganisations(state, activity), state.citation), activity, parents);
	if (!input.slug) input.slug = (await freeSlugs(db, [slugBase(input, activity.identifier)]))[0];
	try {
		await state.ctx.transaction(async (inTx) => {
			const result = await proposeNewInitiative(inTx, input, { comment: state.comment });
			await record(inTx.db, state.record.id, row.position, { outcome: 'proposed', proposalId: result.proposal?.id ?? null });
			state.proposed++;
		});
	} catch (error) {
		await record(db, state.record.id, row.position, failureOf(error));
	}
}

async function claim(db: DbOrTx, importId: string, now: Date): Promise<ImportRecord | null> {
	const stale = new Date(now.getTime() - STALE_AFTER_MS);
	const [claimed] = await db
		.update(atlasImport)
		.set({ status: 'applying', heartbeatAt: now, finishedAt: null, failure: null })
		.where(
			and(
				eq(atlasImport.id, importId),
				sql`(${atlasImport.status} in ('previewed', 'done', 'failed') or (${atlasImport.status} = 'applying' and (${atlasImport.heartbeatAt} is null or ${atlasImport.heartbeatAt} < ${stale})))`
			)
		)
		.returning();
	return claimed ?? null;
}

const pendingRows = (importId: string) =>
	and(eq(atlasImportActivity.importId, importId), eq(atlasImportActivity.chosen, true), gt(atlasImportActivity.severityRank, 0), isNull(atlasImportActivity.outcome));

/**
 * Marks the import as applying (when nobody else applies it) and counts what there is to do. Answers
 * the job to queue (in the same transaction), or null when it is being applied already.
 */
export async function claimImport(db: DbOrTx, importId: string): Promise<ApplyImportJob | null> {
	const now = new Date();
	const claimed = await claim(db, importId, now);
	if (!claimed) return null;
	const [counts] = await db
		.select({
			toProcess: sql<number>`count(*) filter (where ${atlasImportActivity.chosen} and ${atlasImportActivity.severityRank} > 0)::int`,
			processed: sql<number>`count(*) filter (where ${atlasImportActivity.chosen} and ${atlasImportActivity.severityRank} > 0 and ${atlasImportActivity.outcome} is not null)::int`
		})
		.from(atlasImportActivity)
		.where(eq(atlasImportActivity.importId, importId));
	await db
		.update(atlasImport)
		.set({ toProcess: counts.toProcess, processed: counts.processed, startedAt: claimed.startedAt ?? now })
		.where(eq(atlasImport.id, importId));
	return { importId, claimedAt: now.toISOString() };
}

/**
 * Takes the import to run it, in one statement so that two instances never both do: the job its claim
 * queued (the heartbeat is still the claim's), or an import whose runner stopped giving signs of life.
 */
async function takeOver(db: Db, job: ApplyImportJob): Promise<boolean> {
	const claimedAt = new Date(job.claimedAt);
	const stale = new Date(Date.now() - STALE_AFTER_MS);
	const taken = await db
		.update(atlasImport)
		.set({ heartbeatAt: new Date() })
		.where(
			and(
				eq(atlasImport.id, job.importId),
				eq(atlasImport.status, 'applying'),
				or(isNull(atlasImport.heartbeatAt), eq(atlasImport.heartbeatAt, claimedAt), lt(atlasImport.heartbeatAt, stale))
			)
		)
		.returning({ id: atlasImport.id });
	return taken.length > 0;
}

/** Refused while another process applies the import: the queue tries again later, and finishes it if that process died. */
export class ImportAppliedElsewhere extends Error {
	constructor(importId: string) {
		super(`import ${importId} is being applied by another process`);
	}
}

/** The queue's job: applies the import it names, or continues it where an interrupted run stopped. */
export async function applyQueuedImport(env: ImportEnv, job: ApplyImportJob): Promise<void> {
	if (await takeOver(env.db, job)) return runImport(env, job.importId);
	const [found] = await env.db.select({ status: atlasImport.status }).from(atlasImport).where(eq(atlasImport.id, job.importId));
	// done, failed or deleted meanwhile: nothing left to do
	if (found?.status === 'applying') throw new ImportAppliedElsewhere(job.importId);
}

async function runImport(env: ImportEnv, importId: string): Promise<void> {
	const { db } = env;
	const [found] = await db.select().from(atlasImport).where(eq(atlasImport.id, importId));
	if (!found || found.status !== 'applying' || !found.appliedBy) return;
	try {
		const applier = found.appliedBy;
		const actor = await loadActor(db, applier.userId, applier.role);
		const [person] = await db.select({ role: user.role }).from(user).where(eq(user.id, applier.userId));
		// the role the person has now: a partner who lost the right to propose stops here
		const current: Actor = { ...actor, role: (person?.role as Actor['role']) ?? 'member' };
		const language: Language = isLanguage(found.language) ? found.language : 'fr';
		const state: RunState = {
			env,
			record: found,
			actor: current,
			ctx: createContext({
				db,
				actor: current,
				language,
				audit: { actorUserId: applier.userId, actorLabel: applier.label, channel: applier.channel, requestId: applier.requestId, ip: applier.ip },
				mailer: env.mailer ?? null
			}),
			matcher: await OrganisationMatcher.load(db),
			comment: translate(language, 'atlas_import.version_comment', { file: found.fileName, kind: found.kind.toUpperCase() }).slice(0, 1000),
			citation: fileCitation(found),
			proposed: 0
		};
		const publish = can(current, 'atlas.moderate');
		for (;;) {
			const rows = await db
				.select()
				.from(atlasImportActivity)
				.where(pendingRows(importId))
				.orderBy(asc(atlasImportActivity.position))
				.limit(publish ? PUBLISH_CHUNK : PROPOSE_CHUNK);
			if (!rows.length) break;
			if (!can(current, 'atlas.propose')) {
				for (const row of rows) await record(db, importId, row.position, { outcome: 'failed', error: { code: 'apply_forbidden' } });
			} else {
				const items: { row: ActivityRow; activity: ImportedActivity }[] = [];
				for (const row of rows) {
					if (row.draft) items.push({ row, activity: row.draft as ImportedActivity });
					else await record(db, importId, row.position, { outcome: 'failed', error: { code: 'apply_unreadable' } });
				}
				const known = await knownNow(db, items);
				// the parents the round's known and proposed activities name, in one query (the new ones published
				// together find theirs in publishNew, among them the round's own)
				const parents = await parentsInAtlas(db, items.filter((item) => known.has(item.row.position) || !publish).map((item) => item.activity.parentRef));
				const fresh: typeof items = [];
				for (const item of items) {
					const initiativeId = known.get(item.row.position);
					if (initiativeId) await applyKnown(state, item.row, item.activity, initiativeId, publish, parents);
					else if (publish) fresh.push(item);
					else await proposeNew(state, item.row, item.activity, parents);
				}
				await publishNew(state, fresh);
			}
			await db
				.update(atlasImport)
				.set({ processed: sql`${atlasImport.processed} + ${rows.length}`, heartbeatAt: new Date() })
				.where(eq(atlasImport.id, importId));
		}
		if (publish) await linkLateParents(state);
		await db.update(atlasImport).set({ status: 'done', finishedAt: new Date(), heartbeatAt: new Date() }).where(eq(atlasImport.id, importId));
		if (state.proposed > 0) await tellModerators(env, found, state.proposed, current);
	} catch (error) {
		await db
			.update(atlasImport)
			.set({ status: 'failed', failure: error instanceof Error ? error.message.slice(0, 500) : 'error', finishedAt: new Date() })
			.where(eq(atlasImport.id, importId));
		throw error;
	}
}

/**
 * Parts published before the larger initiative they belong to (later in the file, or in a round that went one
 * by one): linked once the whole file is applied, as a new version by the same import.
 */
async function linkLateParents(state: RunState): Promise<void> {
	const { db } = state.env;
	const a = atlasImportActivity;
	const rows = await db
		.select({ position: a.position, initiativeId: a.resultInitiativeId, parentRef: sql<string>`${a.draft}->>'parentRef'` })
		.from(a)
		.innerJoin(initiative, eq(initiative.id, a.resultInitiativeId))
		.where(and(eq(a.importId, state.record.id), inArray(a.outcome, ['created', 'updated', 'unchanged']), sql`${a.draft}->>'parentRef' is not null`, isNull(initiative.parentId)));
	if (!rows.length) return;
	const parents = await parentsInAtlas(db, rows.map((row) => row.parentRef));
	for (const row of rows) {
		const slug = parents.get(refKey(row.parentRef));
		const current = slug ? await currentData(db, row.initiativeId!) : null;
		if (!slug || !current || slug === current.slug) continue;
		try {
			await state.ctx.transaction(async (inTx) => {
				const updated = await updateInitiative(inTx, row.initiativeId!, { ...current.data, partOf: { initiative: slug, relation: 'component' } }, {
					userId: state.actor.userId,
					organisationId: state.actor.organisationIds[0] ?? null,
					comment: state.comment,
					expectedVersion: current.version
				});
				await inTx.db.update(a).set({ resultVersion: updated.version }).where(and(eq(a.importId, state.record.id), eq(a.position, row.position)));
			});
		} catch (error) {
			// a loop or a changed initiative: the part stays unlinked, as the preview's warning said it might
			if (!isAppError(error)) throw error;
		}
	}
}

/** One e-mail per import to the moderators (rather than one per proposal). */
async function tellModerators(env: ImportEnv, found: ImportRecord, count: number, actor: Actor) {
	if (!env.mailer || !env.publicUrl) return;
	const moderators = await env.db.select({ email: user.email, locale: user.locale }).from(user).where(eq(user.role, 'moderator'));
	const recipients = moderators.length
		? moderators
		: await env.db.select({ email: user.email, locale: user.locale }).from(user).where(eq(user.role, 'administrator'));
	const [proposer] = await env.db.select({ name: user.name }).from(user).where(eq(user.id, actor.userId));
	const organisationId = found.organisationId ?? actor.organisationIds[0] ?? null;
	const [company] = organisationId ? await env.db.select({ name: organisation.name }).from(organisation).where(eq(organisation.id, organisationId)) : [];
	for (const person of recipients) {
		try {
			await env.mailer.send(
				composeEmail(person.locale, person.email, 'atlas_import.email_proposals', {
					count,
					file: found.fileName,
					proposer: `${proposer?.name ?? '—'}${company ? ` (${company.name})` : ''}`,
					link: `${env.publicUrl}/${isLanguage(person.locale) ? person.locale : 'fr'}/atlas/moderation`
				})
			);
		} catch (error) {
			env.logger?.warn({ err: error }, 'import e-mail not sent');
		}
	}
}
