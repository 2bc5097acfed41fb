import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { aPerson, contextFor, type Person } from '../../platform/testing/people.ts';
import { refusalWithReason as refusal } from '../../platform/testing/refusal.ts';
import { auditEvent } from '../../platform/audit/audit-event.table.ts';
import { organisation } from '../../platform/accounts/accounts.table.ts';
import { accessGrant } from '../../platform/accounts/access-grant.table.ts';
import type { MailMessage } from '../../platform/mail/mailer.ts';
import { budgetLinesOf, removeBudgetLine, setBudgetLine } from './budget.service.ts';
import { createNode, createStrategy, removeNode, strategyBySlug, updateNode } from './strategy.service.ts';
import { compareVersions, decideVersion, submitVersion, takeSnapshot, versionDetail, versionsOf, withdrawVersion } from './programme-versions.service.ts';
import { ProgrammeSnapshot } from './programme-versions.schemas.ts';
import { diffColumns, diffCsv, diffTable } from './programme-diff-export.ts';
import { diffProgrammes, fingerprintOf } from './programme-diff.ts';
import { programmeVersion } from './strategy.table.ts';
import { strategyPersonalData } from './personal-data.ts';

let app: TestApp;
let planner: Person;
let owner: Person;
let stranger: Person;
let otherOwner: Person;
let objective: string;
let caravan: string;
let helpline: string;
let lead: string;

const SLUG = 'versions-test';
const grant = (person: Person, role: string, scope: string) => (person.actor.grants = [{ module: 'strategy', role, organisationId: null, scope }]);
const versionsIn = async () => app.database.db.select().from(programmeVersion).where(sql`${programmeVersion.strategyId} = (select id from strategy.strategy where slug = ${SLUG})`);
const events = async (action: string) => app.database.db.select().from(auditEvent).where(eq(auditEvent.action, action));

beforeAll(async () => {
	app = await createTestApp({});
	const db = app.database.db;
	const admin = await aPerson(db, { role: 'administrator' });
	planner = await aPerson(db, { name: 'Nadia Planificatrice' });
	owner = await aPerson(db, { name: 'Omar Responsable' });
	stranger = await aPerson(db);
	otherOwner = await aPerson(db);
	grant(planner, 'planner', SLUG);
	grant(owner, 'owner', SLUG);
	grant(otherOwner, 'owner', 'another-strategy');
	await createStrategy(contextFor(db, admin), { slug: SLUG, title: { fr: 'Versions' }, country: 'MA', published: true, periodStart: 2024, periodEnd: 2027 });
	await createStrategy(contextFor(db, admin), { slug: 'hidden-versions', title: { fr: 'Cachée' }, country: 'MA', published: false });
	[{ id: lead }] = await db.insert(organisation).values({ slug: 'versions-lead', name: 'Agence de test', type: 'ngo', country: 'MA' }).returning();
	const ctx = contextFor(db, planner);
	const domain = (await createNode(ctx, SLUG, { kind: 'domain', title: { fr: 'Santé' } })).id;
	const programme = (await createNode(ctx, SLUG, { kind: 'programme', parentId: domain, title: { fr: 'Soins' } })).id;
	objective = (await createNode(ctx, SLUG, { kind: 'objective', parentId: programme, title: { fr: 'Accès' } })).id;
	caravan = (await createNode(ctx, SLUG, { kind: 'action', parentId: objective, title: { fr: 'Caravane médicale' }, regions: ['MA-02'], periodStart: 2024, periodEnd: 2025 })).id;
	helpline = (await createNode(ctx, SLUG, { kind: 'action', parentId: objective, title: { fr: 'Ligne d’écoute' }, national: true })).id;
	await setBudgetLine(ctx, caravan, { year: 2024, fundingSource: 'Budget général', planned: 1000.1, committed: 800.2, executed: 500 });
	await setBudgetLine(ctx, caravan, { year: 2025, fundingSource: 'Union européenne', currency: 'EUR', planned: 300, committed: 0, executed: 0 });
	await setBudgetLine(ctx, helpline, { year: 2024, fundingSource: 'Budget général', planned: 200.2, committed: 100, executed: 100 });
});
afterAll(async () => app?.close());

describe('submitting, approving and returning programme versions', () => {
	it('lets only the strategy’s planners submit, and refuses bad input on its field; nothing stored', async () => {
		const db = app.database.db;
		expect(await refusal(submitVersion(contextFor(db, stranger), SLUG, {}))).toBe('forbidden:');
		expect(await refusal(submitVersion(contextFor(db, otherOwner), SLUG, {}))).toBe('forbidden:');
		expect(await refusal(submitVersion(contextFor(db, null), SLUG, {}))).toBe('unauthenticated:');
		expect(await refusal(submitVersion(contextFor(db, planner), SLUG, { note: 'x'.repeat(2001) }))).toBe('invalid_input:note');
		expect(await refusal(submitVersion(contextFor(db, planner), 'no-such-strategy', {}))).toBe('not_found:');
		expect(await versionsIn()).toHaveLength(0);
	});

	it('stores the submitted snapshot with who, when and the note, audited; one submission waits at a time', async () => {
		const db = app.database.db;
		const row = await submitVersion(contextFor(db, planner, { language: 'fr' }), SLUG, { note: 'Programmation 2024–2025' });
		expect(row).toMatchObject({ seq: 1, number: null, state: 'submitted', actions: 2, lines: 3, note: 'Programmation 2024–2025', noteLanguage: 'fr', submittedBy: planner.user.id });
		expect(row.totals).toEqual([
			{ currency: 'EUR', planned: 300, committed: 0, executed: 0 },
			{ currency: 'MAD', planned: 1200.3, committed: 900.2, executed: 600 }
		]);
		const submitted = await events('strategy_version.submit');
		expect(submitted).toHaveLength(1);
		expect(submitted[0].actorUserId).toBe(planner.user.id);
		// the audit keeps the digest and the counts, not the whole snapshot
		expect(JSON.stringify(submitted[0].after)).not.toContain('Caravane');
		expect(await refusal(submitVersion(contextFor(db, planner), SLUG, {}))).toBe('conflict:version_pending');
		expect(await versionsIn()).toHaveLength(1);
	});

	it('lets the owner only decide; a return needs the reason, then the version is decided once', async () => {
		const db = app.database.db;
		expect(await refusal(decideVersion(contextFor(db, planner), SLUG, 's1', { decision: 'approve' }))).toBe('forbidden:');
		expect(await refusal(decideVersion(contextFor(db, otherOwner), SLUG, 's1', { decision: 'approve' }))).toBe('forbidden:');
		expect(await refusal(decideVersion(contextFor(db, owner), SLUG, 's1', { decision: 'return', reason: '  ' }))).toBe('invalid_input:return_reason_required');
		expect(await refusal(decideVersion(contextFor(db, owner), SLUG, 's1', { decision: 'maybe' }))).toBe('invalid_input:decision');
		expect(await refusal(decideVersion(contextFor(db, owner), SLUG, 's9', { decision: 'approve' }))).toBe('not_found:');
		expect((await versionsIn())[0].state).toBe('submitted');
		const returned = await decideVersion(contextFor(db, owner, { language: 'ar' }), SLUG, 's1', { decision: 'return', reason: 'يرجى تفصيل التمويل الأوروبي' });
		expect(returned).toMatchObject({ state: 'returned', number: null, decidedBy: owner.user.id, reason: 'يرجى تفصيل التمويل الأوروبي', reasonLanguage: 'ar' });
		expect(await refusal(decideVersion(contextFor(db, owner), SLUG, 's1', { decision: 'approve' }))).toBe('conflict:version_already_decided');
		expect(await refusal(withdrawVersion(contextFor(db, planner), SLUG, 's1'))).toBe('conflict:version_already_decided');
		expect(await events('strategy_version.return')).toHaveLength(1);
	});

	it('approves the snapshot submitted, not the draft edited since, which the list says has changed', async () => {
		const db = app.database.db;
		const ctx = contextFor(db, planner);
		await submitVersion(ctx, SLUG, {});
		// editing stays possible while the owner decides
		await setBudgetLine(ctx, caravan, { year: 2024, fundingSource: 'Budget général', planned: 1500, committed: 800.2, executed: 500 });
		const listed = await versionsOf(contextFor(db, owner), SLUG);
		expect(listed.pending?.ref).toBe('s2');
		expect(listed.draft).toMatchObject({ changedSinceSubmitted: true, changedSinceApproved: null });
		// the owner plans too: they may withdraw it as well as decide
		expect(listed.can).toEqual({ see: true, submit: false, withdraw: true, decide: true });
		expect((await versionsOf(contextFor(db, planner), SLUG)).can).toEqual({ see: true, submit: false, withdraw: true, decide: false });
		const approved = await decideVersion(contextFor(db, owner), SLUG, 's2', { decision: 'approve' });
		expect(approved).toMatchObject({ state: 'approved', number: 1, seq: 2, decidedBy: owner.user.id, reason: null });
		const detail = await versionDetail(contextFor(db, owner), SLUG, '1');
		expect(detail.version).toMatchObject({ ref: '1', label: 'v1', submittedBy: 'Nadia Planificatrice', decidedBy: 'Omar Responsable' });
		expect(detail.snapshot.lines.find((line) => line.actionId === caravan && line.year === 2024)?.planned).toBe(1000.1);
		expect(detail.snapshot.nodes.map((item) => item.kind)).toEqual(['domain', 'programme', 'objective', 'action', 'action']);
		// the old name of the submission finds it
		expect((await versionDetail(contextFor(db, owner), SLUG, 's2')).version.ref).toBe('1');
		expect((await versionsOf(contextFor(db, planner), SLUG)).draft).toMatchObject({ changedSinceApproved: true, changedSinceSubmitted: null });
		expect(await events('strategy_version.approve')).toHaveLength(1);
	});

	it('keeps an approved version as it was: no second decision, and the database refuses any change but forgetting who', async () => {
		const db = app.database.db;
		expect(await refusal(decideVersion(contextFor(db, owner), SLUG, '1', { decision: 'return', reason: 'Trop tard' }))).toBe('conflict:version_already_decided');
		await expect(db.update(programmeVersion).set({ snapshot: { format: 1, strategy: {}, nodes: [], lines: [] } }).where(eq(programmeVersion.number, 1))).rejects.toThrow();
		await expect(db.update(programmeVersion).set({ state: 'returned' }).where(eq(programmeVersion.number, 1))).rejects.toThrow();
		await expect(db.update(programmeVersion).set({ number: 7 }).where(eq(programmeVersion.number, 1))).rejects.toThrow();
		// a person's erasure forgets them without touching the version
		await db.update(programmeVersion).set({ decidedBy: null }).where(eq(programmeVersion.number, 1));
		const [row] = await db.select().from(programmeVersion).where(eq(programmeVersion.number, 1));
		expect(row).toMatchObject({ state: 'approved', decidedBy: null });
		await db.update(programmeVersion).set({ decidedBy: owner.user.id }).where(eq(programmeVersion.number, 1));
	});

	it('refuses to submit a draft identical to the latest approved version, and lets the planners withdraw a submission', async () => {
		const db = app.database.db;
		const ctx = contextFor(db, planner);
		await setBudgetLine(ctx, caravan, { year: 2024, fundingSource: 'Budget général', planned: 1000.1, committed: 800.2, executed: 500 });
		expect(await refusal(submitVersion(ctx, SLUG, {}))).toBe('conflict:version_unchanged');
		await setBudgetLine(ctx, caravan, { year: 2024, fundingSource: 'Budget général', planned: 1100, committed: 800.2, executed: 500 });
		await submitVersion(ctx, SLUG, {});
		expect(await refusal(withdrawVersion(contextFor(db, stranger), SLUG, 's3'))).toBe('forbidden:');
		const withdrawn = await withdrawVersion(ctx, SLUG, 's3');
		expect(withdrawn).toMatchObject({ state: 'withdrawn', decidedBy: planner.user.id });
		expect(await refusal(decideVersion(contextFor(db, owner), SLUG, 's3', { decision: 'approve' }))).toBe('conflict:version_already_decided');
		expect((await versionsOf(ctx, SLUG)).can.submit).toBe(true);
		expect(await events('strategy_version.withdraw')).toHaveLength(1);
	});

	it('shows visitors the approved versions of a published strategy only, without naming people', async () => {
		const db = app.database.db;
		const visitor = contextFor(db, null);
		const listed = await versionsOf(visitor, SLUG);
		expect(listed.versions.map((version) => [version.ref, version.state])).toEqual([['1', 'approved']]);
		expect(listed.versions[0]).toMatchObject({ submittedBy: null, decidedBy: null, note: null });
		expect(listed.draft).toBeNull();
		expect(listed.can).toEqual({ see: false, submit: false, withdraw: false, decide: false });
		expect(await refusal(versionDetail(visitor, SLUG, 's1'))).toBe('not_found:');
		expect(await refusal(versionDetail(contextFor(db, stranger), SLUG, 's3'))).toBe('not_found:');
		expect(await refusal(compareVersions(visitor, SLUG, { from: '1', to: 'draft' }))).toBe('invalid_input:unknown_version');
		expect(await refusal(versionsOf(visitor, 'hidden-versions'))).toBe('not_found:');
		// the planners see every version, newest first
		expect((await versionsOf(contextFor(db, planner), SLUG)).versions.map((version) => `${version.ref}:${version.state}`)).toEqual(['s3:withdrawn', '1:approved', 's1:returned']);
	});
});

describe('the differences between versions', () => {
	it('gives the actions added, removed and changed, the lines by action and year, and the totals per year and currency', async () => {
		const db = app.database.db;
		const ctx = contextFor(db, planner);
		// the draft since v1: a line changed (above), the caravan moved, renamed and led; the helpline gone; a new action with an EUR line
		await updateNode(ctx, caravan, { title: { fr: 'Caravane médicale mobile', ar: 'قافلة طبية متنقلة' }, regions: ['MA-02', 'MA-04'], periodStart: 2024, periodEnd: 2026, leadOrganisationId: lead });
		await removeNode(ctx, helpline, { confirm: true, withChildren: true });
		const school = (await createNode(ctx, SLUG, { kind: 'action', parentId: objective, title: { fr: 'Cours de langue' }, national: true, periodStart: 2025 })).id;
		await setBudgetLine(ctx, school, { year: 2025, fundingSource: 'Union européenne', currency: 'EUR', planned: 0.1, committed: 0.2, executed: 0 });
		await setBudgetLine(ctx, caravan, { year: 2025, fundingSource: 'Union européenne', currency: 'EUR', planned: 300, committed: 0, executed: 0, note: 'Report' });
		const line = (await budgetLinesOf(db, caravan)).find((entry) => entry.year === 2025)!;
		await removeBudgetLine(ctx, caravan, line.id);

		const compared = await compareVersions(ctx, SLUG, {});
		expect(compared.from).toMatchObject({ ref: '1', label: 'v1', state: 'approved' });
		expect(compared.to).toMatchObject({ ref: 'draft', state: null });
		expect(compared.identical).toBe(false);
		const { diff } = compared;
		expect(diff.summary).toEqual({ actionsAdded: 1, actionsRemoved: 1, actionsChanged: 1, linesAdded: 1, linesRemoved: 2, linesChanged: 1, structureChanged: 0 });
		expect(diff.actions.added.map((item) => item.title.fr)).toEqual(['Cours de langue']);
		expect(diff.actions.added[0].path.map((title) => title.fr)).toEqual(['Santé', 'Soins', 'Accès']);
		expect(diff.actions.removed.map((item) => item.title.fr)).toEqual(['Ligne d’écoute']);
		expect(diff.actions.changed[0].changes).toEqual([
			{ field: 'title_fr', before: 'Caravane médicale', after: 'Caravane médicale mobile' },
			{ field: 'title_ar', before: null, after: 'قافلة طبية متنقلة' },
			{ field: 'periodEnd', before: 2025, after: 2026 },
			{ field: 'places', before: ['MA-02'], after: ['MA-02', 'MA-04'] },
			{ field: 'lead', before: null, after: 'Agence de test' }
		]);
		const caravanLines = diff.lines.find((entry) => entry.action.id === caravan)!.lines;
		expect(caravanLines).toEqual([
			{ year: 2024, fundingSource: 'Budget général', change: 'changed', currencyBefore: 'MAD', currency: 'MAD', planned: { before: 1000.1, after: 1100, difference: 99.9 }, committed: { before: 800.2, after: 800.2, difference: 0 }, executed: { before: 500, after: 500, difference: 0 }, noteBefore: null, note: null },
			{ year: 2025, fundingSource: 'Union européenne', change: 'removed', currencyBefore: 'EUR', currency: 'EUR', planned: { before: 300, after: null, difference: -300 }, committed: { before: 0, after: null, difference: 0 }, executed: { before: 0, after: null, difference: 0 }, noteBefore: null, note: null }
		]);
		expect(diff.lines.find((entry) => entry.action.id === helpline)!.lines.map((entry) => entry.change)).toEqual(['removed']);
		expect(diff.lines.find((entry) => entry.action.id === school)!.lines[0]).toMatchObject({ change: 'added', planned: { before: null, after: 0.1, difference: 0.1 } });
		// totals per year and currency, in cents: 1000.1 + 200.2 = 1200.3 before, 1100 after
		expect(diff.totals).toEqual([
			{ year: 2024, currency: 'MAD', planned: { before: 1200.3, after: 1100, difference: -100.3 }, committed: { before: 900.2, after: 800.2, difference: -100 }, executed: { before: 600, after: 500, difference: -100 } },
			{ year: 2025, currency: 'EUR', planned: { before: 300, after: 0.1, difference: -299.9 }, committed: { before: 0, after: 0.2, difference: 0.2 }, executed: { before: 0, after: 0, difference: 0 } }
		]);
		expect(diff.totalsByCurrency.map((row) => [row.currency, row.planned.difference])).toEqual([
			['EUR', -299.9],
			['MAD', -100.3]
		]);
	});

	it('compares two versions named by their labels either way, and finds nothing between a version and itself', async () => {
		const db = app.database.db;
		const ctx = contextFor(db, owner);
		const back = await compareVersions(ctx, SLUG, { from: 'draft', to: 'v1' });
		expect(back.diff.summary).toMatchObject({ actionsAdded: 1, actionsRemoved: 1, linesAdded: 2, linesRemoved: 1 });
		const same = await compareVersions(ctx, SLUG, { from: '1', to: 's2' });
		expect(same.identical).toBe(true);
		// the returned submission against v1: only the line edited before v1 was submitted
		const returned = await compareVersions(ctx, SLUG, { from: 's1', to: '1' });
		expect(returned.diff.summary).toMatchObject({ linesChanged: 0, actionsChanged: 0 });
		expect(await refusal(compareVersions(ctx, SLUG, { from: 'v99' }))).toBe('invalid_input:unknown_version');
		expect(await refusal(compareVersions(ctx, SLUG, { to: '../etc' }))).toBe('invalid_input:to');
		// the options name each version by its label, the draft first
		expect(back.options.map((option) => option.label)).toEqual(['Version de travail actuelle', 'Soumission 3', 'v1', 'Soumission 1']);
	});

	it('moves and structure: a node moved under another parent says where it was', () => {
		const base = { format: 1 as const, strategy: { slug: 's', title: { fr: 'S' }, periodStart: null, periodEnd: null }, lines: [] };
		const node = (id: string, parentId: string | null, kind: 'domain' | 'programme' | 'objective' | 'action', fr: string) => ({ id, parentId, kind, title: { fr }, status: 'planned' as const, periodStart: null, periodEnd: null, national: false, regions: [], lead: null, partners: [], description: {}, tags: [], isSample: false });
		const ids = ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000003'];
		const before = { ...base, nodes: [node(ids[0], null, 'domain', 'A'), node(ids[1], null, 'domain', 'B'), node(ids[2], ids[0], 'programme', 'P')] };
		const after = { ...base, nodes: [node(ids[0], null, 'domain', 'A'), node(ids[1], null, 'domain', 'B'), node(ids[2], ids[1], 'programme', 'P')] };
		const diff = diffProgrammes(before, after);
		expect(diff.summary.structureChanged).toBe(1);
		expect(diff.structure.changed[0]).toMatchObject({ path: [{ fr: 'B' }], pathBefore: [{ fr: 'A' }], changes: [{ field: 'parent', before: ids[0], after: ids[1] }] });
	});
});

describe('descriptions and tags in versions, and the differences as open data', () => {
	it('keeps each node’s descriptions and GCM/SDG tags in a snapshot, compares them, and still reads a snapshot taken before', async () => {
		const db = app.database.db;
		const ctx = contextFor(db, await aPerson(db, { role: 'administrator' }));
		const domain = (await createNode(ctx, 'hidden-versions', { kind: 'domain', title: { fr: 'Emploi' }, description: { fr: 'Insertion', ar: 'الإدماج' }, gcm: ['5', '18'], sdg: ['10.7'] })).id;
		const hidden = (await strategyBySlug(db, 'hidden-versions'))!;
		const before = await takeSnapshot(db, hidden);
		expect(before.nodes[0]).toMatchObject({ description: { fr: 'Insertion', ar: 'الإدماج' }, tags: ['gcm:18', 'gcm:5', 'sdg:10.7'] });
		await updateNode(ctx, domain, { title: { fr: 'Emploi' }, description: { fr: 'Insertion professionnelle', ar: 'الإدماج' }, gcm: ['5'], sdg: ['10.7', '8.8'] });
		const after = await takeSnapshot(db, hidden);
		expect(fingerprintOf(after)).not.toBe(fingerprintOf(before));
		const diff = diffProgrammes(before, after);
		expect(diff.structure.changed[0].changes).toEqual([
			{ field: 'description_fr', before: 'Insertion', after: 'Insertion professionnelle' },
			{ field: 'tags', before: ['gcm:18', 'gcm:5', 'sdg:10.7'], after: ['gcm:5', 'sdg:10.7', 'sdg:8.8'] }
		]);
		// a snapshot stored before descriptions and tags were kept: read as empty, so both show as added
		const { description: _description, tags: _tags, ...old } = before.nodes[0];
		const stored = ProgrammeSnapshot.parse({ ...before, nodes: [old] });
		expect(stored.nodes[0]).toMatchObject({ description: {}, tags: [] });
		expect(diffProgrammes(stored, after).structure.changed[0].changes.map((change) => change.field)).toEqual(['description_fr', 'description_ar', 'tags']);
	});

	it('keeps each node’s sources in a snapshot, compares them (the page and the CSV), and does not compare them with a version taken before', async () => {
		const db = app.database.db;
		const ctx = contextFor(db, await aPerson(db, { role: 'administrator' }));
		const hidden = (await strategyBySlug(db, 'hidden-versions'))!;
		const [domain] = (await takeSnapshot(db, hidden)).nodes;
		const plain = await takeSnapshot(db, hidden);
		expect(plain.nodes[0].sources).toEqual([]);
		await updateNode(ctx, domain.id, { title: { fr: 'Emploi' }, description: { fr: 'Insertion professionnelle', ar: 'الإدماج' }, gcm: ['5'], sdg: ['10.7', '8.8'], sources: [{ citation: 'Seed 004, SNIA ; domaine emploi', url: 'https://example.org/snia' }] });
		const before = await takeSnapshot(db, hidden);
		expect(before.nodes[0].sources).toEqual([{ citation: 'Seed 004, SNIA ; domaine emploi', url: 'https://example.org/snia' }]);
		// a node with sources changes the digest; a programme without any keeps the one it had before sources were kept
		expect(fingerprintOf(before)).not.toBe(fingerprintOf(plain));
		const { sources: _none, ...withoutKey } = plain.nodes[0];
		expect(fingerprintOf(ProgrammeSnapshot.parse({ ...plain, nodes: [withoutKey] }))).toBe(fingerprintOf(plain));
		await updateNode(ctx, domain.id, { title: { fr: 'Emploi' }, description: { fr: 'Insertion professionnelle', ar: 'الإدماج' }, gcm: ['5'], sdg: ['10.7', '8.8'], sources: [{ citation: 'Seed 004, SNIA ; domaine emploi', url: 'https://example.org/snia' }, { citation: 'Rapport annuel 2024' }] });
		const after = await takeSnapshot(db, hidden);
		const diff = diffProgrammes(before, after);
		expect(diff.sourcesCompared).toBe(true);
		expect(diff.structure.changed[0].changes).toEqual([{ field: 'sources', before: ['Seed 004, SNIA ; domaine emploi (https://example.org/snia)'], after: ['Rapport annuel 2024', 'Seed 004, SNIA ; domaine emploi (https://example.org/snia)'] }]);
		const rows = diffTable(diff);
		const cell = (row: (string | number)[], column: (typeof diffColumns)[number]) => row[diffColumns.indexOf(column)];
		expect(rows.map((row) => [cell(row, 'field'), cell(row, 'before'), cell(row, 'after')])).toEqual([
			['sources', 'Seed 004, SNIA ; domaine emploi (https://example.org/snia)', 'Rapport annuel 2024 | Seed 004, SNIA ; domaine emploi (https://example.org/snia)']
		]);
		// a version stored before sources were kept: not known, so not compared (and said so), the rest still is
		const stored = ProgrammeSnapshot.parse({ ...before, nodes: before.nodes.map(({ sources: _sources, ...item }) => item) });
		expect(stored.nodes[0].sources).toBeUndefined();
		const old = diffProgrammes(stored, after);
		expect(old.sourcesCompared).toBe(false);
		expect(old.summary.structureChanged).toBe(0);
	});

	it('gives one row per changed field, budget line and total, in columns that say what each is', async () => {
		const { diff } = await compareVersions(contextFor(app.database.db, owner), SLUG, { from: '1', to: 'draft' });
		const rows = diffTable(diff);
		expect(rows.every((row) => row.length === diffColumns.length)).toBe(true);
		const cell = (row: (string | number)[], column: (typeof diffColumns)[number]) => row[diffColumns.indexOf(column)];
		const renamed = rows.find((row) => cell(row, 'field') === 'title_fr')!;
		expect([cell(renamed, 'section'), cell(renamed, 'change'), cell(renamed, 'before'), cell(renamed, 'after'), cell(renamed, 'path_fr')]).toEqual(['action', 'changed', 'Caravane médicale', 'Caravane médicale mobile', 'Santé › Soins › Accès']);
		expect(rows.some((row) => cell(row, 'section') === 'action' && cell(row, 'change') === 'added' && cell(row, 'title_fr') === 'Cours de langue')).toBe(true);
		const line = rows.find((row) => cell(row, 'section') === 'budget_line' && cell(row, 'year') === 2024 && cell(row, 'title_fr') === 'Caravane médicale mobile')!;
		expect([cell(line, 'change'), cell(line, 'currency'), cell(line, 'planned_before'), cell(line, 'planned_after'), cell(line, 'planned_difference')]).toEqual(['changed', 'MAD', 1000.1, 1100, 99.9]);
		const total = rows.find((row) => cell(row, 'section') === 'total' && cell(row, 'currency') === 'EUR')!;
		expect(cell(total, 'planned_difference')).toBe(-299.9);
		// CSV (with a byte-order mark, for spreadsheets): the columns' names, then the rows
		const csv = diffCsv(rows);
		expect(csv.split('\r\n')[0]).toBe(`\ufeff${diffColumns.join(',')}`);
		expect(csv).toContain('Caravane médicale mobile');
	});
});

describe('a version submitted through another strategy’s grant', () => {
	it('is refused and changes nothing', async () => {
		const db = app.database.db;
		const count = (await db.select().from(programmeVersion)).length;
		const otherPlanner = await aPerson(db);
		grant(otherPlanner, 'planner', 'hidden-versions');
		expect(await refusal(submitVersion(contextFor(db, otherPlanner), SLUG, {}))).toBe('forbidden:');
		expect(await refusal(submitVersion(contextFor(db, otherPlanner), 'hidden-versions', {}))).toBe('conflict:programme_empty');
		expect((await db.select().from(programmeVersion)).length).toBe(count);
		expect(await db.select().from(programmeVersion).where(and(eq(programmeVersion.state, 'submitted')))).toHaveLength(0);
	});
});

describe('a person’s programme versions', () => {
	it('are exported, and on erasure the versions stay without naming them', async () => {
		const db = app.database.db;
		const exported = (await strategyPersonalData.export(db, planner.actor)) as { strategyVersionsSubmitted: { seq: number; state: string }[]; strategyVersionsDecided: { seq: number; state: string }[] };
		expect(exported.strategyVersionsSubmitted.map((entry) => `${entry.seq}:${entry.state}`).sort()).toEqual(['1:returned', '2:approved', '3:withdrawn']);
		expect(exported.strategyVersionsDecided.map((entry) => entry.state)).toEqual(['withdrawn']);
		const before = await versionsIn();
		await db.transaction((tx) => strategyPersonalData.erase(tx, planner.user.id, new Date(), { files: null as never }));
		const after = await versionsIn();
		expect(after).toHaveLength(before.length);
		expect(after.filter((row) => row.submittedBy === planner.user.id || row.decidedBy === planner.user.id)).toEqual([]);
		expect(after.find((row) => row.number === 1)).toMatchObject({ state: 'approved', submittedBy: null, fingerprint: before.find((row) => row.number === 1)!.fingerprint });
	});
});

describe('the e-mails of a submission and its decision', () => {
	it('tells the strategy’s owners of a submission and the planner of the decision, each in their language, with the reason of a return', async () => {
		const db = app.database.db;
		const admin = await aPerson(db, { role: 'administrator' });
		const mailPlanner = await aPerson(db, { name: 'Karim Planificateur', locale: 'fr' });
		const arabicOwner = await aPerson(db, { name: 'سلمى', locale: 'ar' });
		grant(mailPlanner, 'planner', 'versions-mail');
		grant(arabicOwner, 'owner', 'versions-mail');
		await db.insert(accessGrant).values({ userId: arabicOwner.user.id, module: 'strategy', role: 'owner', scope: 'versions-mail' });
		await createStrategy(contextFor(db, admin), { slug: 'versions-mail', title: { fr: 'Stratégie courriels', ar: 'استراتيجية الرسائل' }, country: 'MA', published: true });
		const ctx = contextFor(db, mailPlanner);
		const domain = (await createNode(ctx, 'versions-mail', { kind: 'domain', title: { fr: 'Emploi' } })).id;
		const programme = (await createNode(ctx, 'versions-mail', { kind: 'programme', parentId: domain, title: { fr: 'Insertion' } })).id;
		const goal = (await createNode(ctx, 'versions-mail', { kind: 'objective', parentId: programme, title: { fr: 'Orientation' } })).id;
		await createNode(ctx, 'versions-mail', { kind: 'action', parentId: goal, title: { fr: 'Permanence' }, national: true });
		const sent: MailMessage[] = [];
		const mailer = { send: async (message: MailMessage) => void sent.push(message) };
		const publicUrl = 'https://sharaka.example';

		await submitVersion(contextFor(db, mailPlanner, { mailer, publicUrl }), 'versions-mail', {});
		expect(sent.map((message) => [message.to, message.language])).toEqual([[arabicOwner.user.email, 'ar']]);
		expect(sent[0].subject).toContain('استراتيجية الرسائل');
		expect(sent[0].text).toContain('https://sharaka.example/ar/strategy/versions-mail/plan/versions');

		sent.length = 0;
		await decideVersion(contextFor(db, arabicOwner, { mailer, publicUrl, language: 'ar' }), 'versions-mail', 's1', { decision: 'return', reason: 'Précisez le budget' });
		expect(sent.map((message) => [message.to, message.language])).toEqual([[mailPlanner.user.email, 'fr']]);
		expect(sent[0].subject).toContain('Stratégie courriels');
		expect(sent[0].text).toContain('Précisez le budget');

		sent.length = 0;
		await submitVersion(contextFor(db, mailPlanner, { mailer, publicUrl }), 'versions-mail', {});
		await decideVersion(contextFor(db, arabicOwner, { mailer, publicUrl }), 'versions-mail', 's2', { decision: 'approve' });
		expect(sent.map((message) => message.to)).toEqual([arabicOwner.user.email, mailPlanner.user.email]);
		expect(sent[1].text).toContain('v1');
		// a decision that fails sends nothing
		sent.length = 0;
		expect(await refusal(decideVersion(contextFor(db, arabicOwner, { mailer, publicUrl }), 'versions-mail', 's2', { decision: 'approve' }))).toBe('conflict:version_already_decided');
		expect(sent).toEqual([]);
	});
});
