// What the pages of every moderated collection load and do the same way (ADR 0011): the moderators' queue and the
// review of one proposal with its decisions (approve, refuse, send back), and the proposer's own proposal with its
// withdrawal. A module's route names its collection and adds what it shows of its subjects; the texts stay the
// module's (OwnProposals.svelte, OwnProposal.svelte).
import { error, fail, redirect } from '@sveltejs/kit';
import { getApp, type App as Platform } from '../app.ts';
import { isAppError } from '../http/app-error.ts';
import { formAction } from '../http/form.ts';
import { requestContext } from '../http/request-context.ts';
import { translate } from '../i18n/translator.ts';
import type { Language } from '../i18n/languages.ts';
import type { RequestContext } from '../kernel/context.ts';
import { approveProposal, listProposals, rejectProposal, requestChanges, reviewProposal, type ModeratedCollection, type Published } from './moderation.service.ts';
import { notifyOf, type Notify } from './notify.ts';

type PageEvent = { locals: App.Locals };
type ProposalEvent = PageEvent & { params: { id: string } };

/** A proposal page's service context; a page the request hook refused (403, or 503 while the database is out of reach) stops here. */
export async function pageContext(locals: App.Locals) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	return { app, ctx: requestContext(app, locals) };
}

/** A service's expected refusal (not found, another person's…) as the error page with its status and code. */
function refused(failure: unknown): never {
	if (isAppError(failure)) error(failure.status, failure.code);
	throw failure;
}

const queueStatuses = ['pending', 'approved', 'rejected', 'changes_requested', 'withdrawn', 'all'] as const;

/** The moderators' queue of a collection (ProposalQueue.svelte): `?status=` (those waiting by default, oldest first) and `?page=`. */
export async function loadQueue({ url, locals }: PageEvent & { url: URL }, collection: ModeratedCollection) {
	const { ctx } = await pageContext(locals);
	const wanted = url.searchParams.get('status');
	const status = queueStatuses.find((value) => value === wanted) ?? 'pending';
	const page = Math.max(1, Math.min(10000, Number(url.searchParams.get('page')) || 1));
	return { status, proposals: await listProposals(ctx, collection, { status, page }) };
}

/**
 * A proposal as its reviewer reads it (one of another collection, or none: not found), with what every review page
 * shows of it — who sent it and when, their note, its status and the reason given —, and the service context for
 * what the module adds (the diff in words, a preview of the subject).
 */
export async function loadReview<Data, Field extends string>({ params, locals }: ProposalEvent, collection: ModeratedCollection<Data, Field>) {
	const { app, ctx } = await pageContext(locals);
	const review = await reviewProposal(ctx, collection, params.id).catch((failure: unknown) => {
		if (isAppError(failure) && failure.code === 'not_found') error(404, 'not_found');
		throw failure;
	});
	const { id, status, comment, reviewReason, createdAt, proposer, proposerOrganisation, baseVersion, publishedVersion } = review.proposal;
	return { app, ctx, review, proposal: { id, status, comment, reviewReason, createdAt, proposer, proposerOrganisation, baseVersion, publishedVersion } };
}

/** A decision refused: the subject changed since the proposal (in the module's words), a reason missing, or another refusal. */
export function decisionFailure(language: Language, failure: unknown, stale?: (language: Language, currentVersion: number) => string) {
	if (!isAppError(failure)) throw failure;
	if (stale && failure.code === 'conflict' && failure.extra?.reason === 'stale_version') {
		return fail(409, { errors: { '': stale(language, Number(failure.extra.currentVersion)) } });
	}
	if (failure.fields.length) {
		return fail(failure.status, { errors: Object.fromEntries(failure.fields.map((field) => [field.path, translate(language, `errors.${field.messageKey}`, field.values)])) });
	}
	return fail(failure.status, { errors: { '': translate(language, `errors.${failure.code}`, failure.values) } });
}

type Decline = (ctx: RequestContext, id: string, reason: string, notify: Notify) => Promise<unknown>;

/**
 * The review page's actions (ReviewDecision.svelte posts to them): `approve`, `reject` and `changes` (send back),
 * each answering `{ done: 'approved' | 'rejected' | 'changes_requested' }` for the page's notice — with what
 * `approved` adds about the published subject (its address, its version) — or the refusal in the page's language.
 * The proposer and the moderators are e-mailed by the platform.
 */
export function decisionActions<Data, Extra extends Record<string, unknown>>(
	collection: ModeratedCollection<Data>,
	options: {
		/** what the notice says of the subject published (and what else approving starts) */
		approved: (published: Published, app: Platform) => Extra | Promise<Extra>;
		/** the message when the subject changed since the proposal was made (otherwise the general conflict's) */
		stale?: (language: Language, currentVersion: number) => string;
		/** the module's own refusal, when it does more than the platform's (e.g. removes a file) */
		reject?: Decline;
	}
) {
	const declined = (decide: Decline, done: 'rejected' | 'changes_requested') =>
		async ({ request, params, locals }: ProposalEvent & { request: Request }) => {
			const app = await getApp();
			const form = await request.formData();
			try {
				await decide(requestContext(app, locals), params.id, String(form.get('reason') ?? ''), notifyOf(app));
				return { done };
			} catch (failure) {
				return decisionFailure(locals.language, failure, options.stale);
			}
		};
	return {
		approve: async ({ params, locals }: ProposalEvent) => {
			const app = await getApp();
			try {
				const result = await approveProposal(requestContext(app, locals), collection, params.id, { notify: notifyOf(app) });
				return { done: 'approved' as const, ...(await options.approved(result.published, app)) };
			} catch (failure) {
				return decisionFailure(locals.language, failure, options.stale);
			}
		},
		reject: declined(options.reject ?? ((ctx, id, reason, notify) => rejectProposal(ctx, collection, id, reason, notify)), 'rejected'),
		changes: declined((ctx, id, reason, notify) => requestChanges(ctx, collection, id, reason, notify), 'changes_requested')
	};
}

/** The proposer's own list (OwnProposals.svelte), read by the module, and whether one was just withdrawn (`?withdrawn`). */
export async function loadOwnProposals<List extends object>({ locals, url }: PageEvent & { url: URL }, read: (ctx: RequestContext) => Promise<List>) {
	const { ctx } = await pageContext(locals);
	return { ...(await read(ctx)), withdrawn: url.searchParams.has('withdrawn') };
}

/** The proposer's own proposal (OwnProposal.svelte), read by the module; anyone else's: not found. */
export async function loadOwnProposal<T>({ locals }: PageEvent, read: (ctx: RequestContext) => Promise<T>): Promise<T> {
	const { ctx } = await pageContext(locals);
	return read(ctx).catch(refused);
}

/**
 * The withdrawal confirmed on the proposer's page: the status the page showed comes back with the form, so a
 * proposal decided on since is refused (`stale_proposal`, or `not_pending` once decided: the module's messages)
 * rather than withdrawn unseen; once withdrawn, back to the list (`list`, without the language) with a notice.
 */
export function withdrawAction(options: {
	withdraw: (ctx: RequestContext, id: string, seenStatus: string | undefined) => Promise<unknown>;
	conflicts: { stale_proposal: string; not_pending: string };
	list: string;
}) {
	return async ({ locals, params, request }: ProposalEvent & { request: Request }) => {
		const app = await getApp();
		const form = await request.formData();
		const seen = String(form.get('expectedStatus') ?? '') || undefined;
		const answer = await formAction(locals.language, form, () => options.withdraw(requestContext(app, locals), params.id, seen), {
			done: () => ({ withdrawn: true }),
			conflicts: options.conflicts
		});
		if ('withdrawn' in answer) redirect(303, `/${locals.language}${options.list}?withdrawn=1`);
		return answer;
	};
}
