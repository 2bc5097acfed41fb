import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTableColumns, sql } from 'drizzle-orm';
import pg from 'pg';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { withDatabase } from '../testing/database-url.ts';
import { describeTables, readBackupHeader, restoreDatabase } from '../backup/backup.ts';
import { directoryEntry as directoryEntryTable } from '../directory/directory.table.ts';
import { migrationsFolder, openDatabase, type Database, type DbOrTx } from './database.ts';

// A database made by an earlier main (a backup of its demo database, every table in public, migration
// 0023 the last) is upgraded by today's migrations: 0024 moves each module's tables into its own schema,
// 0025 turns the rights pages into the platform's content pages, 0026 the support programmes into its
// directory entries, 0027 the counsellors' follow-up into its casework, 0028 the Atlas's proposals,
// discussion messages and drafts into the platform's moderation tables. Nothing may be lost, the audit
// trail stays as it was, and the upgraded database has exactly the shape of a new one.

const fixture = path.join(import.meta.dirname, 'fixtures', 'main-0023.backup.gz');
type Queryable = Pick<DbOrTx, 'execute'>;
const rows = async <T,>(db: Queryable, query: ReturnType<typeof sql>) => ((await db.execute(query)) as unknown as { rows: T[] }).rows;

/**
 * The tables' shape: columns, defaults, generated expressions, indexes, constraints, triggers, by
 * `schema.table` (PostgreSQL 18 also lists NOT NULL as constraints, PGlite's 17 does not: the columns say it).
 */
async function layout(db: Queryable): Promise<Record<string, string[]>> {
	const where = sql.raw(`n.nspname NOT IN ('pg_catalog', 'information_schema', 'drizzle', 'cache', 'queue', 'pg_toast')`);
	const facts = await rows<{ table: string; fact: string }>(
		db,
		sql`SELECT n.nspname || '.' || c.relname AS "table", 'column ' || a.attname::text || ' ' || format_type(a.atttypid, a.atttypmod) || ' ' || a.attnotnull::text
				|| ' ' || coalesce(pg_get_expr(d.adbin, d.adrelid), '') || ' ' || a.attgenerated::text AS fact
			FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
			LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
			WHERE ${where} AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
		UNION ALL
		SELECT n.nspname || '.' || c.relname, 'index ' || pg_get_indexdef(i.indexrelid)
			FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE ${where}
		UNION ALL
		SELECT n.nspname || '.' || c.relname, 'constraint ' || k.conname::text || ' ' || pg_get_constraintdef(k.oid)
			FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
			WHERE ${where} AND k.contype <> 'n'
		UNION ALL
		SELECT n.nspname || '.' || c.relname, 'trigger ' || pg_get_triggerdef(t.oid)
			FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
			WHERE ${where} AND NOT t.tgisinternal`
	);
	const byTable: Record<string, string[]> = {};
	for (const { table, fact } of facts) (byTable[table] ??= []).push(fact);
	for (const table of Object.keys(byTable)) byTable[table].sort();
	return byTable;
}

/** Each table's columns in order, by table name without its schema. */
async function columnsOf(db: Queryable): Promise<Record<string, string[]>> {
	const found = await rows<{ table: string; column: string }>(
		db,
		sql`SELECT table_name AS table, column_name AS column FROM information_schema.columns
			WHERE table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY table_name, ordinal_position`
	);
	const result: Record<string, string[]> = {};
	for (const { table, column } of found) (result[table] ??= []).push(column);
	return result;
}

/**
 * Every data table's row count and a digest of its rows, by table name without its schema. With `columns`,
 * a table's rows are read through those columns only (the ones it had before columns were added to it).
 */
async function contents(db: Queryable, columns: Record<string, string[]> = {}): Promise<Record<string, { rows: number; digest: string }>> {
	const result: Record<string, { rows: number; digest: string }> = {};
	for (const { name } of await describeTables(db)) {
		const ident = sql.raw(name.split('.').map((part) => `"${part}"`).join('.'));
		const kept = columns[name.split('.').at(-1)!];
		const source = kept ? sql`(SELECT ${sql.raw(kept.map((column) => `"${column}"`).join(', '))} FROM ${ident})` : ident;
		const [found] = await rows<{ rows: number; digest: string }>(
			db,
			sql`SELECT count(*)::int AS rows, coalesce(md5(string_agg(t::text, E'\n' ORDER BY t::text)), '') AS digest FROM ${source} t`
		);
		result[name.split('.').at(-1)!] = found;
	}
	return result;
}

const digestOf = async (db: Queryable, query: ReturnType<typeof sql>) =>
	(await rows<{ digest: string }>(db, sql`SELECT md5(string_agg(t::text, E'\n' ORDER BY t::text)) AS digest FROM (${query}) t`))[0].digest;

/** A copy of the migrations folder holding only the first `count` migrations. */
function migrationsUpTo(count: number): string {
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'sharaka-migrations-'));
	const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
	journal.entries = journal.entries.slice(0, count);
	fs.mkdirSync(path.join(folder, 'meta'));
	fs.writeFileSync(path.join(folder, 'meta', '_journal.json'), JSON.stringify(journal));
	for (const { tag } of journal.entries) fs.copyFileSync(path.join(migrationsFolder, `${tag}.sql`), path.join(folder, `${tag}.sql`));
	return folder;
}

/** Applies the first `count` migrations only, as an earlier main would have. */
async function migrateUpTo(database: Database, count: number) {
	const folder = migrationsUpTo(count);
	try {
		const { migrate } = database.kind === 'postgresql' ? await import('drizzle-orm/node-postgres/migrator') : await import('drizzle-orm/pglite/migrator');
		await migrate(database.db as never, { migrationsFolder: folder });
	} finally {
		fs.rmSync(folder, { recursive: true, force: true });
	}
}

/** An empty database of the run's engine: in-memory PGlite, or a new PostgreSQL database. */
async function emptyDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
	const url = process.env.DATABASE_URL;
	if (!url) return { database: await openDatabase({ kind: 'pglite-memory' }), drop: async () => {} };
	const name = `sharaka_upgrade_${process.pid}`;
	const admin = new pg.Client({ connectionString: url });
	await admin.connect();
	await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
	await admin.query(`CREATE DATABASE ${name}`);
	await admin.end();
	const database = await openDatabase({ kind: 'postgresql', url: withDatabase(url, name), poolMax: 2 });
	return {
		database,
		drop: async () => {
			const client = new pg.Client({ connectionString: url });
			await client.connect();
			await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
			await client.end();
		}
	};
}

/** The Atlas's moderation tables and the platform's that hold their rows now, column by column (old name, new name). */
const movedToModeration: Record<string, { to: string; columns: [string, string][] }> = {
	initiative_proposal: {
		to: 'moderation_proposal',
		columns: [
			['id', 'id'],
			['initiative_id', 'subject_id'],
			...['base_version', 'data', 'comment', 'status', 'proposer_user_id', 'proposer_organisation_id', 'reviewer_user_id', 'review_reason', 'published_version', 'reviewed_at', 'created_at'].map(
				(column): [string, string] => [column, column]
			)
		]
	},
	initiative_message: {
		to: 'moderation_message',
		columns: [['id', 'id'], ['initiative_id', 'subject_id'], ...['author_user_id', 'author_organisation_id', 'body', 'created_at'].map((column): [string, string] => [column, column])]
	},
	atlas_proposal_draft: {
		to: 'moderation_draft',
		columns: ['id', 'user_id', 'resume_path', 'values', 'created_at', 'updated_at'].map((column): [string, string] => [column, column])
	}
};

describe('a database of an earlier main, upgraded by today’s migrations', () => {
	let upgraded: { database: Database; drop: () => Promise<void> };
	let fresh: TestApp;
	let before: Awaited<ReturnType<typeof contents>>;
	let beforeColumns: Record<string, string[]> = {};
	let rightsPagesBefore: string;
	let rightsVersionsBefore: string;
	let programmesBefore: string;
	const moderationBefore: Record<string, string> = {};
	let followUpBefore: Record<string, string>;
	let communesBefore: string[] = [];
	let versionsBefore: string;
	let versionColumns: string;

	beforeAll(async () => {
		upgraded = await emptyDatabase();
		const { database } = upgraded;
		const header = await readBackupHeader(fixture);
		await migrateUpTo(database, header.migrations.length);
		await restoreDatabase(database, fixture);
		// the demo had no proposal nor message yet: a change sent back to its proposer, a new initiative
		// waiting, one message, so that 0028 has rows of each kind to carry over
		await database.db.execute(sql`
			INSERT INTO initiative_proposal (initiative_id, base_version, data, comment, status, proposer_user_id, review_reason, reviewed_at)
				SELECT id, version, '{"title":{"fr":"Changement"}}', 'Rapport final 2025', 'changes_requested', (SELECT id FROM "user" ORDER BY email LIMIT 1), 'Précisez la source', now()
				FROM initiative ORDER BY slug LIMIT 1`);
		await database.db.execute(sql`INSERT INTO initiative_proposal (data) VALUES ('{"title":{"fr":"Nouvelle initiative"}}')`);
		await database.db.execute(sql`
			INSERT INTO initiative_message (initiative_id, author_user_id, body)
				SELECT id, (SELECT id FROM "user" ORDER BY email LIMIT 1), 'Le rapport final est-il publié ?' FROM initiative ORDER BY slug LIMIT 1`);
		before = await contents(database.db);
		beforeColumns = await columnsOf(database.db);
		// 0094–0095 turn the initiatives' free-text communes into codes and other places, in the rows and in
		// the versions' snapshots: the rest of each row is compared as it was (the conversion itself: below
		// and the test of 0094)
		beforeColumns.initiative = beforeColumns.initiative.filter((column) => column !== 'communes');
		before.initiative = (await contents(database.db, { initiative: beforeColumns.initiative })).initiative;
		communesBefore = (await rows<{ id: string }>(database.db, sql`SELECT id::text AS id FROM initiative WHERE btrim(coalesce(communes, '')) <> ''`)).map((row) => row.id);
		versionColumns = beforeColumns.initiative_version.filter((column) => column !== 'snapshot').map((column) => `"${column}"`).join(', ');
		versionsBefore = await digestOf(database.db, sql`SELECT ${sql.raw(versionColumns)}, snapshot - 'communes' AS snapshot FROM initiative_version`);
		rightsPagesBefore = await digestOf(database.db, sql`SELECT id, slug, topic, position, created_at FROM rights_page`);
		rightsVersionsBefore = await digestOf(database.db, sql`SELECT * FROM rights_page_version`);
		programmesBefore = await digestOf(database.db, sql`SELECT * FROM support_programme`);
		for (const [table, { columns }] of Object.entries(movedToModeration)) {
			moderationBefore[table] = await digestOf(database.db, sql`SELECT ${sql.raw(columns.map(([old]) => `"${old}"`).join(', '))} FROM ${sql.raw(table)}`);
		}
		followUpBefore = {
			notes: await digestOf(database.db, sql`SELECT * FROM follow_up_note`),
			appointments: await digestOf(database.db, sql`SELECT * FROM appointment`),
			referrals: await digestOf(database.db, sql`SELECT * FROM referral`),
			events: await digestOf(database.db, sql`SELECT * FROM referral_event`)
		};
		await database.migrate();
		fresh = await createTestApp();
	});
	afterAll(async () => {
		await upgraded?.database.close();
		await upgraded?.drop();
		await fresh?.close();
	});

	it('started from the earlier layout: every table in public, with the demo’s data', () => {
		expect(before.initiative.rows).toBeGreaterThan(100);
		expect(before.support_programme.rows).toBeGreaterThan(10);
		expect(before.rights_page.rows).toBeGreaterThan(0);
		expect(before.job_application.rows).toBeGreaterThan(0);
		expect(before.follow_up_note.rows).toBeGreaterThan(0);
		expect(before.referral_event.rows).toBeGreaterThan(0);
		expect(before.audit_event.rows).toBeGreaterThan(0);
		expect([before.initiative_proposal.rows, before.initiative_message.rows, before.atlas_proposal_draft.rows]).toEqual([2, 1, 1]);
	});

	it('keeps every row of every table, the audit trail included', async () => {
		// columns added since (e.g. an initiative's parent, 0029) are new facts, not changed rows
		// content_page_version has the rights pages' versions' columns and, since 0100, whether a version is a sample
		const after = await contents(upgraded.database.db, { ...beforeColumns, content_page_version: beforeColumns.rights_page_version });
		const {
			rights_page: rightsPage,
			rights_page_version: rightsPageVersion,
			support_programme: supportProgramme,
			initiative_proposal: _proposals,
			initiative_message: _messages,
			atlas_proposal_draft: _drafts,
			follow_up_note: followUpNote,
			appointment,
			referral,
			referral_event: referralEvent,
			initiative_version: _versionsBefore,
			...unchanged
		} = before;
		const {
			content_page: contentPage,
			content_page_version: contentPageVersion,
			directory_entry: directoryEntry,
			moderation_proposal: _moderationProposals,
			moderation_message: _moderationMessages,
			moderation_draft: _moderationDrafts,
			case_note: caseNote,
			case_appointment: caseAppointment,
			case_referral: caseReferral,
			case_referral_event: caseReferralEvent,
			// new in 0030: the Knowledge library's tables, empty until its reference data is loaded
			document: _documents,
			document_page: _documentPages,
			document_version: _documentVersions,
			// new in 0031: the Strategy module's tables, empty until its reference data is loaded
			strategy: _strategies,
			node: _strategyNodes,
			node_partner: _strategyNodePartners,
			node_region: _strategyNodeRegions,
			node_tag: _strategyNodeTags,
			budget_line: _strategyBudgetLines,
			// new in 0032: the Return module's tables, empty until its reference data is loaded
			pension_agreement: _pensionAgreements,
			checklist: _returnChecklists,
			// new in 0033: the Talents module's tables (its real networks come with the reference data);
			// network_member is the name of a table in each of the two modules' schemas
			talent_profile: _talentProfiles,
			talent_consent_event: _talentConsentEvents,
			skill_suggestion: _skillSuggestions,
			network: _networks,
			network_member: _networkMembers,
			network_announcement: _networkAnnouncements,
			// new in 0038: the Strategy module's results framework, empty until indicators are defined
			indicator: _indicators,
			indicator_target: _indicatorTargets,
			indicator_value: _indicatorValues,
			indicator_value_event: _indicatorValueEvents,
			// new in 0039: international placement agreements (the seeds' cooperations come with the reference data)
			placement_agreement: _placementAgreements,
			// new in 0040: the Knowledge module's events, empty until its reference data is loaded
			event: _events,
			// new in 0041: the Return module's followed reintegration (cases and their plans)
			reintegration_case: _reintegrationCases,
			reintegration_action: _reintegrationActions,
			// new in 0042: organisations' referrals of people to a caseload's teams (associations' referrals to
			// ANAPEC agencies, jobs 0037, moved there; their copy is checked by the test of 0042 below)
			case_team_referral: _teamReferrals,
			case_team_referral_event: _teamReferralEvents,
			// new in 0045: the Talents module's reference figures on the diaspora, entered by moderators
			diaspora_figure: _diasporaFigures,
			// new in 0047: the Return module's sustainability survey rounds
			reintegration_survey: _reintegrationSurveys,
			// new in 0048: the Return module's crisis registry
			crisis: _crises,
			crisis_registration: _crisisRegistrations,
			crisis_registration_event: _crisisRegistrationEvents,
			// new in 0050: the Return module's assisted-return schemes (the seeds' four countries come with the reference data)
			assisted_return_scheme: _assistedReturnSchemes,
			// new in 0051: the steps of the responder's guide done in each crisis
			crisis_checklist_tick: _crisisChecklistTicks,
			// new in 0052: workspaces (announcements, meetings, contributions; Return's network space first)
			workspace_announcement: _workspaceAnnouncements,
			workspace_meeting: _workspaceMeetings,
			workspace_contribution: _workspaceContributions,
			// new in 0055: documents of a person's file (casework)
			case_document: _caseDocuments,
			// new in 0056: the places of a crisis on the cell's map
			crisis_place: _crisisPlaces,
			// new in 0059: registrations for the Knowledge module's events
			event_registration: _eventRegistrations,
			// new in 0061: the programme of an event
			event_session: _eventSessions,
			// new in 0062: the Knowledge module's surveys
			survey: _surveys,
			survey_question: _surveyQuestions,
			survey_invitation: _surveyInvitations,
			survey_respondent: _surveyRespondents,
			survey_response: _surveyResponses,
			survey_answer: _surveyAnswers,
			// new in 0063: the Knowledge module's newsletter
			newsletter_subscriber: _newsletterSubscribers,
			newsletter_issue: _newsletterIssues,
			// new in 0064: the Knowledge module's research mapping
			researcher: _researchers,
			research_finding: _researchFindings,
			// new in 0066: Atlas initiatives linked to the Strategy module's actions
			action_initiative: _actionInitiatives,
			// new in 0067: the Strategy module's recommendations tracker
			recommendation: _recommendations,
			recommendation_action: _recommendationActions,
			recommendation_event: _recommendationEvents,
			// new in 0068: the Strategy module's regional concertation bodies and their members
			concertation_body: _concertationBodies,
			concertation_member: _concertationMembers,
			// new in 0072: the Strategy module's programme versions (submitted, approved, returned)
			programme_version: _programmeVersions,
			// new in 0073: international placement agreements' documents and the terms of the offers abroad
			placement_agreement_document: _placementAgreementDocuments,
			placement_offer: _placementOffers,
			// new in 0074: the Talents module's missions (requests for expertise) and what goes with them
			mission: _missions,
			mission_version: _missionVersions,
			mission_event: _missionEvents,
			mission_candidate: _missionCandidates,
			mission_message: _missionMessages,
			mission_feedback: _missionFeedback,
			talent_profile_view: _talentProfileViews,
			// new in 0076: the Talents module's mentoring offers and requests
			mentoring_offer: _mentoringOffers,
			mentoring_request: _mentoringRequests,
			// new in 0077: international placement campaigns, agency quotas and their reallocations, the candidate pipeline
			placement_campaign: _placementCampaigns,
			placement_campaign_quota: _placementCampaignQuotas,
			placement_quota_change: _placementQuotaChanges,
			placement_candidate: _placementCandidates,
			placement_candidate_move: _placementCandidateMoves,
			// new in 0080: partners' decisions on candidates and candidates' consents to share their identity with a partner
			placement_partner_decision: _placementPartnerDecisions,
			placement_identity_consent: _placementIdentityConsents,
			// new in 0081: the Atlas imports' organisations matched by name only, for a moderator's decision
			atlas_import_organisation_match: _atlasImportOrganisationMatches,
			// new in 0083: pre-departure orientation sessions and registrations, seasonal returns, invitations, follow-ups
			placement_orientation_session: _placementOrientationSessions,
			placement_orientation_registration: _placementOrientationRegistrations,
			placement_return: _placementReturns,
			placement_invitation: _placementInvitations,
			placement_follow_up: _placementFollowUps,
			// new in 0084: fields of re-imported initiatives that both the platform and the file changed
			atlas_import_field_conflict: _atlasImportFieldConflicts,
			// new in 0085: the needs of casework files, and mobility counsellors' assignments of qualified candidates
			case_need: _caseNeeds,
			placement_case_assignment: _placementCaseAssignments,
			// new in 0086: networks of talents linked to each other
			network_link: _networkLinks,
			// new in 0091: discussions (threads, posts, reports, follows; the Talents networks' first)
			discussion_thread: _discussionThreads,
			discussion_post: _discussionPosts,
			discussion_report: _discussionReports,
			discussion_follow: _discussionFollows,
			// new in 0092: candidates' self-declared sex for the placement statistics
			placement_profile: _placementProfiles,
			// new in 0093: the library's files nobody names, noted by the daily sweep
			orphan_file: _orphanFiles,
			initiative_version: versionsAfter,
			// new in 0097: the statistics kept of the placement pipelines deleted by the retention job
			placement_statistics_archive: _placementStatisticsArchive,
			// new in 0098: the conversations of accepted mentoring requests
			mentoring_message: _mentoringMessages,
			// new in 0099: the Atlas initiatives' amounts per year (issue #17 rule 5)
			initiative_yearly_amount: _initiativeYearlyAmounts,
			// new in 0102: the versions of the directories' entries (written from their first change on)
			directory_entry_version: _directoryEntryVersions,
			...kept
		} = after;
		expect(kept).toEqual(unchanged);
		// the versions as they were, but for their communes (0094: codes, and other places as text)
		const db = upgraded.database.db;
		expect(versionsAfter.rows).toBe(_versionsBefore.rows);
		expect(await digestOf(db, sql`SELECT ${sql.raw(versionColumns)}, snapshot - 'communes' - 'otherPlaces' AS snapshot FROM atlas.initiative_version`)).toBe(versionsBefore);
		// every free-text commune became codes or other places (the seeds' Oujda and Berkane: codes)
		expect(communesBefore.length).toBeGreaterThan(0);
		const lost = await rows<{ id: string }>(db, sql`SELECT id::text AS id FROM atlas.initiative WHERE id::text IN ${communesBefore.length ? communesBefore : ['-']} AND commune_codes = '{}' AND other_places IS NULL`);
		expect(lost).toEqual([]);
		// the rights pages are the platform's content pages now, ids and versions as they were
		expect(contentPage.rows).toBe(rightsPage.rows);
		expect(contentPageVersion).toEqual(rightsPageVersion);
		expect(await digestOf(db, sql`SELECT id, slug, topic, position, created_at FROM content_page WHERE collection = 'jobs.rights'`)).toBe(rightsPagesBefore);
		expect(await digestOf(db, sql`SELECT ${sql.raw(beforeColumns.rights_page_version.map((column) => `"${column}"`).join(', '))} FROM content_page_version`)).toBe(rightsVersionsBefore);
		expect(await rows(db, sql`SELECT id FROM content_page_version WHERE is_sample`)).toEqual([]);
		// the programmes are the platform's directory entries, ids, texts and statuses as they were
		expect(directoryEntry.rows).toBe(supportProgramme.rows);
		// the programmes' columns as they were (funders came later, 0029; links to other modules, 0036; opening hours and
		// version numbers, 0102)
		const {
			collection: _collection,
			funderIds: _funderIds,
			links: _links,
			openingHours: _openingHours,
			version: _version,
			...programmeColumns
		} = getTableColumns(directoryEntryTable);
		const columnList = sql.raw(Object.values(programmeColumns).map((column) => `"${column.name}"`).join(', '));
		expect(await digestOf(db, sql`SELECT ${columnList} FROM directory_entry WHERE collection = 'jobs.programmes'`)).toBe(programmesBefore);
		// the Atlas's proposals, messages and drafts are the platform's moderation rows, ids and all
		for (const [table, { to, columns }] of Object.entries(movedToModeration)) {
			expect(after[to].rows, `${table} → ${to}`).toBe(before[table].rows);
			const now = sql.raw(columns.map(([, renamed]) => `"${renamed}"`).join(', '));
			expect(await digestOf(db, sql`SELECT ${now} FROM ${sql.raw(to)} WHERE collection = 'atlas.initiatives'`), `${table} → ${to}`).toBe(moderationBefore[table]);
		}
		// the follow-up is the platform's casework (caseload jobs.agencies, the agency its team), ids and
		// values as they were, in the old tables' column order; the agency's steps are the team's side now
		expect([caseNote.rows, caseAppointment.rows, caseReferral.rows, caseReferralEvent.rows]).toEqual([followUpNote.rows, appointment.rows, referral.rows, referralEvent.rows]);
		const agencies = sql`caseload = 'jobs.agencies'`;
		expect({
			notes: await digestOf(db, sql`SELECT id, person_user_id, team_id, author_user_id, author_label, body, is_sample, created_at FROM case_note WHERE ${agencies}`),
			appointments: await digestOf(
				db,
				sql`SELECT id, person_user_id, team_id, staff_user_id, staff_label, starts_at, mode, purpose, status, is_sample, created_at, updated_at FROM case_appointment WHERE ${agencies}`
			),
			referrals: await digestOf(
				db,
				sql`SELECT id, person_user_id, entry_id, team_id, staff_user_id, staff_label, message, agreed_at, status, status_changed_at, is_sample, created_at FROM case_referral WHERE ${agencies}`
			),
			events: await digestOf(db, sql`SELECT id, referral_id, status, CASE side WHEN 'team' THEN 'counsellor' ELSE side END AS side, at FROM case_referral_event`)
		}).toEqual(followUpBefore);
	});

	it('has exactly the shape of a database built new', async () => {
		const shape = await layout(upgraded.database.db);
		expect(Object.keys(shape)).toEqual(expect.arrayContaining(['atlas.initiative', 'jobs.job_offer', 'public.content_page', 'public.user']));
		expect(shape).toEqual(await layout(fresh.database.db));
	});

	it('keeps its triggers working where the tables now live, and the audit trail append-only', async () => {
		const db = upgraded.database.db;
		const revision = async () => (await rows<{ revision: string }>(db, sql`SELECT revision::text FROM cache.atlas_revision`))[0].revision;
		const revisionBefore = await revision();
		await db.execute(sql`UPDATE atlas.initiative SET updated_at = updated_at WHERE id = (SELECT id FROM atlas.initiative LIMIT 1)`);
		expect(await revision()).not.toBe(revisionBefore);
		await expect(db.execute(sql`DELETE FROM audit_event`)).rejects.toThrow();
	});
});

describe('0042: associations’ referrals to an ANAPEC agency become the platform’s referrals to a team', () => {
	let upgraded: { database: Database; drop: () => Promise<void> };
	let before: { referrals: string; events: string };

	beforeAll(async () => {
		upgraded = await emptyDatabase();
		const { database } = upgraded;
		await migrateUpTo(database, 42); // 0000 … 0041: the referrals still live in jobs.agency_referral
		const db = database.db;
		await db.execute(sql`INSERT INTO "user" (id, name, email) VALUES ('person-1', 'Aminata', 'aminata@example.org'), ('sender-1', 'Karim', 'karim@example.org')`);
		await db.execute(sql`INSERT INTO organisation (id, slug, name, type) VALUES ('7a0c2b4e-0000-4000-8000-000000000001', 'accueil', 'Association Accueil', 'association')`);
		await db.execute(sql`INSERT INTO jobs.agency (id, slug, name, city, region_code) VALUES ('7a0c2b4e-0000-4000-8000-000000000002', 'rabat', 'ANAPEC Rabat', 'Rabat', '04')`);
		await db.execute(sql`
			INSERT INTO jobs.agency_referral (id, person_user_id, agency_id, organisation_id, staff_user_id, staff_label, kind, message, agreed_at, status, status_changed_at, created_at)
			VALUES ('7a0c2b4e-0000-4000-8000-000000000003', 'person-1', '7a0c2b4e-0000-4000-8000-000000000002', '7a0c2b4e-0000-4000-8000-000000000001', 'sender-1', 'Karim',
				'training', 'Elle souhaite une formation.', '2026-11-02T10:00:00Z', 'accepted', '2026-11-03T09:00:00Z', '2026-11-02T10:00:00Z')`);
		await db.execute(sql`
			INSERT INTO jobs.agency_referral_event (referral_id, status, side, at) VALUES
				('7a0c2b4e-0000-4000-8000-000000000003', 'sent', 'association', '2026-11-02T10:00:00Z'),
				('7a0c2b4e-0000-4000-8000-000000000003', 'accepted', 'agency', '2026-11-03T09:00:00Z')`);
		before = {
			referrals: await digestOf(
				db,
				sql`SELECT id, agency_id, person_user_id, organisation_id, staff_user_id, staff_label, kind, message, agreed_at, status, status_changed_at, is_sample, created_at FROM jobs.agency_referral`
			),
			events: await digestOf(db, sql`SELECT id, referral_id, status, CASE side WHEN 'association' THEN 'sender' ELSE 'team' END AS side, at FROM jobs.agency_referral_event`)
		};
		await database.migrate();
	});
	afterAll(async () => {
		await upgraded?.database.close();
		await upgraded?.drop();
	});

	it('keeps each referral and its history, ids and values as they were, in the agencies’ caseload', async () => {
		const db = upgraded.database.db;
		expect({
			referrals: await digestOf(
				db,
				sql`SELECT id, team_id, person_user_id, sender_organisation_id, staff_user_id, staff_label, kind, message, agreed_at, status, status_changed_at, is_sample, created_at FROM case_team_referral WHERE caseload = 'jobs.agencies'`
			),
			events: await digestOf(db, sql`SELECT id, referral_id, status, side, at FROM case_team_referral_event`)
		}).toEqual(before);
		const [exists] = await rows<{ found: string | null }>(db, sql`SELECT to_regclass('jobs.agency_referral')::text AS found`);
		expect(exists.found).toBeNull();
	});
});

describe('0094: the Atlas’s free-text communes become HCP codes where a name designates one commune of the initiative’s places', () => {
	let upgraded: { database: Database; drop: () => Promise<void> };
	const ids = {
		oriental: '7a0c2b4e-0000-4000-8000-000000000101',
		ajdir: '7a0c2b4e-0000-4000-8000-000000000102',
		arabic: '7a0c2b4e-0000-4000-8000-000000000103',
		nowhere: '7a0c2b4e-0000-4000-8000-000000000104'
	};

	beforeAll(async () => {
		upgraded = await emptyDatabase();
		const { database } = upgraded;
		await migrateUpTo(database, 94); // 0000 … 0093: communes are a text column
		const db = database.db;
		await db.execute(sql`INSERT INTO atlas.atlas_region (iso, hcp, name_fr, name_ar, name_en) VALUES
			('MA-01', '01', 'Tanger-Tétouan-Al Hoceima', 'طنجة-تطوان-الحسيمة', 'Tanger-Tétouan-Al Hoceïma'), ('MA-02', '02', 'Oriental', 'الشرق', 'Oriental'), ('MA-03', '03', 'Fès-Meknès', 'فاس-مكناس', 'Fès-Meknès')`);
		await db.execute(sql`INSERT INTO atlas.atlas_province (iso, hcp, region_iso, type, name_fr, name_ar, name_en) VALUES
			('MA-OUJ', '02.411', 'MA-02', 'prefecture', 'Oujda-Angad', 'وجدة-أنجاد', 'Oujda-Angad'), ('MA-TAZ', '03.561', 'MA-03', 'province', 'Taza', 'تازة', 'Taza')`);
		await db.execute(sql`INSERT INTO atlas.initiative (id, slug, title, status, communes, version) VALUES
			(${ids.oriental}, 'oriental', '{"fr":"Oriental"}', 'ongoing', 'Oujda, Berkane; Douar Laaouinate et Ahfir', 2),
			(${ids.ajdir}, 'ajdir', '{"fr":"Ajdir"}', 'ongoing', 'Ajdir', 1),
			(${ids.arabic}, 'arabic', '{"ar":"وجدة"}', 'ongoing', E'وجدة و بني درار\nسيدي موسى لمهاية', 1),
			(${ids.nowhere}, 'nowhere', '{"fr":"Sans lieu"}', 'planned', 'Oujda', 1)`);
		// the Oriental initiative names its region and one province; Ajdir is in Al Hoceïma (MA-01) and in Taza (MA-03)
		await db.execute(sql`INSERT INTO atlas.initiative_region (initiative_id, region_iso) VALUES
			(${ids.oriental}, 'MA-02'), (${ids.ajdir}, 'MA-01'), (${ids.ajdir}, 'MA-03'), (${ids.arabic}, 'MA-02')`);
		await db.execute(sql`INSERT INTO atlas.initiative_province (initiative_id, province_iso) VALUES (${ids.oriental}, 'MA-OUJ'), (${ids.arabic}, 'MA-OUJ')`);
		await db.execute(sql`INSERT INTO atlas.initiative_version (initiative_id, number, snapshot) VALUES
			(${ids.oriental}, 1, '{"title":{"fr":"Oriental"},"status":"planned","communes":"Oujda"}'),
			(${ids.oriental}, 2, '{"title":{"fr":"Oriental"},"status":"ongoing","communes":"Oujda, Berkane; Douar Laaouinate et Ahfir"}'),
			(${ids.nowhere}, 1, '{"title":{"fr":"Sans lieu"},"status":"planned","communes":"Oujda"}')`);
		await db.execute(sql`INSERT INTO "user" (id, name, email) VALUES ('partner-1', 'Salma', 'salma@example.org')`);
		await db.execute(sql`INSERT INTO moderation_proposal (collection, data) VALUES ('atlas.initiatives', '{"title":{"fr":"Nouvelle"},"communes":"Berkane"}')`);
		await db.execute(sql`INSERT INTO moderation_draft (collection, user_id, resume_path, "values") VALUES ('atlas.initiatives', 'partner-1', '/atlas/initiatives/new', '{"title_fr":"Brouillon","communes":"Nador"}')`);
		await database.migrate();
	});
	afterAll(async () => {
		await upgraded?.database.close();
		await upgraded?.drop();
	});

	it('converts the names found once among the initiative’s provinces and regions, in French or Arabic, and keeps the rest as text', async () => {
		const db = upgraded.database.db;
		const found = await rows<{ slug: string; commune_codes: string[]; other_places: string | null }>(
			db,
			sql`SELECT slug, commune_codes, other_places FROM atlas.initiative ORDER BY slug`
		);
		expect(found).toEqual([
			// Ajdir: two communes of that name among its regions, so it stays as written
			{ slug: 'ajdir', commune_codes: [], other_places: 'Ajdir' },
			// Oujda and Bni Drar (Oujda-Angad), Sidi Moussa Lemhaya written without its hyphen
			{ slug: 'arabic', commune_codes: ['02.411.01.11', '02.411.01.23', '02.411.05.19'], other_places: null },
			// no place to look in: nothing is guessed
			{ slug: 'nowhere', commune_codes: [], other_places: 'Oujda' },
			// Berkane and Ahfir are in the Oriental (Berkane province) too; the douar is no commune
			{ slug: 'oriental', commune_codes: ['02.113.01.01', '02.113.01.09', '02.411.01.23'], other_places: 'Douar Laaouinate' }
		]);
		const [column] = await rows<{ found: number }>(db, sql`SELECT count(*)::int AS found FROM information_schema.columns WHERE table_schema = 'atlas' AND table_name = 'initiative' AND column_name = 'communes'`);
		expect(column.found).toBe(0);
	});

	it('says the same in the versions, the pending proposals and the drafts', async () => {
		const db = upgraded.database.db;
		const versions = await rows<{ number: number; slug: string; communes: string; other: string }>(
			db,
			sql`SELECT v.number, i.slug, (v.snapshot->'communes')::text AS communes, (v.snapshot->'otherPlaces')::text AS other
				FROM atlas.initiative_version v JOIN atlas.initiative i ON i.id = v.initiative_id ORDER BY i.slug, v.number`
		);
		// as text on both engines (PGlite parses JSON, node-postgres does too but not a bare string)
		const json = (value: string) => JSON.parse(value);
		expect(versions.map((row) => [row.slug, row.number, json(row.communes), json(row.other)])).toEqual([
			['nowhere', 1, [], 'Oujda'],
			// an earlier version keeps its text, as other places; the current one holds what the initiative holds now
			['oriental', 1, [], 'Oujda'],
			['oriental', 2, ['02.113.01.01', '02.113.01.09', '02.411.01.23'], 'Douar Laaouinate']
		]);
		const [proposal] = await rows<{ data: string }>(db, sql`SELECT data::text AS data FROM moderation_proposal`);
		expect(json(proposal.data)).toEqual({ title: { fr: 'Nouvelle' }, communes: [], otherPlaces: 'Berkane' });
		const [draft] = await rows<{ values: string }>(db, sql`SELECT "values"::text AS "values" FROM moderation_draft`);
		expect(json(draft.values)).toEqual({ title_fr: 'Brouillon', otherPlaces: 'Nador' });
	});
});

describe('0099: month-only dates, second figures and amounts per year — what a database holds keeps its meaning', () => {
	let upgraded: { database: Database; drop: () => Promise<void> };
	const id = '7a0c2b4e-0000-4000-8000-000000000201';

	beforeAll(async () => {
		upgraded = await emptyDatabase();
		const { database } = upgraded;
		await migrateUpTo(database, 99); // 0000 … 0098: dates are days, one amount per funder
		const db = database.db;
		await db.execute(sql`INSERT INTO organisation (id, slug, name, type, country) VALUES ('7a0c2b4e-0000-4000-8000-000000000202', 'ue', 'Union européenne', 'other', 'BE')`);
		await db.execute(sql`INSERT INTO atlas.initiative (id, slug, title, status, planned_start, planned_end, actual_start, start_year, end_year, budget_total, budget_currency, budget_eur, version)
			VALUES (${id}, 'ancienne', '{"fr":"Ancienne"}', 'ongoing', '2021-04-01', '2024-12-31', '2021-05-03', 2021, 2024, 1000000, 'EUR', 1000000, 1)`);
		await db.execute(sql`INSERT INTO atlas.initiative_organisation (initiative_id, organisation_id, role, amount, currency, amount_eur) VALUES (${id}, '7a0c2b4e-0000-4000-8000-000000000202', 'funder', 800000, 'EUR', 800000)`);
		await db.execute(sql`INSERT INTO atlas.initiative_source (initiative_id, citation, published_on) VALUES (${id}, 'Fiche', '2021-04-01')`);
		await db.execute(sql`INSERT INTO atlas.initiative_version (initiative_id, number, snapshot) VALUES (${id}, 1, '{"title":{"fr":"Ancienne"},"status":"ongoing","plannedStart":"2021-04-01","budget":{"total":1000000,"currency":"EUR"}}')`);
		await database.migrate();
	});
	afterAll(async () => {
		await upgraded?.database.close();
		await upgraded?.drop();
	});

	it('keeps every date as the day it was, every amount as it was; nothing is split by year or given a second figure it did not have', async () => {
		const db = upgraded.database.db;
		const [row] = await rows<Record<string, string | null>>(
			db,
			sql`SELECT planned_start::text AS ps, planned_start_precision AS psp, planned_end::text AS pe, planned_end_precision AS pep, actual_start::text AS "as", actual_start_precision AS asp,
				actual_end_precision AS aep, budget_total::text AS total, budget_currency AS currency, budget_second_amount AS second FROM atlas.initiative WHERE id = ${id}`
		);
		expect(row).toEqual({ ps: '2021-04-01', psp: 'day', pe: '2024-12-31', pep: 'day', as: '2021-05-03', asp: 'day', aep: 'day', total: '1000000.00', currency: 'EUR', second: null });
		const [funder] = await rows<Record<string, string | null>>(db, sql`SELECT amount::text AS amount, currency, second_amount AS second, second_currency AS "secondCurrency" FROM atlas.initiative_organisation WHERE initiative_id = ${id}`);
		expect(funder).toEqual({ amount: '800000.00', currency: 'EUR', second: null, secondCurrency: null });
		const [source] = await rows<Record<string, string>>(db, sql`SELECT published_on::text AS date, published_precision AS precision FROM atlas.initiative_source WHERE initiative_id = ${id}`);
		expect(source).toEqual({ date: '2021-04-01', precision: 'day' });
		expect(await rows(db, sql`SELECT * FROM atlas.initiative_yearly_amount`)).toEqual([]);
		const [version] = await rows<{ snapshot: string }>(db, sql`SELECT snapshot::text AS snapshot FROM atlas.initiative_version WHERE initiative_id = ${id}`);
		expect(JSON.parse(version.snapshot)).toEqual({ title: { fr: 'Ancienne' }, status: 'ongoing', plannedStart: '2021-04-01', budget: { total: 1000000, currency: 'EUR' } });
	});
});

describe('0101: a content version may be a sample — the pre-departure samples an earlier demo loaded are marked, nothing else', () => {
	let upgraded: { database: Database; drop: () => Promise<void> };

	beforeAll(async () => {
		upgraded = await emptyDatabase();
		const { database } = upgraded;
		await migrateUpTo(database, 101); // 0000 … 0100
		const db = database.db;
		const pages = [
			['7a0c2b4e-0000-4000-8000-000000000301', 'jobs.predeparture', 'de-rights', 'DE'],
			['7a0c2b4e-0000-4000-8000-000000000302', 'jobs.predeparture', 'de-contract', 'DE'],
			['7a0c2b4e-0000-4000-8000-000000000303', 'jobs.rights', 'rights-at-work', 'work']
		];
		for (const [id, collection, slug, topic] of pages) {
			await db.execute(sql`INSERT INTO content_page (id, collection, slug, topic) VALUES (${id}, ${collection}, ${slug}, ${topic})`);
		}
		const version = (pageId: string, number: number, label: string, comment: string) =>
			db.execute(sql`INSERT INTO content_page_version (page_id, version, title, summary, body, steps, sources, reviewed_on, author_user_id, author_label, comment)
				VALUES (${pageId}, ${number}, '{"fr":"Titre"}', '{}', '{"fr":"Texte"}', '{}', '[]', '2026-12-06', NULL, ${label}, ${comment})`);
		await version('7a0c2b4e-0000-4000-8000-000000000301', 1, 'Sharaka', 'Initial content');
		await version('7a0c2b4e-0000-4000-8000-000000000302', 1, 'Sharaka', 'Initial content');
		// an editor's save whose account was deleted since (author_user_id set to null)
		await version('7a0c2b4e-0000-4000-8000-000000000302', 2, 'Rita Rédactrice', 'Texte de la division');
		await version('7a0c2b4e-0000-4000-8000-000000000303', 1, 'Sharaka', 'Initial content');
		await database.migrate();
	});
	afterAll(async () => {
		await upgraded?.database.close();
		await upgraded?.drop();
	});

	it('marks the system’s initial pre-departure versions as samples; an editor’s version and the rights pages stay real', async () => {
		const found = await rows<{ slug: string; version: number; sample: boolean }>(
			upgraded.database.db,
			sql`SELECT p.slug, v.version, v.is_sample AS sample FROM content_page_version v JOIN content_page p ON p.id = v.page_id ORDER BY p.slug, v.version`
		);
		expect(found).toEqual([
			{ slug: 'de-contract', version: 1, sample: true },
			{ slug: 'de-contract', version: 2, sample: false },
			{ slug: 'de-rights', version: 1, sample: true },
			{ slug: 'rights-at-work', version: 1, sample: false }
		]);
	});
});
