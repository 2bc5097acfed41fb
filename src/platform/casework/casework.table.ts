// Casework (ADR 0010): a person followed by a team of a module — an ANAPEC agency, a regional office, a
// network chapter. Private notes, appointments and referrals to a directory entry live here for every
// module; each row names its caseload (`<module>.<name>`) and the team (the module owns teams: no
// foreign key), and points at the person followed.
import { boolean, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisation, user } from '../accounts/accounts.table.ts';
import { directoryEntry } from '../directory/directory.table.ts';
import { caseDocumentKinds, needStatuses, appointmentModes, appointmentStatuses, referralKinds, referralSides, referralStatuses, teamReferralSides } from './casework.model.ts';

/** What every row of a file has: its id, its caseload, the team keeping it and the person followed. */
function inCaseFile() {
	return {
		id: uuid('id').primaryKey().defaultRandom(),
		caseload: text('caseload').notNull(),
		teamId: uuid('team_id').notNull(),
		personUserId: text('person_user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' })
	};
}

/**
 * What every referral has, whichever way it goes: who sent it (their name kept if the account goes away),
 * the message, when the person agreed (the sender records it), its status and when it last changed.
 */
function referralFacts() {
	return {
		staffUserId: text('staff_user_id').references(() => user.id, { onDelete: 'set null' }),
		staffLabel: text('staff_label').notNull(),
		message: text('message').notNull(),
		agreedAt: timestamp('agreed_at', { withTimezone: true }).notNull(),
		status: text('status', { enum: referralStatuses }).notNull().default('sent'),
		statusChangedAt: timestamp('status_changed_at', { withTimezone: true }).notNull().defaultNow(),
		isSample: boolean('is_sample').notNull().default(false),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	};
}

/**
 * A staff member's private note about a person: seen by the staff of the team it was written in, never
 * by the entries they are referred to; the person gets it in their data export (right of access).
 */
export const caseNote = pgTable(
	'case_note',
	{
		...inCaseFile(),
		authorUserId: text('author_user_id').references(() => user.id, { onDelete: 'set null' }),
		/** the author's name when writing (kept if the account goes away) */
		authorLabel: text('author_label').notNull(),
		body: text('body').notNull(),
		isSample: boolean('is_sample').notNull().default(false),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [index('case_note_person_idx').on(table.personUserId, table.caseload, table.teamId, table.createdAt)]
);

/** An appointment between a person and a staff member of their team. */
export const caseAppointment = pgTable(
	'case_appointment',
	{
		...inCaseFile(),
		staffUserId: text('staff_user_id').references(() => user.id, { onDelete: 'set null' }),
		staffLabel: text('staff_label').notNull(),
		startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
		mode: text('mode', { enum: appointmentModes }).notNull(),
		purpose: text('purpose').notNull(),
		status: text('status', { enum: appointmentStatuses }).notNull().default('planned'),
		isSample: boolean('is_sample').notNull().default(false),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [
		index('case_appointment_person_idx').on(table.personUserId, table.startsAt),
		index('case_appointment_team_idx').on(table.caseload, table.teamId, table.startsAt)
	]
);

/**
 * A staff member refers a person to an entry of a directory, with the person's agreement. The entry's
 * organisation sees the person's name and contact details, and the staff member's message.
 */
export const caseReferral = pgTable(
	'case_referral',
	{
		...inCaseFile(),
		entryId: uuid('entry_id')
			.notNull()
			.references(() => directoryEntry.id, { onDelete: 'restrict' }),
		...referralFacts(),
		/** what the person is referred for */
		kind: text('kind', { enum: referralKinds }).notNull().default('employment')
	},
	(table) => [
		index('case_referral_person_idx').on(table.personUserId, table.createdAt),
		index('case_referral_entry_idx').on(table.entryId, table.createdAt),
		index('case_referral_team_idx').on(table.caseload, table.teamId, table.createdAt)
	]
);

/** Each status a referral went through, and from which side; it goes with its referral. */
export const caseReferralEvent = pgTable(
	'case_referral_event',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		referralId: uuid('referral_id')
			.notNull()
			.references(() => caseReferral.id, { onDelete: 'cascade' }),
		status: text('status', { enum: referralStatuses }).notNull(),
		side: text('side', { enum: referralSides }).notNull(),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [index('case_referral_event_referral_idx').on(table.referralId, table.at)]
);

/**
 * The other way: an organisation that accompanies a person (an association, a public body) refers them to a
 * team of a caseload (an ANAPEC agency, a reintegration operator), with the person's agreement. The team
 * sees the person's name and contact details and the message; the person sees it too.
 */
export const caseTeamReferral = pgTable(
	'case_team_referral',
	{
		...inCaseFile(),
		senderOrganisationId: uuid('sender_organisation_id')
			.notNull()
			.references(() => organisation.id, { onDelete: 'restrict' }),
		...referralFacts(),
		kind: text('kind', { enum: referralKinds }).notNull()
	},
	(table) => [
		index('case_team_referral_team_idx').on(table.caseload, table.teamId, table.createdAt),
		index('case_team_referral_sender_idx').on(table.senderOrganisationId, table.createdAt),
		index('case_team_referral_person_idx').on(table.personUserId)
	]
);

/** Each status a referral to a team went through, and from which side. */
export const caseTeamReferralEvent = pgTable(
	'case_team_referral_event',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		referralId: uuid('referral_id')
			.notNull()
			.references(() => caseTeamReferral.id, { onDelete: 'cascade' }),
		status: text('status', { enum: referralStatuses }).notNull(),
		side: text('side', { enum: teamReferralSides }).notNull(),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [index('case_team_referral_event_referral_idx').on(table.referralId, table.at)]
);

export type CaseNoteRow = typeof caseNote.$inferSelect;
export type CaseAppointmentRow = typeof caseAppointment.$inferSelect;
export type CaseReferralRow = typeof caseReferral.$inferSelect;

/**
 * A document of a person's file (a passport's copy, a diploma, a scheme's decision): checked by its
 * content when added, kept in the file store under a random key, seen by the staff of the team and by
 * the person; each download is written to the audit trail. It goes with the person's account.
 */
export const caseDocument = pgTable(
	'case_document',
	{
		...inCaseFile(),
		kind: text('kind', { enum: caseDocumentKinds }).notNull(),
		/** the name the file had when sent (shown and given back on download), cleaned of path and control characters */
		fileName: text('file_name').notNull(),
		mediaType: text('media_type').notNull(),
		bytes: integer('bytes').notNull(),
		/** the file store's key: `case-documents/<random>.<pdf|jpg|png>` */
		storageKey: text('storage_key').notNull().unique(),
		addedByUserId: text('added_by_user_id').references(() => user.id, { onDelete: 'set null' }),
		addedByLabel: text('added_by_label').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [index('case_document_person_idx').on(table.personUserId, table.caseload, table.teamId, table.createdAt)]
);
export type CaseDocumentRow = typeof caseDocument.$inferSelect;

/**
 * A need of a person's file that the team works on with them (a language course, a diploma's recognition,
 * documents to gather): its kind is one of the caseload's own list, its status, due date and a short note
 * the person sees too (needs are not private notes). It goes with the person's account.
 */
export const caseNeed = pgTable(
	'case_need',
	{
		...inCaseFile(),
		/** one of the caseload's need kinds (`Caseload.needs.kinds`) */
		kind: text('kind').notNull(),
		status: text('status', { enum: needStatuses }).notNull().default('open'),
		dueOn: date('due_on', { mode: 'string' }),
		note: text('note').notNull().default(''),
		/** who last wrote it (their name kept if the account goes away) */
		byUserId: text('by_user_id').references(() => user.id, { onDelete: 'set null' }),
		byLabel: text('by_label').notNull(),
		isSample: boolean('is_sample').notNull().default(false),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [
		index('case_need_person_idx').on(table.personUserId, table.caseload, table.teamId),
		index('case_need_team_idx').on(table.caseload, table.teamId, table.status)
	]
);
export type CaseNeedRow = typeof caseNeed.$inferSelect;
