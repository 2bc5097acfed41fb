import { z } from 'zod';
import { languages } from '../i18n/languages.ts';

/** the language the text is written in (its part of the page carries it) */
const TextLanguage = z.enum(languages).describe('the language the text is written in: fr, ar or en');

export const ThreadInput = z
	.object({
		language: TextLanguage,
		title: z.string().trim().min(5).max(150),
		body: z.string().trim().min(2).max(10000),
		follow: z.boolean().default(true).describe('follow the thread: an e-mail on each reply')
	})
	.meta({ id: 'DiscussionThreadInput' });

export const ReplyInput = z
	.object({
		language: TextLanguage,
		body: z.string().trim().min(2).max(10000),
		follow: z.boolean().default(true).describe('follow the thread: an e-mail on each reply')
	})
	.meta({ id: 'DiscussionReplyInput' });

export const EditInput = z.object({ language: TextLanguage, body: z.string().trim().min(2).max(10000) });

/** Why a moderator hides a post (members read it in place of the post). */
export const HideInput = z.object({ reason: z.string().trim().min(3).max(300) });

/** Why a member reports a post to the moderators. */
export const ReportInput = z.object({ reason: z.string().trim().min(3).max(500) });

export const PageQuery = z.object({ page: z.coerce.number().int().min(1).max(10000).default(1) });

// ---------- what the API answers (a module's endpoints document them with these) ----------

const DiscussionAuthor = z.string().nullable().describe('the author’s name; null: a former member (their account was closed)');

export const DiscussionPostView = z
	.object({
		id: z.uuid(),
		opening: z.boolean().describe('the thread’s opening message'),
		author: DiscussionAuthor,
		language: z.string().describe('the language the text is written in'),
		body: z.string().nullable().describe('null: hidden by a moderator (moderators still read it)'),
		createdAt: z.iso.datetime(),
		editedAt: z.iso.datetime().nullable().describe('its author’s last correction'),
		hidden: z.object({ at: z.iso.datetime(), reason: z.string() }).nullable().describe('hidden by a moderator, with the reason members read'),
		mine: z.boolean().describe('written by the caller')
	})
	.meta({ id: 'DiscussionPost' });

const ThreadFields = {
	id: z.uuid(),
	title: z.string(),
	language: z.string().describe('the language of the title and opening message'),
	author: DiscussionAuthor,
	createdAt: z.iso.datetime(),
	lastActivityAt: z.iso.datetime(),
	replyCount: z.number().int().describe('its replies, hidden ones included'),
	locked: z.boolean().describe('takes no more replies'),
	pinned: z.boolean().describe('listed first'),
	isSample: z.boolean().describe('a fictional thread of the demo'),
	following: z.boolean().describe('the caller follows it: an e-mail on each reply')
};

export const DiscussionThreadList = z
	.object({
		moderates: z.boolean().describe('the caller moderates this discussion'),
		total: z.number().int(),
		page: z.number().int(),
		pageSize: z.number().int(),
		items: z.array(
			z.object({
				...ThreadFields,
				hidden: z.boolean().describe('its opening was hidden by a moderator (listed to moderators only)'),
				newReplies: z.boolean().describe('followed, with replies the caller has not read')
			})
		)
	})
	.meta({ id: 'DiscussionThreadList' });

export const DiscussionThreadView = z
	.object({
		moderates: z.boolean(),
		thread: z.object(ThreadFields),
		opening: DiscussionPostView,
		replies: z.object({ total: z.number().int(), page: z.number().int(), pageSize: z.number().int(), items: z.array(DiscussionPostView).describe('oldest first') })
	})
	.meta({ id: 'DiscussionThread' });

export const DiscussionReplyCreated = z
	.object({ id: z.uuid(), threadId: z.uuid(), language: z.string(), body: z.string(), createdAt: z.iso.datetime(), mailed: z.number().int().describe('followers e-mailed') })
	.meta({ id: 'DiscussionReplyCreated' });
