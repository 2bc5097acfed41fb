import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { runCaseRetention } from './cli/case-retention.ts';
import { addCaseDocument } from '../../platform/casework/case-documents.ts';
import { caseDocument, caseNote } from '../../platform/casework/casework.table.ts';
import { aPdf } from '../../platform/testing/pdf.ts';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { assistedReturnScheme } from './schemes/schemes.table.ts';
import { caseloadRows } from './caseload-export.ts';
import { aPerson, contextFor, type Person } from '../../platform/testing/people.ts';
import { refusalOf, refusalWithReason } from '../../platform/testing/refusal.ts';
import { organisation, user } from '../../platform/accounts/accounts.table.ts';
import { auditEvent } from '../../platform/audit/audit-event.table.ts';
import { directoryEntry } from '../../platform/directory/directory.table.ts';
import { addCaseNote, openCaseFile, refer } from '../../platform/casework/casework.service.ts';
import type { Actor } from '../../platform/policy/policy.ts';
import {
	addPlanAction,
	closeReintegrationCase,
	getReintegrationCase,
	listReintegrationCases,
	myReintegrationCases,
	openCaseCount,
	openReintegrationCase,
	openReintegrationCaseByEmail,
	recordNeeds,
	reintegrationFollowUp,
	reintegrationStatistics,
	setPlanActionStatus
} from './reintegration.ts';
import { loadReturnNetworkDemoData } from './return.data.ts';
import { returnSpace } from './my-space.ts';
import { networkMember, reintegrationAction, reintegrationCase } from './return.table.ts';
import { returnPersonalData } from './personal-data.ts';

let app: TestApp;
let operatorA: string;
let operatorB: string;
let caseworkerA: Actor;
let caseworkerB: Actor;
let returnee: Person;

const caseworkerOf = async (organisationId: string): Promise<Actor> => ({
	...(await aPerson(app.database.db, { role: 'member' })).actor,
	grants: [{ module: 'return', role: 'caseworker', organisationId, scope: null }]
});

const caseInput = (personUserId: string, operatorOrganisationId: string) => ({
	personUserId,
	operatorOrganisationId,
	consent: 'on',
	consentPurpose: 'Suivi de la réintégration et orientation vers les services du réseau',
	returnDate: '2026-09-15',
	hostCountry: 'be',
	scheme: 'Aide au retour volontaire (Fedasil)',
	regionCode: 'MA-06',
	provinceCode: '',
	commune: 'Khouribga',
	householdSize: '3'
});

const needs = {
	economic: { level: 'high', notes: 'Sans revenu depuis le retour' },
	social: { level: 'medium', notes: 'Scolarisation des enfants à organiser' },
	psychosocial: { level: 'low', notes: '' }
};

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	const db = app.database.db;
	await loadReturnNetworkDemoData(db);
	const [a] = await db.insert(organisation).values({ slug: 'operateur-a', name: 'Opérateur A', type: 'ngo' }).returning();
	const [b] = await db.insert(organisation).values({ slug: 'operateur-b', name: 'Opérateur B', type: 'ngo' }).returning();
	operatorA = a.id;
	operatorB = b.id;
	await db.insert(networkMember).values([
		{ organisationId: operatorA, status: 'member' },
		{ organisationId: operatorB, status: 'member' }
	]);
	caseworkerA = await caseworkerOf(operatorA);
	caseworkerB = await caseworkerOf(operatorB);
	returnee = await aPerson(db, { role: 'member', name: 'Karima Retour' });
});

afterAll(async () => {
	await app?.close();
});

describe('followed reintegration', () => {
	it('lets an operator’s case worker open a case with the consent recorded, assess needs, plan, note and refer', async () => {
		const db = app.database.db;
		const ctx = contextFor(db, caseworkerA);
		const opened = await openReintegrationCase(ctx, caseInput(returnee.actor.userId, operatorA));
		expect(opened).toMatchObject({ hostCountry: 'BE', regionCode: 'MA-06', householdSize: 3, consentRecordedBy: caseworkerA.userId, provinceCode: null });
		expect(opened.consentAt).toBeInstanceOf(Date);

		await recordNeeds(ctx, opened.id, needs);
		const action = await addPlanAction(ctx, opened.id, { dimension: 'economic', action: 'Monter un dossier de micro-projet', owner: 'Karima et sa chargée de suivi', dueDate: '2026-12-31' });
		await setPlanActionStatus(ctx, opened.id, action.id, { status: 'in_progress' });
		await addCaseNote(ctx, reintegrationFollowUp, returnee.actor.userId, { body: 'Premier entretien au local de l’opérateur.' });
		const [service] = await db.select().from(directoryEntry).where(and(eq(directoryEntry.collection, 'return.services'), eq(directoryEntry.status, 'active'))).limit(1);
		await refer(ctx, reintegrationFollowUp, returnee.actor.userId, { entryId: service.id, message: 'Accompagnement au montage de projet', kind: 'employment', agreed: true });

		const seen = await getReintegrationCase(ctx, opened.id);
		expect(seen.case.needs).toEqual(needs);
		expect(seen.plan.map((row) => [row.action, row.status])).toEqual([['Monter un dossier de micro-projet', 'in_progress']]);
		expect(seen.file.notes.map((note) => note.body)).toEqual(['Premier entretien au local de l’opérateur.']);
		expect(seen.file.referrals.map((row) => [row.entry.id, row.status])).toEqual([[service.id, 'sent']]);
		expect(seen.file.team.name).toBe('Opérateur A');

		// the case worker's read of the case is in the audit trail, and so is the consent
		const reads = await db.select().from(auditEvent).where(and(eq(auditEvent.action, 'personal_data.read'), eq(auditEvent.resourceType, 'return_case'), eq(auditEvent.resourceId, opened.id)));
		expect(reads.length).toBe(1);
		const [created] = await db.select().from(auditEvent).where(and(eq(auditEvent.action, 'return_case.create'), eq(auditEvent.resourceId, opened.id)));
		expect(created.after).toMatchObject({ consentPurpose: opened.consentPurpose, operatorId: operatorA });
	});

	it('refuses a case without the returnee’s consent, for an operator the case worker does not work for, or twice', async () => {
		const ctx = contextFor(app.database.db, caseworkerA);
		const other = await aPerson(app.database.db);
		expect(await refusalOf(openReintegrationCase(ctx, { ...caseInput(other.actor.userId, operatorA), consent: undefined }))).toBe('invalid_input');
		expect(await refusalOf(openReintegrationCase(ctx, caseInput(other.actor.userId, operatorB)))).toBe('invalid_input');
		expect(await refusalOf(openReintegrationCase(ctx, caseInput(returnee.actor.userId, operatorA)))).toBe('conflict');
	});

	it('hides a case from another operator’s case workers: not found, nothing changed', async () => {
		const db = app.database.db;
		const [theCase] = await db.select().from(reintegrationCase).where(eq(reintegrationCase.personUserId, returnee.actor.userId));
		const ctxB = contextFor(db, caseworkerB);
		expect(await refusalOf(getReintegrationCase(ctxB, theCase.id))).toBe('not_found');
		expect(await refusalOf(recordNeeds(ctxB, theCase.id, { ...needs, economic: { level: 'none', notes: '' } }))).toBe('not_found');
		expect(await refusalOf(addPlanAction(ctxB, theCase.id, { dimension: 'social', action: 'Action pirate', owner: 'Opérateur B' }))).toBe('not_found');
		expect(await refusalOf(openCaseFile(ctxB, reintegrationFollowUp, returnee.actor.userId))).toBe('not_found');
		expect(await refusalOf(addCaseNote(ctxB, reintegrationFollowUp, returnee.actor.userId, { body: 'Note' }))).toBe('not_found');
		expect(await listReintegrationCases(ctxB)).toEqual([]);
		const [after] = await db.select().from(reintegrationCase).where(eq(reintegrationCase.id, theCase.id));
		expect(after.needs).toEqual(needs);
		expect((await db.select().from(reintegrationAction).where(eq(reintegrationAction.caseId, theCase.id))).length).toBe(1);
		// a grant limited to an organisation that is not (or no longer) a network member gives no case
		const outsider = await caseworkerOf((await db.insert(organisation).values({ slug: 'hors-reseau', name: 'Hors réseau', type: 'ngo' }).returning())[0].id);
		expect(await refusalOf(getReintegrationCase(contextFor(db, outsider), theCase.id))).toBe('not_found');
		// and someone without the grant is refused outright
		expect(await refusalOf(getReintegrationCase(contextFor(db, returnee), theCase.id))).toBe('forbidden');
	});

	it('lists the operator’s own cases with the returnee’s name (an audited read)', async () => {
		const list = await listReintegrationCases(contextFor(app.database.db, caseworkerA));
		expect(list.map((row) => [row.personName, row.operatorName])).toEqual([['Karima Retour', 'Opérateur A']]);
	});

	it('shows the returnee their own case and plan, never the case workers’ notes', async () => {
		const mine = await myReintegrationCases(contextFor(app.database.db, returnee));
		expect(mine).toHaveLength(1);
		expect(mine[0]).toMatchObject({ operatorName: 'Opérateur A', hostCountry: 'BE', needLevels: { economic: 'high', social: 'medium', psychosocial: 'low' } });
		expect(mine[0].plan.map((row) => row.status)).toEqual(['in_progress']);
		expect(JSON.stringify(mine)).not.toContain('Premier entretien');
		expect(JSON.stringify(mine)).not.toContain('Sans revenu');
	});

	it('opens a case from the returnee’s e-mail; an unknown e-mail is a field error and nothing is created', async () => {
		const db = app.database.db;
		const ctx = contextFor(db, caseworkerA);
		const before = (await db.select().from(reintegrationCase)).length;
		const { personUserId: _id, ...form } = caseInput('', operatorA);
		const failure = await openReintegrationCaseByEmail(ctx, { ...form, email: 'personne@example.invalid' }).catch((thrown) => thrown);
		expect(failure.code).toBe('invalid_input');
		expect(failure.fields.map((field: { path: string }) => field.path)).toEqual(['email']);
		expect((await db.select().from(reintegrationCase)).length).toBe(before);
		const other = await aPerson(db, { role: 'member', name: 'Youssef Retour' });
		const [row] = await db.select({ email: user.email }).from(user).where(eq(user.id, other.actor.userId));
		const opened = await openReintegrationCaseByEmail(ctx, { ...form, email: `  ${row.email.toUpperCase()} ` });
		expect(opened.personUserId).toBe(other.actor.userId);
	});

	it('gives everyone pooled statistics with counts under 5 suppressed', async () => {
		const db = app.database.db;
		const ctxA = contextFor(db, caseworkerA);
		for (let index = 0; index < 5; index += 1) {
			const person = await aPerson(db, { role: 'member' });
			await openReintegrationCase(ctxA, { ...caseInput(person.actor.userId, operatorA), regionCode: 'MA-01' });
		}
		await openReintegrationCase(contextFor(db, caseworkerB), { ...caseInput((await aPerson(db)).actor.userId, operatorB), regionCode: 'MA-01' });
		const moderator = await aPerson(db, { role: 'moderator' });
		const stats = await reintegrationStatistics(contextFor(db, moderator));
		// operator A: 5 in MA-01 + 2 in MA-06 (open); operator B: 1 (suppressed)
		expect(stats.byOperator.map((row) => [row.label, row.open, row.closed])).toEqual([
			['Opérateur A', 7, null],
			['Opérateur B', null, null]
		]);
		expect(stats.byRegion.map((row) => [row.key, row.open])).toEqual([
			['MA-01', 6],
			['MA-06', null]
		]);
		expect(stats.total).toEqual({ open: 8, closed: null });
		// open data: the same for anyone, a case worker or a visitor
		expect(await reintegrationStatistics(contextFor(db, null))).toEqual(stats);
	});

	it('leads the case worker to the caseload with its open count and the returnee to their follow-up (my space)', async () => {
		const db = app.database.db;
		const worker = await returnSpace(contextFor(db, caseworkerA));
		expect(worker.find((link) => link.path === '/return/cases')?.waiting?.count).toBe(await openCaseCount(contextFor(db, caseworkerA)));
		expect(worker.find((link) => link.path === '/return/cases')?.waiting?.count).toBe(7);
		expect((await returnSpace(contextFor(db, returnee))).map((link) => link.path)).toContain('/return/my-reintegration');
		const stranger = await aPerson(db, { role: 'member' });
		expect((await returnSpace(contextFor(db, stranger))).map((link) => link.path)).not.toContain('/return/my-reintegration');
		expect((await returnSpace(contextFor(db, stranger))).map((link) => link.path)).not.toContain('/return/cases');
	});

	it('lists every problem of the open-a-case form at once, the unknown address first', async () => {
		const { personUserId: _id, ...form } = caseInput('', operatorA);
		const failure = await openReintegrationCaseByEmail(contextFor(app.database.db, caseworkerA), { ...form, consent: undefined, householdSize: '0', email: 'inconnu@example.invalid' }).catch((thrown) => thrown);
		expect(failure.fields.map((field: { path: string }) => field.path)).toEqual(['email', 'consent', 'householdSize']);
	});

	it('closes a case with its reason: the plan and needs no longer move, another operator cannot close it', async () => {
		const db = app.database.db;
		const [theCase] = await db.select().from(reintegrationCase).where(eq(reintegrationCase.personUserId, returnee.actor.userId));
		const [action] = await db.select().from(reintegrationAction).where(eq(reintegrationAction.caseId, theCase.id));
		expect(await refusalOf(closeReintegrationCase(contextFor(db, caseworkerB), theCase.id, { reason: 'plan_completed' }))).toBe('not_found');
		expect(await refusalOf(closeReintegrationCase(contextFor(db, caseworkerA), theCase.id, { reason: 'finished' }))).toBe('invalid_input');
		const ctx = contextFor(db, caseworkerA);
		const closed = await closeReintegrationCase(ctx, theCase.id, { reason: 'plan_completed' });
		expect(closed).toMatchObject({ closeReason: 'plan_completed' });
		expect(closed.closedAt).toBeInstanceOf(Date);
		expect(await refusalWithReason(closeReintegrationCase(ctx, theCase.id, { reason: 'lost_contact' }))).toBe('conflict:case_closed');
		expect(await refusalWithReason(addPlanAction(ctx, theCase.id, { dimension: 'social', action: 'Encore une action', owner: 'Karima' }))).toBe('conflict:case_closed');
		expect(await refusalWithReason(setPlanActionStatus(ctx, theCase.id, action.id, { status: 'done' }))).toBe('conflict:case_closed');
		expect(await refusalWithReason(recordNeeds(ctx, theCase.id, needs))).toBe('conflict:case_closed');
		const [after] = await db.select().from(reintegrationAction).where(eq(reintegrationAction.id, action.id));
		expect(after.status).toBe('in_progress');
		expect((await myReintegrationCases(contextFor(db, returnee)))[0]).toMatchObject({ closeReason: 'plan_completed' });
		const stats = await reintegrationStatistics(contextFor(db, await aPerson(db, { role: 'moderator' })));
		expect(stats.byOperator.find((row) => row.label === 'Opérateur A')).toMatchObject({ open: 6, closed: null });
	});

	it('gives the returnee their case in their export, and erases it with their account', async () => {
		const db = app.database.db;
		const exported = (await returnPersonalData.export!(db, returnee.actor)) as { reintegrationCases: { needs: unknown; plan: unknown[]; consentPurpose: string }[] };
		expect(exported.reintegrationCases).toHaveLength(1);
		expect(exported.reintegrationCases[0].needs).toEqual(needs);
		expect(exported.reintegrationCases[0].plan).toHaveLength(1);
		const result = await db.transaction((tx) => returnPersonalData.erase!(tx, returnee.actor.userId, new Date(), { files: null as never }));
		expect(result.removed).toContain('reintegrationCases');
		expect(await db.select().from(reintegrationCase).where(eq(reintegrationCase.personUserId, returnee.actor.userId))).toEqual([]);
	});

	it('takes a scheme from the catalogue, only one of the host country, and names it on the case', async () => {
		const ctx = contextFor(app.database.db, caseworkerA);
		const other = await aPerson(app.database.db);
		// a scheme of the catalogue must be one of the host country's
		const schemes = await app.database.db.select().from(assistedReturnScheme);
		const german = schemes.find((row) => row.country === 'DE')!;
		expect(await refusalWithReason(openReintegrationCase(ctx, { ...caseInput(other.actor.userId, operatorA), schemeId: german.id }))).toBe('invalid_input:schemeId');
		expect(await app.database.db.select().from(reintegrationCase).where(eq(reintegrationCase.personUserId, other.actor.userId))).toEqual([]);
		const belgian = schemes.find((row) => row.country === 'BE')!;
		const opened = await openReintegrationCase(ctx, { ...caseInput(other.actor.userId, operatorA), schemeId: belgian.id, scheme: '' });
		const seen = await getReintegrationCase(ctx, opened.id);
		expect(seen.scheme).toMatchObject({ slug: belgian.slug, name: belgian.name.fr });
		expect(seen.case.scheme).toBeNull();
	});
	it('exports the caseload as the list shows it, the operator’s own cases only, an audited read', async () => {
		const db = app.database.db;
		const [header, ...rows] = await caseloadRows(contextFor(db, caseworkerA), 'all');
		expect(header).toContain('Personne');
		const own = (await listReintegrationCases(contextFor(db, caseworkerA))).length;
		expect(rows).toHaveLength(own);
		expect(rows.some((row) => row.includes('Dispositif belge d’aide au retour'))).toBe(true);
		const open = await caseloadRows(contextFor(db, caseworkerA), 'open');
		expect(open.slice(1).every((row) => row.includes('En cours'))).toBe(true);
		const reads = await db.select().from(auditEvent).where(and(eq(auditEvent.action, 'personal_data.read'), eq(auditEvent.resourceType, 'return_case')));
		expect(reads.length).toBeGreaterThan(0);
		// someone who is no case worker is refused
		expect(await refusalOf(caseloadRows(contextFor(db, await aPerson(db, { role: 'partner' })), 'all'))).toBe('forbidden');
	});
	it('links a plan action to a Jobs support programme (picker) or a job offer (its address), refusing what names nothing', async () => {
		const db = app.database.db;
		const ctx = contextFor(db, caseworkerA);
		const [someOrganisation] = await db.select({ id: organisation.id }).from(organisation).limit(1);
		const [programme] = await db
			.insert(directoryEntry)
			.values({ collection: 'jobs.programmes', organisationId: someOrganisation.id, name: { fr: 'Programme d’insertion (test)' }, description: { fr: 'Test' }, eligibility: {}, services: [], regions: [], cities: [], languages: [], searchText: 'programme' })
			.returning();
		const [opened] = await listReintegrationCases(ctx);
		const planned = { dimension: 'economic', action: 'S’inscrire au programme d’insertion', owner: 'La personne' };
		expect(await refusalWithReason(addPlanAction(ctx, opened.id, { ...planned, programme: 'jobs.programme:00000000-0000-4000-8000-000000000000', offer: 'https://sharaka.ma/fr/jobs/offers/not-an-offer' }))).toBe('invalid_input:programme,offer');
		expect(await refusalWithReason(addPlanAction(ctx, opened.id, { ...planned, programme: 'atlas.initiative:sharaka' }))).toBe('invalid_input:programme');
		const added = await addPlanAction(ctx, opened.id, { ...planned, programme: `jobs.programme:${programme.id}` });
		expect(added.links).toEqual([`jobs.programme:${programme.id}`]);
		const seen = await getReintegrationCase(ctx, opened.id);
		const linked = seen.plan.find((action) => action.id === added.id)!;
		expect(linked.links.map(({ label, path }) => ({ label, path }))).toEqual([{ label: 'Programme d’insertion (test)', path: `/jobs/programmes/${programme.id}` }]);
	});
});

describe('retention of closed cases', () => {
	it('erases a case closed more than three years ago with the operator’s file of the person, audited; a younger one stays', async () => {
		const db = app.database.db;
		const ctx = contextFor(db, caseworkerA, { files: app.files });
		const day = 86_400_000;
		const [old, recent] = [await aPerson(db), await aPerson(db)];
		const oldCase = await openReintegrationCase(ctx, caseInput(old.actor.userId, operatorA));
		await addCaseNote(ctx, reintegrationFollowUp, old.actor.userId, { body: 'Note d’un suivi ancien.' });
		const document = await addCaseDocument(ctx, reintegrationFollowUp, old.actor.userId, { kind: 'identity', fileName: 'passeport.pdf', bytes: aPdf() });
		const key = (await db.select().from(caseDocument).where(eq(caseDocument.id, document.id)))[0].storageKey;
		const recentCase = await openReintegrationCase(ctx, caseInput(recent.actor.userId, operatorA));
		await addCaseNote(ctx, reintegrationFollowUp, recent.actor.userId, { body: 'Suivi récent.' });
		for (const item of [oldCase, recentCase]) await closeReintegrationCase(ctx, item.id, { reason: 'plan_completed' });
		// closed three years and two days ago, and two years ago
		await db.update(reintegrationCase).set({ closedAt: new Date(Date.now() - (3 * 365 + 2) * day) }).where(eq(reintegrationCase.id, oldCase.id));
		await db.update(reintegrationCase).set({ closedAt: new Date(Date.now() - 2 * 365 * day) }).where(eq(reintegrationCase.id, recentCase.id));

		const output: string[] = [];
		const io = { out: (text: string) => output.push(text), err: (text: string) => output.push(text) };
		expect(await runCaseRetention(io, { database: app.database, files: app.files })).toBe(0);
		expect(output.join('\n')).toMatch(/^1 case erased \(1 document file\)/);
		const left = await db.select({ id: reintegrationCase.id }).from(reintegrationCase).where(inArray(reintegrationCase.id, [oldCase.id, recentCase.id]));
		expect(left.map((row) => row.id)).toEqual([recentCase.id]);
		// the old file went with its case, its document's file too; the recent one stays whole
		expect(await db.select().from(caseNote).where(eq(caseNote.personUserId, old.actor.userId))).toEqual([]);
		expect(await db.select().from(caseDocument).where(eq(caseDocument.personUserId, old.actor.userId))).toEqual([]);
		expect(await app.files.exists(key)).toBe(false);
		expect((await db.select().from(caseNote).where(eq(caseNote.personUserId, recent.actor.userId))).map((note) => note.body)).toEqual(['Suivi récent.']);
		const trail = await db.select().from(auditEvent).where(and(eq(auditEvent.action, 'return_case.erase'), eq(auditEvent.resourceId, oldCase.id)));
		expect(trail).toHaveLength(1);
		expect(JSON.stringify(trail[0].after)).not.toContain('Note d’un suivi ancien');
		// nothing more to do the next day
		output.length = 0;
		await runCaseRetention(io, { database: app.database, files: app.files });
		expect(output.join('\n')).toMatch(/^No case closed/);
	});
});
