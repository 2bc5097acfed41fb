// Tables of Atlas imports: one row per uploaded file, one per activity
// (IATI) or data row (CSV/XLSX) in it, and the IATI organisation identifiers already matched.
import { boolean, index, integer, jsonb, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisation, user } from '../../../platform/accounts/accounts.table.ts';
import type { Translated } from '../atlas.table.ts';
import { atlasTables, initiative } from '../atlas.table.ts';

export const importKinds = ['iati', 'csv', 'xlsx'] as const;
export type ImportKind = (typeof importKinds)[number];

/**
 * mapping: a CSV/XLSX file waits for its columns to be mapped; previewed: read (and, for tables, dry-run),
 * waiting for the choice; applying: running in the background; done; failed (an unexpected error — applying
 * again continues where it stopped).
 */
export const importStatuses = ['mapping', 'previewed', 'applying', 'done', 'failed'] as const;
export type ImportStatus = (typeof importStatuses)[number];

export const activityStates = ['new', 'known'] as const;
export type ActivityState = (typeof activityStates)[number];

export const problemSeverities = ['critical', 'error', 'warning'] as const;
export type ProblemSeverity = (typeof problemSeverities)[number];

/** critical: the activity is skipped; error: imported without that field; warning: imported, worth a look. */
export interface ImportProblem {
	severity: ProblemSeverity;
	/** message key in the atlas_import namespace, without the `problem_` prefix */
	code: string;
	values?: Record<string, string | number>;
}

export const outcomes = ['created', 'updated', 'proposed', 'unchanged', 'failed'] as const;
export type ImportOutcome = (typeof outcomes)[number];

/** Who applied the import, kept so an interrupted import continues under the same name. */
export interface ImportApplier {
	userId: string;
	role: string;
	label: string | null;
	channel: 'web' | 'api' | 'cli' | 'system';
	requestId: string | null;
	ip: string | null;
}

export const atlasImport = atlasTables.table(
	'atlas_import',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		kind: text('kind', { enum: importKinds }).notNull(),
		status: text('status', { enum: importStatuses }).notNull(),
		fileName: text('file_name').notNull(),
		fileSize: integer('file_size').notNull(),
		/** IATI: the root's version attribute (null in aggregator downloads) */
		iatiVersion: text('iati_version'),
		/** IATI: the reporting organisations' names, for the sources of activities that cite none */
		publisher: text('publisher'),
		userId: text('user_id').references(() => user.id, { onDelete: 'set null' }),
		organisationId: uuid('organisation_id').references(() => organisation.id, { onDelete: 'set null' }),
		/** the importer's language: texts the import writes (comments, the file's citation) */
		language: text('language').notNull().default('fr'),
		/** CSV/XLSX: the file's header row, and for each header the column key it maps to (null: ignored) */
		headers: jsonb('headers').$type<string[]>(),
		mapping: jsonb('mapping').$type<(string | null)[]>(),
		/** CSV/XLSX: the second row held HXL hashtags (skipped) */
		hxl: boolean('hxl').notNull().default(false),
		total: integer('total').notNull().default(0),
		/** how many chosen rows the current application has to process, and has processed */
		toProcess: integer('to_process').notNull().default(0),
		processed: integer('processed').notNull().default(0),
		appliedBy: jsonb('applied_by').$type<ImportApplier>(),
		/** why the import failed (an unexpected error; details in the server log) */
		failure: text('failure'),
		heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }),
		startedAt: timestamp('started_at', { withTimezone: true }),
		finishedAt: timestamp('finished_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [index('atlas_import_user_idx').on(table.userId, table.createdAt), index('atlas_import_created_idx').on(table.createdAt)]
);

export const atlasImportActivity = atlasTables.table(
	'atlas_import_activity',
	{
		importId: uuid('import_id')
			.notNull()
			.references(() => atlasImport.id, { onDelete: 'cascade' }),
		/** order in the file (IATI: 1-based activity number; tables: the row number in the sheet) */
		position: integer('position').notNull(),
		/** the IATI identifier (tables: the iati_identifier column, else the Atlas identifier) */
		identifier: text('identifier'),
		title: jsonb('title').$type<Translated>().notNull().default({}),
		/** what the preview shows: dates, budget, countries, sectors, themes, organisations */
		preview: jsonb('preview').$type<Record<string, unknown>>().notNull().default({}),
		/** the activity as read (ImportedActivity), null when it could not be read */
		draft: jsonb('draft'),
		/** tables: the row's cells as read */
		cells: jsonb('cells').$type<(string | null)[]>(),
		state: text('state', { enum: activityStates }).notNull().default('new'),
		knownInitiativeId: uuid('known_initiative_id'),
		knownSlug: text('known_slug'),
		/** a proposal for the same identifier is already waiting for review */
		pendingProposalId: uuid('pending_proposal_id'),
		concernsMorocco: boolean('concerns_morocco').notNull().default(true),
		/** 0 critical, 1 error, 2 warning, 3 none: the preview lists the worst first */
		severityRank: integer('severity_rank').notNull().default(3),
		problems: jsonb('problems').$type<ImportProblem[]>().notNull().default([]),
		/** likely duplicates among published initiatives: [{ id, slug, title, reasons }] */
		duplicates: jsonb('duplicates').$type<{ id: string; slug: string; title: string; reasons: string[] }[]>(),
		chosen: boolean('chosen').notNull().default(false),
		outcome: text('outcome', { enum: outcomes }),
		resultInitiativeId: uuid('result_initiative_id'),
		resultSlug: text('result_slug'),
		resultProposalId: uuid('result_proposal_id'),
		/** the initiative's version the row left (created, updated or found unchanged): provenance of the next import */
		resultVersion: integer('result_version'),
		/** the file's values of the fields where that version holds the platform's own (provenance.ts) */
		resultFileValues: jsonb('result_file_values').$type<Record<string, unknown>>(),
		/** why applying this one failed: a message key of atlas_import and values */
		resultError: jsonb('result_error').$type<{ code: string; values?: Record<string, string | number> }>(),
		appliedAt: timestamp('applied_at', { withTimezone: true })
	},
	(table) => [
		primaryKey({ columns: [table.importId, table.position] }),
		index('atlas_import_activity_order_idx').on(table.importId, table.severityRank, table.position),
		index('atlas_import_activity_identifier_idx').on(table.identifier),
		index('atlas_import_activity_result_idx').on(table.resultInitiativeId, table.appliedAt)
	]
);

/** IATI organisation identifiers (participating-org/@ref) and the Atlas organisation each was matched to. */
export const atlasImportOrganisationRef = atlasTables.table('atlas_import_organisation_ref', {
	ref: text('ref').primaryKey(),
	organisationId: uuid('organisation_id')
		.notNull()
		.references(() => organisation.id, { onDelete: 'cascade' }),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
});

export const organisationMatchDecisions = ['pending', 'confirmed', 'rejected'] as const;
export type OrganisationMatchDecision = (typeof organisationMatchDecisions)[number];

/**
 * An organisation of an imported file matched to an Atlas organisation by name or acronym only (issue #17
 * rule 10): proposed, until a moderator confirms it (the file's identifier is then remembered) or rejects
 * it (the file's organisation becomes an organisation of its own). One row per import and file
 * organisation (key: its identifier and folded name); decided rows also guide later imports. Who decided
 * is in the audit trail (`atlas_import.organisation_match`).
 */
export const atlasImportOrganisationMatch = atlasTables.table(
	'atlas_import_organisation_match',
	{
		importId: uuid('import_id')
			.notNull()
			.references(() => atlasImport.id, { onDelete: 'cascade' }),
		/** `<IATI identifier, upper case>|<folded name>` */
		key: text('key').notNull(),
		/** the file's IATI organisation identifier, if any */
		ref: text('ref'),
		/** the name as the file writes it */
		name: text('name').notNull(),
		/** the Atlas organisation proposed */
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => organisation.id, { onDelete: 'cascade' }),
		/** matched by its name, or by its acronym alone */
		via: text('via', { enum: ['name', 'acronym'] }).notNull(),
		decision: text('decision', { enum: organisationMatchDecisions }).notNull().default('pending'),
		decidedAt: timestamp('decided_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [primaryKey({ columns: [table.importId, table.key] }), index('atlas_import_organisation_match_key_idx').on(table.key, table.decision)]
);

export const fieldConflictDecisions = ['pending', 'atlas', 'file'] as const;
export type FieldConflictDecision = (typeof fieldConflictDecisions)[number];

/**
 * A field of a known initiative that someone changed on the platform since the last import of it and that
 * the file now changes too (issue #17 rule 14). The moderator's import keeps the Atlas's value and records
 * both here; a moderator then keeps the Atlas's value or takes the file's (a new version). Who decided is in
 * the audit trail (`atlas_import.field_conflict`).
 */
export const atlasImportFieldConflict = atlasTables.table(
	'atlas_import_field_conflict',
	{
		importId: uuid('import_id')
			.notNull()
			.references(() => atlasImport.id, { onDelete: 'cascade' }),
		/** the activity's row in the import */
		position: integer('position').notNull(),
		/** `title.fr`, `status`, `dates`, `budget`… (see `provenance.ts`) */
		field: text('field').notNull(),
		initiativeId: uuid('initiative_id')
			.notNull()
			.references(() => initiative.id, { onDelete: 'cascade' }),
		/** the value after the last import, the Atlas's value when this import ran, and the file's */
		lastImportValue: jsonb('last_import_value'),
		atlasValue: jsonb('atlas_value'),
		fileValue: jsonb('file_value'),
		decision: text('decision', { enum: fieldConflictDecisions }).notNull().default('pending'),
		decidedAt: timestamp('decided_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [
		primaryKey({ columns: [table.importId, table.position, table.field] }),
		index('atlas_import_field_conflict_pending_idx').on(table.decision, table.initiativeId)
	]
);
