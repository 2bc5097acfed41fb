// The crisis registry's tables (in the Return module's schema). Registrations and their events are
// personal data of people in danger: deleted with the crisis's data after its retention period, the
// counts kept on the crisis row.
import { sql } from 'drizzle-orm';
import { boolean, date, doublePrecision, index, integer, jsonb, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisation, user } from '../../../platform/accounts/accounts.table.ts';
import type { LocalisedText } from '../../../platform/content/content.table.ts';
import { returnTables } from '../return-schema.ts';
import { crisisStatuses, registrationStatuses, responderRoles, type CrisisNeed } from './crisis.model.ts';

/** A crisis the cell opened: where, since when, whom to call; its retention period once closed. */
export const crisis = returnTables.table('crisis', {
	id: uuid('id').primaryKey().defaultRandom(),
	slug: text('slug').notNull().unique(),
	title: jsonb('title').$type<LocalisedText>().notNull(),
	/** ISO 3166-1 alpha-2 codes of the countries concerned */
	countries: text('countries').array().notNull(),
	/** the areas within them, as the cell writes them */
	areas: text('areas'),
	startedOn: date('started_on').notNull(),
	status: text('status', { enum: crisisStatuses }).notNull().default('open'),
	/** the contacts shown to the people registering (hotline, consulates) */
	contacts: jsonb('contacts').$type<LocalisedText>().notNull().default({}),
	retentionDays: integer('retention_days').notNull(),
	openedBy: text('opened_by').references(() => user.id, { onDelete: 'set null' }),
	closedAt: timestamp('closed_at', { withTimezone: true }),
	closedBy: text('closed_by').references(() => user.id, { onDelete: 'set null' }),
	/** when the registrations were deleted, and the counts kept then (by status, need, country) */
	purgedAt: timestamp('purged_at', { withTimezone: true }),
	summary: jsonb('summary').$type<Record<string, Record<string, number>>>(),
	isSample: boolean('is_sample').notNull().default(false),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});

/**
 * A person (and those with them) registered in a crisis: where, how to reach them, what they need, where
 * they stand, the relay following them. The personal link's hash lets them say "I am safe".
 */
export const crisisRegistration = returnTables.table(
	'crisis_registration',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		crisisId: uuid('crisis_id')
			.notNull()
			.references(() => crisis.id, { onDelete: 'cascade' }),
		/** a short code the person can quote on the phone */
		reference: text('reference').notNull(),
		tokenHash: text('token_hash').notNull(),
		/** registered by the person, or by a relative for them */
		byRelative: boolean('by_relative').notNull().default(false),
		relativeName: text('relative_name'),
		name: text('name').notNull(),
		peopleCount: integer('people_count').notNull().default(1),
		/** the others with them, as written */
		otherPeople: text('other_people'),
		phone: text('phone'),
		email: text('email'),
		country: text('country').notNull(),
		city: text('city').notNull(),
		needs: text('needs').array().$type<CrisisNeed[]>().notNull().default([]),
		notes: text('notes'),
		status: text('status', { enum: registrationStatuses }).notNull().default('registered'),
		relayOrganisationId: uuid('relay_organisation_id').references(() => organisation.id, { onDelete: 'set null' }),
		lastSafeAt: timestamp('last_safe_at', { withTimezone: true }),
		/** the registration this one repeats (same person): left out of counts and lists once merged */
		duplicateOf: uuid('duplicate_of'),
		/** an earlier registration of the crisis with the same phone or e-mail, found when this one came: a possible duplicate */
		sameContactAs: uuid('same_contact_as'),
		isSample: boolean('is_sample').notNull().default(false),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [
		uniqueIndex('crisis_registration_token_idx').on(table.tokenHash),
		uniqueIndex('crisis_registration_reference_idx').on(table.crisisId, table.reference),
		index('crisis_registration_crisis_idx').on(table.crisisId, table.status, table.city),
		// the dashboard's cities and the list's order, among the registrations not merged away
		index('crisis_registration_city_idx').on(table.crisisId, table.city).where(sql`${table.duplicateOf} is null`),
		index('crisis_registration_order_idx').on(table.crisisId, table.createdAt, table.id).where(sql`${table.duplicateOf} is null`),
		index('crisis_registration_phone_idx').on(table.crisisId, table.phone),
		index('crisis_registration_email_idx').on(table.crisisId, table.email)
	]
);

/** What happened to a registration: a status, an assignment, a check-in, a merge; by whom and when. */
export const crisisRegistrationEvent = returnTables.table(
	'crisis_registration_event',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		registrationId: uuid('registration_id')
			.notNull()
			.references(() => crisisRegistration.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: ['registered', 'status', 'assigned', 'safe', 'merged'] }).notNull(),
		status: text('status', { enum: registrationStatuses }),
		relayOrganisationId: uuid('relay_organisation_id'),
		actorUserId: text('actor_user_id').references(() => user.id, { onDelete: 'set null' }),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [index('crisis_registration_event_idx').on(table.registrationId, table.at)]
);

/**
 * A step of the responder's guide done in a crisis: by whom and when. A step is known by its French text's
 * hash, so a step the cell rewrites starts undone. No personal data of the people registered: kept after
 * the purge, as a record of how the plan was carried out.
 */
export const crisisChecklistTick = returnTables.table(
	'crisis_checklist_tick',
	{
		crisisId: uuid('crisis_id')
			.notNull()
			.references(() => crisis.id, { onDelete: 'cascade' }),
		role: text('role', { enum: responderRoles }).notNull(),
		stepKey: text('step_key').notNull(),
		/** the step as the responder read it, in their language */
		step: text('step').notNull(),
		tickedBy: text('ticked_by').references(() => user.id, { onDelete: 'set null' }),
		tickedByLabel: text('ticked_by_label').notNull(),
		tickedAt: timestamp('ticked_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [primaryKey({ columns: [table.crisisId, table.role, table.stepKey] })]
);

/**
 * A place of a crisis the cell puts on its map: a city or an assembly point, with its coordinates and the
 * other ways people write its name. Registrations name their city in their own words; those whose city
 * matches a place (name or spelling, case and accents aside) are counted there. No personal data.
 */
export const crisisPlace = returnTables.table(
	'crisis_place',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		crisisId: uuid('crisis_id')
			.notNull()
			.references(() => crisis.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		/** other spellings of the name (another script, an old name) */
		spellings: text('spellings').array().notNull().default([]),
		latitude: doublePrecision('latitude').notNull(),
		longitude: doublePrecision('longitude').notNull(),
		createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [uniqueIndex('crisis_place_name_idx').on(table.crisisId, sql`lower(${table.name})`)]
);

