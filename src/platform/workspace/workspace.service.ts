// Workspaces (see workspace.model.ts): a module declares one (its key, who runs it, who its members
// are) and the platform keeps its announcements, meetings and contributions, checks who may do what,
// audits every write and e-mails members in their language when asked.
import { and, asc, count, desc, eq, gte, inArray, lt } from 'drizzle-orm';
import { organisation } from '../accounts/accounts.table.ts';
import { userName } from '../accounts/user-name.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { DbOrTx } from '../db/database.ts';
import { AppError } from '../http/app-error.ts';
import { parseOrThrow } from '../http/validation.ts';
import type { RequestContext } from '../kernel/context.ts';
import { mailRecipient, mailUser, type Recipient } from '../mail/mail-user.ts';
import type { Action } from '../policy/policy.ts';
import { formatInPlatformZone, localDateTimeToInstant } from '../time-zone.ts';
import { translate } from '../i18n/translator.ts';
import type { Language } from '../i18n/languages.ts';
import { AnnouncementForm, AnswerForm, ContributionForm, MeetingForm, MinutesForm } from './workspace.schemas.ts';
import { workspaceAnnouncement, workspaceContribution, workspaceMeeting } from './workspace.table.ts';

export interface Workspace {
	/** `<module>.<name>`, stored with each row */
	key: string;
	/** the secretariat's action: posts announcements, schedules meetings and records minutes, answers contributions */
	manageAction: Action;
	/** the member organisations the actor belongs to (they read the workspace and contribute for them) */
	memberOrganisations(ctx: RequestContext): Promise<{ id: string; name: string }[]>;
	/** every member organisation (who attended a meeting) */
	allMemberOrganisations(db: DbOrTx): Promise<{ id: string; name: string }[]>;
	/** the people told of a new announcement or meeting when the secretariat asks */
	members(db: DbOrTx): Promise<Recipient[]>;
	/** contribution topics, if any (the module names them: `<topicKey><topic>`) */
	topics?: readonly string[];
	/** the workspace's pages, after the language (`/return/network/space`) */
	path: string;
	/** the message naming the workspace (pages, e-mails) */
	titleKey: string;
	/** the workspace's own name when it has one (a body's name, people's content): shown instead of `titleKey`, with its language */
	title?: (language: Language) => { text: string; lang: string };
	/**
	 * the scope value of the secretariat's grants (ADR 0004) when the workspace is one of several of its
	 * module (a concertation body's slug): a grant limited to that scope runs this workspace only
	 */
	scope?: string;
	/**
	 * other scope values whose grants of `manageAction` run it too (a concertation body in a partner country: the
	 * slugs of that country's strategies, whose owners and reporters run its bodies)
	 */
	otherScopes?: readonly string[];
	/** the audit trail's resource prefix */
	auditResource: string;
}

/** The resource the secretariat's action is checked on: the workspace's scope, when it has one. */
const managed = (workspace: Workspace) => (workspace.scope === undefined ? undefined : { scope: workspace.scope });

/** Whether the actor runs the workspace: the secretariat's action on its scope, or on one of its other scopes. */
export function runsWorkspace(ctx: RequestContext, workspace: Workspace): boolean {
	return ctx.can(workspace.manageAction, managed(workspace)) || (workspace.otherScopes ?? []).some((scope) => ctx.can(workspace.manageAction, { scope }));
}

/** Refused to whoever does not run the workspace (as `ctx.require`: unauthenticated, else forbidden). */
function requireRuns(ctx: RequestContext, workspace: Workspace) {
	if (!ctx.actor) throw new AppError('unauthenticated');
	if (!runsWorkspace(ctx, workspace)) throw new AppError('forbidden');
}

/** The workspace's name in a language: its own name when it has one, else its message. */
export function workspaceTitle(workspace: Workspace, language: Language): { text: string; lang: string } {
	return workspace.title?.(language) ?? { text: translate(language, workspace.titleKey), lang: language };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Who the actor is in the workspace: its secretariat, a member (for these organisations), or nobody (refused). */
export async function workspaceRole(ctx: RequestContext, workspace: Workspace) {
	if (!ctx.actor) throw new AppError('unauthenticated');
	const manages = runsWorkspace(ctx, workspace);
	const organisations = await workspace.memberOrganisations(ctx);
	if (!manages && organisations.length === 0) throw new AppError('forbidden');
	return { manages, organisations };
}

async function tellMembers(ctx: RequestContext, workspace: Workspace, key: string, values: (language: 'fr' | 'ar' | 'en') => Record<string, string>, path: string) {
	const people = await workspace.members(ctx.db);
	let sent = 0;
	for (const person of people) {
		if (await mailRecipient(ctx, person, key, (language) => ({ workspace: workspaceTitle(workspace, language).text, ...values(language) }), path)) sent += 1;
	}
	return sent;
}

// ---------- the home ----------

/** The workspace's home: latest announcements, the next meetings, the last ones, the latest contributions and what waits. */
export async function workspaceHome(ctx: RequestContext, workspace: Workspace) {
	const role = await workspaceRole(ctx, workspace);
	const now = ctx.now();
	const [announcements, upcoming, past, contributions, waiting] = await Promise.all([
		ctx.db.select().from(workspaceAnnouncement).where(eq(workspaceAnnouncement.workspace, workspace.key)).orderBy(desc(workspaceAnnouncement.publishedAt)).limit(3),
		ctx.db
			.select()
			.from(workspaceMeeting)
			.where(and(eq(workspaceMeeting.workspace, workspace.key), gte(workspaceMeeting.startsAt, now)))
			.orderBy(asc(workspaceMeeting.startsAt))
			.limit(3),
		ctx.db
			.select()
			.from(workspaceMeeting)
			.where(and(eq(workspaceMeeting.workspace, workspace.key), lt(workspaceMeeting.startsAt, now)))
			.orderBy(desc(workspaceMeeting.startsAt))
			.limit(3),
		contributionRows(ctx.db, workspace).limit(5),
		workspaceWaiting(ctx.db, workspace, now)
	]);
	return { ...role, announcements, upcoming, past, contributions, waitingAnswers: waiting.waitingAnswers };
}

/** For "my space": the next meeting's date and, for the secretariat, the contributions waiting for an answer. */
export async function workspaceWaiting(db: DbOrTx, workspace: Workspace, now: Date) {
	const [[waiting], [next]] = await Promise.all([
		db.select({ count: count() }).from(workspaceContribution).where(and(eq(workspaceContribution.workspace, workspace.key), eq(workspaceContribution.status, 'received'))),
		db.select({ count: count() }).from(workspaceMeeting).where(and(eq(workspaceMeeting.workspace, workspace.key), gte(workspaceMeeting.startsAt, now)))
	]);
	return { waitingAnswers: waiting?.count ?? 0, upcomingMeetings: next?.count ?? 0 };
}

// ---------- announcements ----------

export async function listAnnouncements(ctx: RequestContext, workspace: Workspace) {
	const role = await workspaceRole(ctx, workspace);
	const items = await ctx.db.select().from(workspaceAnnouncement).where(eq(workspaceAnnouncement.workspace, workspace.key)).orderBy(desc(workspaceAnnouncement.publishedAt)).limit(100);
	return { ...role, items };
}

/** The secretariat posts an announcement; with `notify`, every member receives it by e-mail (after it is saved). */
export async function postAnnouncement(ctx: RequestContext, workspace: Workspace, raw: unknown) {
	requireRuns(ctx, workspace);
	const input = parseOrThrow(AnnouncementForm, raw);
	const posted = await ctx.transaction(async ({ db, audit }) => {
		// the same announcement sent again (a page reloaded after posting) is not posted nor mailed twice
		const [again] = await db
			.select()
			.from(workspaceAnnouncement)
			.where(and(eq(workspaceAnnouncement.workspace, workspace.key), eq(workspaceAnnouncement.title, input.title), eq(workspaceAnnouncement.body, input.body)))
			.limit(1);
		if (again) return { ...again, repeated: true };
		const [row] = await db
			.insert(workspaceAnnouncement)
			.values({ workspace: workspace.key, language: input.language, title: input.title, body: input.body, authorId: ctx.actor!.userId, authorLabel: await userName(db, ctx.actor!.userId), publishedAt: ctx.now() })
			.returning();
		await recordAudit(db, audit, { action: `${workspace.auditResource}.announce`, resourceType: `${workspace.auditResource}_announcement`, resourceId: row.id, after: { title: row.title, language: row.language } });
		return { ...row, repeated: false };
	});
	const sent = input.notify && !posted.repeated ? await tellMembers(ctx, workspace, 'workspace.email_announcement', () => ({ title: posted.title }), `${workspace.path}/announcements`) : 0;
	return { announcement: posted, sent };
}

// ---------- meetings ----------

export async function listMeetings(ctx: RequestContext, workspace: Workspace) {
	const role = await workspaceRole(ctx, workspace);
	const rows = await ctx.db.select().from(workspaceMeeting).where(eq(workspaceMeeting.workspace, workspace.key)).orderBy(desc(workspaceMeeting.startsAt)).limit(200);
	const now = ctx.now().getTime();
	return { ...role, upcoming: rows.filter((row) => row.startsAt.getTime() >= now).reverse(), past: rows.filter((row) => row.startsAt.getTime() < now) };
}

/** The secretariat schedules a meeting (a Morocco wall-clock time); with `notify`, members are told by e-mail. */
export async function scheduleMeeting(ctx: RequestContext, workspace: Workspace, raw: unknown) {
	requireRuns(ctx, workspace);
	const input = parseOrThrow(MeetingForm, raw);
	const startsAt = localDateTimeToInstant(input.startsAt);
	const meeting = await ctx.transaction(async ({ db, audit }) => {
		const [row] = await db
			.insert(workspaceMeeting)
			.values({ workspace: workspace.key, language: input.language, title: input.title, startsAt, mode: input.mode, place: input.place, agenda: input.agenda, createdBy: ctx.actor!.userId, createdAt: ctx.now() })
			.returning();
		await recordAudit(db, audit, { action: `${workspace.auditResource}.meeting_schedule`, resourceType: `${workspace.auditResource}_meeting`, resourceId: row.id, after: { title: row.title, startsAt: row.startsAt.toISOString(), mode: row.mode } });
		return row;
	});
	const sent = input.notify
		? await tellMembers(ctx, workspace, 'workspace.email_meeting', (language) => ({ title: meeting.title, date: formatInPlatformZone(language, meeting.startsAt, { dateStyle: 'full', timeStyle: 'short' }) }), `${workspace.path}/meetings/${meeting.id}`)
		: 0;
	return { meeting, sent };
}

async function meetingRow(db: DbOrTx, workspace: Workspace, id: string) {
	if (!UUID.test(id)) throw new AppError('not_found');
	const [row] = await db.select().from(workspaceMeeting).where(and(eq(workspaceMeeting.id, id), eq(workspaceMeeting.workspace, workspace.key)));
	if (!row) throw new AppError('not_found');
	return row;
}

/** A meeting with its agenda, minutes and attendance (names of the organisations). */
export async function meetingDetail(ctx: RequestContext, workspace: Workspace, id: string) {
	const role = await workspaceRole(ctx, workspace);
	const meeting = await meetingRow(ctx.db, workspace, id);
	const attendees = meeting.attendeeOrganisationIds.length
		? await ctx.db.select({ id: organisation.id, name: organisation.name }).from(organisation).where(inArray(organisation.id, meeting.attendeeOrganisationIds)).orderBy(asc(organisation.name))
		: [];
	return { ...role, meeting, attendees, held: meeting.startsAt.getTime() <= ctx.now().getTime() };
}

/** The secretariat records (or corrects) a held meeting's minutes and who attended; the earlier text stays in the audit trail. */
export async function recordMinutes(ctx: RequestContext, workspace: Workspace, id: string, raw: unknown) {
	requireRuns(ctx, workspace);
	const input = parseOrThrow(MinutesForm, raw);
	return ctx.transaction(async ({ db, audit }) => {
		const meeting = await meetingRow(db, workspace, id);
		if (meeting.startsAt.getTime() > ctx.now().getTime()) throw new AppError('conflict', { extra: { reason: 'meeting_not_held' } });
		const members = new Set((await workspace.allMemberOrganisations(db)).map((item) => item.id));
		const unknown = input.attendees.filter((organisationId) => !members.has(organisationId));
		if (unknown.length) throw new AppError('invalid_input', { fields: [{ path: 'attendees', messageKey: 'field_choice' }] });
		await db
			.update(workspaceMeeting)
			.set({ minutes: input.minutes, attendeeOrganisationIds: [...new Set(input.attendees)], minutesBy: ctx.actor!.userId, minutesAt: ctx.now() })
			.where(eq(workspaceMeeting.id, meeting.id));
		await recordAudit(db, audit, {
			action: `${workspace.auditResource}.minutes`,
			resourceType: `${workspace.auditResource}_meeting`,
			resourceId: meeting.id,
			before: meeting.minutes ? { minutes: meeting.minutes, attendees: meeting.attendeeOrganisationIds } : null,
			after: { minutes: input.minutes, attendees: input.attendees }
		});
	});
}

// ---------- contributions ----------

function contributionRows(db: DbOrTx, workspace: Workspace) {
	return db
		.select({ contribution: workspaceContribution, organisationName: organisation.name })
		.from(workspaceContribution)
		.innerJoin(organisation, eq(organisation.id, workspaceContribution.organisationId))
		.where(eq(workspaceContribution.workspace, workspace.key))
		.orderBy(desc(workspaceContribution.submittedAt))
		.$dynamic();
}

/** Every contribution, newest first (members read each other's: the network's work is shared). */
export async function listContributions(ctx: RequestContext, workspace: Workspace, status?: string) {
	const role = await workspaceRole(ctx, workspace);
	const rows = await contributionRows(ctx.db, workspace).limit(200);
	return { ...role, items: status ? rows.filter((row) => row.contribution.status === status) : rows };
}

/** A member submits a contribution for one of its member organisations. */
export async function submitContribution(ctx: RequestContext, workspace: Workspace, raw: unknown) {
	const { organisations } = await workspaceRole(ctx, workspace);
	const input = parseOrThrow(ContributionForm, raw);
	if (!organisations.some((item) => item.id === input.organisationId)) throw new AppError('invalid_input', { fields: [{ path: 'organisationId', messageKey: 'field_choice' }] });
	if (input.topic && !(workspace.topics ?? []).includes(input.topic)) throw new AppError('invalid_input', { fields: [{ path: 'topic', messageKey: 'field_choice' }] });
	return ctx.transaction(async ({ db, audit }) => {
		// the same text sent again (a page reloaded after sending) is the same contribution
		const [again] = await db
			.select()
			.from(workspaceContribution)
			.where(and(eq(workspaceContribution.workspace, workspace.key), eq(workspaceContribution.organisationId, input.organisationId), eq(workspaceContribution.title, input.title), eq(workspaceContribution.body, input.body)))
			.limit(1);
		if (again) return again;
		const [row] = await db
			.insert(workspaceContribution)
			.values({
				workspace: workspace.key,
				organisationId: input.organisationId,
				topic: input.topic ?? null,
				language: input.language,
				title: input.title,
				body: input.body,
				authorId: ctx.actor!.userId,
				authorLabel: await userName(db, ctx.actor!.userId),
				submittedAt: ctx.now()
			})
			.returning();
		await recordAudit(db, audit, { action: `${workspace.auditResource}.contribute`, resourceType: `${workspace.auditResource}_contribution`, resourceId: row.id, after: { title: row.title, organisationId: row.organisationId } });
		return row;
	});
}

export async function contributionDetail(ctx: RequestContext, workspace: Workspace, id: string) {
	const role = await workspaceRole(ctx, workspace);
	if (!UUID.test(id)) throw new AppError('not_found');
	const [row] = await contributionRows(ctx.db, workspace).where(and(eq(workspaceContribution.workspace, workspace.key), eq(workspaceContribution.id, id)));
	if (!row) throw new AppError('not_found');
	return { ...role, ...row };
}

/** The secretariat answers a contribution (retained, partly, not retained, with why); its author is told by e-mail. */
export async function answerContribution(ctx: RequestContext, workspace: Workspace, id: string, raw: unknown) {
	requireRuns(ctx, workspace);
	const input = parseOrThrow(AnswerForm, raw);
	if (!UUID.test(id)) throw new AppError('not_found');
	const answered = await ctx.transaction(async ({ db, audit }) => {
		const [row] = await db.select().from(workspaceContribution).where(and(eq(workspaceContribution.id, id), eq(workspaceContribution.workspace, workspace.key))).for('update');
		if (!row) throw new AppError('not_found');
		const [updated] = await db
			.update(workspaceContribution)
			.set({ status: input.status as typeof row.status, answer: input.answer, answerLanguage: input.language, answeredBy: ctx.actor!.userId, answeredByLabel: await userName(db, ctx.actor!.userId), answeredAt: ctx.now() })
			.where(eq(workspaceContribution.id, row.id))
			.returning();
		await recordAudit(db, audit, {
			action: `${workspace.auditResource}.answer`,
			resourceType: `${workspace.auditResource}_contribution`,
			resourceId: row.id,
			before: row.answer ? { status: row.status, answer: row.answer } : { status: row.status },
			after: { status: updated.status, answer: updated.answer }
		});
		return updated;
	});
	if (answered.authorId) {
		await mailUser(ctx, answered.authorId, 'workspace.email_answer', (language) => ({ title: answered.title, status: translate(language, `workspace.contribution_status_${answered.status}`), workspace: workspaceTitle(workspace, language).text }), `${workspace.path}/contributions/${answered.id}`);
	}
	return answered;
}
