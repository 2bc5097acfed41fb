// Partners' systems through the placement API (issue 10, items 5 and 10), as a token's requests: a partner's
// recruiter lists its campaigns, reads pseudonymous cards, records a decision (400 on the field without the
// feedback a refusal needs), another partner gets 404; the candidate shares their identity (then the name
// shows); the recruiter creates its organisation's offer abroad as a draft and corrects it (another
// organisation's: 400 on the field / 404).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import type { App } from '../../../platform/app.ts';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import { aPerson, contextFor } from '../../../platform/testing/people.ts';
import { apiEvent, type Caller } from '../../../platform/testing/api-event.ts';
import { organisation } from '../../../platform/accounts/accounts.table.ts';
import { agency } from '../counsellors/counsellors.table.ts';
import { jobOffer } from '../job-offer.table.ts';
import { addCandidates, createCampaign } from './campaigns.service.ts';
import { moveCandidates } from './pipeline.service.ts';
import { placementAgreement } from './placement.table.ts';
import { GET as campaignsApi } from '../routes/api/v1/placement/partner/campaigns/+server.ts';
import { GET as shortlistApi } from '../routes/api/v1/placement/partner/campaigns/[id]/shortlist/+server.ts';
import { GET as cardApi, PUT as decideApi } from '../routes/api/v1/placement/partner/campaigns/[id]/shortlist/[candidateId]/+server.ts';
import { PUT as consentApi } from '../routes/api/v1/placement/my-opportunities/consents/+server.ts';
import { GET as offersApi, POST as createOfferApi } from '../routes/api/v1/placement/partner/offers/+server.ts';
import { PUT as updateOfferApi } from '../routes/api/v1/placement/partner/offers/[id]/+server.ts';

const holder = globalThis as typeof globalThis & { __sharakaApp?: Promise<App> };
let app: TestApp;
let recruiter: Caller;
let otherRecruiter: Caller;
let candidate: Caller;
let partnerId: string;
let otherId: string;
let campaignId: string;

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	holder.__sharakaApp = Promise.resolve(app);
	const db = app.database.db;
	const [first] = await db.select({ id: agency.id }).from(agency).orderBy(asc(agency.slug)).limit(1);
	const orgs = await db
		.insert(organisation)
		.values([
			{ slug: 'api-partner-es', name: 'Cooperativa (API)', type: 'employer', country: 'ES' },
			{ slug: 'api-partner-it', name: 'Officina (API)', type: 'employer', country: 'IT' }
		])
		.returning();
	[partnerId, otherId] = orgs.map((row) => row.id);
	const [agreement] = await db.insert(placementAgreement).values({ organisationId: partnerId, partnerName: 'Cooperativa', sector: 'private', hostCountry: 'ES', title: 'Accord', status: 'active' }).returning();
	recruiter = await aPerson(db, { role: 'partner', organisationIds: [partnerId] });
	otherRecruiter = await aPerson(db, { role: 'partner', organisationIds: [otherId] });
	candidate = await aPerson(db, { role: 'member', locale: 'ar', name: 'Samira Test API' });
	const division = { ...(await aPerson(db, { role: 'member' })).actor, grants: [{ module: 'jobs', role: 'placement_division', organisationId: null, scope: null }] };
	const ctx = contextFor(db, division);
	campaignId = (await createCampaign(ctx, { title: 'Fresas', hostCountry: 'ES', hostRegion: 'Huelva', channel: 'mass', positions: 10, agreementId: agreement.id, quotas: [{ agencyId: first.id, positions: 10 }] })).id;
	await addCandidates(ctx, campaignId, { agencyId: first.id, emails: [candidate.email] });
	const { placementCandidate } = await import('./campaigns.table.ts');
	const ids = (await db.select({ id: placementCandidate.id }).from(placementCandidate).where(eq(placementCandidate.campaignId, campaignId))).map((row) => row.id);
	await moveCandidates(ctx, campaignId, { candidateIds: ids, to: 'preselected' });
}, 300_000);
afterAll(async () => {
	delete holder.__sharakaApp;
	await app.close();
});

describe('the partners’ API', () => {
	it('gives a partner its shortlist as pseudonymous cards and records its decision; another partner gets 404', async () => {
		const listed = await (await campaignsApi(apiEvent(recruiter))).json();
		expect(listed.items).toEqual([expect.objectContaining({ id: campaignId, candidates: 1, pending: 1, partner: { id: partnerId, name: 'Cooperativa (API)' } })]);
		expect((await (await campaignsApi(apiEvent(otherRecruiter))).json()).items).toEqual([]);
		expect((await campaignsApi(apiEvent(candidate))).status).toBe(403);
		const params = { id: campaignId };
		const page = await (await shortlistApi(apiEvent(recruiter, { params, search: '?show=pending' }))).json();
		expect(page.items).toHaveLength(1);
		const card = page.items[0];
		expect(card).toMatchObject({ identified: false, name: null, email: null, stage: 'preselected' });
		expect(JSON.stringify(page)).not.toContain('Samira');
		expect((await shortlistApi(apiEvent(otherRecruiter, { params }))).status).toBe(404);
		expect((await shortlistApi(apiEvent(recruiter, { params, search: '?show=nobody' }))).status).toBe(400);
		const cardParams = { id: campaignId, candidateId: card.id };
		expect((await cardApi(apiEvent(otherRecruiter, { params: cardParams }))).status).toBe(404);
		const refused = await decideApi(apiEvent(recruiter, { method: 'PUT', params: cardParams, json: { outcome: 'not_selected' } }));
		expect(refused.status).toBe(400);
		expect(JSON.stringify(await refused.json())).toContain('feedback');
		expect((await decideApi(apiEvent(otherRecruiter, { method: 'PUT', params: cardParams, json: { outcome: 'shortlisted' } }))).status).toBe(404);
		const decided = await decideApi(apiEvent(recruiter, { method: 'PUT', params: cardParams, json: { outcome: 'interview', feedback: 'Entrevista por vídeo la semana próxima.', feedbackLang: 'es' } }));
		expect(await decided.json()).toMatchObject({ outcome: 'interview', stage: 'shortlisted', feedbackLang: 'es' });
	});

	it('shows the name once the candidate shares it with that partner', async () => {
		expect((await consentApi(apiEvent(candidate, { method: 'PUT', json: { organisationId: otherId, share: true } }))).status).toBe(400);
		const shared = await consentApi(apiEvent(candidate, { method: 'PUT', json: { organisationId: partnerId, share: true } }));
		expect(await shared.json()).toMatchObject({ sharing: true, changed: true });
		const page = await (await shortlistApi(apiEvent(recruiter, { params: { id: campaignId } }))).json();
		expect(page.items[0]).toMatchObject({ identified: true, name: 'Samira Test API', email: candidate.email, decision: expect.objectContaining({ outcome: 'interview' }) });
	});

	it('lets a partner’s recruiter create its organisation’s offer abroad as a draft and correct it', async () => {
		const offer = (overrides: Record<string, unknown> = {}) => ({
			title: 'Recolección de fresas',
			description: 'Recolección y envasado de fresas en invernadero durante la temporada de primavera.',
			occupationCode: '9211',
			hostCountry: 'ES',
			city: 'Huelva',
			organisationId: partnerId,
			channel: 'seasonal',
			contractType: 'seasonal',
			workingTime: 'full_time',
			seasonStartsOn: '2031-04-01',
			seasonEndsOn: '2031-07-31',
			languages: [{ language: 'es', level: 'A1' }],
			positions: 20,
			closingDate: '2031-03-15',
			costs: { recruitment: 'employer', travel: 'employer' },
			noWorkerFees: true,
			handlingUnit: 'agencies',
			...overrides
		});
		const foreign = await createOfferApi(apiEvent(recruiter, { method: 'POST', json: offer({ organisationId: otherId }) }));
		expect(foreign.status).toBe(400);
		expect(JSON.stringify(await foreign.json())).toContain('organisationId');
		const noCountry = await createOfferApi(apiEvent(recruiter, { method: 'POST', json: offer({ hostCountry: '' }) }));
		expect(noCountry.status).toBe(400);
		expect((await createOfferApi(apiEvent(candidate, { method: 'POST', json: offer() }))).status).toBe(403);
		const created = await createOfferApi(apiEvent(recruiter, { method: 'POST', json: offer() }));
		expect(created.status).toBe(201);
		const { id, status } = await created.json();
		expect(status).toBe('draft');
		const [row] = await app.database.db.select().from(jobOffer).where(eq(jobOffer.id, id));
		expect(row).toMatchObject({ organisationId: partnerId, status: 'draft', hostCountry: 'ES' });
		const updated = await updateOfferApi(apiEvent(recruiter, { method: 'PUT', params: { id }, json: offer({ positions: 25 }) }));
		expect(updated.status).toBe(200);
		expect((await updateOfferApi(apiEvent(otherRecruiter, { method: 'PUT', params: { id }, json: offer({ organisationId: otherId }) }))).status).toBe(404);
		const mine = await (await offersApi(apiEvent(recruiter))).json();
		expect(mine.items).toEqual([expect.objectContaining({ id, positions: 25, status: 'draft' })]);
	});
});
