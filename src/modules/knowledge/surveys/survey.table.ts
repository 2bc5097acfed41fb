// The Knowledge module's surveys (issue #14, item 5): a questionnaire, its questions, the personal links
// sent to an event's participants, and the answers. An anonymous survey's answers hold nothing that leads
// back to a person: who answered is kept apart (to allow one answer each), without a link to what they said.
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { user } from '../../../platform/accounts/accounts.table.ts';
import { knowledgeTables, type Source, type Translated } from '../knowledge.table.ts';
import { event, eventRegistration } from '../events/event.table.ts';
import type { QuestionCondition, QuestionKind, QuestionOption, ReportedFigures, ReportedSurvey, SurveyStatus } from './survey.model.ts';

export const survey = knowledgeTables.table('survey', {
	id: uuid('id').primaryKey().defaultRandom(),
	slug: text('slug').notNull().unique(),
	title: jsonb('title').$type<Translated>().notNull(),
	intro: jsonb('intro').$type<Translated>().notNull().default({}),
	/** the event whose participants it asks (their personal links) */
	eventId: uuid('event_id').references(() => event.id, { onDelete: 'set null' }),
	status: text('status').$type<SurveyStatus>().notNull().default('draft'),
	/** answers keep no account, no link and only the day they came */
	anonymous: boolean('anonymous').notNull().default(true),
	/** whether signed-in members may answer on its page (one answer per account), besides personal links */
	publicLink: boolean('public_link').notNull().default(false),
	/** results on a public page (and the API) once the survey is closed */
	resultsPublic: boolean('results_public').notNull().default(false),
	opensAt: timestamp('opens_at', { withTimezone: true }),
	closesAt: timestamp('closes_at', { withTimezone: true }),
	/** a survey known only from a report's figures (annex 3.3): what the report says */
	reported: jsonb('reported').$type<ReportedSurvey>(),
	sources: jsonb('sources').$type<Source[]>().notNull().default([]),
	isSample: boolean('is_sample').notNull().default(false),
	createdBy: text('created_by').references(() => user.id, { onDelete: 'set null' }),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});
export type SurveyRow = typeof survey.$inferSelect;

export const surveyQuestion = knowledgeTables.table(
	'survey_question',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		surveyId: uuid('survey_id')
			.notNull()
			.references(() => survey.id, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		kind: text('kind').$type<QuestionKind>().notNull(),
		label: jsonb('label').$type<Translated>().notNull(),
		help: jsonb('help').$type<Translated>().notNull().default({}),
		required: boolean('required').notNull().default(false),
		/** single and multiple choice: the options in order (values stay when labels are corrected) */
		options: jsonb('options').$type<QuestionOption[]>().notNull().default([]),
		/** scale: its ends and what they mean */
		scaleMin: integer('scale_min'),
		scaleMax: integer('scale_max'),
		scaleMinLabel: jsonb('scale_min_label').$type<Translated>().notNull().default({}),
		scaleMaxLabel: jsonb('scale_max_label').$type<Translated>().notNull().default({}),
		condition: jsonb('condition').$type<QuestionCondition>(),
		reported: jsonb('reported').$type<ReportedFigures>()
	},
	(table) => [index('survey_question_survey_idx').on(table.surveyId, table.position)]
);
export type SurveyQuestionRow = typeof surveyQuestion.$inferSelect;

/** A personal link to answer, sent by e-mail (to an event's participant or an address the editors gave). */
export const surveyInvitation = knowledgeTables.table(
	'survey_invitation',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		surveyId: uuid('survey_id')
			.notNull()
			.references(() => survey.id, { onDelete: 'cascade' }),
		/** null once past the retention period (the link goes with it) */
		email: text('email'),
		registrationId: uuid('registration_id').references(() => eventRegistration.id, { onDelete: 'set null' }),
		userId: text('user_id').references(() => user.id, { onDelete: 'set null' }),
		language: text('language').notNull(),
		/** SHA-256 of the link's token (never the token) */
		tokenHash: text('token_hash'),
		sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
		/** the day it was used (anonymous surveys: the day only, like their answers) */
		answeredAt: timestamp('answered_at', { withTimezone: true })
	},
	(table) => [
		uniqueIndex('survey_invitation_token_idx').on(table.tokenHash),
		uniqueIndex('survey_invitation_email_idx').on(table.surveyId, sql`lower(${table.email})`),
		index('survey_invitation_registration_idx').on(table.registrationId)
	]
);
export type SurveyInvitationRow = typeof surveyInvitation.$inferSelect;

/** Members who answered through the survey's page: one answer per account, kept apart from the answers. */
export const surveyRespondent = knowledgeTables.table(
	'survey_respondent',
	{
		surveyId: uuid('survey_id')
			.notNull()
			.references(() => survey.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		answeredOn: timestamp('answered_on', { withTimezone: true }).notNull()
	},
	(table) => [primaryKey({ columns: [table.surveyId, table.userId] })]
);

/** One person's answers to a survey. */
export const surveyResponse = knowledgeTables.table(
	'survey_response',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		surveyId: uuid('survey_id')
			.notNull()
			.references(() => survey.id, { onDelete: 'cascade' }),
		/** who answered, for surveys that are not anonymous (null otherwise) */
		userId: text('user_id').references(() => user.id, { onDelete: 'set null' }),
		invitationId: uuid('invitation_id').references(() => surveyInvitation.id, { onDelete: 'set null' }),
		/** anonymous surveys: the day only */
		submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
		isSample: boolean('is_sample').notNull().default(false)
	},
	(table) => [index('survey_response_survey_idx').on(table.surveyId, table.submittedAt)]
);

/** One answer: the options chosen, the point of the scale, or the text. */
export const surveyAnswer = knowledgeTables.table(
	'survey_answer',
	{
		responseId: uuid('response_id')
			.notNull()
			.references(() => surveyResponse.id, { onDelete: 'cascade' }),
		questionId: uuid('question_id')
			.notNull()
			.references(() => surveyQuestion.id, { onDelete: 'cascade' }),
		/** the survey again: its results are counted without a join */
		surveyId: uuid('survey_id').notNull(),
		choices: text('choices').array(),
		scale: integer('scale'),
		text: text('text')
	},
	(table) => [primaryKey({ columns: [table.responseId, table.questionId] }), index('survey_answer_question_idx').on(table.surveyId, table.questionId)]
);
