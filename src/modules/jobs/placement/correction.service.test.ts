// Correcting a wrong move (issue 10, item 4) against the database: back one stage or an exit undone within the
// window, with a reason; the history append-only (the correction a new row naming the move), one audit event;
// the candidate told when the wrong move was announced; agency staff limited to their agency's people and to
// what they may do; the quota, the window and a recorded return respected; the statistics ignore corrected moves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import { aPerson, contextFor, type Person } from '../../../platform/testing/people.ts';
import { placementStaff } from './placement-staff.fixture.ts';
import { auditEvent } from '../../../platform/audit/audit-event.table.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import type { MailMessage } from '../../../platform/mail/mailer.ts';
import type { Actor } from '../../../platform/policy/policy.ts';
import { correctionOf, CORRECTION_WINDOW_DAYS } from './campaigns.model.ts';
import { addCandidates, campaignAccess, createCampaign, setCampaignStatus } from './campaigns.service.ts';
import { placementCandidate, placementCandidateMove } from './campaigns.table.ts';
import { correctionsFor, correctMove } from './correction.service.ts';
import { placementFollowUp, placementInvitation, placementReturn } from './departure.table.ts';
import { decideEligibility, recordFollowUp, recordReturn } from './circular.service.ts';
import { listCandidates, moveCandidates, myOpportunities, pipelineBoard } from './pipeline.service.ts';
import { placementStatistics } from './statistics.service.ts';

let app: TestApp;
let division: Actor;
let rabat: Person;
let agencies: { id: string; name: string }[];
let people: Person[];
let campaignId: string;
const ids: string[] = [];
const sent: MailMessage[] = [];
const mailer = { send: async (message: MailMessage) => void sent.push(message) };
const DAY = 86_400_000;

async function refusal(work: Promise<unknown>) {
	const failure = await work.then(
		() => null,
		(error: unknown) => error
	);
	expect(failure).toBeInstanceOf(AppError);
	return failure as AppError;
}
const divisionCtx = (extra: Parameters<typeof contextFor>[2] = {}) => contextFor(app.database.db, division, { mailer, ...extra });
const candidate = async (id: string) => (await app.database.db.select().from(placementCandidate).where(eq(placementCandidate.id, id)))[0];
const moves = (id: string) => app.database.db.select().from(placementCandidateMove).where(eq(placementCandidateMove.candidateId, id)).orderBy(asc(placementCandidateMove.at), asc(placementCandidateMove.id));
const move = (to: string, candidateIds: string[], extra: Record<string, unknown> = {}, ctx = divisionCtx()) => moveCandidates(ctx, campaignId, { candidateIds, to, ...extra });

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	const db = app.database.db;
	({ agencies, division, rabat } = await placementStaff(db));
	people = [];
	for (let index = 0; index < 5; index++) people.push(await aPerson(db, { role: 'member', locale: index === 1 ? 'ar' : 'fr', email: `fix${index}@example.ma` }));
	const created = await createCampaign(divisionCtx(), {
		title: 'Saison des fraises',
		hostCountry: 'ES',
		hostRegion: 'Huelva',
		channel: 'seasonal',
		positions: 10,
		seasonStartsOn: '2027-03-15',
		seasonEndsOn: '2027-07-15',
		quotas: [
			{ agencyId: agencies[0].id, positions: 2 },
			{ agencyId: agencies[1].id, positions: 4 }
		]
	});
	campaignId = created.id;
	await addCandidates(divisionCtx(), campaignId, { agencyId: agencies[0].id, emails: people.slice(0, 3).map((p) => p.email) });
	await addCandidates(divisionCtx(), campaignId, { agencyId: agencies[1].id, emails: people.slice(3).map((p) => p.email) });
	for (const p of people) ids.push((await db.select({ id: placementCandidate.id }).from(placementCandidate).where(eq(placementCandidate.userId, p.actor.userId)))[0].id);
});
afterAll(() => app.close());

describe('the rule', () => {
	const now = new Date('2027-01-10T10:00:00Z');
	const at = new Date(now.getTime() - DAY);
	it('takes back the last move, never the registration, only within the window', () => {
		expect(correctionOf({ fromStage: 'registered', toStage: 'preselected', at }, { stage: 'preselected', exitReason: null }, now, { agencyStaff: false, recorded: false })).toEqual({ kind: 'back', to: 'registered' });
		expect(correctionOf({ fromStage: 'preselected', toStage: 'exited', at }, { stage: 'preselected', exitReason: 'withdrew' }, now, { agencyStaff: false, recorded: false })).toEqual({ kind: 'undo_exit', stage: 'preselected' });
		expect(correctionOf({ fromStage: null, toStage: 'registered', at }, { stage: 'registered', exitReason: null }, now, { agencyStaff: false, recorded: false })).toBe('correction_none');
		expect(correctionOf(null, { stage: 'registered', exitReason: null }, now, { agencyStaff: false, recorded: false })).toBe('correction_none');
		const old = new Date(now.getTime() - (CORRECTION_WINDOW_DAYS * DAY + 1000));
		expect(correctionOf({ fromStage: 'registered', toStage: 'preselected', at: old }, { stage: 'preselected', exitReason: null }, now, { agencyStaff: false, recorded: false })).toBe('correction_window');
	});
	it('withdraws the record a stage stands on unless something relies on it; agency staff to their own kinds of move', () => {
		expect(correctionOf({ fromStage: 'arrived', toStage: 'returned', at }, { stage: 'returned', exitReason: null }, now, { agencyStaff: false, recorded: true, record: 'return' })).toBe('correction_recorded');
		expect(correctionOf({ fromStage: 'arrived', toStage: 'returned', at }, { stage: 'returned', exitReason: null }, now, { agencyStaff: false, recorded: false })).toEqual({ kind: 'back', to: 'arrived' });
		expect(correctionOf({ fromStage: 'arrived', toStage: 'returned', at }, { stage: 'returned', exitReason: null }, now, { agencyStaff: false, recorded: false, record: 'return' })).toEqual({ kind: 'back', to: 'arrived', withdraws: 'return' });
		// agency staff record returns and follow-ups of their people: they may take back what they recorded, not a bare move there
		expect(correctionOf({ fromStage: 'arrived', toStage: 'returned', at }, { stage: 'returned', exitReason: null }, now, { agencyStaff: true, recorded: false, record: 'return' })).toEqual({ kind: 'back', to: 'arrived', withdraws: 'return' });
		expect(correctionOf({ fromStage: 'arrived', toStage: 'follow_up_3', at }, { stage: 'follow_up_3', exitReason: null }, now, { agencyStaff: true, recorded: false })).toBe('correction_division');
		expect(correctionOf({ fromStage: 'preselected', toStage: 'shortlisted', at }, { stage: 'shortlisted', exitReason: null }, now, { agencyStaff: true, recorded: false })).toBe('correction_division');
		expect(correctionOf({ fromStage: 'registered', toStage: 'preselected', at }, { stage: 'preselected', exitReason: null }, now, { agencyStaff: true, recorded: false })).toEqual({ kind: 'back', to: 'registered' });
		expect(correctionOf({ fromStage: 'shortlisted', toStage: 'exited', at }, { stage: 'shortlisted', exitReason: 'other' }, now, { agencyStaff: true, recorded: false })).toBe('correction_division');
	});
});

describe('correcting a move', () => {
	it('takes a candidate back one stage with a reason: a new history row naming the move, one audit event, the stage shown to them', async () => {
		await move('preselected', [ids[0], ids[1]]);
		await move('shortlisted', [ids[0], ids[1]], { announce: true });
		sent.length = 0;
		const before = await moves(ids[1]);
		const done = await correctMove(divisionCtx(), campaignId, ids[1], { reason: 'Mauvaise ligne cochée' });
		expect(done).toEqual({ kind: 'back', stage: 'preselected', withdrew: null, told: true });
		const row = await candidate(ids[1]);
		expect(row).toMatchObject({ stage: 'preselected', exitReason: null });
		const after = await moves(ids[1]);
		expect(after.slice(0, before.length)).toEqual(before);
		expect(after.at(-1)).toMatchObject({ fromStage: 'shortlisted', toStage: 'preselected', correctsMoveId: before.at(-1)!.id, reason: 'Mauvaise ligne cochée', byUserId: division.userId, announced: true });
		// the date of the stage is that of the move that brought them there
		expect(row.stageOn).toBe(before.at(-2)!.eventOn);
		const events = await app.database.db.select().from(auditEvent).where(and(eq(auditEvent.action, 'placement_candidate.correct'), eq(auditEvent.resourceId, ids[1])));
		expect(events).toHaveLength(1);
		expect(events[0].after).toMatchObject({ stage: 'preselected', kind: 'back', reason: 'Mauvaise ligne cochée' });
		// the wrong move was announced: the correction is e-mailed, in her language (Arabic)
		expect(sent).toHaveLength(1);
		expect(sent[0].to).toBe(people[1].email);
		expect(sent[0].subject).toContain('تصحيح');
		const [mine] = await myOpportunities(contextFor(app.database.db, people[1]));
		expect(mine.stage).toBe('preselected');
		expect(mine.history.at(-1)).toMatchObject({ toStage: 'preselected', correction: true });
		expect(mine.history.filter((step) => !step.correction).map((step) => step.toStage)).toEqual(['registered', 'preselected', 'shortlisted']);
	});

	it('refuses without a reason, and the registration is never undone — nothing changed', async () => {
		const missing = await refusal(correctMove(divisionCtx(), campaignId, ids[0], { reason: ' ' }));
		expect(missing.fields.map((field) => field.path)).toEqual(['reason']);
		expect((await candidate(ids[0])).stage).toBe('shortlisted');
		await correctMove(divisionCtx(), campaignId, ids[1], { reason: 'Présélection faite par erreur' });
		expect((await candidate(ids[1])).stage).toBe('registered');
		const count = (await moves(ids[1])).length;
		const none = await refusal(correctMove(divisionCtx(), campaignId, ids[1], { reason: 'Encore une fois' }));
		expect(none.fields).toEqual([expect.objectContaining({ path: 'reason', messageKey: 'field_correction_none' })]);
		expect(await moves(ids[1])).toHaveLength(count);
	});

	it('refuses a correction of a move that is no longer the last one (409, nothing changed)', async () => {
		const access = await campaignAccess(divisionCtx(), campaignId);
		const offered = (await correctionsFor(divisionCtx(), access, [await candidate(ids[0])])).get(ids[0])!;
		expect(offered).toMatchObject({ kind: 'back', to: 'preselected' });
		expect(Date.parse(offered.until)).toBeGreaterThan(Date.now() + (CORRECTION_WINDOW_DAYS - 1) * DAY);
		// someone else corrects her meanwhile: the form still names the shortlisting
		await correctMove(divisionCtx(), campaignId, ids[0], { reason: 'Pas encore présentée au partenaire', moveId: offered.moveId });
		const count = (await moves(ids[0])).length;
		await expect(correctMove(divisionCtx(), campaignId, ids[0], { reason: 'Double clic', moveId: offered.moveId })).rejects.toMatchObject({ code: 'conflict', extra: { reason: 'correction_stale' } });
		expect(await moves(ids[0])).toHaveLength(count);
		expect((await candidate(ids[0])).stage).toBe('preselected');
		await move('shortlisted', [ids[0]]);
	});

	it('undoes an exit, taking a place in the agency’s share again (refused when it is full)', async () => {
		await move('preselected', [ids[2]]);
		await move('exited', [ids[2]], { exitReason: 'withdrew' });
		// the place given back is taken by someone else: the share of two is full again
		await move('preselected', [ids[1]]);
		const full = await refusal(correctMove(divisionCtx(), campaignId, ids[2], { reason: 'Elle n’a pas retiré sa candidature' }));
		expect(full.fields).toEqual([expect.objectContaining({ path: 'reason', messageKey: 'field_quota_full' })]);
		expect((await candidate(ids[2])).exitReason).toBe('withdrew');
		await correctMove(divisionCtx(), campaignId, ids[1], { reason: 'Pas encore' });
		const done = await correctMove(divisionCtx(), campaignId, ids[2], { reason: 'Elle n’a pas retiré sa candidature' });
		expect(done).toEqual({ kind: 'undo_exit', stage: 'preselected', withdrew: null, told: false });
		expect(await candidate(ids[2])).toMatchObject({ stage: 'preselected', exitReason: null, exitedAt: null });
		expect((await moves(ids[2])).at(-1)).toMatchObject({ fromStage: 'exited', toStage: 'preselected' });
	});

	it('lets agency staff correct their agency’s preselection only; another agency’s person is not found; nothing after the window', async () => {
		const staff = contextFor(app.database.db, rabat, { mailer });
		const access = await campaignAccess(staff, campaignId);
		const offered = await correctionsFor(staff, access, await app.database.db.select().from(placementCandidate).where(eq(placementCandidate.campaignId, campaignId)));
		// the shortlisting of ids[0] is the division's; with her exit undone, ids[2]'s last standing move is her preselection
		expect([...offered.entries()]).toEqual([[ids[2], { kind: 'back', to: 'registered', moveId: expect.any(String), until: expect.any(String) }]]);
		// the list's and the board's pages offer the same, from the last moves read with their rows
		const list = await listCandidates(staff, access, { status: 'all' }, { withLastMoves: true });
		expect(Object.fromEntries(await correctionsFor(staff, access, list.items, list.lastMoves))).toEqual(Object.fromEntries(offered));
		const board = await pipelineBoard(staff, access, { status: 'all' });
		const cards = board.columns.flatMap((column) => column.cards.map((card) => ({ id: card.id, stage: column.stage, exitReason: card.exitReason })));
		expect(Object.fromEntries(await correctionsFor(staff, access, cards, board.lastMoves))).toEqual(Object.fromEntries(offered));
		const division = await refusal(correctMove(staff, campaignId, ids[0], { reason: 'Erreur' }));
		expect(division.fields[0].messageKey).toBe('field_correction_division');
		await expect(correctMove(staff, campaignId, ids[3], { reason: 'Erreur' })).rejects.toMatchObject({ code: 'not_found' });
		const later = () => new Date(Date.now() + (CORRECTION_WINDOW_DAYS + 1) * DAY);
		const late = await refusal(correctMove(contextFor(app.database.db, rabat, { now: later }), campaignId, ids[2], { reason: 'Trop tard' }));
		expect(late.fields[0]).toMatchObject({ messageKey: 'field_correction_window', values: { days: CORRECTION_WINDOW_DAYS } });
		expect((await correctMove(staff, campaignId, ids[2], { reason: 'Mauvaise personne' })).stage).toBe('registered');
		// her place in the share is free again: the agency preselects someone else
		await move('preselected', [ids[1]], {}, staff);
	});

	it('withdraws a recorded return with its move, not once next season’s invitation relies on it; the statistics count no corrected departure', async () => {
		const ctx = divisionCtx();
		for (const to of ['preselected', 'shortlisted', 'selected', 'contract_signed', 'visa_requested', 'visa_granted', 'orientation', 'departed']) await move(to, [ids[3], ids[4]]);
		const counted = async () => (await placementStatistics(app.database.db, { suppress: false })).total;
		expect((await counted()).departures).toBe(2);
		await correctMove(ctx, campaignId, ids[4], { reason: 'Départ reporté' });
		expect((await candidate(ids[4])).stage).toBe('orientation');
		expect((await counted()).departures).toBe(1);
		await move('arrived', [ids[3]]);
		const yesterday = new Date(Date.now() - DAY).toISOString().slice(0, 10);
		await recordReturn(ctx, campaignId, { candidateId: ids[3], outcome: 'early', returnedOn: yesterday, earlyReason: 'family', note: 'Revenue pour sa mère' });
		await decideEligibility(ctx, campaignId, { candidateId: ids[3], eligible: 'yes' });
		expect((await counted()).returns).toBe(1);
		const access = await campaignAccess(ctx, campaignId);
		const offered = (await correctionsFor(ctx, access, [await candidate(ids[3])])).get(ids[3])!;
		expect(offered).toMatchObject({ kind: 'back', to: 'arrived', withdraws: 'return' });
		sent.length = 0;
		// the wrong return had been e-mailed to her: she is told of the correction
		expect(await correctMove(ctx, campaignId, ids[3], { reason: 'Retour saisi sur la mauvaise personne', moveId: offered.moveId })).toEqual({ kind: 'back', stage: 'arrived', withdrew: 'return', told: true });
		expect(sent.map((message) => message.to)).toEqual([people[3].email]);
		expect(await candidate(ids[3])).toMatchObject({ stage: 'arrived', eligibleNextSeason: null });
		expect(await app.database.db.select().from(placementReturn).where(eq(placementReturn.candidateId, ids[3]))).toEqual([]);
		expect((await counted()).returns).toBe(0);
		const [event] = await app.database.db.select().from(auditEvent).where(and(eq(auditEvent.action, 'placement_candidate.correct'), eq(auditEvent.resourceId, ids[3])));
		expect(event.before).toMatchObject({ stage: 'returned', record: { kind: 'return', outcome: 'early', earlyReason: 'family', eligible: true, note: 'written' } });
		expect(event.after).toMatchObject({ stage: 'arrived', withdrew: 'return' });
		expect(JSON.stringify(event)).not.toContain('sa mère');
		// recorded again (the right one this time); next season's campaign invites her on it: the return stays
		await recordReturn(ctx, campaignId, { candidateId: ids[3], outcome: 'on_time', returnedOn: yesterday });
		const next = await createCampaign(ctx, { title: 'Saison suivante', hostCountry: 'ES', hostRegion: 'Huelva', channel: 'seasonal', positions: 5, seasonStartsOn: '2028-03-15', seasonEndsOn: '2028-07-15', quotas: [] });
		await app.database.db.insert(placementInvitation).values({ campaignId: next.id, userId: people[3].actor.userId, fromCandidateId: ids[3], invitedBy: division.userId });
		expect((await correctionsFor(ctx, access, [await candidate(ids[3])])).size).toBe(0);
		const recorded = await refusal(correctMove(ctx, campaignId, ids[3], { reason: 'Erreur' }));
		expect(recorded.fields[0].messageKey).toBe('field_correction_recorded');
		expect(await app.database.db.select().from(placementReturn).where(eq(placementReturn.candidateId, ids[3]))).toHaveLength(1);
		// "did not return" recorded on an arrival: the arrival is not taken back
		for (const to of ['departed', 'arrived']) await move(to, [ids[4]]);
		await recordReturn(ctx, campaignId, { candidateId: ids[4], outcome: 'did_not_return' });
		const stays = await refusal(correctMove(ctx, campaignId, ids[4], { reason: 'Erreur' }));
		expect(stays.fields[0].messageKey).toBe('field_correction_recorded');
		expect((await candidate(ids[4])).stage).toBe('arrived');
	});

	it('withdraws a recorded 3-month follow-up with its move (a long-term departure)', async () => {
		const ctx = divisionCtx();
		const nurses = await createCampaign(ctx, { title: 'Infirmières Munich', hostCountry: 'DE', hostRegion: 'Bavière', channel: 'individual', positions: 3 });
		await addCandidates(ctx, nurses.id, { agencyId: null, emails: [people[0].email] });
		const [entry] = await app.database.db.select().from(placementCandidate).where(and(eq(placementCandidate.campaignId, nurses.id), eq(placementCandidate.userId, people[0].actor.userId)));
		for (const to of ['preselected', 'shortlisted', 'selected', 'contract_signed', 'visa_requested', 'visa_granted', 'orientation', 'departed', 'arrived']) await moveCandidates(ctx, nurses.id, { candidateIds: [entry.id], to });
		const today = new Date().toISOString().slice(0, 10);
		await recordFollowUp(ctx, { candidateId: entry.id, months: 3, doneOn: today, outcome: 'in_job', note: 'Contente de son service' });
		const access = await campaignAccess(ctx, nurses.id);
		const offered = (await correctionsFor(ctx, access, [await candidate(entry.id)])).get(entry.id)!;
		expect(offered).toMatchObject({ kind: 'back', to: 'arrived', withdraws: 'follow_up_3' });
		expect(await correctMove(ctx, nurses.id, entry.id, { reason: 'Suivi saisi trop tôt', moveId: offered.moveId })).toMatchObject({ stage: 'arrived', withdrew: 'follow_up_3', told: false });
		expect(await app.database.db.select().from(placementFollowUp).where(eq(placementFollowUp.candidateId, entry.id))).toEqual([]);
		// it can be recorded again
		await recordFollowUp(ctx, { candidateId: entry.id, months: 3, doneOn: today, outcome: 'in_job' });
		expect((await candidate(entry.id)).stage).toBe('follow_up_3');
	});

	it('is refused once the campaign is closed', async () => {
		await setCampaignStatus(divisionCtx(), campaignId, { status: 'closed' });
		await expect(correctMove(divisionCtx(), campaignId, ids[4], { reason: 'Erreur' })).rejects.toMatchObject({ code: 'conflict' });
		const access = await campaignAccess(divisionCtx(), campaignId);
		expect((await correctionsFor(divisionCtx(), access, [await candidate(ids[4])])).size).toBe(0);
	});
});
