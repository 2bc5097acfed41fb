// The offer search kept per data revision: the same search is computed once, and any write to what it
// reads — through the services or straight in SQL, as another process would — shows in the next one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { aPerson, contextFor } from '../../platform/testing/people.ts';
import { organisation } from '../../platform/accounts/accounts.table.ts';
import type { AuditContext } from '../../platform/audit/audit.service.ts';
import type { Actor } from '../../platform/policy/policy.ts';
import { approveOffer, createOffer, publishOffer, searchOffers } from './jobs.service.ts';
import { OfferSearchQuery } from './jobs.schemas.ts';
import { offerSearchCache } from './offer-search-cache.ts';

let app: TestApp;
const web: AuditContext = { actorUserId: null, actorLabel: 'test', channel: 'web' };
let employer: Actor;
let organisationId: string;
const query = OfferSearchQuery.parse({ q: 'ferronnier' });
const search = () => searchOffers(app.database.db, query, 'fr');

async function publish(title: string) {
	const created = await createOffer(contextFor(app.database.db, employer, { audit: web }), organisationId, {
		title,
		description: 'Atelier de ferronnerie d’art.',
		occupationCode: '7221',
		skills: [],
		regionCode: 'MA-03',
		city: 'Fès',
		contractType: 'cdi',
		workingTime: 'full_time',
		closingDate: '2099-01-01',
		languages: []
	});
	const published = await publishOffer(contextFor(app.database.db, employer, { audit: web }), created.id);
	if (published.status === 'pending_validation') {
		const counsellor = (await aPerson(app.database.db, { role: 'counsellor', name: 'C' })).actor;
		await approveOffer(contextFor(app.database.db, counsellor, { audit: web }), created.id);
	}
	return created.id;
}

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	const [org] = await app.database.db.insert(organisation).values({ slug: 'ferronnerie', name: 'Ferronnerie de Fès', type: 'employer' }).returning();
	organisationId = org.id;
	employer = (await aPerson(app.database.db, { role: 'partner', organisationIds: [organisationId], name: 'E' })).actor;
});
afterAll(async () => {
	await app.close();
});

describe('offer search cache', () => {
	it('computes the same search once, and hands out a result nobody can alter', async () => {
		await publish('Ferronnier d’art');
		const first = await search();
		expect(first.total).toBe(1);
		expect(await search()).toBe(first);
		expect(offerSearchCache(app.database.db).size).toBeGreaterThan(0);
		expect(() => {
			(first.items as unknown[]).push({});
		}).toThrow();
		expect(() => {
			(first.items[0] as { title: string }).title = 'changed';
		}).toThrow();
	});

	it('shows an offer published through the services in the very next search', async () => {
		const before = await search();
		const id = await publish('Ferronnier soudeur');
		const after = await search();
		expect(after.total).toBe(before.total + 1);
		expect(after.items.map((item) => item.id)).toContain(id);
	});

	it('sees writes made straight in the database (another process), to offers and to employers', async () => {
		const before = await search();
		await app.database.db.execute(sql`update job_offer set status = 'closed' where title = 'Ferronnier soudeur'`);
		const closed = await search();
		expect(closed.total).toBe(before.total - 1);
		await app.database.db.update(organisation).set({ name: 'Ferronnerie du Maroc' }).where(eq(organisation.id, organisationId));
		expect((await search()).items.map((item) => item.employer.name)).toEqual(['Ferronnerie du Maroc']);
	});

	it('does not keep a search past its day (offers expire at midnight)', async () => {
		const today = await search();
		const later = await searchOffers(app.database.db, query, 'fr', new Date('2099-01-02T12:00:00Z'));
		expect(today.total).toBe(1);
		expect(later.total).toBe(0);
	});
});
