// Retention of the mobility counsellors' files (issue 10, item 6) against the database: a file is erased — its
// needs, appointments, notes, documents (files too) and the assignment — once every one of the person's
// opportunities closed more than MOBILITY_FILE_RETENTION_MONTHS ago and nobody wrote to it since; an opportunity
// still open, a recent closing, a recent write or an invitation waiting for an answer keep it. One audit event
// per run that erased something, naming nobody. Runs on PGlite, and on PostgreSQL with DATABASE_URL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import { aPerson, contextFor, type Person } from '../../../platform/testing/people.ts';
import { auditEvent } from '../../../platform/audit/audit-event.table.ts';
import { caseAppointment, caseDocument, caseNeed, caseNote } from '../../../platform/casework/casework.table.ts';
import type { Actor } from '../../../platform/policy/policy.ts';
import { createCampaign, setCampaignStatus } from './campaigns.service.ts';
import { placementCandidate } from './campaigns.table.ts';
import { placementInvitation } from './departure.table.ts';
import { DIVISION_TEAM_ID, MOBILITY_FILE_RETENTION_MONTHS } from './mobility.model.ts';
import { eraseClosedMobilityFiles, mobilityFilesDue } from './mobility-retention.service.ts';
import { placementCaseAssignment } from './mobility.table.ts';

let app: TestApp;
let division: Actor;
const NOW = new Date('2028-06-01T10:00:00Z');
const monthsAgo = (months: number) => new Date(NOW.getTime() - months * 30.5 * 86_400_000);
const who: Record<string, Person> = {};
let nurses: string;
let engineers: string;
let seasonal: string;
let nextSeason: string;
const PDF = new TextEncoder().encode('%PDF-1.4\n%%EOF\n');

/** A file written `months` ago: a need, a note, an appointment, a document (its file in the store) and the assignment. */
async function fileOf(person: Person, months: number) {
	const db = app.database.db;
	const at = monthsAgo(months);
	const file = { caseload: 'jobs.placement', teamId: DIVISION_TEAM_ID, personUserId: person.actor.userId };
	const storageKey = `case-documents/retention-${person.actor.userId}.pdf`;
	await app.files.put(storageKey, PDF);
	await db.insert(caseNeed).values({ ...file, kind: 'language_course', byLabel: 'Amina', createdAt: at, updatedAt: at });
	await db.insert(caseNote).values({ ...file, authorLabel: 'Amina', body: 'Diplôme à faire reconnaître', createdAt: at });
	await db.insert(caseAppointment).values({ ...file, staffLabel: 'Amina', startsAt: at, mode: 'phone', purpose: 'Bilan', status: 'held', createdAt: at, updatedAt: at });
	await db.insert(caseDocument).values({ ...file, kind: 'education', fileName: 'diplome.pdf', mediaType: 'application/pdf', bytes: PDF.byteLength, storageKey, addedByLabel: 'Amina', createdAt: at });
	await db.insert(placementCaseAssignment).values({ personUserId: person.actor.userId, counsellorUserId: division.userId, way: 'division', assignedAt: at });
	return storageKey;
}

const fileRows = async (person: Person) => {
	const db = app.database.db;
	const mine = { caseload: 'jobs.placement', person: person.actor.userId };
	const [needs, notes, appointments, documents, assignment] = await Promise.all([
		db.select({ id: caseNeed.id }).from(caseNeed).where(and(eq(caseNeed.caseload, mine.caseload), eq(caseNeed.personUserId, mine.person))),
		db.select({ id: caseNote.id }).from(caseNote).where(and(eq(caseNote.caseload, mine.caseload), eq(caseNote.personUserId, mine.person))),
		db.select({ id: caseAppointment.id }).from(caseAppointment).where(and(eq(caseAppointment.caseload, mine.caseload), eq(caseAppointment.personUserId, mine.person))),
		db.select({ id: caseDocument.id }).from(caseDocument).where(and(eq(caseDocument.caseload, mine.caseload), eq(caseDocument.personUserId, mine.person))),
		db.select().from(placementCaseAssignment).where(eq(placementCaseAssignment.personUserId, person.actor.userId))
	]);
	return needs.length + notes.length + appointments.length + documents.length + assignment.length;
};
const retentionEvents = () => app.database.db.select().from(auditEvent).where(eq(auditEvent.action, 'placement_case_file.retention'));
const keys: Record<string, string> = {};

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	const db = app.database.db;
	division = { ...(await aPerson(db)).actor, grants: [{ module: 'jobs', role: 'placement_division', organisationId: null, scope: null }] };
	const ctx = contextFor(db, division, { now: () => monthsAgo(30) });
	nurses = (await createCampaign(ctx, { title: 'Infirmiers Stuttgart', hostCountry: 'DE', hostRegion: 'Stuttgart', channel: 'individual', positions: 10 })).id;
	engineers = (await createCampaign(ctx, { title: 'Ingénieurs Lyon', hostCountry: 'FR', hostRegion: 'Lyon', channel: 'individual', positions: 5 })).id;
	seasonal = (await createCampaign(ctx, { title: 'Fraises 2026', hostCountry: 'ES', hostRegion: 'Huelva', channel: 'seasonal', positions: 10, seasonStartsOn: '2026-03-01', seasonEndsOn: '2026-06-30', quotas: [] })).id;
	nextSeason = (await createCampaign(ctx, { title: 'Fraises 2027', hostCountry: 'ES', hostRegion: 'Huelva', channel: 'seasonal', positions: 10, seasonStartsOn: '2027-03-01', seasonEndsOn: '2027-06-30', quotas: [] })).id;
	for (const name of ['exited', 'wroteSince', 'exitedRecently', 'inProgress', 'invited', 'followedUp', 'campaignClosed']) {
		who[name] = await aPerson(db, { role: 'member', name, email: `${name.toLowerCase()}@example.ma` });
	}
	const entry = (person: Person, campaignId: string, values: Partial<typeof placementCandidate.$inferInsert>) => ({ campaignId, userId: person.actor.userId, ...values });
	const exited = (months: number) => ({ stage: 'interview' as const, exitReason: 'interview_failed' as const, exitedAt: monthsAgo(months), stageChangedAt: monthsAgo(months) });
	await db.insert(placementCandidate).values([
		entry(who.exited, nurses, exited(13)),
		entry(who.wroteSince, nurses, exited(14)),
		entry(who.exitedRecently, nurses, exited(5)),
		entry(who.inProgress, nurses, exited(20)),
		// still in another qualified offer
		entry(who.inProgress, engineers, { stage: 'selected', stageChangedAt: monthsAgo(20) }),
		entry(who.invited, nurses, exited(15)),
		entry(who.invited, seasonal, { stage: 'returned', stageChangedAt: monthsAgo(14) }),
		entry(who.followedUp, nurses, { stage: 'follow_up_12', stageChangedAt: monthsAgo(13) }),
		entry(who.campaignClosed, engineers, { stage: 'registered', stageChangedAt: monthsAgo(20) })
	]);
	// the next season's invitation, still waiting for an answer
	await db.insert(placementInvitation).values({ campaignId: nextSeason, userId: who.invited.actor.userId, invitedAt: monthsAgo(13) });
	for (const [name, months] of Object.entries({ exited: 13, wroteSince: 14, exitedRecently: 14, inProgress: 20, invited: 15, followedUp: 13, campaignClosed: 20 })) {
		keys[name] = await fileOf(who[name], months);
	}
	// a note written two months ago keeps that file
	await db.insert(caseNote).values({ caseload: 'jobs.placement', teamId: DIVISION_TEAM_ID, personUserId: who.wroteSince.actor.userId, authorLabel: 'Amina', body: 'Revenu nous voir', createdAt: monthsAgo(2) });
	// the same person's file in an ANAPEC agency (another caseload) is not this rule's
	await db.insert(caseNote).values({ caseload: 'jobs.agencies', teamId: DIVISION_TEAM_ID, personUserId: who.exited.actor.userId, authorLabel: 'Agence', body: 'Suivi local', createdAt: monthsAgo(20) });
	// the engineers' campaign closes 14 months ago, with one person still in it… and one still selected
	await setCampaignStatus(contextFor(db, division, { now: () => monthsAgo(14) }), engineers, { status: 'closed' });
});
afterAll(() => app.close());

describe('the mobility files’ retention', () => {
	it('names the files whose opportunities all closed long enough ago and that nobody wrote to since', async () => {
		expect(MOBILITY_FILE_RETENTION_MONTHS).toBe(12);
		const due = await mobilityFilesDue(app.database.db, NOW);
		const names = Object.entries(who)
			.filter(([, person]) => due.includes(person.actor.userId))
			.map(([name]) => name)
			.sort();
		// in progress in the engineers' campaign, but that campaign closed 14 months ago: closed too
		expect(names).toEqual(['campaignClosed', 'exited', 'followedUp', 'inProgress']);
	});

	it('keeps a file while an opportunity is open: a selected candidate of an open campaign, an invitation waiting', async () => {
		await setCampaignStatus(contextFor(app.database.db, division, { now: () => monthsAgo(1) }), engineers, { status: 'open' });
		const due = await mobilityFilesDue(app.database.db, NOW);
		expect(due).not.toContain(who.inProgress.actor.userId);
		expect(due).not.toContain(who.campaignClosed.actor.userId);
		expect(due).not.toContain(who.invited.actor.userId);
		await setCampaignStatus(contextFor(app.database.db, division, { now: () => monthsAgo(14) }), engineers, { status: 'closed' });
	});

	it('erases the files due with their documents’ files, keeps the others and the pipeline, audits the run once naming nobody', async () => {
		const done = await eraseClosedMobilityFiles(app.database.db, NOW, app.files);
		expect(done).toEqual({ files: 4, needs: 4, notes: 4, appointments: 4, referrals: 0, documents: 4, assignments: 4 });
		for (const name of ['exited', 'followedUp', 'campaignClosed', 'inProgress']) {
			expect(await fileRows(who[name])).toBe(0);
			expect(await app.files.get(keys[name])).toBeNull();
		}
		for (const name of ['wroteSince', 'exitedRecently', 'invited']) {
			expect(await fileRows(who[name])).toBeGreaterThanOrEqual(5);
			expect(await app.files.get(keys[name])).not.toBeNull();
		}
		// another caseload's note and the pipeline entries stay (the pipeline has its own rule)
		const agencyNotes = await app.database.db.select().from(caseNote).where(and(eq(caseNote.caseload, 'jobs.agencies'), eq(caseNote.personUserId, who.exited.actor.userId)));
		expect(agencyNotes).toHaveLength(1);
		expect(await app.database.db.select().from(placementCandidate).where(eq(placementCandidate.userId, who.exited.actor.userId))).toHaveLength(1);
		const events = await retentionEvents();
		expect(events).toHaveLength(1);
		expect(events[0].after).toEqual({ files: 4, needs: 4, notes: 4, appointments: 4, referrals: 0, documents: 4, assignments: 4, months: MOBILITY_FILE_RETENTION_MONTHS });
		expect(JSON.stringify(events[0])).not.toContain(who.exited.actor.userId);
	});

	it('does nothing, and audits nothing, when nothing is due; an invitation declined long ago lets the file go', async () => {
		expect((await eraseClosedMobilityFiles(app.database.db, NOW, app.files)).files).toBe(0);
		expect(await retentionEvents()).toHaveLength(1);
		await app.database.db
			.update(placementInvitation)
			.set({ status: 'declined', answeredAt: monthsAgo(13) })
			.where(eq(placementInvitation.userId, who.invited.actor.userId));
		expect(await eraseClosedMobilityFiles(app.database.db, NOW, app.files)).toMatchObject({ files: 1, documents: 1 });
		expect(await fileRows(who.invited)).toBe(0);
		// the recent write and the recent exit are erased in their turn
		const later = new Date(NOW.getTime() + 8 * 30.5 * 86_400_000);
		expect((await eraseClosedMobilityFiles(app.database.db, later, app.files)).files).toBe(1);
		expect(await fileRows(who.exitedRecently)).toBe(0);
		expect(await fileRows(who.wroteSince)).toBeGreaterThan(0);
	});
});
