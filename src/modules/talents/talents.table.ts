// Tables of the Talents module: talent profiles with their consent, free skills awaiting review, networks and their members.
import { sql } from 'drizzle-orm';
import { boolean, index, integer, uniqueIndex, jsonb, pgSchema, primaryKey, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { user } from '../../platform/accounts/accounts.table.ts';
import type { LocalisedText } from '../../platform/i18n/content-language.ts';
import type { CefrLevel } from '../../platform/i18n/spoken-languages.ts';
import type { ImageFormat } from '../../platform/storage/image-check.ts';
import type { CardField, ConsentLevel, Contribution, EducationLevel, Generation, JoiningRule, MembershipStatus, NetworkKind } from './talents.model.ts';

/** The Talents module's tables live in their own PostgreSQL schema (docs/architecture.md). */
export const talentsTables = pgSchema('talents');

export interface TalentLanguage {
	language: string;
	level: CefrLevel | null;
}

/** A Moroccan abroad's profile: personal data shown only as far as the talent's consent allows. */
export const talentProfile = talentsTables.table(
	'talent_profile',
	{
		userId: text('user_id')
			.primaryKey()
			.references(() => user.id, { onDelete: 'cascade' }),
		/** ISO 3166-1 alpha-2 */
		hostCountry: text('host_country').notNull(),
		hostCity: text('host_city'),
		nationalities: text('nationalities').array().notNull().default(sql`'{}'::text[]`),
		/** ISO 3166-2:MA region */
		originRegion: text('origin_region'),
		/** ISCO-08 unit group */
		occupationCode: text('occupation_code'),
		/** keys of the controlled list (talents.model.ts skills) */
		skills: text('skills').array().notNull().default(sql`'{}'::text[]`),
		sectors: text('sectors').array().notNull().default(sql`'{}'::text[]`),
		languages: jsonb('languages').$type<TalentLanguage[]>().notNull().default([]),
		experienceYears: smallint('experience_years').notNull().default(0),
		education: text('education').$type<EducationLevel>(),
		educationDetails: text('education_details'),
		generation: text('generation').$type<Generation>(),
		contributions: text('contributions').array().$type<Contribution[]>().notNull().default(sql`'{}'::text[]`),
		remoteHoursPerMonth: smallint('remote_hours_per_month'),
		/** windows for short missions in Morocco, in the talent's words */
		missionWindows: text('mission_windows'),
		link: text('link'),
		/** null: nobody but the talent */
		consentLevel: text('consent_level').$type<ConsentLevel>(),
		/** what a public card shows (only with the public level) */
		cardFields: text('card_fields').array().$type<CardField[]>().notNull().default(sql`'{}'::text[]`),
		consentAt: timestamp('consent_at', { withTimezone: true }),
		isSample: boolean('is_sample').notNull().default(false),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [
		index('talent_profile_consent_idx').on(table.consentLevel, table.hostCountry),
		index('talent_profile_skills_idx').using('gin', table.skills),
		// a mission's ranking reaches the profiles that may head it through the skills' index and this one, the
		// occupation by its ISCO prefix (missions/matching.ts, mayScoreAtLeast)
		index('talent_profile_occupation_idx').on(table.occupationCode.op('text_pattern_ops'))
	]
);

/** Every consent choice of a talent, kept with its date (withdrawn: level null). */
export const talentConsentEvent = talentsTables.table(
	'talent_consent_event',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		level: text('level').$type<ConsentLevel>(),
		cardFields: text('card_fields').array().notNull().default(sql`'{}'::text[]`),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [index('talent_consent_event_user_idx').on(table.userId, table.at)]
);

/** A skill a talent wrote that is not on the controlled list, until a moderator accepts or rejects it. */
export const skillSuggestion = talentsTables.table(
	'skill_suggestion',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		label: text('label').notNull(),
		status: text('status').$type<'pending' | 'accepted' | 'rejected'>().notNull().default('pending'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		decidedAt: timestamp('decided_at', { withTimezone: true })
	},
	(table) => [index('skill_suggestion_status_idx').on(table.status, table.createdAt), index('skill_suggestion_user_idx').on(table.userId)]
);

export type Source = { citation: string; url?: string };

/** A network (chapter) of talents: by host territory or by skill; its coordinators hold a `talents:coordinator` grant scoped to its slug. */
export const network = talentsTables.table(
	'network',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		slug: text('slug').notNull().unique(),
		kind: text('kind').$type<NetworkKind>().notNull(),
		name: jsonb('name').$type<LocalisedText>().notNull(),
		aim: jsonb('aim').$type<LocalisedText>().notNull().default({}),
		/** territory networks: ISO 3166-1 alpha-2, and a city or area when narrower */
		country: text('country'),
		area: text('area'),
		/** skill networks: a key of the controlled list */
		skill: text('skill'),
		joining: text('joining').$type<JoiningRule>().notNull().default('on_request'),
		/** real networks: where the seeds name them */
		sources: jsonb('sources').$type<Source[]>().notNull().default([]),
		isSample: boolean('is_sample').notNull().default(false),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [index('network_kind_idx').on(table.kind)]
);

/**
 * Two networks that work together (a skill network active in several countries and the chapters of those
 * countries, say): one row per pair, the smaller id first, so a link reads the same from both sides. Who
 * linked or unlinked is in the audit trail (`network.link`, `network.unlink`).
 */
export const networkLink = talentsTables.table(
	'network_link',
	{
		networkId: uuid('network_id')
			.notNull()
			.references(() => network.id, { onDelete: 'cascade' }),
		linkedNetworkId: uuid('linked_network_id')
			.notNull()
			.references(() => network.id, { onDelete: 'cascade' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [primaryKey({ columns: [table.networkId, table.linkedNetworkId] }), index('network_link_linked_idx').on(table.linkedNetworkId)]
);

export const networkMember = talentsTables.table(
	'network_member',
	{
		networkId: uuid('network_id')
			.notNull()
			.references(() => network.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		status: text('status').$type<MembershipStatus>().notNull(),
		requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
		decidedAt: timestamp('decided_at', { withTimezone: true }),
		decidedBy: text('decided_by').references(() => user.id, { onDelete: 'set null' }),
		/** false: the member asked for no more announcements by e-mail */
		announcements: boolean('announcements').notNull().default(true),
		/** the secret of the unsubscribe link in each announcement (no sign-in needed to stop them) */
		unsubscribeToken: uuid('unsubscribe_token').notNull().defaultRandom()
	},
	(table) => [
		primaryKey({ columns: [table.networkId, table.userId] }),
		index('network_member_user_idx').on(table.userId),
		index('network_member_status_idx').on(table.networkId, table.status),
		uniqueIndex('network_member_unsubscribe_idx').on(table.unsubscribeToken)
	]
);

/** A coordinator's announcement to a network's members, in one or more languages; e-mailed by the job queue. */
export const networkAnnouncement = talentsTables.table(
	'network_announcement',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		networkId: uuid('network_id')
			.notNull()
			.references(() => network.id, { onDelete: 'cascade' }),
		authorUserId: text('author_user_id').references(() => user.id, { onDelete: 'set null' }),
		subject: jsonb('subject').$type<LocalisedText>().notNull(),
		body: jsonb('body').$type<LocalisedText>().notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		/** when the e-mails were handed to the mail queue, and to how many members */
		sentAt: timestamp('sent_at', { withTimezone: true }),
		recipients: integer('recipients'),
		/** also published as news on the network's public page (ticked by the coordinator; unpublished by one, audited) */
		published: boolean('published').notNull().default(false),
		/** when it was first published as news, the news item's date: kept when it is unpublished and published again */
		publishedAt: timestamp('published_at', { withTimezone: true }),
		/** the news item's main picture in the file store (`talents/news/…`, outside the web root); it goes with the announcement */
		imageKey: text('image_key'),
		/** that picture's format, size and alternative text (in each language the announcement is written in) */
		image: jsonb('image').$type<NewsImage>()
	},
	(table) => [index('network_announcement_network_idx').on(table.networkId, table.createdAt)]
);

/** What is known of a news item's picture: checked by its content and measured from its header when it was sent. */
export interface NewsImage {
	/** the picture as kept (made again without metadata: WebP; a picture kept before resizing: as it was sent) */
	format: ImageFormat;
	width: number;
	height: number;
	/** its size in bytes */
	size: number;
	/** its small version for the lists (`<key>.small.webp`); none for a picture kept before resizing */
	small?: { width: number; height: number; size: number };
	/** what was sent, before it was made again */
	sent?: { format: ImageFormat; width: number; height: number; size: number };
	/** what the picture shows, for those who cannot see it: one text per language of the announcement */
	alt: LocalisedText;
}

export type TalentProfileRecord = typeof talentProfile.$inferSelect;
export type NetworkRecord = typeof network.$inferSelect;

/**
 * A reference figure on Moroccans living in a host country (issue 11, item 4): entered by moderators from a
 * cited source (e.g. the OECD's review of Moroccan emigrants), never computed; several sources may stand side by side.
 */
export const diasporaFigure = talentsTables.table(
	'diaspora_figure',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		/** ISO 3166-1 alpha-2 host country */
		country: text('country').notNull(),
		/** people of Moroccan origin or nationality, as the source counts them */
		people: integer('people').notNull(),
		year: smallint('year').notNull(),
		/** the source as one cites it: author, title, year */
		source: text('source').notNull(),
		sourceUrl: text('source_url'),
		/** what the source counts (nationals only, born in Morocco, descendants…) */
		note: text('note'),
		isSample: boolean('is_sample').notNull().default(false),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [uniqueIndex('diaspora_figure_source_idx').on(table.country, table.year, table.source)]
);
export type DiasporaFigureRecord = typeof diasporaFigure.$inferSelect;
