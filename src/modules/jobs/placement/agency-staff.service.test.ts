// Local agency staff with the grant `jobs:placement_agency` limited to their agency (issue 10, items 3–4), against
// the database: given by an administrator for an agency picked among the open ones (another value refused), they see
// only the campaigns where that agency has a quota, its row and its people, add and preselect for it alone (another
// agency's person or campaign not found, another agency refused on the field), hold sessions for it; my space counts
// their agency's people; with the grant withdrawn, nothing. The same rule as agency counsellors (agency-staff.ts).
// Runs on PGlite, and on PostgreSQL with DATABASE_URL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import { aPerson, contextFor, type Person } from '../../../platform/testing/people.ts';
import { loadActor } from '../../../platform/accounts/actor.ts';
import { grantRole, listGrants, revokeGrant, scopeChoices } from '../../../platform/accounts/grant.service.ts';
import type { Actor } from '../../../platform/policy/policy.ts';
import { jobsSpace } from '../my-space.ts';
import { placementStaff } from './placement-staff.fixture.ts';
import { addCandidates, campaignAccess, campaignProgress, createCampaign, listCampaigns } from './campaigns.service.ts';
import { placementCandidate } from './campaigns.table.ts';
import { listCandidates, moveCandidates } from './pipeline.service.ts';
import { sessionAgencies } from './orientation.service.ts';

let app: TestApp;
let division: Actor;
let admin: Person;
let agent: Person;
let agencies: { id: string; name: string }[];
let people: Person[];
let shared: string;
let othersOnly: string;
let grantId: string;

/** The agent as the request hook loads them: with their grants from the database. */
const agentCtx = async () => contextFor(app.database.db, await loadActor(app.database.db, agent.actor.userId, 'member'), { language: 'fr' });
const ids = async (emails: string[]) => {
	const rows = await app.database.db.select({ id: placementCandidate.id, userId: placementCandidate.userId, campaignId: placementCandidate.campaignId }).from(placementCandidate).where(eq(placementCandidate.campaignId, shared));
	return emails.map((email) => rows.find((row) => row.userId === people.find((person) => person.email === email)!.actor.userId)!.id);
};

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	const db = app.database.db;
	({ agencies, division } = await placementStaff(db));
	admin = await aPerson(db, { role: 'administrator' });
	agent = await aPerson(db, { role: 'member', name: 'Agent de Tanger' });
	people = [];
	for (let index = 0; index < 4; index++) people.push(await aPerson(db, { role: 'member', email: `agency-grant${index}@example.ma` }));
	const ctx = contextFor(db, division);
	const campaign = (title: string, quotas: { agencyId: string; positions: number }[]) =>
		createCampaign(ctx, { title, hostCountry: 'ES', hostRegion: 'Huelva', channel: 'seasonal', positions: 20, seasonStartsOn: '2099-03-01', seasonEndsOn: '2099-06-30', quotas });
	shared = (await campaign('Fraises (deux agences)', [{ agencyId: agencies[0].id, positions: 10 }, { agencyId: agencies[1].id, positions: 10 }])).id;
	othersOnly = (await campaign('Agrumes (une autre agence)', [{ agencyId: agencies[0].id, positions: 10 }])).id;
	await addCandidates(ctx, shared, { agencyId: agencies[0].id, emails: [people[0].email, people[1].email] });
});
afterAll(() => app.close());

describe('the agency grant limited to one agency', () => {
	it('is given by an administrator for an open agency picked by name; any other value is refused', async () => {
		const ctx = contextFor(app.database.db, admin, { language: 'fr' });
		const choices = (await scopeChoices(ctx))['jobs:placement_agency'];
		expect(choices).toContainEqual({ value: agencies[1].id, label: agencies[1].name });
		await expect(grantRole(ctx, agent.actor.userId, { role: 'jobs:placement_agency' })).rejects.toMatchObject({ fields: [{ path: 'scope', messageKey: 'field_required' }] });
		await expect(grantRole(ctx, agent.actor.userId, { role: 'jobs:placement_agency', scope: 'ANAPEC Tanger' })).rejects.toMatchObject({ fields: [{ path: 'scope', messageKey: 'field_choice' }] });
		const given = await grantRole(ctx, agent.actor.userId, { role: 'jobs:placement_agency', scope: agencies[1].id });
		expect(given).toMatchObject({ key: 'jobs:placement_agency', scope: agencies[1].id, scopeLabel: agencies[1].name });
		expect((await listGrants(ctx, agent.actor.userId)).map((grant) => grant.scopeLabel)).toEqual([agencies[1].name]);
		grantId = given.id;
	});

	it('shows only the campaigns where the agency has a quota, its row and its people; another campaign is not found', async () => {
		const ctx = await agentCtx();
		expect((await listCampaigns(ctx)).map((row) => row.campaign.id)).toEqual([shared]);
		await expect(campaignAccess(ctx, othersOnly)).rejects.toMatchObject({ code: 'not_found' });
		const access = await campaignAccess(ctx, shared);
		expect(access.agencyIds).toEqual([agencies[1].id]);
		expect((await campaignProgress(ctx, access)).rows.map((row) => row.agencyId)).toEqual([agencies[1].id]);
		expect((await listCandidates(ctx, access, {})).items).toEqual([]);
	});

	it('adds and preselects for its agency only: another agency is refused on the field, another agency’s person not found', async () => {
		const ctx = await agentCtx();
		await expect(addCandidates(ctx, shared, { agencyId: agencies[0].id, emails: [people[2].email] })).rejects.toMatchObject({ fields: [{ path: 'agencyId', messageKey: 'field_choice' }] });
		expect(await addCandidates(ctx, shared, { agencyId: agencies[1].id, emails: [people[2].email, people[3].email] })).toEqual({ added: 2, already: 0 });
		const access = await campaignAccess(ctx, shared);
		expect((await listCandidates(ctx, access, {})).items.map((row) => row.email).sort()).toEqual([people[2].email, people[3].email]);
		const [theirs, other] = await ids([people[2].email, people[0].email]);
		await expect(moveCandidates(ctx, shared, { candidateIds: [other], to: 'preselected' })).rejects.toMatchObject({ code: 'not_found' });
		expect((await moveCandidates(ctx, shared, { candidateIds: [theirs], to: 'preselected' })).moved).toBe(1);
		await expect(moveCandidates(ctx, shared, { candidateIds: [theirs], to: 'shortlisted' })).rejects.toMatchObject({ fields: [expect.objectContaining({ messageKey: 'field_stage_division' })] });
	});

	it('holds sessions for its agency only and finds its campaigns in my space, with its people waiting', async () => {
		const ctx = await agentCtx();
		const { agencies: mine, division: isDivision } = await sessionAgencies(ctx);
		expect(isDivision).toBe(false);
		expect(mine.map((row) => row.id)).toEqual([agencies[1].id]);
		const links = await jobsSpace(ctx);
		const campaigns = links.find((link) => link.path === '/jobs/placement/campaigns');
		// one of its two people still registered (the other preselected); Rabat's two are not counted
		expect(campaigns?.waiting?.count).toBe(1);
		// no counsellors' pages: the grant is placement work only
		expect(links.some((link) => link.path.startsWith('/jobs/counsellor'))).toBe(false);
	});

	it('gives nothing once withdrawn', async () => {
		await revokeGrant(contextFor(app.database.db, admin), agent.actor.userId, grantId);
		const ctx = await agentCtx();
		await expect(listCampaigns(ctx)).rejects.toMatchObject({ code: 'forbidden' });
		expect((await jobsSpace(ctx)).some((link) => link.path === '/jobs/placement/campaigns')).toBe(false);
	});
});
