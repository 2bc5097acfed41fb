// Discussions' tables (see discussion.service.ts). One set of tables for every module's discussion, told
// apart by `discussion` (the declaring key, `talents.network`) and `scope` (which one of them: a network's
// slug). Each text is stored with its language, so each part of a page carries its own `lang`. An author's
// account going leaves their posts readable under "former member" (author set to null).
import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { user } from '../accounts/accounts.table.ts';
import { reportOutcomes } from './discussion.model.ts';

/** A thread: its title and standing; its opening message is its first post. */
export const discussionThread = pgTable(
	'discussion_thread',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		/** the declaring discussion's key, `<module>.<name>` */
		discussion: text('discussion').notNull(),
		/** which of the module's discussions (a network's slug) */
		scope: text('scope').notNull(),
		title: text('title').notNull(),
		/** the language of the title (and of the opening message) */
		language: text('language').notNull(),
		authorId: text('author_id').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
		/** the last reply (or the opening): threads are listed by it */
		lastActivityAt: timestamp('last_activity_at', { withTimezone: true }).notNull().defaultNow(),
		/** its replies (a hidden one still shows, as hidden) */
		replyCount: integer('reply_count').notNull().default(0),
		/** a locked thread takes no more replies */
		lockedAt: timestamp('locked_at', { withTimezone: true }),
		/** pinned threads come first */
		pinned: boolean('pinned').notNull().default(false),
		isSample: boolean('is_sample').notNull().default(false)
	},
	(table) => [index('discussion_thread_list_idx').on(table.discussion, table.scope, table.pinned, table.lastActivityAt)]
);

/** A message in a thread (the first one opens it); a moderator may hide it, with the reason members read. */
export const discussionPost = pgTable(
	'discussion_post',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		threadId: uuid('thread_id')
			.notNull()
			.references(() => discussionThread.id, { onDelete: 'cascade' }),
		/** the thread's opening message */
		opening: boolean('opening').notNull().default(false),
		authorId: text('author_id').references(() => user.id, { onDelete: 'set null' }),
		language: text('language').notNull(),
		body: text('body').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		/** its author's last correction (the earlier text is in the audit trail) */
		editedAt: timestamp('edited_at', { withTimezone: true }),
		hiddenAt: timestamp('hidden_at', { withTimezone: true }),
		hiddenBy: text('hidden_by').references(() => user.id, { onDelete: 'set null' }),
		hiddenReason: text('hidden_reason'),
		isSample: boolean('is_sample').notNull().default(false)
	},
	(table) => [index('discussion_post_thread_idx').on(table.threadId, table.createdAt), index('discussion_post_author_idx').on(table.authorId)]
);

/** A member's report of a post to the moderators, until one of them hides the post or dismisses the report. */
export const discussionReport = pgTable(
	'discussion_report',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		postId: uuid('post_id')
			.notNull()
			.references(() => discussionPost.id, { onDelete: 'cascade' }),
		reporterId: text('reporter_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		reason: text('reason').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		resolvedAt: timestamp('resolved_at', { withTimezone: true }),
		resolvedBy: text('resolved_by').references(() => user.id, { onDelete: 'set null' }),
		outcome: text('outcome', { enum: reportOutcomes })
	},
	(table) => [uniqueIndex('discussion_report_once_idx').on(table.postId, table.reporterId), index('discussion_report_open_idx').on(table.resolvedAt)]
);

/** A person following a thread: an e-mail on each reply, and "new replies" in their space until they read it. */
export const discussionFollow = pgTable(
	'discussion_follow',
	{
		threadId: uuid('thread_id')
			.notNull()
			.references(() => discussionThread.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		followedAt: timestamp('followed_at', { withTimezone: true }).notNull().defaultNow(),
		/** when they last opened the thread */
		seenAt: timestamp('seen_at', { withTimezone: true }).notNull().defaultNow(),
		/** the secret of the "stop following" link of each e-mail (no sign-in needed) */
		unfollowToken: uuid('unfollow_token').notNull().defaultRandom()
	},
	(table) => [primaryKey({ columns: [table.threadId, table.userId] }), index('discussion_follow_user_idx').on(table.userId), uniqueIndex('discussion_follow_token_idx').on(table.unfollowToken)]
);
