import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { App } from '../../../platform/app.ts';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import { aPerson, contextFor } from '../../../platform/testing/people.ts';
import { apiEvent, type Caller } from '../../../platform/testing/api-event.ts';
import { organisation } from '../../../platform/accounts/accounts.table.ts';
import { directoryEntry } from '../../../platform/directory/directory.table.ts';
import { saveProfile, setConsent } from '../seekers/seekers.service.ts';
import { assignCounsellor, chooseAgency } from './agencies.service.ts';
import { agency } from './counsellors.table.ts';
import { GET as agencies } from '../routes/api/v1/agencies/+server.ts';
import { GET as agencySeekers } from '../routes/api/v1/counsellor/seekers/+server.ts';
import { GET as listReferrals, POST as refer } from '../routes/api/v1/referrals/+server.ts';
import { PATCH as moveReferral } from '../routes/api/v1/referrals/[id]/+server.ts';
import { GET as listAgencyReferrals, POST as referToAgency } from '../routes/api/v1/agency-referrals/+server.ts';
import { PATCH as answerAgencyReferral } from '../routes/api/v1/agency-referrals/[id]/+server.ts';
import { GET as myFollowUp } from '../routes/api/v1/me/follow-up/+server.ts';
import { GET as exportData } from '../../../routes/api/v1/me/export/+server.ts';

const holder = globalThis as typeof globalThis & { __sharakaApp?: Promise<App> };
let app: TestApp;
const web = { actorUserId: null, actorLabel: 'test', channel: 'web' as const };

const event = apiEvent;

const agencyId = async (slug: string) => (await app.database.db.select({ id: agency.id }).from(agency).where(eq(agency.slug, slug)))[0].id;

let counsellor: Caller;
let otherCounsellor: Caller;
let partner: Caller;
let otherPartner: Caller;
let seeker: Caller;
let programmeId: string;

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	holder.__sharakaApp = Promise.resolve(app);
	const db = app.database.db;
	const moderator = await aPerson(app.database.db, { role: 'moderator' });
	counsellor = await aPerson(app.database.db, { role: 'counsellor' });
	otherCounsellor = await aPerson(app.database.db, { role: 'counsellor' });
	await assignCounsellor(contextFor(db, moderator, { audit: web }), await agencyId('anapec-oujda'), { email: counsellor.email });
	await assignCounsellor(contextFor(db, moderator, { audit: web }), await agencyId('anapec-fes'), { email: otherCounsellor.email });
	const [org] = await db.insert(organisation).values({ slug: 'programme-org', name: 'Programme Org', type: 'ngo' }).returning();
	const [other] = await db.insert(organisation).values({ slug: 'other-org', name: 'Other Org', type: 'ngo' }).returning();
	partner = await aPerson(app.database.db, { role: 'partner', organisationIds: [org.id] });
	otherPartner = await aPerson(app.database.db, { role: 'partner', organisationIds: [other.id] });
	const [programme] = await db
		.insert(directoryEntry)
		.values({ collection: 'jobs.programmes', organisationId: org.id, name: { fr: 'Accueil Oujda', en: 'Welcome in Oujda' }, description: { fr: 'x' }, eligibility: { fr: 'x' }, services: ['legal_aid'], cities: ['Oujda'], regions: ['MA-02'], languages: ['fr'] })
		.returning();
	programmeId = programme.id;
	seeker = await aPerson(app.database.db, { role: 'member' });
	await saveProfile(contextFor(db, seeker.actor, { audit: web }), { nationality: 'GN', residenceStatus: 'refugee', city: 'Oujda', placeCodes: ['MA-OUJ'] });
	await setConsent(contextFor(db, seeker.actor, { audit: web }), { scope: 'counsellors' });
	await chooseAgency(contextFor(db, seeker.actor, { audit: web }), { agencyId: await agencyId('anapec-oujda') });
});
afterAll(async () => {
	delete holder.__sharakaApp;
	await app.close();
});

describe('counsellors API', () => {
	it('lists the open agencies publicly', async () => {
		const response = await agencies(event(null));
		expect(response.status).toBe(200);
		const body = await response.json();
		expect(body.items.map((item: { name: string }) => item.name)).toEqual(expect.arrayContaining(['ANAPEC Rabat', 'ANAPEC Hay Hassani', 'ANAPEC Bouknadel']));
	});

	it('lists an agency’s seekers to its counsellor only', async () => {
		const mine = await (await agencySeekers(event(counsellor))).json();
		expect(mine.items.map((item: { id: string }) => item.id)).toEqual([seeker.actor.userId]);
		const theirs = await (await agencySeekers(event(otherCounsellor))).json();
		expect(theirs.items).toEqual([]);
		expect((await agencySeekers(event(counsellor, { search: '?cv=maybe' }))).status).toBe(400);
		expect((await agencySeekers(event(partner))).status).toBe(403);
	});

	it('refers, answers and shows a referral to the right people only', async () => {
		const body = { seekerId: seeker.actor.userId, programmeId, message: 'Première orientation', agreed: true };
		expect((await refer(event(otherCounsellor, { method: 'POST', json: body }))).status).toBe(404);
		expect((await refer(event(counsellor, { method: 'POST', json: { ...body, agreed: false } }))).status).toBe(400);
		const created = await refer(event(counsellor, { method: 'POST', json: body }));
		expect(created.status).toBe(201);
		const { id } = await created.json();
		expect((await refer(event(counsellor, { method: 'POST', json: body }))).status).toBe(409);

		// the programme's partner sees it with the person's contact; another partner does not
		const forPartner = await (await listReferrals(event(partner))).json();
		expect(forPartner.items).toEqual([expect.objectContaining({ id, status: 'sent', person: expect.objectContaining({ email: seeker.email }) })]);
		expect((await (await listReferrals(event(otherPartner))).json()).items).toEqual([]);
		expect((await (await listReferrals(event(otherCounsellor))).json()).items).toEqual([]);
		expect((await (await listReferrals(event(counsellor, { search: '?status=sent' }))).json()).items.map((item: { id: string }) => item.id)).toEqual([id]);

		expect((await moveReferral(event(otherPartner, { method: 'PATCH', json: { status: 'accepted' }, params: { id } }))).status).toBe(404);
		expect((await moveReferral(event(partner, { method: 'PATCH', json: { status: 'completed' }, params: { id } }))).status).toBe(409);
		const accepted = await moveReferral(event(partner, { method: 'PATCH', json: { status: 'accepted' }, params: { id } }));
		expect(accepted.status).toBe(200);
		expect(await accepted.json()).toEqual({ id, status: 'accepted', changed: true });

		// the person sees it in their follow-up and their export; nobody else's
		const mine = await (await myFollowUp(event(seeker))).json();
		expect(mine.agency.name).toBe('ANAPEC Oujda');
		expect(mine.referrals).toEqual([expect.objectContaining({ id, status: 'accepted', programme: expect.objectContaining({ name: 'Welcome in Oujda' }) })]);
		// the agency's step is still the counsellor's side in the API's history
		expect(mine.referrals[0].history.map((step: { side: string }) => step.side)).toEqual(['counsellor', 'programme']);
		const stranger = await aPerson(app.database.db, { role: 'member' });
		expect((await (await myFollowUp(event(stranger))).json()).referrals).toEqual([]);
		const exported = await (await exportData(event(seeker))).json();
		expect(exported.casework.referrals).toEqual([expect.objectContaining({ status: 'accepted', message: 'Première orientation' })]);
	});
});

describe('an association refers a person to an agency through the API', () => {
	it('sends with the agreement, lists on both sides, and lets only the agency answer', async () => {
		const person = await aPerson(app.database.db, { role: 'member' });
		const org = (await app.database.db.select({ id: organisation.id }).from(organisation).where(eq(organisation.slug, 'programme-org')))[0].id;
		const input = { email: person.email, agencyId: await agencyId('anapec-oujda'), organisationId: org, kind: 'training', message: 'Souhaite une formation en soudure.', agreed: true };
		expect((await referToAgency(event(partner, { method: 'POST', json: { ...input, agreed: false } }))).status).toBe(400);
		expect((await referToAgency(event(counsellor, { method: 'POST', json: input }))).status).toBe(403);
		expect((await referToAgency(event(otherPartner, { method: 'POST', json: input }))).status).toBe(400);
		const created = await referToAgency(event(partner, { method: 'POST', json: input }));
		expect(created.status).toBe(201);
		const { id } = await created.json();
		expect((await referToAgency(event(partner, { method: 'POST', json: input }))).status).toBe(409);
		const sent = await (await listAgencyReferrals(event(partner))).json();
		expect(sent.items.map((item: { id: string }) => item.id)).toEqual([id]);
		const received = await (await listAgencyReferrals(event(counsellor, { search: '?status=sent' }))).json();
		expect(received.items.find((item: { id: string }) => item.id === id)).toMatchObject({ kind: 'training', person: { email: person.email }, next: ['accepted', 'declined'] });
		expect((await (await listAgencyReferrals(event(otherCounsellor))).json()).items).toEqual([]);
		expect((await answerAgencyReferral(event(otherCounsellor, { method: 'PATCH', params: { id }, json: { status: 'accepted' } }))).status).toBe(404);
		expect((await answerAgencyReferral(event(partner, { method: 'PATCH', params: { id }, json: { status: 'accepted' } }))).status).toBe(403);
		const answered = await answerAgencyReferral(event(counsellor, { method: 'PATCH', params: { id }, json: { status: 'declined' } }));
		expect(await answered.json()).toEqual({ id, status: 'declined', changed: true });
		expect((await answerAgencyReferral(event(counsellor, { method: 'PATCH', params: { id }, json: { status: 'completed' } }))).status).toBe(409);
	});
});
