// Campaigns and the candidate pipeline (issue 10, items 3–4) against the database: quotas within the
// positions, reallocation with its record, agency staff limited to their agency and share, moves that skip
// a mandatory step refused with nothing changed, bulk moves with history and one audit event, counts by
// stage and agency, the candidate's own view and the e-mail in their language, export and erasure.
import { translate } from '../../../platform/i18n/translator.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import { aPerson, contextFor, type Person } from '../../../platform/testing/people.ts';
import { placementStaff } from './placement-staff.fixture.ts';
import { user } from '../../../platform/accounts/accounts.table.ts';
import { auditEvent } from '../../../platform/audit/audit-event.table.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import type { MailMessage } from '../../../platform/mail/mailer.ts';
import type { Actor } from '../../../platform/policy/policy.ts';
import { agencyCounsellor } from '../counsellors/counsellors.table.ts';
import { moveProblem, nextStage, stagesBefore } from './campaigns.model.ts';
import { addCandidates, campaignAccess, campaignProgress, createCampaign, listCampaigns, quotaChanges, reallocate, setCampaignStatus } from './campaigns.service.ts';
import { placementCandidate, placementCandidateMove } from './campaigns.table.ts';
import { candidateDetail, candidatesForExport, erasePipeline, exportPipeline, listCandidates, moveCandidates, myOpportunities, pipelineBoard, pipelineCounts } from './pipeline.service.ts';

let app: TestApp;
let division: Actor;
/** staff of the first agency (a counsellor assigned to it) */
let rabat: Person;
/** staff of an agency without a quota in the campaign */
let outsider: Person;
let agencies: { id: string; name: string }[];
let people: Person[];
let campaignId: string;
const sent: MailMessage[] = [];
const mailer = { send: async (message: MailMessage) => void sent.push(message) };

async function refusal(work: Promise<unknown>) {
	const failure = await work.then(
		() => null,
		(error: unknown) => error
	);
	expect(failure).toBeInstanceOf(AppError);
	return failure as AppError;
}
const paths = async (work: Promise<unknown>) => (await refusal(work)).fields.map((field) => field.path);
/** The pipeline entries of these people, in the order of their e-mails. */
async function idsOf(emails: string[]) {
	const rows = await app.database.db.select({ id: placementCandidate.id, email: user.email }).from(placementCandidate).innerJoin(user, eq(user.id, placementCandidate.userId)).where(inArray(user.email, emails));
	return emails.map((email) => rows.find((row) => row.email === email)!.id);
}

const base = (overrides: Record<string, unknown> = {}) => ({
	title: 'Saison des fraises, Huelva',
	hostCountry: 'ES',
	hostRegion: 'Andalousie',
	channel: 'seasonal',
	positions: 600,
	seasonStartsOn: '2027-03-15',
	seasonEndsOn: '2027-07-15',
	quotas: agencies.slice(0, 5).map((row) => ({ agencyId: row.id, positions: 100 })),
	...overrides
});

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	const db = app.database.db;
	({ agencies, division, rabat } = await placementStaff(db));
	outsider = await aPerson(db, { role: 'counsellor' });
	await db.insert(agencyCounsellor).values({ agencyId: agencies[5].id, userId: outsider.actor.userId });
	people = [];
	for (let index = 0; index < 8; index++) people.push(await aPerson(db, { role: 'member', locale: index === 0 ? 'ar' : 'fr', email: `candidate${index}@example.ma`, ...(index === 0 ? { name: 'سلمى العلوي' } : {}) }));
});
afterAll(() => app.close());

describe('the pipeline’s rules', () => {
	it('goes forward one mandatory step at a time, the interview may be passed over, each track has its end', () => {
		expect(moveProblem('registered', 'preselected', 'seasonal')).toBeNull();
		expect(moveProblem('registered', 'shortlisted', 'seasonal')).toBe('stage_skipped');
		expect(moveProblem('shortlisted', 'selected', 'seasonal')).toBeNull();
		expect(moveProblem('selected', 'preselected', 'seasonal')).toBe('stage_backwards');
		expect(moveProblem('arrived', 'follow_up_3', 'seasonal')).toBe('stage_not_in_track');
		expect(moveProblem('arrived', 'returned', 'long_term')).toBe('stage_not_in_track');
		expect(nextStage('arrived', 'seasonal')).toBe('returned');
		expect(nextStage('arrived', 'long_term')).toBe('follow_up_3');
		expect(stagesBefore('selected', 'seasonal')).toEqual(['shortlisted', 'interview']);
	});
});

describe('campaigns', () => {
	it('refuses quotas over the positions, an unknown agency and a seasonal campaign without season — nothing saved', async () => {
		const ctx = contextFor(app.database.db, division, { language: 'fr' });
		const over = await refusal(createCampaign(ctx, base({ positions: 400 })));
		expect(over.fields).toEqual([expect.objectContaining({ path: 'quotas', messageKey: 'field_over_total', values: { sum: 500, total: 400 } })]);
		expect(await paths(createCampaign(ctx, base({ quotas: [{ agencyId: crypto.randomUUID(), positions: 10 }] })))).toEqual(['quotas.0.agencyId']);
		expect(await paths(createCampaign(ctx, base({ seasonEndsOn: '' })))).toEqual(['seasonEndsOn']);
		expect(await paths(createCampaign(ctx, base({ hostCountry: 'MA' })))).toEqual(['hostCountry']);
		expect(await listCampaigns(ctx)).toEqual([]);
		await expect(createCampaign(contextFor(app.database.db, rabat), base())).rejects.toMatchObject({ code: 'forbidden' });
	});

	it('lets the division create a campaign split across five agencies, audited', async () => {
		const ctx = contextFor(app.database.db, division);
		const created = await createCampaign(ctx, base());
		campaignId = created.id;
		const access = await campaignAccess(ctx, campaignId);
		const progress = await campaignProgress(ctx, access);
		expect(progress.total).toMatchObject({ positions: 600, allocated: 500, sourced: 0, fill: 'under' });
		expect(progress.rows.map((row) => row.positions)).toEqual([100, 100, 100, 100, 100]);
		const [event] = await app.database.db.select().from(auditEvent).where(and(eq(auditEvent.action, 'placement_campaign.create'), eq(auditEvent.resourceId, campaignId)));
		expect(event.actorUserId).toBe(division.userId);
	});

	it('shows an agency only the campaigns and the part its quota covers; another agency’s campaign is not found', async () => {
		const mine = await listCampaigns(contextFor(app.database.db, rabat));
		expect(mine.map((row) => row.campaign.id)).toEqual([campaignId]);
		const access = await campaignAccess(contextFor(app.database.db, rabat), campaignId);
		expect(access.agencyIds).toEqual([agencies[0].id]);
		expect(await listCampaigns(contextFor(app.database.db, outsider))).toEqual([]);
		await expect(campaignAccess(contextFor(app.database.db, outsider), campaignId)).rejects.toMatchObject({ code: 'not_found' });
		await expect(campaignAccess(contextFor(app.database.db, people[0]), campaignId)).rejects.toMatchObject({ code: 'forbidden' });
	});

	it('reallocates positions with who, when, from, to and why; never more than there is', async () => {
		const ctx = contextFor(app.database.db, division);
		const before = await refusal(reallocate(ctx, campaignId, { fromAgencyId: agencies[1].id, toAgencyId: agencies[0].id, positions: 150, reason: 'Demande de l’agence' }));
		expect(before.fields).toEqual([expect.objectContaining({ path: 'positions', messageKey: 'field_over_available', values: { available: 100 } })]);
		expect(await paths(reallocate(ctx, campaignId, { fromAgencyId: '', toAgencyId: agencies[0].id, positions: 101, reason: 'Reste' }))).toEqual(['positions']);
		expect(await paths(reallocate(ctx, campaignId, { fromAgencyId: agencies[0].id, toAgencyId: agencies[0].id, positions: 1, reason: 'x x x' }))).toEqual(['toAgencyId']);
		await reallocate(ctx, campaignId, { fromAgencyId: agencies[1].id, toAgencyId: agencies[0].id, positions: 96, reason: 'Peu de candidats à cette agence' });
		await reallocate(ctx, campaignId, { fromAgencyId: '', toAgencyId: agencies[5].id, positions: 50, reason: 'Nouvelle agence' });
		const access = await campaignAccess(ctx, campaignId);
		const progress = await campaignProgress(ctx, access);
		expect(progress.total.allocated).toBe(550);
		expect(progress.rows.find((row) => row.agencyId === agencies[0].id)?.positions).toBe(196);
		expect(progress.rows.find((row) => row.agencyId === agencies[1].id)?.positions).toBe(4);
		const changes = await quotaChanges(ctx, access);
		expect(changes[1]).toMatchObject({ from: agencies[1].name, to: agencies[0].name, positions: 96, reason: 'Peu de candidats à cette agence' });
		expect(changes[0]).toMatchObject({ from: null, to: agencies[5].name, positions: 50 });
		await expect(reallocate(contextFor(app.database.db, rabat), campaignId, { fromAgencyId: agencies[1].id, toAgencyId: agencies[0].id, positions: 1, reason: 'moi' })).rejects.toMatchObject({ code: 'forbidden' });
	});
});

describe('sourcing and the pipeline', () => {
	it('lets agency staff add people by e-mail for their agency only; unknown addresses are named, nothing added', async () => {
		const staff = contextFor(app.database.db, rabat);
		const unknown = await refusal(addCandidates(staff, campaignId, { agencyId: agencies[0].id, emails: ['candidate1@example.ma', 'nobody@example.ma'] }));
		expect(unknown.fields).toEqual([expect.objectContaining({ path: 'emails', messageKey: 'field_unknown_accounts', values: { list: 'nobody@example.ma', count: 1 } })]);
		expect(await paths(addCandidates(staff, campaignId, { agencyId: agencies[1].id, emails: ['candidate1@example.ma'] }))).toEqual(['agencyId']);
		expect(await paths(addCandidates(staff, campaignId, { agencyId: '', emails: ['candidate1@example.ma'] }))).toEqual(['agencyId']);
		const added = await addCandidates(staff, campaignId, { agencyId: agencies[0].id, emails: people.slice(0, 6).map((person) => person.email.toUpperCase()) });
		expect(added).toEqual({ added: 6, already: 0 });
		expect(await addCandidates(staff, campaignId, { agencyId: agencies[0].id, emails: [people[0].email] })).toEqual({ added: 0, already: 1 });
		// the division's own candidates, and another agency's
		await addCandidates(contextFor(app.database.db, division), campaignId, { agencyId: agencies[1].id, emails: [people[6].email] });
		await addCandidates(contextFor(app.database.db, division), campaignId, { agencyId: null, emails: [people[7].email] });
		const access = await campaignAccess(staff, campaignId);
		const list = await listCandidates(staff, access, {});
		expect(list.items.map((row) => row.email).sort()).toEqual(people.slice(0, 6).map((person) => person.email).sort());
	});

	it('lets agency staff preselect up to their share, and nothing beyond preselection', async () => {
		const staff = contextFor(app.database.db, rabat, { language: 'fr' });
		const ids = await idsOf(people.slice(0, 6).map((person) => person.email));
		const refused = await refusal(moveCandidates(staff, campaignId, { candidateIds: ids.slice(0, 1), to: 'shortlisted' }));
		expect(refused.fields[0]).toMatchObject({ path: 'to', messageKey: 'field_stage_division' });
		// another agency's candidate is out of reach
		const [other] = await idsOf([people[6].email]);
		await expect(moveCandidates(staff, campaignId, { candidateIds: [other], to: 'preselected' })).rejects.toMatchObject({ code: 'not_found' });
		// the share shrinks to 2: a third preselection is refused, naming what remains
		const ctx = contextFor(app.database.db, division);
		await reallocate(ctx, campaignId, { fromAgencyId: agencies[0].id, toAgencyId: null, positions: 194, reason: 'Test de la part' });
		const full = await refusal(moveCandidates(staff, campaignId, { candidateIds: ids.slice(0, 3), to: 'preselected' }));
		expect(full.fields).toEqual([expect.objectContaining({ path: 'candidateIds', messageKey: 'field_quota_full', values: { agency: agencies[0].name, available: 2, count: 3 } })]);
		const moved = await moveCandidates(staff, campaignId, { candidateIds: ids.slice(0, 2), to: 'preselected' });
		expect(moved.moved).toBe(2);
		await reallocate(ctx, campaignId, { fromAgencyId: null, toAgencyId: agencies[0].id, positions: 194, reason: 'Retour de la part' });
		expect((await moveCandidates(staff, campaignId, { candidateIds: ids.slice(2, 6), to: 'preselected' })).moved).toBe(4);
		// agency staff take someone out before the shortlist, with a reason from the list
		expect(await paths(moveCandidates(staff, campaignId, { candidateIds: ids.slice(5, 6), to: 'exited' }))).toEqual(['exitReason']);
		await moveCandidates(staff, campaignId, { candidateIds: ids.slice(5, 6), to: 'exited', exitReason: 'withdrew' });
		const progress = await campaignProgress(staff, await campaignAccess(staff, campaignId));
		expect(progress.rows).toEqual([expect.objectContaining({ agencyId: agencies[0].id, sourced: 6, preselected: 5, exited: 1, positions: 196, fill: 'under' })]);
	});

	it('refuses a move that skips a mandatory step, naming it — nothing moves, no history', async () => {
		const ctx = contextFor(app.database.db, division, { language: 'fr' });
		const ids = await idsOf(people.slice(0, 3).map((person) => person.email));
		const historyBefore = (await app.database.db.select().from(placementCandidateMove)).length;
		const skipped = await refusal(moveCandidates(ctx, campaignId, { candidateIds: ids, to: 'contract_signed' }));
		expect(skipped.fields[0]).toMatchObject({ path: 'to', messageKey: 'field_stage_skipped', values: { count: 3, missing: 'Présélection par le partenaire' } });
		expect(await paths(moveCandidates(ctx, campaignId, { candidateIds: ids, to: 'follow_up_3' }))).toEqual(['to']);
		expect(await paths(moveCandidates(ctx, campaignId, { candidateIds: ids, to: 'interview' }))).toEqual(['eventOn']);
		const [exited] = await idsOf([people[5].email]);
		expect(await paths(moveCandidates(ctx, campaignId, { candidateIds: [exited], to: 'shortlisted' }))).toEqual(['candidateIds']);
		await expect(moveCandidates(ctx, campaignId, { candidateIds: [crypto.randomUUID()], to: 'shortlisted' })).rejects.toMatchObject({ code: 'not_found' });
		await expect(moveCandidates(ctx, campaignId, { candidateIds: ['x'], to: 'shortlisted' })).rejects.toMatchObject({ code: 'invalid_input' });
		expect((await app.database.db.select().from(placementCandidateMove)).length).toBe(historyBefore);
		const rows = await app.database.db.select({ stage: placementCandidate.stage }).from(placementCandidate).where(inArray(placementCandidate.id, ids));
		expect(rows.map((row) => row.stage)).toEqual(['preselected', 'preselected', 'preselected']);
	});

	it('moves many at once with their history and one audit event, and e-mails each candidate in their language when announced', async () => {
		const ctx = contextFor(app.database.db, division, { language: 'fr', mailer, publicUrl: 'https://sharaka.example' });
		const ids = await idsOf(people.slice(0, 4).map((person) => person.email));
		await moveCandidates(ctx, campaignId, { candidateIds: ids, to: 'shortlisted' });
		sent.length = 0;
		const moved = await moveCandidates(ctx, campaignId, { candidateIds: ids, to: 'interview', eventOn: '2027-01-20', announce: 'on' });
		expect(moved).toMatchObject({ moved: 4, announced: 4 });
		const arabic = sent.find((message) => message.to === people[0].email)!;
		expect(arabic.language).toBe('ar');
		expect(arabic.text).toContain('https://sharaka.example/ar/jobs/placement/mine');
		expect(sent.find((message) => message.to === people[1].email)!.subject).toContain('Test ou entretien');
		// what comes next is about the interview (as on the candidate's page), not the stage after it
		expect(sent.find((message) => message.to === people[1].email)!.text).toContain(translate('fr', 'campaigns.next_interview'));
		expect(arabic.text).toContain(translate('ar', 'campaigns.next_interview'));
		const events = await app.database.db.select().from(auditEvent).where(and(eq(auditEvent.action, 'placement_candidate.move'), eq(auditEvent.resourceId, campaignId))).orderBy(asc(auditEvent.id));
		expect(events.at(-1)?.after).toMatchObject({ to: 'interview', count: 4, batchId: moved.batchId });
		const history = await app.database.db.select().from(placementCandidateMove).where(eq(placementCandidateMove.batchId, moved.batchId));
		expect(history).toHaveLength(4);
		expect(history[0]).toMatchObject({ fromStage: 'shortlisted', toStage: 'interview', eventOn: '2027-01-20', announced: true, byUserId: division.userId });
		// the interview failed for one: out, with the reason
		await moveCandidates(ctx, campaignId, { candidateIds: ids.slice(3), to: 'exited', exitReason: 'interview_failed' });
		// the others go on to the end of the seasonal track
		for (const to of ['selected', 'contract_signed', 'visa_requested', 'visa_granted', 'orientation', 'departed', 'arrived', 'returned'] as const) {
			await moveCandidates(ctx, campaignId, { candidateIds: ids.slice(0, to === 'returned' ? 1 : 3), to, eligibleNextSeason: to === 'returned' ? 'on' : undefined });
		}
		const [back] = await app.database.db.select().from(placementCandidate).where(eq(placementCandidate.id, ids[0]));
		expect(back).toMatchObject({ stage: 'returned', eligibleNextSeason: true });
		const detail = await candidateDetail(ctx, campaignId, ids[0]);
		expect(detail.history.map((move) => move.toStage)).toEqual(['registered', 'preselected', 'shortlisted', 'interview', 'selected', 'contract_signed', 'visa_requested', 'visa_granted', 'orientation', 'departed', 'arrived', 'returned']);
		expect(detail.history[1].by).toBe(rabat.user.name);
	});

	it('counts by stage and agency, shows the board and pages the list by keyset, filters included', async () => {
		const ctx = contextFor(app.database.db, division);
		const access = await campaignAccess(ctx, campaignId);
		const counts = await pipelineCounts(ctx, access, { status: 'all' });
		expect(counts.total).toBe(8);
		expect(counts.byStage).toMatchObject({ registered: 2, preselected: 2, interview: 1, arrived: 2, returned: 1 });
		expect(counts.byAgency.get(agencies[0].id)).toBe(6);
		expect(counts.byAgency.get(null)).toBe(1);
		const active = await pipelineCounts(ctx, access, { agency: agencies[0].id });
		expect(active.total).toBe(4);
		const { columns: board } = await pipelineBoard(ctx, access, {});
		expect(board.map((column) => column.stage)).not.toContain('follow_up_3');
		expect(board.find((column) => column.stage === 'arrived')?.cards).toHaveLength(2);
		const first = await listCandidates(ctx, access, { status: 'all', limit: 3 });
		expect(first.items).toHaveLength(3);
		const second = await listCandidates(ctx, access, { status: 'all', limit: 3, after: first.next });
		const third = await listCandidates(ctx, access, { status: 'all', limit: 3, after: second.next });
		expect([...first.items, ...second.items, ...third.items].map((row) => row.id)).toHaveLength(8);
		expect(third.next).toBeNull();
		expect((await listCandidates(ctx, access, { stage: 'registered', agency: 'none' })).items.map((row) => row.email)).toEqual([people[7].email]);
		await expect(listCandidates(ctx, access, { stage: 'nowhere' })).rejects.toMatchObject({ code: 'invalid_input' });
		// name or e-mail, Arabic folded (ى/ي) and lightly stemmed (the article, an ending)
		expect((await listCandidates(ctx, access, { status: 'all', q: 'سلمي' })).items.map((row) => row.email)).toEqual([people[0].email]);
		expect((await listCandidates(ctx, access, { status: 'all', q: 'العلوي' })).items.map((row) => row.email)).toEqual([people[0].email]);
		expect((await listCandidates(ctx, access, { status: 'all', q: 'CANDIDATE3@' })).items.map((row) => row.email)).toEqual([people[3].email]);
		expect((await pipelineCounts(ctx, access, { status: 'all', q: 'candidate3' })).total).toBe(1);
		expect((await pipelineBoard(ctx, access, { status: 'all', q: 'candidate1' })).columns.flatMap((column) => column.cards)).toHaveLength(1);
		expect(await candidatesForExport(ctx, access, { status: 'exited' })).toHaveLength(2);
	});

	it('shows candidates their opportunities, stage and next step; exports and erases them with the account', async () => {
		const mine = await myOpportunities(contextFor(app.database.db, people[1]));
		expect(mine).toEqual([expect.objectContaining({ stage: 'arrived', nextStage: 'returned', agency: agencies[0].name })]);
		expect(mine[0].history.map((move) => move.toStage)).toContain('visa_granted');
		const out = await myOpportunities(contextFor(app.database.db, people[3]));
		expect(out[0]).toMatchObject({ exitReason: 'interview_failed', nextStage: null });
		expect((await exportPipeline(app.database.db, people[2].actor.userId)).placementPipeline).toHaveLength(1);
		await app.database.db.transaction(async (tx) => expect(await erasePipeline(tx, people[2].actor.userId)).toBe(1));
		expect(await myOpportunities(contextFor(app.database.db, people[2]))).toEqual([]);
	});

	it('closes a campaign: no more candidates nor moves', async () => {
		const ctx = contextFor(app.database.db, division);
		await setCampaignStatus(ctx, campaignId, { status: 'closed' });
		await expect(addCandidates(ctx, campaignId, { agencyId: null, emails: [people[2].email] })).rejects.toMatchObject({ code: 'conflict' });
		const [someone] = await idsOf([people[4].email]);
		await expect(moveCandidates(ctx, campaignId, { candidateIds: [someone], to: 'shortlisted' })).rejects.toMatchObject({ code: 'conflict' });
	});
});
