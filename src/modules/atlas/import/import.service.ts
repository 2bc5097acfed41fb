// Atlas imports: an uploaded IATI activity file (or CSV/XLSX table) is read at once — refused as a whole
// when unsafe or unreadable, nothing stored — then kept as one row per activity with its problems, whether
// it is new or known (same IATI identifier), whether it concerns Morocco and its likely duplicates. The
// person chooses; applying runs in the background (apply.ts) and the page follows its progress.
import { fieldConflictsOf, type FieldConflictView } from './field-conflicts.ts';
import { and, asc, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { user } from '../../../platform/accounts/accounts.table.ts';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { IMPORT_FILE_LIMIT } from './limits.ts';
import { can, type Actor } from '../../../platform/policy/policy.ts';
import type { RequestContext } from '../../../platform/kernel/context.ts';
import type { App } from '../../../platform/app.ts';
import type { JobHost } from '../../../platform/kernel/manifest.ts';
import type { JobQueue } from '../../../platform/queue/job-queue.ts';
import { translate } from '../../../platform/i18n/translator.ts';
import type { Language } from '../../../platform/i18n/languages.ts';
import { initiative, type Translated } from '../atlas.table.ts';
import { moderationProposal } from '../../../platform/moderation/moderation.table.ts';
import { initiativeProposals } from '../moderation/initiative-proposals.ts';
import { implementingRoles, likelyDuplicates } from '../duplicates/duplicates.ts';
import { atlasImport, atlasImportActivity, atlasImportOrganisationMatch, type ImportKind, type ImportProblem, type ImportStatus } from './import.table.ts';
import { sortProblems, worstRank, type ActivityPreview, type ImportedActivity } from './imported.ts';
import { parseIatiFile } from './iati/parse.ts';
import { APPLY_IMPORT_JOB, claimImport, STALE_AFTER_MS, type ImportEnv } from './apply.ts';
import { OrganisationMatcher } from './organisations.ts';
import { problemMessage } from './validate.ts';
import { decideOrganisationMatches, organisationMatchesOf, proposeOrganisationMatches, undecidedMatches, type MatchDecisionInput, type OrganisationMatchView } from './organisation-matches.ts';
import { defaultMapping, dryRunRow, importableColumnKeys, readTable, type TableKind } from './tabular.ts';

/** At most this many activities (or rows) per file: a larger file is refused (split it). */
export const MAX_ACTIVITIES = 20_000;
/** Likely duplicates are looked for at upload in files up to this size (a page); beyond, page by page as shown. */
const DUPLICATES_AT_UPLOAD = 50;

export { IMPORT_FILE_LIMIT };

/** The app's parts an import uses. */
export function importEnvOf(app: JobHost): ImportEnv {
	return { db: app.database.db, mailer: app.mailer, publicUrl: app.settings.publicUrl.replace(/\/$/, ''), logger: app.logger };
}

/** Applying an import also queues its job. */
export type ApplyEnv = ImportEnv & { queue: Pick<JobQueue, 'send'> };

export function applyEnvOf(app: JobHost & Pick<App, 'queue'>): ApplyEnv {
	return { ...importEnvOf(app), queue: app.queue };
}

type ImportRecord = typeof atlasImport.$inferSelect;
type ActivityRow = typeof atlasImportActivity.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One's own import (staff: any); others get 404, not 403 (an import's existence is not public). */
async function findImport(db: DbOrTx, actor: Actor, id: string): Promise<ImportRecord> {
	if (!UUID.test(id)) throw new AppError('not_found');
	const [found] = await db.select().from(atlasImport).where(eq(atlasImport.id, id));
	if (!found || (found.userId !== actor.userId && !can(actor, 'atlas.moderate'))) throw new AppError('not_found');
	return found;
}

// ── Creating ────────────────────────────────────────────────────────────────

interface NewRow {
	position: number;
	identifier: string | null;
	title: Translated;
	preview: ActivityPreview | Record<string, unknown>;
	draft: ImportedActivity | null;
	cells?: (string | null)[] | null;
	problems: ImportProblem[];
	concernsMorocco: boolean;
}

/** Known initiatives (same IATI identifier, or for tables the same Atlas identifier) and waiting proposals. */
async function lookUp(db: DbOrTx, rows: NewRow[]) {
	const identifiers = [...new Set(rows.map((row) => row.draft?.identifier).filter((value): value is string => Boolean(value)))];
	const slugs = [...new Set(rows.map((row) => row.draft?.input.slug).filter((value): value is string => Boolean(value)))];
	const byIdentifier = new Map<string, { id: string; slug: string }>();
	const bySlug = new Map<string, { id: string; slug: string }>();
	const pending = new Map<string, string>();
	for (let start = 0; start < identifiers.length; start += 1000) {
		const chunk = identifiers.slice(start, start + 1000);
		const known = await db
			.select({ id: initiative.id, slug: initiative.slug, identifier: initiative.iatiIdentifier })
			.from(initiative)
			.where(inArray(initiative.iatiIdentifier, chunk));
		known.forEach((row) => byIdentifier.set(row.identifier!, { id: row.id, slug: row.slug }));
		const waiting = await db
			.select({ id: moderationProposal.id, identifier: sql<string>`${moderationProposal.data}->>'iatiIdentifier'` })
			.from(moderationProposal)
			.where(and(eq(moderationProposal.collection, initiativeProposals.key), eq(moderationProposal.status, 'pending'), isNull(moderationProposal.subjectId), inArray(sql`${moderationProposal.data}->>'iatiIdentifier'`, chunk)));
		waiting.forEach((row) => pending.set(row.identifier, row.id));
	}
	for (let start = 0; start < slugs.length; start += 1000) {
		const known = await db.select({ id: initiative.id, slug: initiative.slug }).from(initiative).where(inArray(initiative.slug, slugs.slice(start, start + 1000)));
		known.forEach((row) => bySlug.set(row.slug, row));
	}
	return (row: NewRow) => {
		const known = (row.draft?.identifier ? byIdentifier.get(row.draft.identifier) : undefined) ?? (row.draft?.input.slug ? bySlug.get(row.draft.input.slug) : undefined);
		return { known: known ?? null, pendingProposalId: row.draft?.identifier && !known ? (pending.get(row.draft.identifier) ?? null) : null };
	};
}

function rowValues(importId: string, row: NewRow, look: Awaited<ReturnType<typeof lookUp>>) {
	const { known, pendingProposalId } = look(row);
	const severity = worstRank(row.problems);
	return {
		importId,
		position: row.position,
		identifier: row.identifier,
		title: row.title,
		preview: row.preview as Record<string, unknown>,
		draft: row.draft,
		cells: row.cells ?? null,
		state: known ? ('known' as const) : ('new' as const),
		knownInitiativeId: known?.id ?? null,
		knownSlug: known?.slug ?? null,
		pendingProposalId,
		concernsMorocco: row.concernsMorocco,
		severityRank: severity,
		problems: sortProblems(row.problems),
		duplicates: null,
		// chosen at first: what can be read, concerns Morocco, is not already waiting for review and, when new,
		// has a theme (an administrative overhead with no migration sector is left for the person to choose,
		// issue #17 rule 16); a likely duplicate is un-chosen when found (below)
		chosen: severity > 0 && Boolean(row.draft) && row.concernsMorocco && !pendingProposalId && (Boolean(known) || (row.draft?.input.themes?.length ?? 0) > 0)
	};
}

async function persist(
	ctx: RequestContext,
	actor: Actor,
	values: Pick<ImportRecord, 'kind' | 'status' | 'fileName' | 'fileSize'> & Partial<ImportRecord>,
	rows: NewRow[]
): Promise<string> {
	const look = await lookUp(ctx.db, rows);
	const id = await ctx.transaction(async ({ db: tx, audit }) => {
		const [created] = await tx
			.insert(atlasImport)
			.values({ ...values, userId: actor.userId, organisationId: actor.organisationIds[0] ?? null, total: rows.length })
			.returning({ id: atlasImport.id });
		for (let start = 0; start < rows.length; start += 500) {
			await tx.insert(atlasImportActivity).values(rows.slice(start, start + 500).map((row) => rowValues(created.id, row, look)));
		}
		await recordAudit(tx, audit, {
			action: 'atlas_import.create',
			resourceType: 'atlas_import',
			resourceId: created.id,
			after: { kind: values.kind, fileName: values.fileName, fileSize: values.fileSize, rows: rows.length }
		});
		// organisations matched by name only wait for a moderator's confirmation (issue #17 rule 10)
		if (values.status === 'previewed') await proposeOrganisationMatches(tx, created.id);
		return created.id;
	});
	if (values.status === 'previewed' && rows.length <= DUPLICATES_AT_UPLOAD) await findDuplicates(ctx.db, id, DUPLICATES_AT_UPLOAD);
	return id;
}

/** Reads an IATI activity file (a stream: the request body or an uploaded file) and keeps its preview. */
export async function createIatiImport(
	ctx: RequestContext,
	upload: { fileName: string; body: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array> }
): Promise<string> {
	const who = ctx.require('atlas.import');
	const parsed = await parseIatiFile(upload.body, { maxBytes: IMPORT_FILE_LIMIT, maxActivities: MAX_ACTIVITIES });
	const rows: NewRow[] = parsed.activities.map((activity) => ({
		position: activity.position,
		identifier: activity.identifier?.slice(0, 300) ?? null,
		title: activity.title,
		preview: activity.preview,
		draft: activity.activity,
		problems: activity.problems,
		concernsMorocco: activity.concernsMorocco
	}));
	return persist(
		ctx,
		who,
		{
			kind: 'iati',
			status: 'previewed',
			fileName: cleanFileName(upload.fileName, 'iati.xml'),
			fileSize: parsed.bytes,
			iatiVersion: parsed.header.version,
			publisher: parsed.publishers.join(', ').slice(0, 500) || null,
			language: ctx.language
		},
		rows
	);
}

/** Reads a CSV or XLSX table; its columns are mapped next (`saveMapping`). */
export async function createTableImport(ctx: RequestContext, upload: { fileName: string; bytes: Uint8Array; kind: TableKind }): Promise<string> {
	const who = ctx.require('atlas.import');
	const table = await readTable(upload.bytes, upload.kind, { maxBytes: IMPORT_FILE_LIMIT, maxRows: MAX_ACTIVITIES });
	const rows: NewRow[] = table.rows.map((row) => ({
		position: row.position,
		identifier: null,
		title: {},
		preview: {},
		draft: null,
		cells: row.cells,
		problems: [],
		concernsMorocco: true
	}));
	return persist(
		ctx,
		who,
		{
			kind: upload.kind,
			status: 'mapping',
			fileName: cleanFileName(upload.fileName, `table.${upload.kind}`),
			fileSize: upload.bytes.byteLength,
			headers: table.headers,
			mapping: defaultMapping(table.headers, table.hxlRow),
			hxl: Boolean(table.hxlRow),
			language: ctx.language
		},
		rows
	);
}

/** A file name as shown and cited: its last path part, without control characters. */
export function cleanFileName(name: string | null | undefined, fallback: string): string {
	const base = (name ?? '').split(/[\\/]/).pop()?.replace(/[\u0000-\u001f\u007f]/g, '').trim() ?? '';
	return (base || fallback).slice(0, 200);
}

/** Which kind of file this is, from its name and first bytes (IATI XML, CSV or XLSX), or null. */
export function sniffKind(fileName: string, bytes: Uint8Array): ImportKind | null {
	const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 512)).replace(/^\uFEFF/, '').trimStart();
	if (bytes[0] === 0x50 && bytes[1] === 0x4b) return /\.xlsx$/i.test(fileName) || !/\.(zip|docx|odt|ods)$/i.test(fileName) ? 'xlsx' : null;
	if (head.startsWith('<')) return 'iati';
	if (/\.(csv|tsv|txt)$/i.test(fileName)) return 'csv';
	if (/\.xml$/i.test(fileName)) return 'iati';
	return head.length ? 'csv' : null;
}

// ── Mapping a table's columns (then the dry run) ────────────────────────────

export async function saveMapping(ctx: RequestContext, id: string, mapping: (string | null)[]) {
	const who = ctx.require('atlas.import');
	const { db } = ctx;
	const found = await findImport(db, who, id);
	if (found.kind === 'iati' || !found.headers) throw new AppError('conflict', { extra: { reason: 'not_a_table' } });
	if (found.status === 'applying' || found.status === 'done' || (await hasOutcomes(db, found.id))) {
		throw new AppError('conflict', { extra: { reason: 'already_applied' } });
	}
	const keys = importableColumnKeys();
	if (mapping.length !== found.headers.length) throw new AppError('invalid_input', { fields: [{ path: 'mapping', messageKey: 'field_invalid' }] });
	const fields = mapping.flatMap((key, index) => (key !== null && !keys.includes(key) ? [{ path: `mapping.${index}`, messageKey: 'field_choice' }] : []));
	const used = mapping.filter((key): key is string => key !== null);
	const twice = used.filter((key, index) => used.indexOf(key) !== index);
	for (const key of new Set(twice)) fields.push({ path: `mapping.${mapping.lastIndexOf(key)}`, messageKey: 'field_invalid' });
	if (!used.some((key) => key.startsWith('title_'))) fields.push({ path: 'mapping', messageKey: 'field_required' });
	if (fields.length) throw new AppError('invalid_input', { fields, extra: { reason: twice.length ? 'mapping_twice' : 'mapping_no_title' } });

	const rows = await db.select().from(atlasImportActivity).where(eq(atlasImportActivity.importId, found.id)).orderBy(asc(atlasImportActivity.position));
	const matcher = await OrganisationMatcher.load(db);
	const results: NewRow[] = rows.map((row) => ({ ...dryRunRow(row.cells ?? [], mapping, matcher), position: row.position, cells: row.cells }));
	const look = await lookUp(db, results);
	await ctx.transaction(async ({ db: tx, audit }) => {
		for (const result of results) {
			const values = rowValues(found.id, result, look);
			await tx
				.update(atlasImportActivity)
				.set({ ...values, importId: undefined, position: undefined, cells: undefined })
				.where(and(eq(atlasImportActivity.importId, found.id), eq(atlasImportActivity.position, result.position)));
		}
		await tx.update(atlasImport).set({ mapping, status: 'previewed' }).where(eq(atlasImport.id, found.id));
		await recordAudit(tx, audit, { action: 'atlas_import.map', resourceType: 'atlas_import', resourceId: found.id, after: { mapping } });
		// a new mapping reads the organisations again: the undecided matches of the former one go
		await tx
			.delete(atlasImportOrganisationMatch)
			.where(and(eq(atlasImportOrganisationMatch.importId, found.id), eq(atlasImportOrganisationMatch.decision, 'pending')));
		await proposeOrganisationMatches(tx, found.id);
	});
	if (results.length <= DUPLICATES_AT_UPLOAD) await findDuplicates(db, found.id, DUPLICATES_AT_UPLOAD);
}

async function hasOutcomes(db: DbOrTx, importId: string): Promise<boolean> {
	const [row] = await db
		.select({ position: atlasImportActivity.position })
		.from(atlasImportActivity)
		.where(and(eq(atlasImportActivity.importId, importId), sql`${atlasImportActivity.outcome} is not null`))
		.limit(1);
	return Boolean(row);
}

// ── Likely duplicates ───────────────────────────────────────────────────────

/** Looks for likely duplicates of new, readable activities not looked at yet (at most `limit`, or these positions). */
async function findDuplicates(db: DbOrTx, importId: string, limit: number, positions?: number[]) {
	const rows = await db
		.select({ position: atlasImportActivity.position, draft: atlasImportActivity.draft })
		.from(atlasImportActivity)
		.where(
			and(
				eq(atlasImportActivity.importId, importId),
				isNull(atlasImportActivity.duplicates),
				eq(atlasImportActivity.state, 'new'),
				sql`${atlasImportActivity.draft} is not null`,
				positions ? inArray(atlasImportActivity.position, positions.length ? positions : [-1]) : undefined
			)
		)
		.orderBy(asc(atlasImportActivity.position))
		.limit(limit);
	if (!rows.length) return;
	const matcher = await OrganisationMatcher.load(db);
	for (const row of rows) {
		const activity = row.draft as ImportedActivity;
		const input = activity.input;
		// the Atlas's organisations the activity names in these roles
		const known = (roles: readonly string[]) =>
			activity.organisations
				.filter((entry) => roles.includes(entry.role))
				.map((entry) => matcher.match(entry)?.id)
				.filter((value): value is string => Boolean(value));
		const found = await likelyDuplicates(db, {
			titles: [input.title.fr, input.title.ar, input.title.en].filter((title): title is string => Boolean(title)),
			startDate: input.actualStart ?? input.plannedStart ?? (input.startYear ? String(input.startYear) : null),
			endDate: input.actualEnd ?? input.plannedEnd ?? (input.endYear ? String(input.endYear) : null),
			funderIds: known(['funder']),
			implementerIds: known(implementingRoles)
		});
		await db
			.update(atlasImportActivity)
			// a likely duplicate is not chosen at first (looked for once per row, before the person chooses)
			.set(found.length ? { duplicates: found, chosen: false } : { duplicates: found })
			.where(and(eq(atlasImportActivity.importId, importId), eq(atlasImportActivity.position, row.position)));
	}
}

// ── Reading ─────────────────────────────────────────────────────────────────

export interface ImportView {
	id: string;
	kind: ImportKind;
	status: ImportStatus;
	/** applying, but stopped (the server restarted): applying again continues where it stopped */
	interrupted: boolean;
	fileName: string;
	fileSize: number;
	iatiVersion: string | null;
	publisher: string | null;
	ownedByActor: boolean;
	createdAt: string;
	startedAt: string | null;
	finishedAt: string | null;
	headers: string[] | null;
	mapping: (string | null)[] | null;
	hxl: boolean;
	progress: { toProcess: number; processed: number; percent: number };
	counts: {
		activities: number;
		readable: number;
		critical: number;
		chosen: number;
		known: number;
		notMorocco: number;
		created: number;
		updated: number;
		proposed: number;
		unchanged: number;
		failed: number;
	};
}

/**
 * Applying, but nobody is: no sign of life from a runner for a while (its process stopped, and the queue
 * has not handed the job to another instance yet — or gave up). Applying again continues it.
 */
function isInterrupted(record: ImportRecord): boolean {
	const stale = !record.heartbeatAt || Date.now() - record.heartbeatAt.getTime() > STALE_AFTER_MS;
	return record.status === 'applying' && stale;
}

function viewOf(record: ImportRecord, actor: Actor, counts: ImportView['counts']): ImportView {
	return {
		id: record.id,
		kind: record.kind,
		status: record.status,
		interrupted: isInterrupted(record),
		fileName: record.fileName,
		fileSize: record.fileSize,
		iatiVersion: record.iatiVersion,
		publisher: record.publisher,
		ownedByActor: record.userId === actor.userId,
		createdAt: record.createdAt.toISOString(),
		startedAt: record.startedAt?.toISOString() ?? null,
		finishedAt: record.finishedAt?.toISOString() ?? null,
		headers: record.headers ?? null,
		mapping: record.mapping ?? null,
		hxl: record.hxl,
		progress: {
			toProcess: record.toProcess,
			processed: Math.min(record.processed, record.toProcess),
			percent: record.toProcess ? Math.floor((Math.min(record.processed, record.toProcess) / record.toProcess) * 100) : record.status === 'done' ? 100 : 0
		},
		counts
	};
}

async function countsOf(db: DbOrTx, importId: string): Promise<ImportView['counts']> {
	const a = atlasImportActivity;
	const [row] = await db
		.select({
			activities: count(),
			readable: sql<number>`count(*) filter (where ${a.severityRank} > 0)::int`,
			critical: sql<number>`count(*) filter (where ${a.severityRank} = 0)::int`,
			chosen: sql<number>`count(*) filter (where ${a.chosen} and ${a.severityRank} > 0)::int`,
			known: sql<number>`count(*) filter (where ${a.state} = 'known')::int`,
			notMorocco: sql<number>`count(*) filter (where not ${a.concernsMorocco} and ${a.severityRank} > 0)::int`,
			created: sql<number>`count(*) filter (where ${a.outcome} = 'created')::int`,
			updated: sql<number>`count(*) filter (where ${a.outcome} = 'updated')::int`,
			proposed: sql<number>`count(*) filter (where ${a.outcome} = 'proposed')::int`,
			unchanged: sql<number>`count(*) filter (where ${a.outcome} = 'unchanged')::int`,
			failed: sql<number>`count(*) filter (where ${a.outcome} = 'failed')::int`
		})
		.from(a)
		.where(eq(a.importId, importId));
	return { ...row, activities: Number(row.activities) };
}

export interface ActivityView {
	position: number;
	iatiIdentifier: string | null;
	title: string;
	titles: Translated;
	state: 'new' | 'known';
	concernsMorocco: boolean;
	readable: boolean;
	chosen: boolean;
	problems: { severity: ImportProblem['severity']; code: string; message: string }[];
	preview: ActivityPreview | null;
	known: { id: string; slug: string } | null;
	pendingProposalId: string | null;
	duplicates: { id: string; slug: string; title: string; reasons: string[] }[] | null;
	/** why the activity was chosen at first, or not, in the page's language */
	whyChosen: string;
	outcome: ActivityRow['outcome'];
	initiative: { id: string; slug: string } | null;
	proposalId: string | null;
	error: string | null;
}

const titleIn = (language: Language, title: Translated) => title[language] ?? title.fr ?? title.en ?? title.ar ?? '';

/** The first-choice rule's sentence for one activity (issue #17 rule 16): why it was, or was not, chosen at first. */
export type FirstChoiceReason = 'unreadable' | 'not_morocco' | 'may_concern_morocco' | 'pending' | 'duplicate' | 'no_theme' | 'known' | 'new_with_theme';

function firstChoiceReason(row: ActivityRow): FirstChoiceReason {
	if (row.severityRank <= 0 || row.draft === null) return 'unreadable';
	if (!row.concernsMorocco) return row.problems.some((problem) => problem.code === 'may_concern_morocco') ? 'may_concern_morocco' : 'not_morocco';
	if (row.pendingProposalId) return 'pending';
	if (row.duplicates?.length) return 'duplicate';
	if (row.knownInitiativeId) return 'known';
	return ((row.draft as ImportedActivity).input.themes?.length ?? 0) > 0 ? 'new_with_theme' : 'no_theme';
}

export function activityView(language: Language, row: ActivityRow): ActivityView {
	const reason = firstChoiceReason(row);
	return {
		whyChosen: translate(language, `atlas_import.why_${reason}`),
		position: row.position,
		iatiIdentifier: row.identifier,
		title: titleIn(language, row.title),
		titles: row.title,
		state: row.state,
		concernsMorocco: row.concernsMorocco,
		readable: row.severityRank > 0 && row.draft !== null,
		chosen: row.chosen,
		problems: row.problems.map((problem) => ({ severity: problem.severity, code: problem.code, message: problemMessage(language, problem) })),
		preview: Object.keys(row.preview).length ? (row.preview as unknown as ActivityPreview) : null,
		known: row.knownInitiativeId && row.knownSlug ? { id: row.knownInitiativeId, slug: row.knownSlug } : null,
		pendingProposalId: row.pendingProposalId,
		duplicates: row.duplicates ?? null,
		outcome: row.outcome,
		initiative: row.resultInitiativeId && row.resultSlug ? { id: row.resultInitiativeId, slug: row.resultSlug } : null,
		proposalId: row.resultProposalId,
		error: row.resultError ? translate(language, `atlas_import.problem_${row.resultError.code}`, row.resultError.values) : null
	};
}

export type ActivityFilter = 'all' | 'chosen' | 'problems' | 'not_morocco' | 'known' | 'results';

/** An import with one page of its activities (the worst problems first), for the page and the API. */
export async function getImport(
	ctx: RequestContext,
	id: string,
	query: { page?: number; pageSize?: number; filter?: ActivityFilter } = {}
): Promise<{ import: ImportView; organisationMatches: OrganisationMatchView[]; fieldConflicts: FieldConflictView[]; total: number; page: number; pageSize: number; activities: ActivityView[] }> {
	const who = ctx.require('atlas.import');
	const { db } = ctx;
	const found = await findImport(db, who, id);
	const page = Math.max(1, query.page ?? 1);
	const pageSize = Math.min(5000, Math.max(1, query.pageSize ?? 100));
	const a = atlasImportActivity;
	const filter = query.filter ?? 'all';
	const where = and(
		eq(a.importId, found.id),
		filter === 'chosen'
			? and(eq(a.chosen, true), sql`${a.severityRank} > 0`)
			: filter === 'problems'
				? sql`${a.severityRank} < 2`
				: filter === 'not_morocco'
					? eq(a.concernsMorocco, false)
					: filter === 'known'
						? eq(a.state, 'known')
						: filter === 'results'
							? sql`${a.outcome} is not null`
							: undefined
	);
	const [{ total }] = await db.select({ total: count() }).from(a).where(where);
	let rows = await db
		.select()
		.from(a)
		.where(where)
		.orderBy(...(filter === 'results' ? [asc(a.position)] : [asc(a.severityRank), asc(a.position)]))
		.limit(pageSize)
		.offset((page - 1) * pageSize);
	// Large files: likely duplicates are looked for as their activities are shown.
	const missing = rows.filter((row) => row.duplicates === null && row.state === 'new' && row.draft !== null && found.status !== 'mapping');
	if (missing.length && missing.length <= 200) {
		await findDuplicates(db, found.id, missing.length, missing.map((row) => row.position));
		const again = await db.select().from(a).where(and(eq(a.importId, found.id), inArray(a.position, rows.map((row) => row.position))));
		const byPosition = new Map(again.map((row) => [row.position, row]));
		rows = rows.map((row) => byPosition.get(row.position) ?? row);
	}
	return {
		import: viewOf(found, who, await countsOf(db, found.id)),
		organisationMatches: await organisationMatchesOf(db, found.id),
		fieldConflicts: await fieldConflictsOf(db, found.id),
		total: Number(total),
		page,
		pageSize,
		activities: rows.map((row) => activityView(ctx.language, row))
	};
}

export interface ImportListItem {
	id: string;
	kind: ImportKind;
	status: ImportStatus;
	interrupted: boolean;
	fileName: string;
	total: number;
	createdAt: string;
	importer: string | null;
}

/** One's own imports, newest first (moderators: everyone's). */
export async function listImports(ctx: RequestContext, query: { page?: number; pageSize?: number } = {}) {
	const who = ctx.require('atlas.import');
	const { db } = ctx;
	const page = Math.max(1, query.page ?? 1);
	const pageSize = query.pageSize ?? 20;
	const where = ctx.can('atlas.moderate') ? undefined : eq(atlasImport.userId, who.userId);
	const [{ total }] = await db.select({ total: count() }).from(atlasImport).where(where);
	const rows = await db
		.select()
		.from(atlasImport)
		.where(where)
		.orderBy(desc(atlasImport.createdAt))
		.limit(pageSize)
		.offset((page - 1) * pageSize);
	const userIds = [...new Set(rows.map((row) => row.userId).filter((value): value is string => Boolean(value)))];
	const names = new Map(
		userIds.length ? (await db.select({ id: user.id, name: user.name }).from(user).where(inArray(user.id, userIds))).map((row) => [row.id, row.name]) : []
	);
	return {
		total: Number(total),
		page,
		pageSize,
		items: rows.map(
			(row): ImportListItem => ({
				id: row.id,
				kind: row.kind,
				status: row.status,
				interrupted: isInterrupted(row),
				fileName: row.fileName,
				total: row.total,
				createdAt: row.createdAt.toISOString(),
				importer: row.userId ? (names.get(row.userId) ?? null) : null
			})
		)
	};
}


// ── Choosing and applying ───────────────────────────────────────────────────

export type Choice =
	/** choose exactly these (by position or identifier); the others are left out */
	| { only: { positions?: number[]; identifiers?: string[] } }
	/** on one page of the preview: these positions, among those shown */
	| { page: { shown: number[]; chosen: number[] } }
	/** everything readable; nothing; or back to the first choice (readable, in Morocco, not waiting for review) */
	| { all: 'all' | 'none' | 'default' };

function assertEditable(record: ImportRecord) {
	if (record.status === 'mapping') throw new AppError('conflict', { extra: { reason: 'needs_mapping' } });
	if (record.status === 'applying' && !isInterrupted(record)) {
		throw new AppError('conflict', { extra: { reason: 'applying' } });
	}
}

async function choose(db: DbOrTx, record: ImportRecord, choice: Choice) {
	const a = atlasImportActivity;
	const open = and(eq(a.importId, record.id), isNull(a.outcome), sql`${a.severityRank} > 0`);
	if ('all' in choice) {
		const value =
			choice.all === 'all' ? sql`true` : choice.all === 'none' ? sql`false` : sql`${a.concernsMorocco} and ${a.pendingProposalId} is null`;
		await db.update(a).set({ chosen: value }).where(open);
		return;
	}
	if ('page' in choice) {
		const shown = choice.page.shown.filter(Number.isInteger);
		if (!shown.length) return;
		const chosen = new Set(choice.page.chosen.filter((position) => shown.includes(position)));
		const take = [...chosen];
		const leave = shown.filter((position) => !chosen.has(position));
		if (take.length) await db.update(a).set({ chosen: true }).where(and(open, inArray(a.position, take)));
		if (leave.length) await db.update(a).set({ chosen: false }).where(and(open, inArray(a.position, leave)));
		return;
	}
	const positions = choice.only.positions ?? [];
	const identifiers = choice.only.identifiers ?? [];
	const matching = await db
		.select({ position: a.position, identifier: a.identifier, readable: sql<boolean>`${a.severityRank} > 0` })
		.from(a)
		.where(
			and(
				eq(a.importId, record.id),
				sql`(${positions.length ? inArray(a.position, positions) : sql`false`} or ${identifiers.length ? inArray(a.identifier, identifiers) : sql`false`})`
			)
		);
	const found = new Set(matching.map((row) => row.identifier));
	const foundPositions = new Set(matching.map((row) => row.position));
	const unknown = [...identifiers.filter((identifier) => !found.has(identifier)), ...positions.filter((position) => !foundPositions.has(position)).map(String)];
	const unreadable = matching.filter((row) => !row.readable).map((row) => row.identifier ?? String(row.position));
	if (unknown.length || unreadable.length) {
		throw new AppError('invalid_input', {
			fields: [{ path: 'identifiers', messageKey: 'field_choice' }],
			extra: { unknown: unknown.slice(0, 50), unreadable: unreadable.slice(0, 50) }
		});
	}
	await db.update(a).set({ chosen: false }).where(open);
	if (matching.length) await db.update(a).set({ chosen: true }).where(and(open, inArray(a.position, matching.map((row) => row.position))));
}

/** Changes the choice of activities to apply (before applying). */
export async function chooseActivities(ctx: RequestContext, id: string, choice: Choice): Promise<void> {
	const who = ctx.require('atlas.import');
	const found = await findImport(ctx.db, who, id);
	assertEditable(found);
	await choose(ctx.db, found, choice);
}

/**
 * Applies the chosen activities in the background, through the job queue (optionally choosing first).
 * Applying an import that is running changes nothing; applying it again later only takes what was not
 * applied yet.
 */
export async function applyImport(
	ctx: RequestContext,
	env: ApplyEnv,
	id: string,
	choice?: Choice,
	organisationMatches?: MatchDecisionInput[]
): Promise<ImportView> {
	const who = ctx.require('atlas.import');
	const { audit } = ctx;
	const { db } = env;
	const found = await findImport(db, who, id);
	if (found.status === 'applying' && !isInterrupted(found)) return viewOf(found, who, await countsOf(db, found.id));
	assertEditable(found);
	if (organisationMatches?.length) await decideOrganisationMatches(ctx, found.id, organisationMatches);
	// a moderator publishes once every organisation matched by name only is confirmed or rejected (rule 10);
	// a partner's proposals wait for a moderator anyway, and its matches stay in the moderators' queue
	if (choice) await choose(db, found, choice);
	if (ctx.can('atlas.moderate')) {
		const waiting = await undecidedMatches(db, found.id);
		if (waiting) throw new AppError('conflict', { extra: { reason: 'organisation_matches_undecided', waiting } });
	}
	await db.transaction(async (tx) => {
		await tx
			.update(atlasImport)
			.set({
				appliedBy: {
					userId: who.userId,
					role: who.role,
					label: audit.actorLabel,
					channel: audit.channel,
					requestId: audit.requestId ?? null,
					ip: audit.ip ?? null
				}
			})
			.where(eq(atlasImport.id, found.id));
		const job = await claimImport(tx, found.id);
		if (!job) return;
		const counts = await countsOf(tx, found.id);
		await recordAudit(tx, audit, {
			action: 'atlas_import.apply',
			resourceType: 'atlas_import',
			resourceId: found.id,
			after: { chosen: counts.chosen, publish: ctx.can('atlas.moderate') }
		});
		// queued with the claim: both or neither
		await env.queue.send(`atlas.${APPLY_IMPORT_JOB}`, job, { tx });
	});
	const [after] = await db.select().from(atlasImport).where(eq(atlasImport.id, found.id));
	return viewOf(after, who, await countsOf(db, found.id));
}

/** An import as the API shows it. */
export function importSummary(view: ImportView) {
	const { ownedByActor: _owned, headers: _headers, mapping: _mapping, hxl: _hxl, ...summary } = view;
	return summary;
}

/** A table's first rows as read, to show examples beside each column while mapping. */
export async function tableSamples(ctx: RequestContext, id: string, rows = 3): Promise<(string | null)[][]> {
	const who = ctx.require('atlas.import');
	const found = await findImport(ctx.db, who, id);
	const sample = await ctx.db
		.select({ cells: atlasImportActivity.cells })
		.from(atlasImportActivity)
		.where(eq(atlasImportActivity.importId, found.id))
		.orderBy(asc(atlasImportActivity.position))
		.limit(rows);
	return sample.map((row) => row.cells ?? []);
}
