import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { aPerson, contextFor, type Person } from '../testing/people.ts';
import { organisation } from '../accounts/accounts.table.ts';
import { directoryEntry } from '../directory/directory.table.ts';
import type { DirectoryCollection } from '../directory/directory.service.ts';
import { AppError } from '../http/app-error.ts';
import { deleteMyAccount, exportMyData } from '../accounts/personal-data.service.ts';
import { and, eq } from 'drizzle-orm';
import { auditEvent } from '../audit/audit-event.table.ts';
import { aPdf } from '../testing/pdf.ts';
import { aJpeg } from '../testing/images.ts';
import { addCaseDocument, deleteCaseDocument, myCaseDocuments, readCaseDocument, readMyCaseDocument } from './case-documents.ts';
import { caseDocument } from './casework.table.ts';
import type { Caseload } from './caseload.ts';
import { addCaseNote, listEntryReferrals, myCasework, openCaseFile, refer, setReferralStatus } from './casework.service.ts';

// A caseload as a second module would declare it (regional offices following returnees), beside the
// Jobs agencies: its teams and rule live here, in memory; the platform keeps its rows apart.
const network: DirectoryCollection = {
	key: 'test.network',
	services: ['housing'],
	manageAction: 'support.programme.manage',
	contributeAction: 'support.programme.contribute',
	auditResource: 'network_member'
};
const offices = new Map<string, string>([
	[crypto.randomUUID(), 'Bureau régional de l’Oriental'],
	[crypto.randomUUID(), 'Bureau régional du Souss']
]);
const [oriental, souss] = [...offices.keys()];
/** staff → their office; person → the office following them */
const staffOf = new Map<string, string>();
const followedBy = new Map<string, string>();

const returnees: Caseload = {
	key: 'test.returnees',
	async followed(ctx, personId) {
		const office = staffOf.get(ctx.require('counsellors.follow_up').userId);
		if (!office || followedBy.get(personId) !== office) throw new AppError('not_found');
		return { teamId: office, teamName: offices.get(office)! };
	},
	async followedAmong(ctx, personIds) {
		const office = staffOf.get(ctx.require('counsellors.follow_up').userId);
		return new Map(personIds.filter((id) => office && followedBy.get(id) === office).map((id) => [id, office!]));
	},
	async staffTeams(ctx) {
		const office = staffOf.get(ctx.require('counsellors.follow_up').userId);
		return office ? [{ id: office, name: offices.get(office)! }] : [];
	},
	async teamNames(_db, ids) {
		return new Map(ids.filter((id) => offices.has(id)).map((id) => [id, offices.get(id)!]));
	},
	actions: {
		writeNotes: 'counsellors.follow_up',
		planAppointments: 'counsellors.follow_up',
		refer: 'counsellors.follow_up',
		answerReferrals: 'counsellors.referral.respond',
		seeOwn: 'account.manage_own'
	},
	directory: network,
	audit: { note: 'return_note', appointment: 'return_appointment', referral: 'return_referral', contact: 'returnee_contact', teamReferralsView: 'office_referrals', entryReferralsView: 'network_referrals' },
	emails: 'casework_test',
	paths: { person: '/return/follow-up', entryReferrals: '/return/network/referrals' }
};

let app: TestApp;
let officer: Person;
let otherOfficer: Person;
let returnee: Person;
let partner: Person;
let entryId: string;
let otherCollectionEntryId: string;

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	const db = app.database.db;
	officer = await aPerson(db, { role: 'counsellor' });
	otherOfficer = await aPerson(db, { role: 'counsellor' });
	returnee = await aPerson(db, { role: 'member' });
	staffOf.set(officer.actor.userId, oriental).set(otherOfficer.actor.userId, souss);
	followedBy.set(returnee.actor.userId, oriental);
	const [org] = await db.insert(organisation).values({ slug: 'reseau-test', name: 'Réseau test', type: 'ngo' }).returning();
	partner = await aPerson(db, { role: 'partner', organisationIds: [org.id] });
	const values = { organisationId: org.id, description: { fr: 'x' }, eligibility: { fr: 'x' }, services: ['housing'], cities: ['Oujda'], regions: ['MA-02'], languages: ['fr'] };
	const [entry] = await db.insert(directoryEntry).values({ ...values, collection: network.key, name: { fr: 'Hébergement d’urgence' } }).returning();
	const [elsewhere] = await db.insert(directoryEntry).values({ ...values, collection: 'jobs.programmes', name: { fr: 'Programme des Jobs' } }).returning();
	entryId = entry.id;
	otherCollectionEntryId = elsewhere.id;
});
afterAll(() => app.close());

describe('a second caseload', () => {
	it('follows its people by its own rule and keeps its rows apart from the Jobs agencies', async () => {
		const db = app.database.db;
		await addCaseNote(contextFor(db, officer), returnees, returnee.actor.userId, { body: 'Retour en janvier, cherche un logement.' });
		// staff of another office, by the module's rule, do not find the person
		await expect(openCaseFile(contextFor(db, otherOfficer), returnees, returnee.actor.userId)).rejects.toMatchObject({ code: 'not_found' });
		// only the caseload's own directory: an entry of another collection is refused
		await expect(refer(contextFor(db, officer), returnees, returnee.actor.userId, { entryId: otherCollectionEntryId, message: 'x', agreed: true })).rejects.toMatchObject({
			code: 'invalid_input'
		});
		// an unknown need is refused; a housing referral says so to the organisation receiving it
		await expect(refer(contextFor(db, officer), returnees, returnee.actor.userId, { entryId, kind: 'astrology', message: 'x', agreed: true })).rejects.toMatchObject({
			code: 'invalid_input'
		});
		const sent = await refer(contextFor(db, officer), returnees, returnee.actor.userId, { entryId, kind: 'housing', message: 'Besoin d’un hébergement.', agreed: true });
		const file = await openCaseFile(contextFor(db, officer), returnees, returnee.actor.userId);
		expect(file.team.name).toBe('Bureau régional de l’Oriental');
		expect(file.notes.map((note) => note.body)).toEqual(['Retour en janvier, cherche un logement.']);
		expect(file.referrals).toEqual([expect.objectContaining({ id: sent.id, status: 'sent', entry: expect.objectContaining({ name: 'Hébergement d’urgence' }) })]);

		// the network's partner answers; the person sees it (never the note)
		const received = await listEntryReferrals(contextFor(db, partner), returnees);
		expect(received.map((item) => [item.id, item.kind])).toEqual([[sent.id, 'housing']]);
		await setReferralStatus(contextFor(db, partner), returnees, sent.id, { status: 'accepted' });
		const mine = await myCasework(contextFor(db, returnee), returnees);
		expect(mine.referrals).toEqual([expect.objectContaining({ id: sent.id, status: 'accepted', team: { id: oriental, name: 'Bureau régional de l’Oriental' } })]);
		expect(JSON.stringify(mine)).not.toContain('logement.');

		// the export names the caseload; a caseload no installed module declares shows its team's id
		const exported = (await exportMyData(contextFor(db, returnee))) as unknown as { casework: { notes: { caseload: string; team: string }[] } };
		expect(exported.casework.notes).toEqual([expect.objectContaining({ caseload: 'test.returnees', team: oriental })]);
	});
});

describe('documents of a file', () => {
	const refusal = (work: Promise<unknown>) =>
		work.then(
			() => 'accepted',
			(failure: AppError) => `${failure.code}:${String(failure.extra?.reason ?? '')}`
		);

	it('are added by the team, checked by their content, downloaded by the team and the person, each download recorded', async () => {
		const db = app.database.db;
		const ctx = () => contextFor(db, officer, { files: app.files });
		const person = returnee.actor.userId;
		const added = await addCaseDocument(ctx(), returnees, person, { kind: 'civil_status', fileName: 'C:\\Users\\moi\\acte de naissance', bytes: aPdf({ text: 'Acte' }) });
		// the name keeps what the person would recognise, its path gone, its format's ending added
		expect(added).toMatchObject({ kind: 'civil_status', fileName: 'acte de naissance.pdf', mediaType: 'application/pdf' });
		const photo = await addCaseDocument(ctx(), returnees, person, { kind: 'identity', fileName: 'passeport.jpeg', bytes: aJpeg() });

		// a file that is not what it says, empty, too large, or active, is refused and nothing is kept
		const before = await db.select().from(caseDocument);
		expect(await refusal(addCaseDocument(ctx(), returnees, person, { kind: 'identity', fileName: 'x.pdf', bytes: Buffer.from('<html>not a pdf</html>') }))).toBe(
			'unsupported_media_type:document_type'
		);
		expect(await refusal(addCaseDocument(ctx(), returnees, person, { kind: 'identity', fileName: 'x.pdf', bytes: new Uint8Array() }))).toBe('invalid_input:document_empty');
		expect(await refusal(addCaseDocument(ctx(), returnees, person, { kind: 'identity', fileName: 'x.pdf', bytes: aPdf({ size: 5 * 1024 * 1024 + 1 }) }))).toBe(
			'payload_too_large:document_too_large'
		);
		const script = '<< /S /JavaScript /JS (app.alert\\(1\\)) >>';
		expect(await refusal(addCaseDocument(ctx(), returnees, person, { kind: 'identity', fileName: 'x.pdf', bytes: aPdf({ catalog: '/OpenAction 5 0 R', extra: script }) }))).toBe(
			'unsupported_media_type:document_active_content'
		);
		expect(await refusal(addCaseDocument(ctx(), returnees, person, { kind: 'horoscope', fileName: 'x.pdf', bytes: aPdf() }))).toBe('invalid_input:');
		expect(await db.select().from(caseDocument)).toHaveLength(before.length);

		// staff of another office find nothing; the team's file lists both, newest first
		expect(await refusal(addCaseDocument(contextFor(db, otherOfficer, { files: app.files }), returnees, person, { kind: 'identity', fileName: 'x.pdf', bytes: aPdf() }))).toBe('not_found:');
		expect(await refusal(readCaseDocument(contextFor(db, otherOfficer, { files: app.files }), returnees, person, added.id))).toBe('not_found:');
		const file = await openCaseFile(ctx(), returnees, person);
		expect(file.documents.map((document) => document.id)).toEqual([photo.id, added.id]);

		const downloaded = await readCaseDocument(ctx(), returnees, person, added.id);
		expect(Buffer.from(downloaded.bytes).subarray(0, 5).toString()).toBe('%PDF-');
		const reads = await db
			.select()
			.from(auditEvent)
			.where(and(eq(auditEvent.resourceType, 'case_document'), eq(auditEvent.resourceId, added.id), eq(auditEvent.action, 'personal_data.read')));
		expect(reads.map((event) => event.actorUserId)).toEqual([officer.actor.userId]);

		// the person sees and downloads their own; someone else gets not found
		const mine = await myCaseDocuments(contextFor(db, returnee, { files: app.files }), returnees);
		expect(mine.map((document) => document.fileName)).toEqual(['passeport.jpeg', 'acte de naissance.pdf']);
		expect((await readMyCaseDocument(contextFor(db, returnee, { files: app.files }), returnees, photo.id)).mediaType).toBe('image/jpeg');
		expect(await refusal(readMyCaseDocument(contextFor(db, partner, { files: app.files }), returnees, photo.id))).toBe('not_found:');

		// removing one takes its file away; the removal is in the audit trail
		const key = (await db.select().from(caseDocument).where(eq(caseDocument.id, photo.id)))[0].storageKey;
		await deleteCaseDocument(ctx(), returnees, person, photo.id);
		expect(await app.files.exists(key)).toBe(false);
		expect((await openCaseFile(ctx(), returnees, person)).documents.map((document) => document.id)).toEqual([added.id]);
		expect(await db.select().from(auditEvent).where(and(eq(auditEvent.resourceId, photo.id), eq(auditEvent.action, 'case_document.delete')))).toHaveLength(1);
	});

	it('are in the person’s export, and go with their account, files included', async () => {
		const db = app.database.db;
		const leaving = await aPerson(db, { role: 'member' });
		followedBy.set(leaving.actor.userId, oriental);
		await addCaseDocument(contextFor(db, officer, { files: app.files }), returnees, leaving.actor.userId, { kind: 'education', fileName: 'diplôme.pdf', bytes: aPdf() });
		const exported = (await exportMyData(contextFor(db, leaving))) as unknown as { casework: { documents: { fileName: string; kind: string; team: string }[] } };
		// (a caseload no installed module declares: its team's id)
		expect(exported.casework.documents).toEqual([expect.objectContaining({ fileName: 'diplôme.pdf', kind: 'education', team: oriental, addedBy: expect.any(String) })]);
		const [row] = await db.select().from(caseDocument).where(eq(caseDocument.personUserId, leaving.actor.userId));
		await deleteMyAccount(contextFor(db, leaving), app);
		expect(await db.select().from(caseDocument).where(eq(caseDocument.personUserId, leaving.actor.userId))).toEqual([]);
		expect(await app.files.exists(row.storageKey)).toBe(false);
	});
});
