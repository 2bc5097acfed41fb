// Discussions (see discussion.model.ts): a module declares one for each place its members talk (a Talents
// network): its key and scope, who takes part and who moderates. The platform keeps the threads and
// replies, checks who may do what here, audits every write and e-mails the followers of a thread in their
// own language when someone replies.
import { and, asc, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { user } from '../accounts/accounts.table.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { DbOrTx } from '../db/database.ts';
import { AppError } from '../http/app-error.ts';
import { parseOrThrow } from '../http/validation.ts';
import type { RequestContext } from '../kernel/context.ts';
import type { ErasedData, PersonalTable } from '../kernel/manifest.ts';
import { mailRecipient } from '../mail/mail-user.ts';
import type { Action, Actor } from '../policy/policy.ts';
import { translate } from '../i18n/translator.ts';
import type { Language } from '../i18n/languages.ts';
import { REPLIES_PER_PAGE, THREADS_PER_PAGE } from './discussion.model.ts';
import { EditInput, HideInput, PageQuery, ReplyInput, ReportInput, ThreadInput } from './discussion.schemas.ts';
import { discussionFollow, discussionPost, discussionReport, discussionThread } from './discussion.table.ts';

export interface Discussion {
	/** `<module>.<name>`, stored with each row (`talents.network`) */
	key: string;
	/** which one of the module's discussions (a network's slug), stored with each row; also the scope its moderators' grants are limited to */
	scope: string;
	/** the moderators' action (hide and show posts, lock and pin threads, read reports), checked on `{ scope }` */
	moderateAction: Action;
	/** who among these people takes part: reads, starts threads, replies, follows, reports (members of the network) */
	membersAmong(db: DbOrTx, userIds: readonly string[]): Promise<Set<string>>;
	/** the discussion's pages, after the language (`/talents/networks/x/discussion`) */
	path: string;
	/** where one becomes a member, after the language (the network's page): shown to those who do not take part */
	joinPath: string;
	/** its name in a language, with the language it is written in (e-mails, pages) */
	title(language: Language): { text: string; lang: string };
	/** the audit trail's resource prefix (`talents_network_discussion` → `…_thread`, `…_post`) */
	auditResource: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const inDiscussion = (discussion: Discussion) => and(eq(discussionThread.discussion, discussion.key), eq(discussionThread.scope, discussion.scope));

/** Who the actor is here, without refusing: a moderator, a member, both or neither. */
export async function discussionStanding(ctx: RequestContext, discussion: Discussion) {
	if (!ctx.actor) return { signedIn: false, moderates: false, member: false };
	const moderates = ctx.can(discussion.moderateAction, { scope: discussion.scope });
	const member = (await discussion.membersAmong(ctx.db, [ctx.actor.userId])).has(ctx.actor.userId);
	return { signedIn: true, moderates, member };
}

/** The actor's part in the discussion: members and moderators take part; anyone else is refused. */
export async function discussionRole(ctx: RequestContext, discussion: Discussion) {
	if (!ctx.actor) throw new AppError('unauthenticated');
	const standing = await discussionStanding(ctx, discussion);
	if (!standing.moderates && !standing.member) throw new AppError('forbidden');
	return { actor: ctx.actor, moderates: standing.moderates };
}

function requireModerator(ctx: RequestContext, discussion: Discussion) {
	return ctx.require(discussion.moderateAction, { scope: discussion.scope });
}

// ---------- reading ----------

const author = alias(user, 'discussion_author');
const opening = alias(discussionPost, 'discussion_opening');

/** The threads, pinned first then by last activity; a thread whose opening a moderator hid is shown to moderators only. */
export async function listThreads(ctx: RequestContext, discussion: Discussion, query: unknown = {}) {
	const { actor, moderates } = await discussionRole(ctx, discussion);
	const { page } = parseOrThrow(PageQuery, query);
	const visible = and(inDiscussion(discussion), moderates ? undefined : isNull(opening.hiddenAt));
	const [[total], rows] = await Promise.all([
		ctx.db.select({ n: count() }).from(discussionThread).innerJoin(opening, and(eq(opening.threadId, discussionThread.id), eq(opening.opening, true))).where(visible),
		ctx.db
			.select({ thread: discussionThread, authorName: author.name, hiddenAt: opening.hiddenAt, followedSeenAt: discussionFollow.seenAt })
			.from(discussionThread)
			.innerJoin(opening, and(eq(opening.threadId, discussionThread.id), eq(opening.opening, true)))
			.leftJoin(author, eq(author.id, discussionThread.authorId))
			.leftJoin(discussionFollow, and(eq(discussionFollow.threadId, discussionThread.id), eq(discussionFollow.userId, actor.userId)))
			.where(visible)
			.orderBy(desc(discussionThread.pinned), desc(discussionThread.lastActivityAt), desc(discussionThread.id))
			.limit(THREADS_PER_PAGE)
			.offset((page - 1) * THREADS_PER_PAGE)
	]);
	return {
		moderates,
		total: total.n,
		page,
		pageSize: THREADS_PER_PAGE,
		items: rows.map((row) => ({
			...threadView(row.thread, row.authorName),
			hidden: row.hiddenAt !== null,
			following: row.followedSeenAt !== null,
			newReplies: row.followedSeenAt !== null && row.thread.lastActivityAt.getTime() > row.followedSeenAt.getTime()
		}))
	};
}

function threadView(thread: typeof discussionThread.$inferSelect, authorName: string | null) {
	return {
		id: thread.id,
		title: thread.title,
		language: thread.language,
		author: authorName,
		createdAt: thread.createdAt,
		lastActivityAt: thread.lastActivityAt,
		replyCount: thread.replyCount,
		locked: thread.lockedAt !== null,
		pinned: thread.pinned,
		isSample: thread.isSample
	};
}

type PostRow = { post: typeof discussionPost.$inferSelect; authorName: string | null };

/** A post as the reader may see it: a hidden post's text only for moderators (members read the reason). */
function postView(row: PostRow, reader: { userId: string; moderates: boolean }) {
	const { post } = row;
	const hidden = post.hiddenAt !== null;
	return {
		id: post.id,
		opening: post.opening,
		author: post.authorId === null ? null : row.authorName,
		language: post.language,
		body: hidden && !reader.moderates ? null : post.body,
		createdAt: post.createdAt,
		editedAt: post.editedAt,
		hidden: hidden ? { at: post.hiddenAt!, reason: post.hiddenReason ?? '' } : null,
		mine: post.authorId !== null && post.authorId === reader.userId
	};
}

async function threadRow(db: DbOrTx, discussion: Discussion, id: string, lock = false) {
	if (!UUID.test(id)) throw new AppError('not_found');
	const query = db.select().from(discussionThread).where(and(inDiscussion(discussion), eq(discussionThread.id, id)));
	const [row] = lock ? await query.for('update') : await query;
	if (!row) throw new AppError('not_found');
	return row;
}

/**
 * A thread with its opening and one page of replies, oldest first. Opening it marks it read for a follower
 * (their space counts the threads with replies they have not read).
 */
export async function threadDetail(ctx: RequestContext, discussion: Discussion, id: string, query: unknown = {}) {
	const { actor, moderates } = await discussionRole(ctx, discussion);
	const { page } = parseOrThrow(PageQuery, query);
	const thread = await threadRow(ctx.db, discussion, id);
	const select = () => ctx.db.select({ post: discussionPost, authorName: author.name }).from(discussionPost).leftJoin(author, eq(author.id, discussionPost.authorId));
	const [openingRow] = await select().where(and(eq(discussionPost.threadId, thread.id), eq(discussionPost.opening, true)));
	// a thread whose opening was hidden is withdrawn from its members
	if (!openingRow || (openingRow.post.hiddenAt && !moderates)) throw new AppError('not_found');
	const replies = and(eq(discussionPost.threadId, thread.id), eq(discussionPost.opening, false));
	const [[total], rows, [follow]] = await Promise.all([
		ctx.db.select({ n: count() }).from(discussionPost).where(replies),
		select()
			.where(replies)
			.orderBy(asc(discussionPost.createdAt), asc(discussionPost.id))
			.limit(REPLIES_PER_PAGE)
			.offset((page - 1) * REPLIES_PER_PAGE),
		ctx.db.select().from(discussionFollow).where(and(eq(discussionFollow.threadId, thread.id), eq(discussionFollow.userId, actor.userId)))
	]);
	// a read mark, not a change of anyone's content: not audited
	if (follow) await ctx.db.update(discussionFollow).set({ seenAt: ctx.now() }).where(and(eq(discussionFollow.threadId, thread.id), eq(discussionFollow.userId, actor.userId)));
	const reader = { userId: actor.userId, moderates };
	return {
		moderates,
		thread: { ...threadView(thread, openingRow.authorName), following: !!follow },
		opening: postView(openingRow, reader),
		replies: { total: total.n, page, pageSize: REPLIES_PER_PAGE, items: rows.map((row) => postView(row, reader)) }
	};
}

// ---------- writing ----------

async function followThread(db: DbOrTx, threadId: string, userId: string, now: Date) {
	await db.insert(discussionFollow).values({ threadId, userId, followedAt: now, seenAt: now }).onConflictDoUpdate({ target: [discussionFollow.threadId, discussionFollow.userId], set: { seenAt: now } });
}

/** A member (or a moderator) starts a thread: a title and its opening message, in the language they wrote it. */
export async function startThread(ctx: RequestContext, discussion: Discussion, raw: unknown) {
	const { actor } = await discussionRole(ctx, discussion);
	const input = parseOrThrow(ThreadInput, raw);
	return ctx.transaction(async ({ db, audit }) => {
		// the same thread sent again (a page reloaded after posting) is the same thread
		const [again] = await db
			.select({ thread: discussionThread })
			.from(discussionThread)
			.innerJoin(discussionPost, and(eq(discussionPost.threadId, discussionThread.id), eq(discussionPost.opening, true)))
			.where(and(inDiscussion(discussion), eq(discussionThread.authorId, actor.userId), eq(discussionThread.title, input.title), eq(discussionPost.body, input.body)))
			.limit(1);
		if (again) return again.thread;
		const now = ctx.now();
		const [thread] = await db
			.insert(discussionThread)
			.values({ discussion: discussion.key, scope: discussion.scope, title: input.title, language: input.language, authorId: actor.userId, createdAt: now, updatedAt: now, lastActivityAt: now })
			.returning();
		const [post] = await db.insert(discussionPost).values({ threadId: thread.id, opening: true, authorId: actor.userId, language: input.language, body: input.body, createdAt: now }).returning();
		if (input.follow) await followThread(db, thread.id, actor.userId, now);
		await recordAudit(db, audit, {
			action: `${discussion.auditResource}.thread_start`,
			resourceType: `${discussion.auditResource}_thread`,
			resourceId: thread.id,
			after: { scope: discussion.scope, title: thread.title, language: thread.language, postId: post.id }
		});
		return thread;
	});
}

/**
 * A member replies; a locked thread takes no more replies (409 `thread_locked`). Once saved, the thread's
 * followers (members still) are e-mailed in their own language, each with a link to stop following.
 */
export async function replyToThread(ctx: RequestContext, discussion: Discussion, threadId: string, raw: unknown) {
	const { actor } = await discussionRole(ctx, discussion);
	const input = parseOrThrow(ReplyInput, raw);
	const saved = await ctx.transaction(async ({ db, audit }) => {
		const thread = await threadRow(db, discussion, threadId, true);
		if (thread.lockedAt) throw new AppError('conflict', { extra: { reason: 'thread_locked' } });
		const [again] = await db
			.select()
			.from(discussionPost)
			.where(and(eq(discussionPost.threadId, thread.id), eq(discussionPost.authorId, actor.userId), eq(discussionPost.body, input.body)))
			.limit(1);
		if (again) return { thread, post: again, repeated: true };
		const now = ctx.now();
		const [post] = await db.insert(discussionPost).values({ threadId: thread.id, authorId: actor.userId, language: input.language, body: input.body, createdAt: now }).returning();
		await db
			.update(discussionThread)
			.set({ lastActivityAt: now, replyCount: sql`${discussionThread.replyCount} + 1` })
			.where(eq(discussionThread.id, thread.id));
		if (input.follow) await followThread(db, thread.id, actor.userId, now);
		await recordAudit(db, audit, { action: `${discussion.auditResource}.reply`, resourceType: `${discussion.auditResource}_post`, resourceId: post.id, after: { threadId: thread.id, language: post.language } });
		return { thread, post, repeated: false };
	});
	const sent = saved.repeated ? 0 : await tellFollowers(ctx, discussion, saved.thread, saved.post);
	return { post: saved.post, sent };
}

async function tellFollowers(ctx: RequestContext, discussion: Discussion, thread: typeof discussionThread.$inferSelect, post: typeof discussionPost.$inferSelect) {
	if (!ctx.mailer) return 0;
	const followers = await ctx.db
		.select({ userId: discussionFollow.userId, token: discussionFollow.unfollowToken, email: user.email, name: user.name, locale: user.locale })
		.from(discussionFollow)
		.innerJoin(user, eq(user.id, discussionFollow.userId))
		.where(and(eq(discussionFollow.threadId, thread.id), sql`${discussionFollow.userId} <> ${post.authorId}`));
	const [writer] = post.authorId ? await ctx.db.select({ name: user.name }).from(user).where(eq(user.id, post.authorId)) : [];
	// someone who left the network no longer reads it
	const members = followers.length ? await discussion.membersAmong(ctx.db, followers.map((follower) => follower.userId)) : new Set<string>();
	let sent = 0;
	for (const follower of followers) {
		if (!members.has(follower.userId)) continue;
		const values = (language: Language) => ({
			discussion: discussion.title(language).text,
			thread: thread.title,
			author: writer?.name ?? translate(language, 'discussion.former_member'),
			body: post.body.length > 1000 ? `${post.body.slice(0, 1000)}…` : post.body,
			unfollow: `${ctx.publicUrl}/${language}${discussion.path}/unfollow?token=${follower.token}`
		});
		if (await mailRecipient(ctx, follower, 'discussion.email_reply', values, `${discussion.path}/${thread.id}`)) sent += 1;
	}
	return sent;
}

async function postRow(db: DbOrTx, discussion: Discussion, postId: string, lock = false) {
	if (!UUID.test(postId)) throw new AppError('not_found');
	const query = db
		.select({ post: discussionPost, thread: discussionThread })
		.from(discussionPost)
		.innerJoin(discussionThread, eq(discussionThread.id, discussionPost.threadId))
		.where(and(inDiscussion(discussion), eq(discussionPost.id, postId)));
	const [row] = lock ? await query.for('update') : await query;
	if (!row) throw new AppError('not_found');
	return row;
}

/** Its author corrects a post (not a hidden one, nor in a locked thread); the earlier text stays in the audit trail and "edited" shows. */
export async function editPost(ctx: RequestContext, discussion: Discussion, postId: string, raw: unknown) {
	const { actor } = await discussionRole(ctx, discussion);
	const input = parseOrThrow(EditInput, raw);
	return ctx.transaction(async ({ db, audit }) => {
		const { post, thread } = await postRow(db, discussion, postId, true);
		if (post.authorId !== actor.userId) throw new AppError('forbidden');
		if (post.hiddenAt) throw new AppError('conflict', { extra: { reason: 'post_hidden' } });
		if (thread.lockedAt) throw new AppError('conflict', { extra: { reason: 'thread_locked' } });
		if (post.body === input.body && post.language === input.language) return post;
		const now = ctx.now();
		const [updated] = await db.update(discussionPost).set({ body: input.body, language: input.language, editedAt: now }).where(eq(discussionPost.id, post.id)).returning();
		if (post.opening && post.language !== input.language) await db.update(discussionThread).set({ language: input.language, updatedAt: now }).where(eq(discussionThread.id, thread.id));
		await recordAudit(db, audit, {
			action: `${discussion.auditResource}.post_edit`,
			resourceType: `${discussion.auditResource}_post`,
			resourceId: post.id,
			before: { body: post.body, language: post.language },
			after: { body: updated.body, language: updated.language }
		});
		return updated;
	});
}

/** A moderator hides a post with a reason members read in its place; the reports on it are settled. The text stays in the audit trail. */
export async function hidePost(ctx: RequestContext, discussion: Discussion, postId: string, raw: unknown) {
	const moderator = requireModerator(ctx, discussion);
	const input = parseOrThrow(HideInput, raw);
	return ctx.transaction(async ({ db, audit }) => {
		const { post } = await postRow(db, discussion, postId, true);
		if (post.hiddenAt) return post;
		const now = ctx.now();
		const [updated] = await db.update(discussionPost).set({ hiddenAt: now, hiddenBy: moderator.userId, hiddenReason: input.reason }).where(eq(discussionPost.id, post.id)).returning();
		await db.update(discussionReport).set({ resolvedAt: now, resolvedBy: moderator.userId, outcome: 'hidden' }).where(and(eq(discussionReport.postId, post.id), isNull(discussionReport.resolvedAt)));
		await recordAudit(db, audit, {
			action: `${discussion.auditResource}.post_hide`,
			resourceType: `${discussion.auditResource}_post`,
			resourceId: post.id,
			before: { body: post.body, language: post.language, authorId: post.authorId },
			after: { reason: input.reason }
		});
		return updated;
	});
}

/** A moderator shows a hidden post again. */
export async function showPost(ctx: RequestContext, discussion: Discussion, postId: string) {
	requireModerator(ctx, discussion);
	return ctx.transaction(async ({ db, audit }) => {
		const { post } = await postRow(db, discussion, postId, true);
		if (!post.hiddenAt) return post;
		const [updated] = await db.update(discussionPost).set({ hiddenAt: null, hiddenBy: null, hiddenReason: null }).where(eq(discussionPost.id, post.id)).returning();
		await recordAudit(db, audit, { action: `${discussion.auditResource}.post_show`, resourceType: `${discussion.auditResource}_post`, resourceId: post.id, before: { reason: post.hiddenReason } });
		return updated;
	});
}

/** A moderator locks a thread (no more replies) or opens it again. */
export async function setThreadLocked(ctx: RequestContext, discussion: Discussion, threadId: string, locked: boolean) {
	requireModerator(ctx, discussion);
	return ctx.transaction(async ({ db, audit }) => {
		const thread = await threadRow(db, discussion, threadId, true);
		if ((thread.lockedAt !== null) === locked) return thread;
		const [updated] = await db.update(discussionThread).set({ lockedAt: locked ? ctx.now() : null }).where(eq(discussionThread.id, thread.id)).returning();
		await recordAudit(db, audit, { action: `${discussion.auditResource}.${locked ? 'thread_lock' : 'thread_unlock'}`, resourceType: `${discussion.auditResource}_thread`, resourceId: thread.id });
		return updated;
	});
}

/** A moderator pins a thread at the top of the list, or unpins it. */
export async function setThreadPinned(ctx: RequestContext, discussion: Discussion, threadId: string, pinned: boolean) {
	requireModerator(ctx, discussion);
	return ctx.transaction(async ({ db, audit }) => {
		const thread = await threadRow(db, discussion, threadId, true);
		if (thread.pinned === pinned) return thread;
		const [updated] = await db.update(discussionThread).set({ pinned }).where(eq(discussionThread.id, thread.id)).returning();
		await recordAudit(db, audit, { action: `${discussion.auditResource}.${pinned ? 'thread_pin' : 'thread_unpin'}`, resourceType: `${discussion.auditResource}_thread`, resourceId: thread.id });
		return updated;
	});
}

/** A member reports someone else's post to the moderators, once (a second report of the same post changes nothing). */
export async function reportPost(ctx: RequestContext, discussion: Discussion, postId: string, raw: unknown) {
	const { actor } = await discussionRole(ctx, discussion);
	const input = parseOrThrow(ReportInput, raw);
	return ctx.transaction(async ({ db, audit }) => {
		const { post } = await postRow(db, discussion, postId);
		if (post.authorId === actor.userId) throw new AppError('conflict', { extra: { reason: 'own_post' } });
		const [report] = await db.insert(discussionReport).values({ postId: post.id, reporterId: actor.userId, reason: input.reason, createdAt: ctx.now() }).onConflictDoNothing().returning();
		if (!report) return null;
		await recordAudit(db, audit, { action: `${discussion.auditResource}.post_report`, resourceType: `${discussion.auditResource}_post`, resourceId: post.id, after: { reportId: report.id } });
		return report;
	});
}

/** The reports waiting for a moderator, oldest first, with the post reported (its text included: moderators read it). */
export async function openReports(ctx: RequestContext, discussion: Discussion) {
	const moderator = requireModerator(ctx, discussion);
	const reporter = alias(user, 'discussion_reporter');
	const rows = await ctx.db
		.select({ report: discussionReport, post: discussionPost, threadTitle: discussionThread.title, threadLanguage: discussionThread.language, authorName: author.name, reporterName: reporter.name })
		.from(discussionReport)
		.innerJoin(discussionPost, eq(discussionPost.id, discussionReport.postId))
		.innerJoin(discussionThread, eq(discussionThread.id, discussionPost.threadId))
		.innerJoin(reporter, eq(reporter.id, discussionReport.reporterId))
		.leftJoin(author, eq(author.id, discussionPost.authorId))
		.where(and(inDiscussion(discussion), isNull(discussionReport.resolvedAt)))
		.orderBy(asc(discussionReport.createdAt))
		.limit(200);
	return rows.map((row) => ({
		id: row.report.id,
		reason: row.report.reason,
		reportedAt: row.report.createdAt,
		reporter: row.reporterName,
		thread: { id: row.post.threadId, title: row.threadTitle, language: row.threadLanguage },
		post: postView({ post: row.post, authorName: row.authorName }, { userId: moderator.userId, moderates: true })
	}));
}

/** A moderator dismisses a report: the post stays as it is. */
export async function dismissReport(ctx: RequestContext, discussion: Discussion, reportId: string) {
	const moderator = requireModerator(ctx, discussion);
	if (!UUID.test(reportId)) throw new AppError('not_found');
	return ctx.transaction(async ({ db, audit }) => {
		const [row] = await db
			.select({ report: discussionReport })
			.from(discussionReport)
			.innerJoin(discussionPost, eq(discussionPost.id, discussionReport.postId))
			.innerJoin(discussionThread, eq(discussionThread.id, discussionPost.threadId))
			.where(and(inDiscussion(discussion), eq(discussionReport.id, reportId)));
		if (!row) throw new AppError('not_found');
		if (row.report.resolvedAt) return row.report;
		const [updated] = await db.update(discussionReport).set({ resolvedAt: ctx.now(), resolvedBy: moderator.userId, outcome: 'dismissed' }).where(eq(discussionReport.id, reportId)).returning();
		await recordAudit(db, audit, { action: `${discussion.auditResource}.report_dismiss`, resourceType: `${discussion.auditResource}_post`, resourceId: row.report.postId, after: { reportId } });
		return updated;
	});
}

/** A member follows a thread (an e-mail on each reply) or stops following it. */
export async function setFollowing(ctx: RequestContext, discussion: Discussion, threadId: string, following: boolean) {
	const { actor } = await discussionRole(ctx, discussion);
	return ctx.transaction(async ({ db, audit }) => {
		const thread = await threadRow(db, discussion, threadId);
		if (following) await followThread(db, thread.id, actor.userId, ctx.now());
		else await db.delete(discussionFollow).where(and(eq(discussionFollow.threadId, thread.id), eq(discussionFollow.userId, actor.userId)));
		await recordAudit(db, audit, { action: `${discussion.auditResource}.${following ? 'thread_follow' : 'thread_unfollow'}`, resourceType: `${discussion.auditResource}_thread`, resourceId: thread.id });
	});
}

/** The "stop following" link of a reply e-mail: its token is the permission (no sign-in needed). */
export async function unfollowByToken(ctx: RequestContext, discussion: Discussion, token: string) {
	if (!UUID.test(token)) throw new AppError('not_found');
	return ctx.transaction(async ({ db, audit }) => {
		const [row] = await db
			.select({ follow: discussionFollow, thread: discussionThread })
			.from(discussionFollow)
			.innerJoin(discussionThread, eq(discussionThread.id, discussionFollow.threadId))
			.where(and(inDiscussion(discussion), eq(discussionFollow.unfollowToken, token)));
		if (!row) throw new AppError('not_found');
		await db.delete(discussionFollow).where(and(eq(discussionFollow.threadId, row.thread.id), eq(discussionFollow.userId, row.follow.userId)));
		await recordAudit(db, { ...audit, actorUserId: audit.actorUserId ?? row.follow.userId }, { action: `${discussion.auditResource}.thread_unfollow`, resourceType: `${discussion.auditResource}_thread`, resourceId: row.thread.id, after: { by: 'email_link' } });
		return { id: row.thread.id, title: row.thread.title, language: row.thread.language };
	});
}

// ---------- counts for people's spaces ----------

/** Open reports by scope of a module's discussions (each moderator's space shows those of the scopes they moderate). */
export async function openReportCounts(db: DbOrTx, key: string, scopes?: readonly string[]): Promise<Map<string, number>> {
	if (scopes && scopes.length === 0) return new Map();
	const rows = await db
		.select({ scope: discussionThread.scope, n: count() })
		.from(discussionReport)
		.innerJoin(discussionPost, eq(discussionPost.id, discussionReport.postId))
		.innerJoin(discussionThread, eq(discussionThread.id, discussionPost.threadId))
		.where(and(eq(discussionThread.discussion, key), scopes ? inArray(discussionThread.scope, [...scopes]) : undefined, isNull(discussionReport.resolvedAt)))
		.groupBy(discussionThread.scope);
	return new Map(rows.map((row) => [row.scope, row.n]));
}

/** For a person, by scope of a module's discussions: the threads they follow, and how many of them have replies they have not read. */
export async function followedThreads(db: DbOrTx, key: string, userId: string): Promise<Map<string, { following: number; unread: number }>> {
	const rows = await db
		.select({ scope: discussionThread.scope, following: count(), unread: sql<number>`count(*) filter (where ${discussionThread.lastActivityAt} > ${discussionFollow.seenAt})::int` })
		.from(discussionFollow)
		.innerJoin(discussionThread, eq(discussionThread.id, discussionFollow.threadId))
		.where(and(eq(discussionThread.discussion, key), eq(discussionFollow.userId, userId)))
		.groupBy(discussionThread.scope);
	return new Map(rows.map((row) => [row.scope, { following: row.following, unread: row.unread }]));
}

/** Removes a module's discussions of these scopes whole (a sample network deleted). */
export async function removeDiscussions(db: DbOrTx, key: string, scopes: readonly string[]) {
	if (!scopes.length) return 0;
	const removed = await db.delete(discussionThread).where(and(eq(discussionThread.discussion, key), inArray(discussionThread.scope, [...scopes]))).returning({ id: discussionThread.id });
	return removed.length;
}

// ---------- personal data ----------

/**
 * A person's part in every discussion: their threads and posts (exported with the thread they belong to),
 * reports and follows. Closing the account keeps the discussion readable: their threads and posts stay
 * under "former member" (the author is forgotten); their reports and follows go.
 */
export const discussionPersonalData = {
	tables: [
		{ table: discussionThread, userColumn: discussionThread.authorId, exportKey: 'discussionThreads' },
		{ table: discussionPost, userColumn: discussionPost.authorId, exportKey: 'discussionPosts' },
		{ table: discussionReport, userColumn: discussionReport.reporterId, exportKey: 'discussionReports' },
		{ table: discussionFollow, userColumn: discussionFollow.userId, exportKey: 'discussionFollows' }
	] as PersonalTable[],
	async export(db: DbOrTx, actor: Actor) {
		const [threads, posts, reports, follows] = await Promise.all([
			db
				.select({ discussion: discussionThread.discussion, scope: discussionThread.scope, id: discussionThread.id, title: discussionThread.title, language: discussionThread.language, createdAt: discussionThread.createdAt })
				.from(discussionThread)
				.where(eq(discussionThread.authorId, actor.userId))
				.orderBy(asc(discussionThread.createdAt)),
			db
				.select({ discussion: discussionThread.discussion, scope: discussionThread.scope, threadId: discussionThread.id, thread: discussionThread.title, id: discussionPost.id, language: discussionPost.language, body: discussionPost.body, createdAt: discussionPost.createdAt, editedAt: discussionPost.editedAt, hiddenAt: discussionPost.hiddenAt, hiddenReason: discussionPost.hiddenReason })
				.from(discussionPost)
				.innerJoin(discussionThread, eq(discussionThread.id, discussionPost.threadId))
				.where(eq(discussionPost.authorId, actor.userId))
				.orderBy(asc(discussionPost.createdAt)),
			db.select({ postId: discussionReport.postId, reason: discussionReport.reason, createdAt: discussionReport.createdAt, outcome: discussionReport.outcome }).from(discussionReport).where(eq(discussionReport.reporterId, actor.userId)),
			db
				.select({ discussion: discussionThread.discussion, scope: discussionThread.scope, threadId: discussionThread.id, thread: discussionThread.title, followedAt: discussionFollow.followedAt })
				.from(discussionFollow)
				.innerJoin(discussionThread, eq(discussionThread.id, discussionFollow.threadId))
				.where(eq(discussionFollow.userId, actor.userId))
		]);
		return { discussionThreads: threads, discussionPosts: posts, discussionReports: reports, discussionFollows: follows };
	},
	async erase(tx: DbOrTx, userId: string): Promise<ErasedData> {
		const threads = await tx.update(discussionThread).set({ authorId: null }).where(eq(discussionThread.authorId, userId)).returning({ id: discussionThread.id });
		const posts = await tx.update(discussionPost).set({ authorId: null }).where(eq(discussionPost.authorId, userId)).returning({ id: discussionPost.id });
		await tx.delete(discussionReport).where(eq(discussionReport.reporterId, userId));
		await tx.delete(discussionFollow).where(eq(discussionFollow.userId, userId));
		return { removed: ['discussion_reports', 'discussion_follows'], audit: threads.length + posts.length ? { discussionPostsAnonymised: posts.length, discussionThreadsAnonymised: threads.length } : undefined };
	}
};

