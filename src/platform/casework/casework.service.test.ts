import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { aPerson, contextFor, type Person } from '../testing/people.ts';
import { organisation } from '../accounts/accounts.table.ts';
import { directoryEntry } from '../directory/directory.table.ts';
import type { DirectoryCollection } from '../directory/directory.service.ts';
import { AppError } from '../http/app-error.ts';
import { exportMyData } from '../accounts/personal-data.service.ts';
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
