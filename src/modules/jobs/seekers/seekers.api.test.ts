import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { App } from '../../../platform/app.ts';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import { aPerson, contextFor } from '../../../platform/testing/people.ts';
import { apiEvent, type Caller } from '../../../platform/testing/api-event.ts';
import { organisation, user } from '../../../platform/accounts/accounts.table.ts';
import { approveOffer, createOffer, publishOffer } from '../jobs.service.ts';
import { cvDirectory } from './cv-storage.ts';
import { GET as getProfile, PUT as putProfile } from '../routes/api/v1/me/profile/+server.ts';
import { GET as getCv, PUT as putCv, DELETE as deleteCv } from '../routes/api/v1/me/cv/+server.ts';
import { GET as myApplications } from '../routes/api/v1/me/applications/+server.ts';
import { GET as exportData } from '../../../routes/api/v1/me/export/+server.ts';
import { DELETE as deleteMe } from '../../../routes/api/v1/me/+server.ts';
import { GET as offerApplications, POST as apply } from '../routes/api/v1/job-offers/[id]/applications/+server.ts';
import { aPdf } from '../../../platform/testing/pdf.ts';

const holder = globalThis as typeof globalThis & { __sharakaApp?: Promise<App> };
let app: TestApp;

const event = apiEvent;

const profile = {
	nationality: 'CM',
	residenceStatus: 'refugee',
	languages: [{ language: 'en', level: 'C1' }],
	skills: ['customer service'],
	occupationCodes: ['4222'],
	placeCodes: ['MA-06'],
	consent: 'counsellors'
};
const pdf = () => aPdf({ size: 1500 });

let employer: Caller;
let otherEmployer: Caller;
let offerId: string;

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	holder.__sharakaApp = Promise.resolve(app);
	const [org] = await app.database.db.insert(organisation).values({ slug: 'call-centre', name: 'Call Centre', type: 'employer' }).returning();
	const [other] = await app.database.db.insert(organisation).values({ slug: 'other-employer', name: 'Other', type: 'employer' }).returning();
	employer = await aPerson(app.database.db, { role: 'partner', organisationIds: [org.id] });
	otherEmployer = await aPerson(app.database.db, { role: 'partner', organisationIds: [other.id] });
	const counsellor = await aPerson(app.database.db, { role: 'counsellor' });
	const web = { actorUserId: null, actorLabel: 'test', channel: 'web' as const };
	const created = await createOffer(contextFor(app.database.db, employer.actor, { audit: web }), org.id, {
		title: 'Customer advisor',
		description: 'Inbound calls.',
		occupationCode: '4222',
		skills: [],
		regionCode: 'MA-06',
		city: 'Casablanca',
		contractType: 'cdi',
		workingTime: 'full_time',
		closingDate: '2099-01-01',
		languages: []
	});
	await publishOffer(contextFor(app.database.db, employer.actor, { audit: web }), created.id);
	await approveOffer(contextFor(app.database.db, counsellor.actor, { audit: web }), created.id);
	offerId = created.id;
});
afterAll(async () => {
	holder.__sharakaApp = undefined;
	await app.close();
});

describe('job seekers API', () => {
	it('a seeker keeps a profile, uploads a CV, applies, follows, exports and deletes', async () => {
		const seeker = await aPerson(app.database.db, { role: 'member' });
		expect((await getProfile(event(seeker))).status).toBe(404);
		const saved = await putProfile(event(seeker, { method: 'PUT', json: profile }));
		expect(saved.status).toBe(200);
		expect(await saved.json()).toMatchObject({ nationality: 'CM', consent: { scope: 'counsellors' }, cv: null });

		// not a PDF, whatever it claims to be: refused, nothing stored
		const before = fs.existsSync(cvDirectory(app.dataDir)) ? fs.readdirSync(cvDirectory(app.dataDir)).length : 0;
		const refused = await putCv(event(seeker, { method: 'PUT', body: Buffer.from('GIF89a fake'), contentType: 'application/pdf' }));
		expect(refused.status).toBe(415);
		expect((await refused.json()).error.details).toMatchObject({ reason: 'cv_not_pdf' });
		expect(fs.existsSync(cvDirectory(app.dataDir)) ? fs.readdirSync(cvDirectory(app.dataDir)).length : 0).toBe(before);

		// a PDF in a multipart form, named anything
		const form = new FormData();
		form.append('cv', new Blob([pdf()], { type: 'image/png' }), '../../etc/passwd.png');
		const uploaded = await putCv(event(seeker, { method: 'PUT', body: form }));
		expect(uploaded.status).toBe(200);
		expect(fs.readdirSync(cvDirectory(app.dataDir)).every((name) => /^[0-9a-f]{32}\.pdf$/.test(name))).toBe(true);
		const download = await getCv(event(seeker));
		expect(download.headers.get('content-disposition')).toMatch(/^attachment/);
		expect(download.headers.get('x-content-type-options')).toBe('nosniff');
		expect(Buffer.from(await download.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');

		const applied = await apply(event(seeker, { method: 'POST', json: { message: 'Hello, I speak English fluently.', share: true }, params: { id: offerId } }));
		expect(applied.status).toBe(201);
		const again = await apply(event(seeker, { method: 'POST', json: { message: 'Again', share: true }, params: { id: offerId } }));
		expect(again.status).toBe(409);

		const mine = await (await myApplications(event(seeker))).json();
		expect(mine.items).toHaveLength(1);
		expect(mine.items[0]).toMatchObject({ status: 'submitted', offer: { id: offerId, title: 'Customer advisor' } });

		// the offer's employer lists it; another employer gets 404; the seeker is refused
		const listed = await (await offerApplications(event(employer, { params: { id: offerId } }))).json();
		expect(listed.items[0].applicant.email).toBe(seeker.email);
		expect((await offerApplications(event(otherEmployer, { params: { id: offerId } }))).status).toBe(404);
		expect((await offerApplications(event(seeker, { params: { id: offerId } }))).status).toBe(403);

		const exported = await exportData(event(seeker));
		expect(exported.headers.get('content-disposition')).toMatch(/^attachment/);
		const data = await exported.json();
		expect(data.account.email).toBe(seeker.email);
		expect(data.profile.nationality).toBe('CM');
		expect(data.applications).toHaveLength(1);
		expect(data.consentHistory).toHaveLength(1);

		expect((await deleteMe(event(seeker, { method: 'DELETE' }))).status).toBe(204);
		expect(await app.database.db.select().from(user).where(eq(user.id, seeker.actor.userId))).toEqual([]);
		expect(fs.readdirSync(cvDirectory(app.dataDir)).length).toBe(before);
		const after = await (await offerApplications(event(employer, { params: { id: offerId } }))).json();
		expect(after.items[0]).toMatchObject({ applicant: null, status: 'withdrawn' });
	});

	it('refuses invalid profiles with field details, and CV removal without a CV', async () => {
		const seeker = await aPerson(app.database.db, { role: 'member' });
		const response = await putProfile(event(seeker, { method: 'PUT', json: { ...profile, residenceStatus: 'tourist', placeCodes: ['MA-99'] } }));
		expect(response.status).toBe(400);
		const paths = (await response.json()).error.details.fields.map((field: { path: string }) => field.path);
		expect(paths).toEqual(expect.arrayContaining(['residenceStatus', 'placeCodes.0']));
		expect((await deleteCv(event(seeker, { method: 'DELETE' }))).status).toBe(404);
		const noProfile = await putCv(event(seeker, { method: 'PUT', body: pdf(), contentType: 'application/pdf' }));
		expect(noProfile.status).toBe(409);
	});

	it('a staff account cannot be deleted through the API', async () => {
		const counsellor = await aPerson(app.database.db, { role: 'counsellor' });
		const response = await deleteMe(event(counsellor, { method: 'DELETE' }));
		expect(response.status).toBe(409);
		expect((await response.json()).error.details).toMatchObject({ reason: 'staff_account' });
	});
});
