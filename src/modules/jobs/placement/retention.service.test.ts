// Retention of the pipeline (issue 10) against the database: the entries of a campaign closed more than
// PIPELINE_RETENTION_MONTHS ago are deleted with everything keyed on them, the statistics unchanged (kept as
// aggregate counts), one audit event per run that deleted something; recent and open campaigns untouched.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq, inArray } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import { aPerson, contextFor, type Person } from '../../../platform/testing/people.ts';
import { auditEvent } from '../../../platform/audit/audit-event.table.ts';
import type { Actor } from '../../../platform/policy/policy.ts';
import { agency } from '../counsellors/counsellors.table.ts';
import { PIPELINE_RETENTION_MONTHS } from './campaigns.model.ts';
import { addCandidates, createCampaign, setCampaignStatus } from './campaigns.service.ts';
import { placementCampaign, placementCandidate, placementCandidateMove, placementProfile } from './campaigns.table.ts';
import { placementInvitation, placementReturn } from './departure.table.ts';
import { moveCandidates } from './pipeline.service.ts';
import { deleteClosedPipelines } from './retention.service.ts';
import { placementStatistics } from './statistics.service.ts';

let app: TestApp;
let division: Actor;
let agencies: { id: string; name: string }[];
let people: Person[];
const campaigns: Record<'old' | 'recent' | 'open' | 'legacy', string> = { old: '', recent: '', open: '', legacy: '' };
const longAgo = new Date(Date.now() - (PIPELINE_RETENTION_MONTHS + 1) * 31 * 86_400_000);

const stats = async (samples = false) => placementStatistics(app.database.db, { suppress: false, samples });
const entriesOf = (campaignId: string) => app.database.db.select({ id: placementCandidate.id }).from(placementCandidate).where(eq(placementCandidate.campaignId, campaignId));
const retentionEvents = () => app.database.db.select().from(auditEvent).where(eq(auditEvent.action, 'placement_campaign.pipeline_retention'));

async function campaign(title: string, emails: string[], agencyIndex = 0) {
	const ctx = contextFor(app.database.db, division);
	const created = await createCampaign(ctx, {
		title,
		hostCountry: 'ES',
		hostRegion: 'Huelva',
		channel: 'seasonal',
		positions: 10,
		seasonStartsOn: '2024-03-15',
		seasonEndsOn: '2024-07-15',
		quotas: [{ agencyId: agencies[agencyIndex].id, positions: 10 }]
	});
	await addCandidates(ctx, created.id, { agencyId: agencies[agencyIndex].id, emails });
	return created.id;
}

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	const db = app.database.db;
	agencies = await db.select({ id: agency.id, name: agency.name }).from(agency).orderBy(asc(agency.name));
	division = { ...(await aPerson(db)).actor, grants: [{ module: 'jobs', role: 'placement_division', organisationId: null, scope: null }] };
	people = [];
	for (let index = 0; index < 8; index++) people.push(await aPerson(db, { email: `keep${index}@example.ma` }));
	await db.insert(placementProfile).values([
		{ userId: people[0].actor.userId, sex: 'female' },
		{ userId: people[1].actor.userId, sex: 'male' }
	]);
	campaigns.old = await campaign('Saison 2024', people.slice(0, 4).map((p) => p.email));
	campaigns.recent = await campaign('Saison 2025', people.slice(4, 6).map((p) => p.email), 1);
	campaigns.open = await campaign('Saison 2027', [people[6].email]);
	campaigns.legacy = await campaign('Saison 2023', [people[7].email], 2);
	const ctx = contextFor(app.database.db, division);
	const ids = (await entriesOf(campaigns.old)).map((row) => row.id);
	for (const to of ['preselected', 'shortlisted', 'selected', 'contract_signed', 'visa_requested', 'visa_granted', 'orientation', 'departed', 'arrived']) {
		await moveCandidates(ctx, campaigns.old, { candidateIds: ids.slice(0, 3), to });
	}
	await moveCandidates(ctx, campaigns.old, { candidateIds: ids.slice(0, 2), to: 'returned' });
	await moveCandidates(ctx, campaigns.old, { candidateIds: [ids[3]], to: 'exited', exitReason: 'withdrew' });
	const [returned] = await db.select({ userId: placementCandidate.userId }).from(placementCandidate).where(eq(placementCandidate.id, ids[0]));
	await db.insert(placementReturn).values({ candidateId: ids[0], userId: returned.userId, campaignId: campaigns.old, season: 2024, outcome: 'on_time', returnedOn: '2024-07-15' });
	await db.insert(placementInvitation).values({ campaignId: campaigns.old, userId: people[5].actor.userId, agencyId: agencies[0].id });
	// closed two years and a month ago, closed last week, never closed, and closed before `closed_at` existed
	await setCampaignStatus(contextFor(app.database.db, division, { now: () => longAgo }), campaigns.old, { status: 'closed' });
	await setCampaignStatus(ctx, campaigns.recent, { status: 'closed' });
	await db.update(placementCampaign).set({ status: 'closed', closedAt: null, updatedAt: longAgo }).where(eq(placementCampaign.id, campaigns.legacy));
});
afterAll(() => app.close());

describe('the pipeline’s retention', () => {
	it('deletes the entries of campaigns closed long ago, keeps the statistics, audits the run once', async () => {
		const before = await Promise.all([stats(), stats(true)]);
		expect(before[0].total).toMatchObject({ candidates: 8, departures: 3, returns: 2 });
		const oldIds = (await entriesOf(campaigns.old)).map((row) => row.id);
		const done = await deleteClosedPipelines(app.database.db, new Date());
		expect(done).toEqual({ campaigns: 2, candidates: 5, invitations: 1 });
		expect(await entriesOf(campaigns.old)).toEqual([]);
		expect(await entriesOf(campaigns.legacy)).toEqual([]);
		expect(await app.database.db.select().from(placementCandidateMove).where(inArray(placementCandidateMove.candidateId, oldIds))).toEqual([]);
		expect(await app.database.db.select().from(placementReturn).where(eq(placementReturn.campaignId, campaigns.old))).toEqual([]);
		expect(await app.database.db.select().from(placementInvitation).where(eq(placementInvitation.campaignId, campaigns.old))).toEqual([]);
		// the figures are the same, breakdown by breakdown (sex, agency, year…)
		expect(await Promise.all([stats(), stats(true)])).toEqual(before);
		// the campaigns stay, marked; the recent and open ones keep their people
		const [old] = await app.database.db.select().from(placementCampaign).where(eq(placementCampaign.id, campaigns.old));
		expect(old.pipelineDeletedAt).not.toBeNull();
		expect(await entriesOf(campaigns.recent)).toHaveLength(2);
		expect(await entriesOf(campaigns.open)).toHaveLength(1);
		const events = await retentionEvents();
		expect(events).toHaveLength(1);
		expect(events[0].after).toEqual({ campaignIds: [campaigns.old, campaigns.legacy].sort(), candidates: 5, invitations: 1, months: PIPELINE_RETENTION_MONTHS });
		expect(JSON.stringify(events[0])).not.toContain(people[0].email);
	});

	it('does nothing, and audits nothing, when nothing is due', async () => {
		expect(await deleteClosedPipelines(app.database.db, new Date())).toEqual({ campaigns: 0, candidates: 0, invitations: 0 });
		expect(await retentionEvents()).toHaveLength(1);
	});

	it('counts from the day a campaign was closed: reopened and closed again, it waits anew', async () => {
		await setCampaignStatus(contextFor(app.database.db, division), campaigns.recent, { status: 'open' });
		const [reopened] = await app.database.db.select().from(placementCampaign).where(eq(placementCampaign.id, campaigns.recent));
		expect(reopened.closedAt).toBeNull();
		const later = new Date(Date.now() + (PIPELINE_RETENTION_MONTHS + 1) * 31 * 86_400_000);
		expect((await deleteClosedPipelines(app.database.db, later)).campaigns).toBe(0);
		await setCampaignStatus(contextFor(app.database.db, division), campaigns.recent, { status: 'closed' });
		expect((await deleteClosedPipelines(app.database.db, later)).candidates).toBe(2);
	});
});
