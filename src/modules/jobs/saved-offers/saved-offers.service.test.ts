import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestEvent } from '@sveltejs/kit';
import { and, eq } from 'drizzle-orm';
import type { App } from '../../../platform/app.ts';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import { aPerson, contextFor } from '../../../platform/testing/people.ts';
import { organisation, user } from '../../../platform/accounts/accounts.table.ts';
import { auditEvent } from '../../../platform/audit/audit-event.table.ts';
import type { AuditContext } from '../../../platform/audit/audit.service.ts';
import type { Actor } from '../../../platform/policy/policy.ts';
import { jobOffer } from '../job-offer.table.ts';
import { approveOffer, closeOffer, createOffer, publishOffer } from '../jobs.service.ts';
import { listContentPages } from '../../../platform/content/content-pages.service.ts';
import { rightsPages } from '../rights-pages.ts';
import { deleteMyAccount, exportMyData } from '../../../platform/accounts/personal-data.service.ts';
import type { exportSeekerData } from '../seekers/seekers.service.ts';

/** a person's export with its Jobs part */
type SeekerExport = Awaited<ReturnType<typeof exportMyData>> & Awaited<ReturnType<typeof exportSeekerData>>;
import { jobSavedOffer } from './saved-offers.table.ts';
import { isOfferSaved, listSavedOffers, MAX_SAVED_OFFERS, offerSavedState, removeSavedOffer, saveOffer } from './saved-offers.service.ts';
import { serviceWorkerScript } from '../../../platform/offline/web-app.ts';
import { GET as listApi } from '../routes/api/v1/me/saved-offers/+server.ts';
import { PUT as saveApi, DELETE as removeApi } from '../routes/api/v1/me/saved-offers/[offerId]/+server.ts';

const holder = globalThis as typeof globalThis & { __sharakaApp?: Promise<App> };
let app: TestApp;
const web: AuditContext = { actorUserId: null, actorLabel: 'test', channel: 'web' };
let employer: Actor;
let counsellor: Actor;
let organisationId: string;

async function offer(title: string, closingDate = '2099-01-01', publish = true): Promise<string> {
	const created = await createOffer(contextFor(app.database.db, employer, { audit: web }), organisationId, {
		title,
		description: 'Travaux de finition dans des logements neufs.',
		occupationCode: '7126',
		skills: [],
		regionCode: 'MA-01',
		city: 'Tanger',
		contractType: 'cdd',
		workingTime: 'full_time',
		closingDate,
		languages: []
	});
	if (publish) {
		const published = await publishOffer(contextFor(app.database.db, employer, { audit: web }), created.id);
		if (published.status === 'pending_validation') await approveOffer(contextFor(app.database.db, counsellor, { audit: web }), created.id);
	}
	return created.id;
}

function apiEvent(actor: Actor, method: string, params: Record<string, string> = {}) {
	const url = new URL('http://localhost/api/v1/me/saved-offers');
	return {
		request: new Request(url, { method }),
		url,
		params,
		locals: {
			language: 'ar',
			user: { id: actor.userId, name: 'x', email: `${actor.userId}@example.ma`, role: actor.role, locale: 'ar' },
			actor,
			authMethod: 'token',
			audit: { actorUserId: actor.userId, actorLabel: 'api', channel: 'api', requestId: 'test', ip: '127.0.0.1' }
		}
	} as unknown as RequestEvent;
}

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	holder.__sharakaApp = Promise.resolve(app);
	const [org] = await app.database.db.insert(organisation).values({ slug: 'zellige-tanger', name: 'Zellige Tanger', type: 'employer' }).returning();
	organisationId = org.id;
	employer = (await aPerson(app.database.db, { role: 'partner', organisationIds: [organisationId] })).actor;
	counsellor = (await aPerson(app.database.db, { role: 'counsellor' })).actor;
});
afterAll(async () => {
	holder.__sharakaApp = undefined;
	await app.close();
});

describe('saved offers', () => {
	it('saves a public offer once, lists and removes it, for its owner only', async () => {
		const seeker = (await aPerson(app.database.db, { role: 'member' })).actor;
		const stranger = (await aPerson(app.database.db, { role: 'member' })).actor;
		const tiler = await offer('Carreleur');
		const mason = await offer('Maçon');

		expect(await saveOffer(contextFor(app.database.db, seeker, { audit: web, now: () => new Date('2030-01-01T10:00:00Z') }), tiler)).toMatchObject({ created: true });
		expect(await saveOffer(contextFor(app.database.db, seeker, { audit: web, now: () => new Date('2030-01-02T10:00:00Z') }), mason)).toMatchObject({ created: true });
		expect(await saveOffer(contextFor(app.database.db, seeker, { audit: web }), tiler)).toMatchObject({ created: false });

		const listed = await listSavedOffers(contextFor(app.database.db, seeker));
		expect(listed.map((item) => item.title)).toEqual(['Maçon', 'Carreleur']); // newest first
		expect(listed[1]).toMatchObject({ offerId: tiler, employer: 'Zellige Tanger', city: 'Tanger', status: 'published', open: true, url: `/fr/jobs/offers/${tiler}` });
		expect(await isOfferSaved(contextFor(app.database.db, seeker), tiler)).toBe(true);

		// another person sees nothing of it and cannot remove it
		expect(await listSavedOffers(contextFor(app.database.db, stranger))).toEqual([]);
		expect(await isOfferSaved(contextFor(app.database.db, stranger), tiler)).toBe(false);
		await expect(removeSavedOffer(contextFor(app.database.db, stranger, { audit: web }), tiler)).rejects.toMatchObject({ code: 'not_found' });
		expect(await listSavedOffers(contextFor(app.database.db, seeker))).toHaveLength(2);

		await removeSavedOffer(contextFor(app.database.db, seeker, { audit: web }), tiler);
		expect((await listSavedOffers(contextFor(app.database.db, seeker))).map((item) => item.offerId)).toEqual([mason]);
		await expect(removeSavedOffer(contextFor(app.database.db, seeker, { audit: web }), tiler)).rejects.toMatchObject({ code: 'not_found' });

		const audited = await app.database.db.select({ action: auditEvent.action }).from(auditEvent).where(and(eq(auditEvent.resourceType, 'job_saved_offer'), eq(auditEvent.resourceId, tiler)));
		expect(audited.map((event) => event.action).sort()).toEqual(['job_saved_offer.create', 'job_saved_offer.delete']);
	});

	it('refuses people who are not job seekers, offers that are not public and unknown ids', async () => {
		const seeker = (await aPerson(app.database.db, { role: 'member' })).actor;
		const open = await offer('Soudeur');
		const draft = await offer('Brouillon', '2099-01-01', false);
		await expect(saveOffer(contextFor(app.database.db, employer, { audit: web }), open)).rejects.toMatchObject({ code: 'forbidden' });
		await expect(saveOffer(contextFor(app.database.db, counsellor, { audit: web }), open)).rejects.toMatchObject({ code: 'forbidden' });
		await expect(saveOffer(contextFor(app.database.db, null, { audit: web }), open)).rejects.toMatchObject({ code: 'forbidden' });
		await expect(listSavedOffers(contextFor(app.database.db, employer))).rejects.toMatchObject({ code: 'forbidden' });
		await expect(saveOffer(contextFor(app.database.db, seeker, { audit: web }), draft)).rejects.toMatchObject({ code: 'not_found' });
		await expect(saveOffer(contextFor(app.database.db, seeker, { audit: web }), 'not-a-uuid')).rejects.toMatchObject({ code: 'not_found' });
		await expect(saveOffer(contextFor(app.database.db, seeker, { audit: web }), crypto.randomUUID())).rejects.toMatchObject({ code: 'not_found' });
		expect(await listSavedOffers(contextFor(app.database.db, seeker))).toEqual([]);
		expect(await isOfferSaved(contextFor(app.database.db, employer), open)).toBe(false);
	});

	it('keeps a closed or expired offer in the list, with its status, and cannot save it anew', async () => {
		const seeker = (await aPerson(app.database.db, { role: 'member' })).actor;
		const other = (await aPerson(app.database.db, { role: 'member' })).actor;
		const closing = await offer('Pâtissier');
		const expiring = await offer('Boulanger', '2031-06-30');
		await saveOffer(contextFor(app.database.db, seeker, { audit: web }), closing);
		await saveOffer(contextFor(app.database.db, seeker, { audit: web }), expiring);
		await closeOffer(contextFor(app.database.db, employer, { audit: web }), closing);

		const today = await listSavedOffers(contextFor(app.database.db, seeker, { language: 'ar' }));
		expect(today.find((item) => item.offerId === closing)).toMatchObject({ status: 'closed', open: false });
		expect(today.find((item) => item.offerId === expiring)).toMatchObject({ status: 'published', open: true, url: `/ar/jobs/offers/${expiring}` });
		const later = await listSavedOffers(contextFor(app.database.db, seeker, { language: 'ar', now: () => new Date('2031-07-02T12:00:00Z') }));
		expect(later.find((item) => item.offerId === expiring)).toMatchObject({ status: 'expired', open: false });

		await expect(saveOffer(contextFor(app.database.db, other, { audit: web }), closing)).rejects.toMatchObject({ code: 'not_found' });
		await expect(saveOffer(contextFor(app.database.db, other, { audit: web, now: () => new Date('2031-07-02T12:00:00Z') }), expiring)).rejects.toMatchObject({ code: 'not_found' });
		// already saved: still there, nothing changes
		expect(await saveOffer(contextFor(app.database.db, seeker, { audit: web }), closing)).toMatchObject({ created: false });
	});

	it('stops at the maximum number of saved offers', async () => {
		const seeker = (await aPerson(app.database.db, { role: 'member' })).actor;
		const rows = Array.from({ length: MAX_SAVED_OFFERS + 1 }, (_, index) => ({
			organisationId,
			title: `Offre ${index}`,
			description: 'Une offre parmi beaucoup.',
			occupationCode: '7126',
			regionCode: 'MA-01',
			city: 'Tanger',
			contractType: 'cdd' as const,
			workingTime: 'full_time' as const,
			closingDate: '2099-01-01',
			status: 'published' as const
		}));
		const ids = (await app.database.db.insert(jobOffer).values(rows).returning({ id: jobOffer.id })).map((row) => row.id);
		await app.database.db.insert(jobSavedOffer).values(ids.slice(0, MAX_SAVED_OFFERS).map((offerId) => ({ userId: seeker.userId, offerId })));
		await expect(saveOffer(contextFor(app.database.db, seeker, { audit: web }), ids[MAX_SAVED_OFFERS])).rejects.toMatchObject({ code: 'conflict', extra: { reason: 'too_many_saved_offers' } });
		await removeSavedOffer(contextFor(app.database.db, seeker, { audit: web }), ids[0]);
		expect(await saveOffer(contextFor(app.database.db, seeker, { audit: web }), ids[MAX_SAVED_OFFERS])).toMatchObject({ created: true });
	});

	it('tells the offer page whether the viewer may save it, has saved it, and what just happened', async () => {
		const seeker = (await aPerson(app.database.db, { role: 'member' })).actor;
		const id = await offer('Électricien');
		const page = (query = '') => new URL(`http://localhost/fr/jobs/offers/${id}${query}`);
		expect(await offerSavedState(contextFor(app.database.db, seeker), id, page())).toEqual({ canSave: true, saved: false, notice: null });
		await saveOffer(contextFor(app.database.db, seeker, { audit: web }), id);
		expect(await offerSavedState(contextFor(app.database.db, seeker), id, page('?done=saved'))).toEqual({ canSave: true, saved: true, notice: 'saved_done' });
		expect(await offerSavedState(contextFor(app.database.db, null), id, page('?done=saved'))).toEqual({ canSave: false, saved: false, notice: null });
		expect(await offerSavedState(contextFor(app.database.db, employer), id, page())).toEqual({ canSave: false, saved: false, notice: null });
	});

	it('is part of the person’s data export and goes with their account', async () => {
		const seeker = (await aPerson(app.database.db, { role: 'member' })).actor;
		const id = await offer('Cuisinier');
		await saveOffer(contextFor(app.database.db, seeker, { audit: web, now: () => new Date('2030-03-01T08:00:00Z') }), id);
		const exported = (await exportMyData(contextFor(app.database.db, seeker, { audit: web }))) as unknown as SeekerExport;
		expect(exported.savedOffers).toEqual([{ offerId: id, title: 'Cuisinier', employer: 'Zellige Tanger', savedAt: '2030-03-01T08:00:00.000Z' }]);

		await deleteMyAccount(contextFor(app.database.db, seeker, { audit: web }), app);
		expect(await app.database.db.select().from(jobSavedOffer).where(eq(jobSavedOffer.userId, seeker.userId))).toEqual([]);
		const [deletion] = await app.database.db.select().from(auditEvent).where(and(eq(auditEvent.action, 'account.delete'), eq(auditEvent.resourceId, seeker.userId)));
		expect((deletion.after as { removed: string[] }).removed).toContain('saved_offers');
		// the offer itself stays for everyone else
		expect(await app.database.db.select({ id: jobOffer.id }).from(jobOffer).where(eq(jobOffer.id, id))).toHaveLength(1);
	});
});

describe('saved offers API', () => {
	it('lists, saves (201, then 200) and removes (204, then 404) the caller’s offers; others get 403', async () => {
		const seeker = (await aPerson(app.database.db, { role: 'member' })).actor;
		const id = await offer('Chauffeur poids lourd');
		const created = await saveApi(apiEvent(seeker, 'PUT', { offerId: id }));
		expect(created.status).toBe(201);
		expect(await created.json()).toMatchObject({ offerId: id, title: 'Chauffeur poids lourd', open: true, url: `/ar/jobs/offers/${id}` });
		expect((await saveApi(apiEvent(seeker, 'PUT', { offerId: id.toUpperCase() }))).status).toBe(200);

		const listed = await listApi(apiEvent(seeker, 'GET'));
		expect(listed.headers.get('cache-control')).toBe('no-store');
		expect((await listed.json()).items.map((item: { offerId: string }) => item.offerId)).toEqual([id]);

		const refused = await saveApi(apiEvent(employer, 'PUT', { offerId: id }));
		expect(refused.status).toBe(403);
		expect((await saveApi(apiEvent(seeker, 'PUT', { offerId: crypto.randomUUID() }))).status).toBe(404);

		expect((await removeApi(apiEvent(seeker, 'DELETE', { offerId: id }))).status).toBe(204);
		expect((await removeApi(apiEvent(seeker, 'DELETE', { offerId: id }))).status).toBe(404);
		expect((await (await listApi(apiEvent(seeker, 'GET'))).json()).items).toEqual([]);
	});
});

describe('offline reading of Jobs', () => {
	it('keeps every rights page from the first visit, and offers saved or kept as record pages of the saved list', async () => {
		const rights = await listContentPages(app.database.db, rightsPages);
		expect(rights.length).toBeGreaterThan(0);
		const { body } = await serviceWorkerScript(app.database.db, 'ar', 'build-1');
		const config = JSON.parse(/^const CONFIG = (.*);$/m.exec(body)![1]);
		expect(config.precache).toEqual(expect.arrayContaining(['/ar/jobs/rights', ...rights.map(({ page }) => `/ar/jobs/rights/${page.slug}`)]));
		const readable = config.readable.map((pattern: string) => new RegExp(pattern));
		expect(readable.some((pattern: RegExp) => pattern.test(`/ar/jobs/rights/${rights[0].page.slug}`))).toBe(true);
		// the offer search is never kept
		expect(readable.some((pattern: RegExp) => pattern.test('/ar/jobs'))).toBe(false);
		const id = await offer('Maçon coffreur');
		expect(new RegExp(config.saved.item).test(`/ar/jobs/offers/${id}`)).toBe(true);
		expect(config.saved.list).toBe('/ar/jobs/saved');
	});
});
