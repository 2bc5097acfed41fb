// The matching endpoints as an API client sees them (handlers called with a token's request).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestEvent } from '@sveltejs/kit';
import type { App } from '../../../platform/app.ts';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import { aPerson, contextFor } from '../../../platform/testing/people.ts';
import { organisation } from '../../../platform/accounts/accounts.table.ts';
import type { Actor } from '../../../platform/policy/policy.ts';
import { approveOffer, createOffer, publishOffer } from '../jobs.service.ts';
import { seekerProfile } from '../seekers/seekers.table.ts';
import { CandidatesResult, RecommendedOffersResult } from './matching.schemas.ts';
import { GET as candidates } from '../routes/api/v1/job-offers/[id]/candidates/+server.ts';
import { GET as recommended } from '../routes/api/v1/me/recommended-offers/+server.ts';

const holder = globalThis as typeof globalThis & { __sharakaApp?: Promise<App> };
let app: TestApp;


function call(handler: (event: RequestEvent) => Promise<Response> | Response, actor: Actor, path: string, params: Record<string, string> = {}, language = 'en') {
	const url = new URL(`http://localhost${path}`);
	return handler({
		request: new Request(url),
		url,
		params,
		locals: {
			language,
			user: { id: actor.userId, name: 'x', email: 'x@example.ma', role: actor.role, locale: 'fr' },
			actor,
			authMethod: 'token',
			audit: { actorUserId: actor.userId, actorLabel: 'x', channel: 'api', requestId: 'test', ip: '127.0.0.1' }
		}
	} as unknown as RequestEvent);
}

let employer: Actor;
let otherEmployer: Actor;
let counsellor: Actor;
let offerId: string;
let consenting: string;
let notConsenting: string;

async function profile(userId: string, consent: 'employers' | 'counsellors' | null) {
	await app.database.db.insert(seekerProfile).values({
		userId,
		nationality: 'CM',
		residenceStatus: 'refugee',
		occupationCodes: ['4222'],
		skills: ['Customer service'],
		languages: [{ language: 'en', level: 'C1' }],
		placeCodes: ['MA-06'],
		consentScope: consent,
		consentAt: consent ? new Date() : null
	});
}

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	holder.__sharakaApp = Promise.resolve(app);
	const [org] = await app.database.db.insert(organisation).values({ slug: 'call-centre', name: 'Call Centre', type: 'employer' }).returning();
	const [other] = await app.database.db.insert(organisation).values({ slug: 'other-employer', name: 'Other', type: 'employer' }).returning();
	employer = (await aPerson(app.database.db, { role: 'partner', organisationIds: [org.id] })).actor;
	otherEmployer = (await aPerson(app.database.db, { role: 'partner', organisationIds: [other.id] })).actor;
	counsellor = (await aPerson(app.database.db, { role: 'counsellor' })).actor;
	const web = { actorUserId: null, actorLabel: 'test', channel: 'web' as const };
	const created = await createOffer(contextFor(app.database.db, employer, { audit: web }), org.id, {
		title: 'Customer advisor',
		description: 'Inbound calls.',
		occupationCode: '4222',
		skills: ['customer service', 'CRM'],
		regionCode: 'MA-06',
		provinceCode: 'MA-CAS',
		city: 'Casablanca',
		contractType: 'cdi',
		workingTime: 'full_time',
		closingDate: '2099-01-01',
		languages: [{ language: 'en', level: 'B2' }]
	});
	await publishOffer(contextFor(app.database.db, employer, { audit: web }), created.id);
	await approveOffer(contextFor(app.database.db, counsellor, { audit: web }), created.id);
	offerId = created.id;
	consenting = (await aPerson(app.database.db, { role: 'member' })).actor.userId;
	notConsenting = (await aPerson(app.database.db, { role: 'member' })).actor.userId;
	await profile(consenting, 'employers');
	await profile(notConsenting, null);
});
afterAll(async () => {
	holder.__sharakaApp = undefined;
	await app.close();
});

describe('GET /api/v1/job-offers/{id}/candidates', () => {
	it('gives the offer’s employer the consenting candidates, ranked and explained, without who they are', async () => {
		const response = await call(candidates, employer, `/api/v1/job-offers/${offerId}/candidates`, { id: offerId });
		expect(response.status).toBe(200);
		expect(response.headers.get('cache-control')).toBe('no-store');
		const body = CandidatesResult.parse(await response.json());
		expect(body.viewer).toBe('employer');
		expect(body.total).toBe(1);
		const [first] = body.items;
		expect(first.person).toBeNull();
		expect(first.score).toBe(40 + 10 + 20 + 8 + 5);
		expect(first.reasons.map((reason) => reason.text)).toEqual([
			'Same occupation: Contact Centre Information Clerks (ISCO 4222)',
			'1 skill in common out of 2: customer service',
			'Language: English C1 (required: B2)',
			'Same region: Casablanca-Settat',
			'Availability: Immediately'
		]);
		const text = JSON.stringify(body);
		expect(text).not.toContain(consenting);
		expect(text).not.toContain(notConsenting);
		expect(text).not.toContain('@example.ma');
	});

	it('gives a counsellor names and contact, in the language asked', async () => {
		const response = await call(candidates, counsellor, `/api/v1/job-offers/${offerId}/candidates?pageSize=5`, { id: offerId }, 'ar');
		const body = CandidatesResult.parse(await response.json());
		expect(body.viewer).toBe('counsellor');
		expect(body.items.map((item) => item.person?.id)).toEqual([consenting]);
		expect(body.items[0].reasons[3].text).toBe('نفس الجهة: الدار البيضاء-سطات');
	});

	it('answers 404 to another employer, 403 to a member, and 400 to a bad page', async () => {
		const other = await call(candidates, otherEmployer, `/api/v1/job-offers/${offerId}/candidates`, { id: offerId });
		expect(other.status).toBe(404);
		expect((await other.json()).error.code).toBe('not_found');
		const member = await call(candidates, { userId: consenting, role: 'member', organisationIds: [] }, `/api/v1/job-offers/${offerId}/candidates`, { id: offerId });
		expect(member.status).toBe(403);
		const bad = await call(candidates, employer, `/api/v1/job-offers/${offerId}/candidates?pageSize=1000`, { id: offerId });
		expect(bad.status).toBe(400);
	});
});

describe('GET /api/v1/me/recommended-offers', () => {
	it('gives a seeker the offers matching their own profile, explained', async () => {
		const response = await call(recommended, { userId: consenting, role: 'member', organisationIds: [] }, '/api/v1/me/recommended-offers', {}, 'fr');
		expect(response.status).toBe(200);
		const body = RecommendedOffersResult.parse(await response.json());
		expect(body.profile).toBe(true);
		expect(body.items.map((item) => item.offer.id)).toEqual([offerId]);
		expect(body.items[0].reasons[0].text).toBe("Même métier : Employés de centre d'appel (CITP 4222)");
	});

	it('tells a member without a profile, and refuses an employer', async () => {
		const newcomer = (await aPerson(app.database.db, { role: 'member' })).actor;
		const body = await (await call(recommended, newcomer, '/api/v1/me/recommended-offers')).json();
		expect(body).toEqual({ profile: false, items: [] });
		expect((await call(recommended, employer, '/api/v1/me/recommended-offers')).status).toBe(403);
	});
});
