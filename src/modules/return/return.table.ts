// Tables of the Return module. Guide pages are the platform's content pages (collection return.guide);
// the network is the platform's directory. Here: pension portability by host country, and each
// person's saved checklist. `return` is a reserved word: the schema is `return_module`.
import { boolean, date, index, integer, jsonb, real, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { SurveyAnswers } from './survey.model.ts';
import { caseCloseReasons, needDimensions, planActionStatuses, type NeedDimension, type NeedLevel } from './return.model.ts';
import { organisation, user } from '../../platform/accounts/accounts.table.ts';
import type { LocalisedText } from '../../platform/content/content.table.ts';

import { returnTables } from './return-schema.ts';
import { assistedReturnScheme } from './schemes/schemes.table.ts';

export { returnTables };

/**
 * What a retiree can carry home from one host country: the agreement, what transfers, where to ask.
 * Reference data kept by moderators; a row without a source is shown as "to be completed".
 */
export const pensionAgreement = returnTables.table('pension_agreement', {
	id: uuid('id').primaryKey().defaultRandom(),
	/** ISO 3166-1 alpha-2 of the host country, one row per country */
	countryCode: text('country_code').notNull().unique(),
	agreement: jsonb('agreement').$type<LocalisedText>().notNull().default({}),
	transfers: jsonb('transfers').$type<LocalisedText>().notNull().default({}),
	whereToAsk: jsonb('where_to_ask').$type<LocalisedText>().notNull().default({}),
	sourceName: text('source_name'),
	sourceUrl: text('source_url'),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
	updatedBy: text('updated_by').references(() => user.id, { onDelete: 'set null' })
});

/** A signed-in person's answers and the checklist steps they ticked (one checklist a person). */
export const returnChecklist = returnTables.table('checklist', {
	userId: text('user_id')
		.primaryKey()
		.references(() => user.id, { onDelete: 'cascade' }),
	answers: jsonb('answers').$type<Record<string, unknown>>().notNull(),
	ticked: jsonb('ticked').$type<string[]>().notNull().default([]),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});

export type PensionAgreementRow = typeof pensionAgreement.$inferSelect;

export const networkMemberStatuses = ['requested', 'member', 'refused'] as const;
export type NetworkMemberStatus = (typeof networkMemberStatuses)[number];

/**
 * An organisation's place in the RAMre network: asked by one of its people, decided by the network's
 * secretariat. Its services are the platform's directory entries (collection return.services).
 */
export const networkMember = returnTables.table('network_member', {
	organisationId: uuid('organisation_id')
		.primaryKey()
		.references(() => organisation.id, { onDelete: 'cascade' }),
	status: text('status', { enum: networkMemberStatuses }).notNull().default('requested'),
	/** why the organisation wants to join, in its own words */
	motivation: text('motivation').notNull().default(''),
	requestedBy: text('requested_by').references(() => user.id, { onDelete: 'set null' }),
	requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
	decidedBy: text('decided_by').references(() => user.id, { onDelete: 'set null' }),
	decidedAt: timestamp('decided_at', { withTimezone: true }),
	isSample: boolean('is_sample').notNull().default(false)
});

/** One dimension of a returnee's needs, as assessed by the case worker. */
export interface NeedAssessment {
	level: NeedLevel;
	notes: string;
}

/**
 * A returnee followed by one RAMre operator (a member organisation): their consent (purpose, when,
 * recorded by whom), their return and settlement, the needs assessed. Notes, appointments and
 * referrals are the platform's casework (caseload return.reintegration, team = the operator).
 */
export const reintegrationCase = returnTables.table(
	'reintegration_case',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		operatorOrganisationId: uuid('operator_organisation_id')
			.notNull()
			.references(() => organisation.id, { onDelete: 'restrict' }),
		personUserId: text('person_user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		consentPurpose: text('consent_purpose').notNull(),
		consentAt: timestamp('consent_at', { withTimezone: true }).notNull(),
		consentRecordedBy: text('consent_recorded_by').references(() => user.id, { onDelete: 'set null' }),
		returnDate: date('return_date').notNull(),
		/** ISO 3166-1 alpha-2 */
		hostCountry: text('host_country').notNull(),
		/** the assisted-return scheme from the catalogue, when the returnee left with one of its schemes */
		schemeId: uuid('scheme_id').references(() => assistedReturnScheme.id, { onDelete: 'set null' }),
		/** a scheme not (yet) in the catalogue, as the case worker wrote it */
		scheme: text('scheme'),
		regionCode: text('region_code').notNull(),
		provinceCode: text('province_code'),
		commune: text('commune'),
		householdSize: integer('household_size').notNull().default(1),
		needs: jsonb('needs').$type<Partial<Record<NeedDimension, NeedAssessment>>>().notNull().default({}),
		closedAt: timestamp('closed_at', { withTimezone: true }),
		closeReason: text('close_reason', { enum: caseCloseReasons }),
		isSample: boolean('is_sample').notNull().default(false),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [uniqueIndex('reintegration_case_operator_person_idx').on(table.operatorOrganisationId, table.personUserId), index('reintegration_case_person_idx').on(table.personUserId)]
);

/** An action of a case's reintegration plan: who does it, by when, where it stands. */
export const reintegrationAction = returnTables.table(
	'reintegration_action',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		caseId: uuid('case_id')
			.notNull()
			.references(() => reintegrationCase.id, { onDelete: 'cascade' }),
		dimension: text('dimension', { enum: needDimensions }).notNull(),
		action: text('action').notNull(),
		/** who carries it out: the returnee, the case worker, a partner (free text) */
		owner: text('owner').notNull(),
		dueDate: date('due_date'),
		status: text('status', { enum: planActionStatuses }).notNull().default('planned'),
		/** the Jobs records it leads to (a support programme, a job offer): the platform's links, `<kind>:<key>` */
		links: text('links').array().notNull().default([]),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [index('reintegration_action_case_idx').on(table.caseId, table.createdAt)]
);

export type ReintegrationCaseRow = typeof reintegrationCase.$inferSelect;

/**
 * One round (3, 6 or 12 months after return) of a case's sustainability survey: the invitation (a
 * personal link whose hash is kept, sent by e-mail), then the raw answers — online through the link or
 * on paper entered by the case worker — and the scores computed from them (0–1, survey.model.ts).
 * One row per case and round: a round is answered once.
 */
export const reintegrationSurvey = returnTables.table(
	'reintegration_survey',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		caseId: uuid('case_id')
			.notNull()
			.references(() => reintegrationCase.id, { onDelete: 'cascade' }),
		round: integer('round').notNull(),
		tokenHash: text('token_hash'),
		invitedAt: timestamp('invited_at', { withTimezone: true }),
		invitedBy: text('invited_by').references(() => user.id, { onDelete: 'set null' }),
		answers: jsonb('answers').$type<SurveyAnswers>(),
		channel: text('channel', { enum: ['online', 'paper'] }),
		enteredBy: text('entered_by').references(() => user.id, { onDelete: 'set null' }),
		answeredAt: timestamp('answered_at', { withTimezone: true }),
		economicScore: real('economic_score'),
		socialScore: real('social_score'),
		psychosocialScore: real('psychosocial_score'),
		overallScore: real('overall_score'),
		isSample: boolean('is_sample').notNull().default(false),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [uniqueIndex('reintegration_survey_case_round_idx').on(table.caseId, table.round), uniqueIndex('reintegration_survey_token_idx').on(table.tokenHash)]
);
