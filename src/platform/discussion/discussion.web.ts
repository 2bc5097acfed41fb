// The web side of discussions: what a module's page files call (they stay a few lines), and the forms'
// answers: `{ done }` for the notice to show, or the fields' messages with what was typed.
import { fail, redirect } from '@sveltejs/kit';
import { isAppError } from '../http/app-error.ts';
import { formAction, formValues } from '../http/form.ts';
import { forPage } from '../http/page.ts';
import type { RequestContext } from '../kernel/context.ts';
import { direction, isLanguage, type Language } from '../i18n/languages.ts';
import {
	discussionStanding,
	discussionRole,
	dismissReport,
	editPost,
	hidePost,
	listThreads,
	openReports,
	replyToThread,
	reportPost,
	setFollowing,
	setThreadLocked,
	setThreadPinned,
	showPost,
	startThread,
	threadDetail,
	unfollowByToken,
	type Discussion
} from './discussion.service.ts';

const common = (discussion: Discussion, language: Language) => {
	const title = discussion.title(language);
	// the name's language when it is not the page's (a network named in French only, on an Arabic page)
	const foreign = title.lang !== language && isLanguage(title.lang);
	return {
		base: `/${language}${discussion.path}`,
		joinPath: `/${language}${discussion.joinPath}`,
		title: title.text,
		titleLang: foreign ? title.lang : undefined,
		titleDir: foreign ? direction(title.lang as Language) : undefined
	};
};

const iso = (date: Date | null) => date?.toISOString() ?? null;
type Post = Awaited<ReturnType<typeof threadDetail>>['opening'];
const postData = (post: Post) => ({ ...post, createdAt: post.createdAt.toISOString(), editedAt: iso(post.editedAt), hidden: post.hidden ? { at: post.hidden.at.toISOString(), reason: post.hidden.reason } : null });

/** The list of threads; someone who does not take part gets the page with the way to join instead (the threads are not public). */
export async function loadDiscussion(ctx: RequestContext, discussion: Discussion, url: URL) {
	const standing = await discussionStanding(ctx, discussion);
	const head = { ...common(discussion, ctx.language), signedIn: standing.signedIn };
	if (!standing.member && !standing.moderates) return { ...head, takesPart: false as const };
	const list = await forPage(listThreads(ctx, discussion, { page: url.searchParams.get('page') ?? undefined }));
	return {
		...head,
		takesPart: true as const,
		moderates: list.moderates,
		total: list.total,
		page: list.page,
		pageSize: list.pageSize,
		items: list.items.map((item) => ({ ...item, createdAt: item.createdAt.toISOString(), lastActivityAt: item.lastActivityAt.toISOString() }))
	};
}

/** The form to start a thread (members and moderators). */
export async function loadNewThread(ctx: RequestContext, discussion: Discussion) {
	await forPage(discussionRole(ctx, discussion));
	return common(discussion, ctx.language);
}

/** A thread and a page of its replies; `?edit=`, `?hide=`, `?report=` (a post's id) open that post's form in place. */
export async function loadThread(ctx: RequestContext, discussion: Discussion, id: string, url: URL) {
	const found = await forPage(threadDetail(ctx, discussion, id, { page: url.searchParams.get('page') ?? undefined }));
	const open = (['edit', 'hide', 'report'] as const).map((intent) => ({ intent, post: url.searchParams.get(intent) })).find((entry) => entry.post) ?? null;
	return {
		...common(discussion, ctx.language),
		moderates: found.moderates,
		thread: { ...found.thread, createdAt: found.thread.createdAt.toISOString(), lastActivityAt: found.thread.lastActivityAt.toISOString() },
		opening: postData(found.opening),
		replies: { ...found.replies, items: found.replies.items.map(postData) },
		open
	};
}

/** The reports waiting for the moderators. */
export async function loadReports(ctx: RequestContext, discussion: Discussion) {
	const reports = await forPage(openReports(ctx, discussion));
	return {
		...common(discussion, ctx.language),
		items: reports.map((report) => ({ ...report, reportedAt: report.reportedAt.toISOString(), post: postData(report.post) }))
	};
}

const conflicts: Record<string, string> = {
	thread_locked: 'discussion.error_thread_locked',
	post_hidden: 'discussion.error_post_hidden',
	own_post: 'discussion.error_own_post'
};

function answer<T>(ctx: RequestContext, data: FormData, work: () => Promise<T>, done: string) {
	return formAction(ctx.language, data, work, { conflicts, done: () => ({ done }) });
}

const text = (data: FormData, name: string) => String(data.get(name) ?? '');
const post = (data: FormData) => text(data, 'post');
/** the boxes "follow the thread": unticked, a form sends nothing */
const follows = (data: FormData) => data.get('follow') === 'yes';

/** What a thread page's actions need from their request: its context and discussion, and the thread's id. */
type ThreadEvent = { request: Request; params: Record<string, string>; locals: App.Locals };
type Found = { ctx: RequestContext; discussion: Discussion };

/** The thread page's form actions, for a module's page file: `find` gives the request's context and the discussion. */
export function threadPageActions(find: (event: ThreadEvent) => Promise<Found>) {
	const run =
		(work: (found: Found, id: string, data: FormData) => Promise<unknown>) =>
		async (event: ThreadEvent) =>
			work(await find(event), event.params.id ?? '', await event.request.formData());
	return {
		reply: run(({ ctx, discussion }, id, data) => discussionActions.reply(ctx, discussion, id, data)),
		edit: run(({ ctx, discussion }, _id, data) => discussionActions.edit(ctx, discussion, data)),
		report: run(({ ctx, discussion }, _id, data) => discussionActions.report(ctx, discussion, data)),
		hide: run(({ ctx, discussion }, _id, data) => discussionActions.hide(ctx, discussion, data)),
		show: run(({ ctx, discussion }, _id, data) => discussionActions.show(ctx, discussion, data)),
		follow: run(({ ctx, discussion }, id, data) => discussionActions.follow(ctx, discussion, id, data)),
		unfollow: run(({ ctx, discussion }, id, data) => discussionActions.unfollow(ctx, discussion, id, data)),
		lock: run(({ ctx, discussion }, id, data) => discussionActions.lock(ctx, discussion, id, data)),
		unlock: run(({ ctx, discussion }, id, data) => discussionActions.unlock(ctx, discussion, id, data)),
		pin: run(({ ctx, discussion }, id, data) => discussionActions.pin(ctx, discussion, id, data)),
		unpin: run(({ ctx, discussion }, id, data) => discussionActions.unpin(ctx, discussion, id, data))
	};
}

export const discussionActions = {
	/** a new thread: to its page once saved */
	start: async (ctx: RequestContext, discussion: Discussion, data: FormData) => {
		const result = await formAction(ctx.language, data, () => startThread(ctx, discussion, { ...formValues(data), follow: follows(data) }), { conflicts, done: (thread) => ({ started: thread.id }) });
		if ('started' in result) redirect(303, `/${ctx.language}${discussion.path}/${result.started}?done=started`);
		return result;
	},
	reply: (ctx: RequestContext, discussion: Discussion, id: string, data: FormData) =>
		answer(ctx, data, () => replyToThread(ctx, discussion, id, { ...formValues(data), follow: follows(data) }), 'replied'),
	edit: (ctx: RequestContext, discussion: Discussion, data: FormData) => answer(ctx, data, () => editPost(ctx, discussion, post(data), formValues(data)), 'edited'),
	hide: (ctx: RequestContext, discussion: Discussion, data: FormData) => answer(ctx, data, () => hidePost(ctx, discussion, post(data), formValues(data)), 'hidden'),
	show: (ctx: RequestContext, discussion: Discussion, data: FormData) => answer(ctx, data, () => showPost(ctx, discussion, post(data)), 'shown'),
	report: (ctx: RequestContext, discussion: Discussion, data: FormData) => answer(ctx, data, () => reportPost(ctx, discussion, post(data), formValues(data)), 'reported'),
	lock: (ctx: RequestContext, discussion: Discussion, id: string, data: FormData) => answer(ctx, data, () => setThreadLocked(ctx, discussion, id, true), 'locked'),
	unlock: (ctx: RequestContext, discussion: Discussion, id: string, data: FormData) => answer(ctx, data, () => setThreadLocked(ctx, discussion, id, false), 'unlocked'),
	pin: (ctx: RequestContext, discussion: Discussion, id: string, data: FormData) => answer(ctx, data, () => setThreadPinned(ctx, discussion, id, true), 'pinned'),
	unpin: (ctx: RequestContext, discussion: Discussion, id: string, data: FormData) => answer(ctx, data, () => setThreadPinned(ctx, discussion, id, false), 'unpinned'),
	follow: (ctx: RequestContext, discussion: Discussion, id: string, data: FormData) => answer(ctx, data, () => setFollowing(ctx, discussion, id, true), 'followed'),
	unfollow: (ctx: RequestContext, discussion: Discussion, id: string, data: FormData) => answer(ctx, data, () => setFollowing(ctx, discussion, id, false), 'unfollowed'),
	dismiss: (ctx: RequestContext, discussion: Discussion, data: FormData) => answer(ctx, data, () => dismissReport(ctx, discussion, text(data, 'report')), 'dismissed'),
	/** the e-mail's link: the token is the permission; an unknown one is said so on the page */
	unfollowByToken: async (ctx: RequestContext, discussion: Discussion, data: FormData) => {
		try {
			return { done: 'unfollowed', thread: await unfollowByToken(ctx, discussion, text(data, 'token')) };
		} catch (failure) {
			if (isAppError(failure) && failure.code === 'not_found') return fail(404, { unknown: true });
			throw failure;
		}
	}
};
