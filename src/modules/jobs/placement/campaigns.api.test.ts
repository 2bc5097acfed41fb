// The placement API (issue 10, items 3–4) through its handlers, as a token's requests: the division creates
// a campaign (quotas over the positions: 400 with the field), agency staff add and preselect their people,
// a skipped step is a 400 naming `to`, another agency's staff get 404, the candidate reads their own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { auditEvent } from '../../../platform/audit/audit-event.table.ts';
import type { App } from '../../../platform/app.ts';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import { aPerson } from '../../../platform/testing/people.ts';
import { apiEvent, type Caller } from '../../../platform/testing/api-event.ts';
import { agency, agencyCounsellor } from '../counsellors/counsellors.table.ts';
import { GET as listCampaignsApi, POST as createCampaignApi } from '../routes/api/v1/placement/campaigns/+server.ts';
import { GET as campaignApi, PATCH as changeCampaignApi } from '../routes/api/v1/placement/campaigns/[id]/+server.ts';
import { GET as candidatesApi, POST as addApi } from '../routes/api/v1/placement/campaigns/[id]/candidates/+server.ts';
import { POST as movesApi } from '../routes/api/v1/placement/campaigns/[id]/moves/+server.ts';
import { GET as candidateApi } from '../routes/api/v1/placement/campaigns/[id]/candidates/[candidateId]/+server.ts';
import { POST as correctionApi } from '../routes/api/v1/placement/campaigns/[id]/candidates/[candidateId]/correction/+server.ts';
import { POST as reallocateApi } from '../routes/api/v1/placement/campaigns/[id]/reallocations/+server.ts';
import { GET as mineApi } from '../routes/api/v1/placement/my-opportunities/+server.ts';

const holder = globalThis as typeof globalThis & { __sharakaApp?: Promise<App> };
let app: TestApp;
let division: Caller;
let staff: Caller;
let otherStaff: Caller;
let candidate: Caller;
let agencies: string[];
let campaignId: string;

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	holder.__sharakaApp = Promise.resolve(app);
	const db = app.database.db;
	agencies = (await db.select({ id: agency.id }).from(agency).orderBy(asc(agency.slug))).map((row) => row.id);
	const person = await aPerson(db, { role: 'member' });
	division = { ...person, actor: { ...person.actor, grants: [{ module: 'jobs', role: 'placement_division', organisationId: null, scope: null }] } };
	staff = await aPerson(db, { role: 'counsellor' });
	otherStaff = await aPerson(db, { role: 'counsellor' });
	await db.insert(agencyCounsellor).values([
		{ agencyId: agencies[0], userId: staff.actor.userId },
		{ agencyId: agencies[3], userId: otherStaff.actor.userId }
	]);
	candidate = await aPerson(db, { role: 'member', locale: 'ar' });
});
afterAll(async () => {
	delete holder.__sharakaApp;
	await app.close();
});

const campaign = (quotas: number[]) => ({
	title: 'Campagne API',
	hostCountry: 'IT',
	hostRegion: 'Sicile',
	channel: 'mass',
	positions: 50,
	quotas: quotas.map((positions, index) => ({ agencyId: agencies[index], positions }))
});

describe('the placement API', () => {
	it('lets the division create a campaign; quotas over the positions are a 400 on the field', async () => {
		const refused = await createCampaignApi(apiEvent(division, { method: 'POST', json: campaign([30, 30]) }));
		expect(refused.status).toBe(400);
		expect(JSON.stringify(await refused.json())).toContain('quotas');
		expect((await createCampaignApi(apiEvent(staff, { method: 'POST', json: campaign([10]) }))).status).toBe(403);
		const created = await createCampaignApi(apiEvent(division, { method: 'POST', json: campaign([30, 20]) }));
		expect(created.status).toBe(201);
		campaignId = (await created.json()).id;
		const read = await (await campaignApi(apiEvent(division, { params: { id: campaignId } }))).json();
		expect(read).toMatchObject({ positions: 50, allocated: 50, progress: [expect.objectContaining({ positions: 30 }), expect.objectContaining({ positions: 20 })] });
	});

	it('lets agency staff add and preselect their people; a skipped step is a 400 on `to`; others get 404', async () => {
		const params = { id: campaignId };
		expect((await addApi(apiEvent(staff, { method: 'POST', params, json: { agencyId: agencies[0], emails: [candidate.email] } }))).status).toBe(201);
		expect((await addApi(apiEvent(otherStaff, { method: 'POST', params, json: { agencyId: agencies[3], emails: [candidate.email] } }))).status).toBe(404);
		const page = await (await candidatesApi(apiEvent(staff, { params, search: '?status=active' }))).json();
		expect(page.items).toHaveLength(1);
		expect(page.counts).toMatchObject({ total: 1, byStage: expect.objectContaining({ registered: 1 }) });
		expect((await candidatesApi(apiEvent(staff, { params, search: '?stage=nowhere' }))).status).toBe(400);
		const id = page.items[0].id;
		const skipped = await movesApi(apiEvent(division, { method: 'POST', params, json: { candidateIds: [id], to: 'selected' } }));
		expect(skipped.status).toBe(400);
		expect(JSON.stringify(await skipped.json())).toContain('"to"');
		const moved = await movesApi(apiEvent(staff, { method: 'POST', params, json: { candidateIds: [id], to: 'preselected' } }));
		expect(await moved.json()).toMatchObject({ moved: 1 });
		expect((await movesApi(apiEvent(staff, { method: 'POST', params, json: { candidateIds: [id], to: 'shortlisted' } }))).status).toBe(400);
		expect((await reallocateApi(apiEvent(division, { method: 'POST', params, json: { fromAgencyId: agencies[1], toAgencyId: agencies[0], positions: 21, reason: 'Test' } }))).status).toBe(400);
		expect((await reallocateApi(apiEvent(division, { method: 'POST', params, json: { fromAgencyId: agencies[1], toAgencyId: agencies[0], positions: 5, reason: 'Test' } }))).status).toBe(201);
		const listed = await (await listCampaignsApi(apiEvent(otherStaff))).json();
		expect(listed.items).toEqual([]);
	});

	it('lets the division change a campaign; fewer positions than the quotas is a 400 on `positions`; agency staff 403', async () => {
		const params = { id: campaignId };
		const below = await changeCampaignApi(apiEvent(division, { method: 'PATCH', params, json: { title: 'Campagne API', positions: 49 } }));
		expect(below.status).toBe(400);
		expect(JSON.stringify(await below.json())).toContain('positions');
		expect((await changeCampaignApi(apiEvent(staff, { method: 'PATCH', params, json: { title: 'Campagne API', positions: 60 } }))).status).toBe(403);
		const changed = await changeCampaignApi(apiEvent(division, { method: 'PATCH', params, json: { title: 'Campagne API Sicile', positions: 60 } }));
		expect(changed.status).toBe(200);
		expect(await changed.json()).toMatchObject({ title: 'Campagne API Sicile', positions: 60, allocated: 50 });
	});

	it('lets the candidate read their own opportunities', async () => {
		const mine = await (await mineApi(apiEvent(candidate))).json();
		expect(mine.items).toEqual([expect.objectContaining({ stage: 'preselected', nextStage: 'shortlisted', campaign: expect.objectContaining({ title: 'Campagne API Sicile' }) })]);
		expect((await mineApi(apiEvent(null))).status).toBe(401);
	});

	it('corrects a wrong move as the pages do: the move named, a reason required, stale state 409, another agency 404; audited', async () => {
		const list = await (await candidatesApi(apiEvent(staff, { params: { id: campaignId } }))).json();
		const params = { id: campaignId, candidateId: list.items[0].id };
		const read = await candidateApi(apiEvent(staff, { params }));
		expect(read.status).toBe(200);
		const detail = await read.json();
		expect(detail).toMatchObject({ stage: 'preselected', correction: { kind: 'back', stage: 'registered', withdraws: null } });
		expect(detail.history.map((move: { toStage: string }) => move.toStage)).toEqual(['registered', 'preselected']);
		expect(detail.correction.moveId).toBe(detail.history[1].id);
		expect((await candidateApi(apiEvent(otherStaff, { params }))).status).toBe(404);
		const moveId = detail.correction.moveId;
		// no reason, then no move named: 400 on the field, nothing changed
		const noReason = await correctionApi(apiEvent(staff, { method: 'POST', params, json: { moveId, reason: ' ' } }));
		expect(noReason.status).toBe(400);
		expect((await noReason.json()).error.details.fields).toEqual([expect.objectContaining({ path: 'reason' })]);
		const noMove = await correctionApi(apiEvent(staff, { method: 'POST', params, json: { reason: 'Mauvaise ligne' } }));
		expect(noMove.status).toBe(400);
		expect((await noMove.json()).error.details.fields).toEqual([expect.objectContaining({ path: 'moveId' })]);
		expect((await correctionApi(apiEvent(otherStaff, { method: 'POST', params, json: { moveId, reason: 'Mauvaise ligne' } }))).status).toBe(404);
		expect((await (await candidateApi(apiEvent(staff, { params }))).json()).stage).toBe('preselected');
		const done = await correctionApi(apiEvent(staff, { method: 'POST', params, json: { moveId, reason: 'Mauvaise ligne cochée' } }));
		expect(done.status).toBe(200);
		expect(await done.json()).toEqual({ kind: 'back', stage: 'registered', withdrew: null, told: false });
		const [event] = await app.database.db.select().from(auditEvent).where(and(eq(auditEvent.action, 'placement_candidate.correct'), eq(auditEvent.resourceId, params.candidateId)));
		expect(event).toMatchObject({ actorUserId: staff.actor.userId, channel: 'api', after: expect.objectContaining({ reason: 'Mauvaise ligne cochée' }) });
		// the same request again (a retry): the move it names is no longer the last one
		const again = await correctionApi(apiEvent(staff, { method: 'POST', params, json: { moveId, reason: 'Mauvaise ligne cochée' } }));
		expect(again.status).toBe(409);
		expect((await again.json()).error.details).toMatchObject({ reason: 'correction_stale' });
		const after = await (await candidateApi(apiEvent(staff, { params }))).json();
		expect(after).toMatchObject({ stage: 'registered', correction: null });
		expect(after.history.at(-1)).toMatchObject({ fromStage: 'preselected', toStage: 'registered', correctsMoveId: moveId, reason: 'Mauvaise ligne cochée' });
	});
});
