// The division's offers abroad through the API (issue 10, items 2 and 10), as a token's requests: created,
// listed, read, changed, published and closed with the offer form's service and rules — an offer without host
// country refused with a localised error on its field and nothing saved, positions over the agreement's quota,
// a closed offer no longer changed (409) —, each write audited with channel `api`; nobody but the division
// reaches it (403), an offer in Morocco or unknown is 404. Runs on PGlite, and on PostgreSQL with DATABASE_URL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import type { App } from '../../../platform/app.ts';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import { aPerson } from '../../../platform/testing/people.ts';
import { apiEvent, type Caller } from '../../../platform/testing/api-event.ts';
import { accessGrant } from '../../../platform/accounts/access-grant.table.ts';
import { organisation } from '../../../platform/accounts/accounts.table.ts';
import { auditEvent } from '../../../platform/audit/audit-event.table.ts';
import { translate } from '../../../platform/i18n/translator.ts';
import { agency } from '../counsellors/counsellors.table.ts';
import { jobOffer } from '../job-offer.table.ts';
import { placementAgreement } from './placement.table.ts';
import { GET as listApi, POST as createApi } from '../routes/api/v1/placement/offers/+server.ts';
import { GET as offerApi, PUT as updateApi } from '../routes/api/v1/placement/offers/[id]/+server.ts';
import { POST as publishApi } from '../routes/api/v1/placement/offers/[id]/publication/+server.ts';
import { POST as closeApi } from '../routes/api/v1/placement/offers/[id]/closure/+server.ts';

const holder = globalThis as typeof globalThis & { __sharakaApp?: Promise<App> };
let app: TestApp;
let division: Caller;
let agencyCounsellor: Caller;
let partner: Caller;
let partnerOrg: string;
let agreementId: string;
let agencies: { id: string }[];
const year = new Date().getUTCFullYear() + 1;

/** A seasonal offer in Spain through the agreement, as a partner system sends it (JSON). */
function seasonal(overrides: Record<string, unknown> = {}) {
	return {
		title: 'Cueillette de fraises à Huelva (API)',
		description: 'Récolte et conditionnement des fraises en serre, saison de printemps.',
		occupationCode: '9211',
		hostCountry: 'ES',
		city: 'Huelva',
		organisationId: partnerOrg,
		agreementId,
		channel: 'seasonal',
		contractType: 'seasonal',
		contractMonths: 4,
		seasonStartsOn: `${year}-04-01`,
		seasonEndsOn: `${year}-07-31`,
		salaryMin: 1200,
		salaryPeriod: 'month',
		salaryCurrency: 'EUR',
		languages: [{ language: 'es', level: 'A1' }],
		positions: 40,
		closingDate: `${year}-03-15`,
		costs: { recruitment: 'public', travel: 'employer' },
		noWorkerFees: true,
		handlingUnit: 'agencies',
		agencyShares: [{ agencyId: agencies[0].id, positions: 40 }],
		...overrides
	};
}

const body = async (response: Response) => ({ status: response.status, json: await response.json() });
const offerCount = async () => (await app.database.db.select({ n: sql<number>`count(*)::int` }).from(jobOffer))[0].n;

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	holder.__sharakaApp = Promise.resolve(app);
	const db = app.database.db;
	const person = await aPerson(db, { role: 'member', name: 'Division API offres' });
	await db.insert(accessGrant).values({ userId: person.actor.userId, module: 'jobs', role: 'placement_division' });
	division = { actor: { ...person.actor, grants: [{ module: 'jobs', role: 'placement_division', organisationId: null, scope: null }] }, email: person.email };
	agencyCounsellor = await aPerson(db, { role: 'counsellor' });
	[{ id: partnerOrg }] = await db.insert(organisation).values({ slug: 'api-offers-sepe', name: 'Servicio Público de Empleo (API)', type: 'public_agency', country: 'ES' }).returning();
	partner = await aPerson(db, { role: 'partner', organisationIds: [partnerOrg] });
	[{ id: agreementId }] = await db
		.insert(placementAgreement)
		.values({ organisationId: partnerOrg, partnerName: 'SEPE', sector: 'public', hostCountry: 'ES', title: 'Accord saisonnier (API)', status: 'active', quotas: [{ year, positions: 100 }] })
		.returning();
	agencies = await db.select({ id: agency.id }).from(agency).orderBy(agency.slug).limit(2);
}, 300_000);
afterAll(async () => {
	delete holder.__sharakaApp;
	await app.close();
});

describe('the division’s offers API', () => {
	let offerId = '';

	it('creates a draft with the form’s rules, audited with channel api; lists and reads it back', async () => {
		const created = await body(await createApi(apiEvent(division, { method: 'POST', json: seasonal() })));
		expect(created.status).toBe(201);
		expect(created.json).toMatchObject({ status: 'draft', hostCountry: 'ES', channel: 'seasonal', positions: 40, noWorkerFees: true, agreementId, handlingUnit: 'agencies', costs: { recruitment: 'public' } });
		offerId = created.json.id;
		const [event] = await app.database.db.select().from(auditEvent).where(and(eq(auditEvent.action, 'job_offer.create'), eq(auditEvent.resourceId, offerId)));
		expect(event.channel).toBe('api');
		const listed = await body(await listApi(apiEvent(division)));
		expect(listed.json.items.map((item: { id: string }) => item.id)).toContain(offerId);
		const read = await body(await offerApi(apiEvent(division, { params: { id: offerId } })));
		expect(read.json).toEqual(created.json);
	});

	it('refuses an offer without host country with a localised error on the field, and saves nothing', async () => {
		const before = await offerCount();
		const refused = await body(await createApi(apiEvent(division, { method: 'POST', json: seasonal({ hostCountry: '' }), language: 'fr' })));
		expect(refused.status).toBe(400);
		expect(refused.json.error.details.fields).toContainEqual({ path: 'hostCountry', message: translate('fr', 'errors.field_required') });
		const arabic = await body(await createApi(apiEvent(division, { method: 'POST', json: seasonal({ hostCountry: undefined }), language: 'ar' })));
		expect(arabic.json.error.details.fields).toContainEqual({ path: 'hostCountry', message: translate('ar', 'errors.field_required') });
		// in Morocco, over the agreement's quota (40 already taken of 100), shares over the positions: each on its field
		const morocco = await body(await createApi(apiEvent(division, { method: 'POST', json: seasonal({ hostCountry: 'MA' }) })));
		expect(morocco.json.error.details.fields.map((field: { path: string }) => field.path)).toEqual(['hostCountry']);
		const overQuota = await body(await createApi(apiEvent(division, { method: 'POST', json: seasonal({ positions: 70, agencyShares: [] , handlingUnit: 'division' }), language: 'fr' })));
		expect(overQuota.status).toBe(400);
		expect(overQuota.json.error.details.fields).toEqual([{ path: 'positions', message: translate('fr', 'errors.field_over_quota', { available: 60, year: String(year), quota: 100 }) }]);
		expect(await offerCount()).toBe(before);
	});

	it('changes the offer whole (nothing changed on a refusal), publishes and closes it; then 409; each write audited', async () => {
		const bad = await body(await updateApi(apiEvent(division, { method: 'PUT', params: { id: offerId }, json: seasonal({ hostCountry: '', positions: 50 }) })));
		expect(bad.status).toBe(400);
		expect((await body(await offerApi(apiEvent(division, { params: { id: offerId } })))).json).toMatchObject({ hostCountry: 'ES', positions: 40 });
		const changed = await body(await updateApi(apiEvent(division, { method: 'PUT', params: { id: offerId }, json: seasonal({ positions: 50, agencyShares: [{ agencyId: agencies[0].id, positions: 25 }, { agencyId: agencies[1].id, positions: 25 }] }) })));
		expect(changed.status).toBe(200);
		expect(changed.json).toMatchObject({ positions: 50, status: 'draft', agencyShares: [{ positions: 25 }, { positions: 25 }] });
		const published = await body(await publishApi(apiEvent(division, { method: 'POST', params: { id: offerId } })));
		expect(published.json).toMatchObject({ status: 'published' });
		expect(published.json.publishedAt).not.toBeNull();
		expect((await publishApi(apiEvent(division, { method: 'POST', params: { id: offerId } }))).status).toBe(409);
		const closed = await body(await closeApi(apiEvent(division, { method: 'POST', params: { id: offerId } })));
		expect(closed.json).toMatchObject({ status: 'closed' });
		const again = await body(await closeApi(apiEvent(division, { method: 'POST', params: { id: offerId } })));
		expect(again.status).toBe(409);
		expect(again.json.error.details).toMatchObject({ reason: 'offer_wrong_status' });
		const edit = await body(await updateApi(apiEvent(division, { method: 'PUT', params: { id: offerId }, json: seasonal() })));
		expect(edit.status).toBe(409);
		expect(edit.json.error.details).toMatchObject({ reason: 'offer_not_editable' });
		const events = await app.database.db.select({ action: auditEvent.action, channel: auditEvent.channel }).from(auditEvent).where(and(eq(auditEvent.resourceType, 'job_offer'), eq(auditEvent.resourceId, offerId))).orderBy(auditEvent.id);
		expect(events).toEqual(['job_offer.create', 'job_offer.update', 'job_offer.publish', 'job_offer.close'].map((action) => ({ action, channel: 'api' })));
		// closed, its positions went back to the quota: 100 positions fit again
		expect((await createApi(apiEvent(division, { method: 'POST', json: seasonal({ positions: 100, handlingUnit: 'division', agencyShares: [] }) }))).status).toBe(201);
	});

	it('answers 404 for an unknown offer or one in Morocco, 403 to anyone but the division, 401 without a token, 415 for a form body', async () => {
		expect((await offerApi(apiEvent(division, { params: { id: crypto.randomUUID() } }))).status).toBe(404);
		expect((await offerApi(apiEvent(division, { params: { id: 'nope' } }))).status).toBe(404);
		const [home] = await app.database.db.insert(jobOffer).values({ organisationId: partnerOrg, title: 'Au Maroc', description: 'Une offre au Maroc, pas à l’étranger.', occupationCode: '9211', regionCode: 'MA-01', city: 'Rabat', contractType: 'cdd', workingTime: 'full_time', positions: 1, closingDate: `${year}-01-01` }).returning();
		expect((await closeApi(apiEvent(division, { method: 'POST', params: { id: home.id } }))).status).toBe(404);
		for (const caller of [agencyCounsellor, partner]) {
			expect((await listApi(apiEvent(caller))).status).toBe(403);
			expect((await createApi(apiEvent(caller, { method: 'POST', json: seasonal() }))).status).toBe(403);
		}
		expect((await listApi(apiEvent(null))).status).toBe(401);
		const form = await createApi(apiEvent(division, { method: 'POST', body: new URLSearchParams({ title: 'x' }), contentType: 'application/x-www-form-urlencoded' }));
		expect(form.status).toBe(415);
	});
});
