// Missions (requests for expertise): an organisation based in Morocco describes what it needs, MDCMRE
// moderators publish it or return it with a reason (the platform's moderation, collection `talents.missions`),
// the public sees published missions, and the owning organisation moves the mission through its life
// (open → matched → ongoing → completed, or cancelled), every change with who and when.
import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { organisation, user } from '../../../platform/accounts/accounts.table.ts';
import { recordAudit } from '../../../platform/audit/audit.service.ts';
import type { RequestContext } from '../../../platform/kernel/context.ts';
import { AppError, type FieldProblem } from '../../../platform/http/app-error.ts';
import { fieldProblems, parseOrThrow } from '../../../platform/http/validation.ts';
import { takesCefrLevel } from '../../../platform/i18n/spoken-languages.ts';
import { pickText } from '../../../platform/i18n/content-language.ts';
import { slugify } from '../../../platform/text/slug.ts';
import { moderationProposal } from '../../../platform/moderation/moderation.table.ts';
import { proposeChange, type ModeratedCollection, type ModeratedSubject, type Publication } from '../../../platform/moderation/moderation.service.ts';
import type { Notify } from '../../../platform/moderation/notify.ts';
import type { Actor } from '../../../platform/policy/policy.ts';
import { knownUnitGroups } from '../occupations.ts';
import { parseLink, resolveLinks, unknownLinks } from '../../../platform/kernel/links.ts';
import type { Language } from '../../../platform/i18n/languages.ts';
import { missionMoves, type MissionMode, type MissionMove, type MissionStatus } from '../talents.model.ts';
import { CancelInput, MissionInput, MissionQuery, ReportInput, type MissionData } from './missions.schemas.ts';
import { mission, missionCandidate, missionEvent, missionVersion, type MissionRow } from './missions.table.ts';

export const MISSIONS_COLLECTION = 'talents.missions';
/** the kind of record a mission may belong to (the Atlas's initiatives, through the platform's link targets) */
export const INITIATIVE_KIND = 'atlas.initiative';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const languagesOfText = ['fr', 'ar', 'en'] as const;
/** addresses of the missions' own pages: never a mission's slug */
const reserved = new Set(['new', 'mine', 'for-me', 'moderation', 'export']);

// ── Who may ask ─────────────────────────────────────────────────────────────

/**
 * The organisations the caller may post and manage missions for: those they are a member of, based in
 * Morocco, for which they hold `talents.mission.manage` (by their role, or a grant limited to that organisation).
 */
export async function institutionsOf(ctx: RequestContext) {
	const actor = ctx.actor;
	if (!actor || !actor.organisationIds.length) return [];
	const rows = await ctx.db
		.select({ id: organisation.id, name: organisation.name, acronym: organisation.acronym, type: organisation.type })
		.from(organisation)
		.where(and(inArray(organisation.id, [...actor.organisationIds]), eq(organisation.country, 'MA'), eq(organisation.status, 'active')))
		.orderBy(asc(organisation.name));
	return rows.filter((row) => ctx.can('talents.mission.manage', { organisationId: row.id }));
}

/** An active organisation based in Morocco; else the organisation field is refused. */
async function requireMoroccan(db: DbOrTx, organisationId: string) {
	const [row] = await db.select({ country: organisation.country, status: organisation.status }).from(organisation).where(eq(organisation.id, organisationId));
	if (!row || row.country !== 'MA' || row.status !== 'active') throw new AppError('forbidden');
}

/** The organisations the mission form offers: one's own; a moderator, every active organisation based in Morocco. */
export async function organisationChoices(ctx: RequestContext) {
	if (!ctx.can('talents.moderate')) return institutionsOf(ctx);
	return ctx.db
		.select({ id: organisation.id, name: organisation.name, acronym: organisation.acronym, type: organisation.type })
		.from(organisation)
		.where(and(eq(organisation.country, 'MA'), eq(organisation.status, 'active')))
		.orderBy(asc(organisation.name));
}

/** The caller, when they manage missions for this organisation (a member, based in Morocco); else forbidden. */
async function requireInstitution(ctx: RequestContext, organisationId: string): Promise<Actor> {
	const actor = ctx.require('talents.mission.manage', { organisationId });
	if (!actor.organisationIds.includes(organisationId)) throw new AppError('forbidden');
	await requireMoroccan(ctx.db, organisationId);
	return actor;
}

// ── The description, validated ──────────────────────────────────────────────

/**
 * A mission's description with the rules across fields: at least one language, each language given whole
 * (title and context), a known ISCO-08 unit group, a CEFR level for languages measured on that scale, an end
 * not before the start, the hours from abroad of a remote mission and the days in Morocco of an on-site one.
 * The organisation must be one the caller manages missions for (moderators reviewing are not asked).
 */
export async function normaliseMission(ctx: RequestContext, raw: unknown): Promise<MissionData> {
	const parsed = MissionInput.safeParse(raw, { reportInput: true });
	// every problem at once (one error summary): the texts' rule is checked even when other fields are refused
	const problems: FieldProblem[] = [...(parsed.success ? [] : fieldProblems(parsed.error.issues)), ...textProblems(raw)];
	if (!parsed.success) throw new AppError('invalid_input', { fields: problems });
	const input = parsed.data;
	if (input.occupationCode && !(await knownUnitGroups(ctx.db, [input.occupationCode])).has(input.occupationCode)) problems.push({ path: 'occupationCode', messageKey: 'field_choice' });
	if (new Set(input.languages.map((entry) => entry.language)).size !== input.languages.length) problems.push({ path: 'languages', messageKey: 'field_invalid' });
	input.languages.forEach((entry, index) => {
		if (takesCefrLevel(entry.language) && !entry.level) problems.push({ path: `languages.${index}.level`, messageKey: 'field_required' });
	});
	if (input.startsOn && input.endsOn && input.endsOn < input.startsOn) problems.push({ path: 'endsOn', messageKey: 'field_invalid' });
	if (input.mode !== 'on_site' && !input.remoteHoursPerMonth) problems.push({ path: 'remoteHoursPerMonth', messageKey: 'field_required' });
	if (input.mode !== 'remote' && !input.durationDays) problems.push({ path: 'durationDays', messageKey: 'field_required' });
	if (input.initiative && (parseLink(input.initiative)?.kind !== INITIATIVE_KIND || (await unknownLinks(ctx.db, [input.initiative], 'fr')).length)) problems.push({ path: 'initiative', messageKey: 'field_choice' });
	if (problems.length) throw new AppError('invalid_input', { fields: problems });
	// a moderator may enter a request received otherwise (a letter) for any organisation based in Morocco
	if (ctx.can('talents.moderate')) await requireMoroccan(ctx.db, input.organisationId);
	else await requireInstitution(ctx, input.organisationId);
	const keep = (text: Record<string, string | undefined>) => Object.fromEntries(Object.entries(text).filter(([, value]) => value)) as Record<string, string>;
	return {
		...input,
		title: keep(input.title),
		context: keep(input.context),
		conditions: keep(input.conditions ?? {}),
		skills: [...new Set(input.skills)],
		languages: input.languages.map((entry) => (takesCefrLevel(entry.language) ? entry : { ...entry, level: null })),
		remoteHoursPerMonth: input.mode === 'on_site' ? null : input.remoteHoursPerMonth,
		durationDays: input.mode === 'remote' ? null : input.durationDays
	};
}

/** At least one language, each given whole (title and context), as typed (before any other check). */
function textProblems(raw: unknown): FieldProblem[] {
	const record = (raw ?? {}) as { title?: unknown; context?: unknown };
	const text = (value: unknown, code: string) => {
		const found = value && typeof value === 'object' ? (value as Record<string, unknown>)[code] : undefined;
		return typeof found === 'string' && found.trim() !== '';
	};
	const given = languagesOfText.filter((code) => text(record.title, code) || text(record.context, code));
	if (!given.length) return [{ path: 'title.fr', messageKey: 'field_required' }, { path: 'context.fr', messageKey: 'field_required' }];
	return given.flatMap((code) => [
		...(text(record.title, code) ? [] : [{ path: `title.${code}`, messageKey: 'field_required' }]),
		...(text(record.context, code) ? [] : [{ path: `context.${code}`, messageKey: 'field_required' }])
	]);
}

/** What versions keep and compare: the description, without the mission's life. */
function snapshotOf(row: MissionRow | MissionData): MissionData {
	return {
		organisationId: row.organisationId,
		title: row.title as Record<string, string>,
		context: row.context as Record<string, string>,
		region: row.region,
		sector: row.sector as MissionData['sector'],
		skills: row.skills as MissionData['skills'],
		occupationCode: row.occupationCode,
		languages: row.languages as MissionData['languages'],
		mode: row.mode,
		startsOn: row.startsOn,
		endsOn: row.endsOn,
		durationDays: row.durationDays,
		remoteHoursPerMonth: row.remoteHoursPerMonth,
		travelCovered: row.travelCovered,
		stayCovered: row.stayCovered,
		conditions: (row.conditions ?? {}) as Record<string, string>,
		initiative: row.initiative ?? null
	};
}

const titleOf = (data: Pick<MissionData, 'title'>) => data.title.fr ?? data.title.en ?? data.title.ar ?? '';

async function freeSlug(db: DbOrTx, title: string): Promise<string> {
	const wanted = slugify(title) || 'mission';
	const base = reserved.has(wanted) ? `mission-${wanted}` : wanted;
	const taken = new Set((await db.select({ slug: mission.slug }).from(mission).where(sql`${mission.slug} = ${base} or ${mission.slug} like ${`${base}-%`}`)).map((row) => row.slug));
	if (!taken.has(base)) return base;
	for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

type Author = Publication<MissionData>['author'];

/** A new published mission, open, version 1, with its first status event and audit event (inside the caller's transaction). */
export async function insertMission(ctx: RequestContext, data: MissionData, author: Author, options: { isSample?: boolean; status?: MissionStatus; at?: Date } = {}) {
	const at = options.at ?? ctx.now();
	const slug = await freeSlug(ctx.db, titleOf(data));
	const status = options.status ?? 'open';
	const [row] = await ctx.db
		.insert(mission)
		.values({ ...snapshotOf(data), slug, status, statusAt: at, isSample: options.isSample ?? false, createdAt: at, updatedAt: at })
		.returning();
	await ctx.db.insert(missionVersion).values({ missionId: row.id, number: 1, snapshot: snapshotOf(row), authorUserId: author.userId, authorOrganisationId: author.organisationId, comment: author.comment, createdAt: at });
	await ctx.db.insert(missionEvent).values({ missionId: row.id, fromStatus: null, toStatus: status, byUserId: ctx.actor?.userId ?? null, at });
	await recordAudit(ctx.db, ctx.audit, { action: 'talent_mission.publish', resourceType: 'talent_mission', resourceId: row.id, after: { ...snapshotOf(row), slug, proposedBy: author.userId } });
	return { id: row.id, slug: row.slug, version: 1 };
}

/** A new version of a mission's description (its address, organisation and life stay). */
async function updateMission(ctx: RequestContext, id: string, data: MissionData, author: Author, expectedVersion: number | undefined) {
	const [current] = await ctx.db.select().from(mission).where(eq(mission.id, id)).for('update');
	if (!current) throw new AppError('not_found');
	if (expectedVersion !== undefined && current.version !== expectedVersion) throw new AppError('conflict', { extra: { reason: 'stale_version', currentVersion: current.version } });
	const version = current.version + 1;
	const [row] = await ctx.db
		.update(mission)
		.set({ ...snapshotOf({ ...data, organisationId: current.organisationId }), version, updatedAt: ctx.now() })
		.where(eq(mission.id, id))
		.returning();
	await ctx.db.insert(missionVersion).values({ missionId: id, number: version, snapshot: snapshotOf(row), authorUserId: author.userId, authorOrganisationId: author.organisationId, comment: author.comment, createdAt: ctx.now() });
	await recordAudit(ctx.db, ctx.audit, { action: 'talent_mission.update', resourceType: 'talent_mission', resourceId: id, before: snapshotOf(current), after: snapshotOf(row) });
	return { id, slug: row.slug, version };
}

const subjectColumns = { id: mission.id, slug: mission.slug, version: mission.version, title: mission.title };
const asSubject = (row: { id: string; slug: string; version: number; title: Record<string, string | undefined> }): ModeratedSubject => ({
	id: row.id,
	slug: row.slug,
	version: row.version,
	title: titleOf({ title: row.title as Record<string, string> })
});

/** The missions under the platform's moderation: organisations propose, MDCMRE moderators publish or return them. */
export const missionProposals: ModeratedCollection<MissionData> = {
	key: MISSIONS_COLLECTION,
	actions: { propose: 'talents.mission.manage', review: 'talents.moderate', discuss: 'talents.moderate' },
	audit: {
		proposal: 'talent_mission_proposal',
		subjectKey: 'missionId',
		subject: 'talent_mission',
		message: 'talent_mission_message',
		draft: 'talent_mission_draft',
		draftResource: 'talent_mission_proposal_draft'
	},
	normalise: normaliseMission,
	keep: (data) => data,
	async find({ db }, idOrSlug, options = {}) {
		const query = db
			.select(subjectColumns)
			.from(mission)
			.where(UUID.test(idOrSlug) ? eq(mission.id, idOrSlug) : eq(mission.slug, idOrSlug.toLowerCase()));
		const [row] = options.lock ? await query.for('update') : await query;
		return row ? asSubject(row) : null;
	},
	async subjects({ db }, ids) {
		if (!ids.length) return new Map();
		const rows = await db.select(subjectColumns).from(mission).where(inArray(mission.id, ids));
		return new Map(rows.map((row) => [row.id, asSubject(row)]));
	},
	async version({ db }, subjectId, number) {
		const [row] = await db.select({ snapshot: missionVersion.snapshot }).from(missionVersion).where(and(eq(missionVersion.missionId, subjectId), eq(missionVersion.number, number)));
		return row?.snapshot ?? null;
	},
	publish: (ctx, { subjectId, data, expectedVersion, author }) => (subjectId ? updateMission(ctx, subjectId, data, author, expectedVersion) : insertMission(ctx, data, author)),
	title: titleOf,
	diff: {
		fields: [
			{ name: 'title', kind: 'translated' },
			{ name: 'context', kind: 'translated' },
			{ name: 'region' },
			{ name: 'sector' },
			{ name: 'skills', kind: 'set' },
			{ name: 'occupationCode' },
			{ name: 'languages' },
			{ name: 'mode' },
			{ name: 'startsOn' },
			{ name: 'endsOn' },
			{ name: 'durationDays' },
			{ name: 'remoteHoursPerMonth' },
			{ name: 'travelCovered' },
			{ name: 'stayCovered' },
			{ name: 'conditions', kind: 'translated' },
			{ name: 'initiative' }
		],
		comparable: (value) => (value ?? {}) as Record<string, unknown>
	},
	emails: 'missions',
	pages: {
		review: (language, id) => `/${language}/talents/missions/moderation/${id}`,
		subject: (language, slug) => `/${language}/talents/missions/${slug}`,
		home: (language) => `/${language}/talents/missions/mine`
	},
	drafts: {
		resumable: /^\/talents\/missions\/new$/,
		notKept: ['saveDraft', 'draftId'],
		title: (values) => ['title_fr', 'title_ar', 'title_en'].map((key) => values[key]).find((value): value is string => typeof value === 'string' && value.trim() !== '')?.trim() ?? null
	}
};

// ── Reading ─────────────────────────────────────────────────────────────────

const organisationColumns = { id: organisation.id, name: organisation.name, acronym: organisation.acronym };
type Listed = { mission: MissionRow; organisation: { id: string; name: string; acronym: string | null } };

export function missionSummary({ mission: row, organisation: owner }: Listed) {
	return {
		id: row.id,
		slug: row.slug,
		version: row.version,
		organisation: owner,
		title: row.title as Record<string, string>,
		region: row.region,
		sector: row.sector as MissionData['sector'],
		skills: row.skills as MissionData['skills'],
		occupationCode: row.occupationCode,
		mode: row.mode,
		startsOn: row.startsOn,
		endsOn: row.endsOn,
		status: row.status,
		isSample: row.isSample,
		publishedAt: row.createdAt.toISOString()
	};
}
export type MissionSummaryView = ReturnType<typeof missionSummary>;

type LinkedInitiative = { slug: string; title: string; lang: string } | null;

/** The Atlas initiative a mission belongs to, named in the page's language; null when none or no longer there. */
export async function initiativeOf(db: DbOrTx, value: string | null, language: Language): Promise<LinkedInitiative> {
	if (!value) return null;
	const [found] = await resolveLinks(db, [value], language);
	return found ? { slug: found.key, title: found.label, lang: found.lang } : null;
}

export function missionDetail(listed: Listed, initiative: LinkedInitiative = null) {
	const row = listed.mission;
	return {
		...missionSummary(listed),
		context: row.context as Record<string, string>,
		languages: row.languages,
		durationDays: row.durationDays,
		remoteHoursPerMonth: row.remoteHoursPerMonth,
		travelCovered: row.travelCovered,
		stayCovered: row.stayCovered,
		conditions: (row.conditions ?? {}) as Record<string, string>,
		initiative,
		statusAt: row.statusAt.toISOString(),
		report: row.status === 'completed' ? row.report : null
	};
}
export type MissionDetailView = ReturnType<typeof missionDetail>;

export const MISSIONS_PER_PAGE = 20;

/** Published missions, open ones by default, newest first, filtered by region, sector, skill and mode. */
export async function listMissions(db: DbOrTx, raw: unknown) {
	const query = parseOrThrow(MissionQuery, raw);
	const conditions: SQL[] = [];
	if (query.status !== 'all') conditions.push(eq(mission.status, query.status ?? 'open'));
	if (query.region) conditions.push(eq(mission.region, query.region));
	if (query.sector) conditions.push(eq(mission.sector, query.sector));
	if (query.skill) conditions.push(sql`${query.skill} = any(${mission.skills})`);
	if (query.mode) conditions.push(eq(mission.mode, query.mode));
	if (query.initiative) conditions.push(eq(mission.initiative, `${INITIATIVE_KIND}:${query.initiative}`));
	const where = conditions.length ? and(...conditions) : undefined;
	const [total] = await db.select({ n: count() }).from(mission).where(where);
	const rows = await db
		.select({ mission, organisation: organisationColumns })
		.from(mission)
		.innerJoin(organisation, eq(organisation.id, mission.organisationId))
		.where(where)
		.orderBy(desc(mission.createdAt), asc(mission.id))
		.limit(MISSIONS_PER_PAGE)
		.offset((query.page - 1) * MISSIONS_PER_PAGE);
	return { total: total.n, page: query.page, pageSize: MISSIONS_PER_PAGE, items: rows.map(missionSummary) };
}

async function findListed(db: DbOrTx, slug: string): Promise<Listed> {
	const [row] = await db
		.select({ mission, organisation: organisationColumns })
		.from(mission)
		.innerJoin(organisation, eq(organisation.id, mission.organisationId))
		.where(UUID.test(slug) ? eq(mission.id, slug) : eq(mission.slug, slug.toLowerCase()));
	if (!row) throw new AppError('not_found');
	return row;
}

/** A published mission, as everyone sees it. */
export async function getMission(db: DbOrTx, slug: string, language: Language = 'fr') {
	const listed = await findListed(db, slug);
	return missionDetail(listed, await initiativeOf(db, listed.mission.initiative, language));
}

/** The mission and whether the caller manages it (a member of its organisation with the right). */
export async function missionFor(ctx: RequestContext, slug: string, language: Language = 'fr') {
	const listed = await findListed(ctx.db, slug);
	const manages = Boolean(ctx.actor?.organisationIds.includes(listed.mission.organisationId) && ctx.can('talents.mission.manage', { organisationId: listed.mission.organisationId }));
	return { mission: missionDetail(listed, await initiativeOf(ctx.db, listed.mission.initiative, language)), row: listed.mission, manages };
}

/**
 * The mission when the caller manages it (its organisation's members with the right); any other caller is
 * told it is not found, so that nobody learns more than the public page says. `lock`: held until the transaction ends.
 */
export async function ownedMission(ctx: RequestContext, slug: string, options: { lock?: boolean } = {}): Promise<MissionRow> {
	ctx.require('talents.mission.manage');
	const query = ctx.db.select().from(mission).where(UUID.test(slug) ? eq(mission.id, slug) : eq(mission.slug, slug.toLowerCase()));
	const [row] = options.lock ? await query.for('update') : await query;
	if (!row || !ctx.actor!.organisationIds.includes(row.organisationId) || !ctx.can('talents.mission.manage', { organisationId: row.organisationId })) throw new AppError('not_found');
	return row;
}

/** A mission's status changes, oldest first, with who made them (null once their account is gone). */
export async function missionHistory(db: DbOrTx, missionId: string) {
	const rows = await db
		.select({ from: missionEvent.fromStatus, to: missionEvent.toStatus, note: missionEvent.note, at: missionEvent.at, by: user.name })
		.from(missionEvent)
		.leftJoin(user, eq(user.id, missionEvent.byUserId))
		.where(eq(missionEvent.missionId, missionId))
		.orderBy(asc(missionEvent.at), asc(missionEvent.id));
	return rows.map((row) => ({ ...row, at: row.at.toISOString() }));
}

/** The missions and the proposals of the organisations the caller manages missions for. */
export async function organisationMissions(ctx: RequestContext) {
	ctx.require('talents.mission.manage');
	const organisations = await institutionsOf(ctx);
	const ids = organisations.map((entry) => entry.id);
	if (!ids.length) return { organisations, missions: [], proposals: [] };
	const interested = sql<number>`(select count(*)::int from talents.mission_candidate c where c.mission_id = ${mission.id} and c.interested)`;
	const shortlisted = sql<number>`(select count(*)::int from talents.mission_candidate c where c.mission_id = ${mission.id} and c.shortlisted)`;
	const missions = await ctx.db
		.select({ mission, organisation: organisationColumns, interested, shortlisted })
		.from(mission)
		.innerJoin(organisation, eq(organisation.id, mission.organisationId))
		.where(inArray(mission.organisationId, ids))
		.orderBy(desc(mission.updatedAt));
	// proposals not published: waiting, returned for changes, rejected (the organisation is named in the data)
	const proposals = await ctx.db
		.select({ id: moderationProposal.id, status: moderationProposal.status, data: moderationProposal.data, reason: moderationProposal.reviewReason, createdAt: moderationProposal.createdAt, proposer: user.name })
		.from(moderationProposal)
		.leftJoin(user, eq(user.id, moderationProposal.proposerUserId))
		.where(
			and(
				eq(moderationProposal.collection, MISSIONS_COLLECTION),
				sql`${moderationProposal.subjectId} is null`,
				inArray(moderationProposal.status, ['pending', 'changes_requested', 'rejected']),
				sql`${moderationProposal.data}->>'organisationId' in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`
			)
		)
		.orderBy(desc(moderationProposal.createdAt));
	return {
		organisations,
		missions: missions.map((row) => ({ ...missionSummary(row), interested: row.interested, shortlisted: row.shortlisted })),
		proposals: proposals.map((row) => ({ id: row.id, status: row.status, title: (row.data as MissionData).title, reason: row.reason, createdAt: row.createdAt.toISOString(), proposer: row.proposer }))
	};
}

// ── Changing a published mission ────────────────────────────────────────────

/**
 * The owning organisation proposes a change of its published mission: a complete new description based on the
 * version it read, moderated as a new mission is (the platform's queue, decisions and e-mails); once published it
 * is the mission's next version (`mission_version`). Its organisation never changes; another organisation's
 * mission is not found; a base that is no longer the current version is a conflict (409, never applied silently).
 */
export async function proposeMissionChange(ctx: RequestContext, slug: string, raw: unknown, options: { baseVersion: number; comment?: string | null; notify?: Notify }) {
	const row = await ownedMission(ctx, slug);
	if (row.status === 'completed' || row.status === 'cancelled') throw new AppError('conflict', { extra: { reason: 'wrong_status', status: row.status } });
	const input = { ...((raw ?? {}) as Record<string, unknown>), organisationId: row.organisationId };
	return proposeChange(ctx, missionProposals, row.id, input, { baseVersion: options.baseVersion, comment: options.comment ?? null, notify: options.notify });
}

/** The changes of this mission waiting for the moderators (the edit page says one is already proposed). */
export async function pendingChanges(db: DbOrTx, missionId: string) {
	const rows = await db
		.select({ id: moderationProposal.id, createdAt: moderationProposal.createdAt })
		.from(moderationProposal)
		.where(and(eq(moderationProposal.collection, MISSIONS_COLLECTION), eq(moderationProposal.subjectId, missionId), eq(moderationProposal.status, 'pending')));
	return rows.map((row) => ({ id: row.id, createdAt: row.createdAt.toISOString() }));
}

// ── The mission's life ──────────────────────────────────────────────────────

/** Records a status change with who and when (inside the caller's transaction). */
export async function changeStatus(ctx: RequestContext, row: MissionRow, to: MissionStatus, options: { note?: string | null; report?: MissionRow['report'] } = {}) {
	const now = ctx.now();
	await ctx.db
		.update(mission)
		.set({ status: to, statusAt: now, updatedAt: now, ...(options.report ? { report: options.report } : {}) })
		.where(eq(mission.id, row.id));
	await ctx.db.insert(missionEvent).values({ missionId: row.id, fromStatus: row.status, toStatus: to, byUserId: ctx.actor?.userId ?? null, note: options.note ?? null, at: now });
	await recordAudit(ctx.db, ctx.audit, {
		action: `talent_mission.${to}`,
		resourceType: 'talent_mission',
		resourceId: row.id,
		before: { status: row.status },
		after: { status: to, ...(options.note ? { note: options.note } : {}), ...(options.report ? { report: options.report } : {}) }
	});
}

/**
 * The owning organisation moves its mission: starts it (a talent is selected), completes it with a short
 * report (results, deliverables, follow-up), or cancels it with a reason. Any other move is a conflict.
 */
export async function moveMission(ctx: RequestContext, slug: string, move: MissionMove, raw: unknown = {}) {
	const report = move === 'complete' ? parseOrThrow(ReportInput, raw) : null;
	const cancel = move === 'cancel' ? parseOrThrow(CancelInput, raw) : null;
	return ctx.transaction(async (tx) => {
		const row = await ownedMission(tx, slug, { lock: true });
		if (!(missionMoves[move] as readonly MissionStatus[]).includes(row.status)) throw new AppError('conflict', { extra: { reason: 'wrong_status', status: row.status } });
		const to: MissionStatus = move === 'start' ? 'ongoing' : move === 'complete' ? 'completed' : 'cancelled';
		await changeStatus(tx, row, to, { note: cancel?.reason ?? null, report: report ?? undefined });
		return to;
	});
}

/** The number of missions a talent completed (selected, and the mission completed). */
export async function completedMissions(db: DbOrTx, userId: string): Promise<number> {
	const [row] = await db
		.select({ n: count() })
		.from(missionCandidate)
		.innerJoin(mission, eq(mission.id, missionCandidate.missionId))
		.where(and(eq(missionCandidate.talentUserId, userId), eq(missionCandidate.selected, true), eq(mission.status, 'completed')));
	return row.n;
}

/** A mission's description as the review page shows a proposal: the same fields as the public page. */
export async function proposalPreview(db: DbOrTx, data: MissionData) {
	const [owner] = await db.select(organisationColumns).from(organisation).where(eq(organisation.id, data.organisationId));
	return { ...data, organisation: owner ?? null };
}

/** The title in the page's language, for lists and e-mails. */
export const missionTitleIn = (title: Record<string, string | undefined>, language: 'fr' | 'ar' | 'en') => pickText(title as Record<string, string>, language);
export type { MissionMode };
