// The ranked candidates kept per matching revision (matching-cache.ts, migration 0017): a repeated listing
// is served from the cache, and any write the list depends on — a consent withdrawn, a profile or an offer
// changed, an application — shows in the very next listing; employers and counsellors never share an
// entry; every listing is still audited and access is still checked on every request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import { aPerson, contextFor } from '../../../platform/testing/people.ts';
import { organisation } from '../../../platform/accounts/accounts.table.ts';
import { auditEvent } from '../../../platform/audit/audit-event.table.ts';
import type { AuditContext } from '../../../platform/audit/audit.service.ts';
import type { Actor } from '../../../platform/policy/policy.ts';
import { approveOffer, createOffer, publishOffer } from '../jobs.service.ts';
import { jobOffer } from '../job-offer.table.ts';
import { setConsent } from '../seekers/seekers.service.ts';
import { jobApplication, seekerProfile } from '../seekers/seekers.table.ts';
import type { ConsentScope } from '../seekers/seekers.model.ts';
import { rankCandidates } from './matching.service.ts';

let app: TestApp;
const web: AuditContext = { actorUserId: null, actorLabel: 'test', channel: 'web' };
const db = () => app.database.db;

async function employerOrganisation(name: string) {
	const [row] = await db().insert(organisation).values({ slug: `employer-${crypto.randomUUID().slice(0, 8)}`, name, type: 'employer' }).returning();
	return row.id;
}

/** A job seeker seeking `occupationCode`, with the given consent; returns the person (to act as them). */
async function seeker(occupationCode: string, consent: ConsentScope | null = 'employers'): Promise<Actor> {
	const actor = (await aPerson(db(), { role: 'member' })).actor;
	await db()
		.insert(seekerProfile)
		.values({
			userId: actor.userId,
			nationality: 'SN',
			residenceStatus: 'regularised_immigrant',
			occupationCodes: [occupationCode],
			skills: [],
			languages: [],
			placeCodes: ['MA-CAS'],
			availability: 'immediately',
			consentScope: consent,
			consentAt: consent ? new Date() : null
		});
	return actor;
}

let employer: Actor;
let otherEmployer: Actor;
let counsellor: Actor;
let organisationId: string;

async function offer(occupationCode: string) {
	const created = await createOffer(contextFor(db(), employer, { audit: web }), organisationId, {
		title: 'Maçon qualifié',
		description: 'Chantier de logements.',
		city: 'Tanger',
		contractType: 'cdd',
		workingTime: 'full_time',
		closingDate: '2099-01-01',
		occupationCode,
		skills: [],
		languages: [],
		regionCode: 'MA-01',
		provinceCode: 'MA-TNG',
		openToForeigners: true
	});
	const published = await publishOffer(contextFor(db(), employer, { audit: web }), created.id);
	if (published.status === 'pending_validation') await approveOffer(contextFor(db(), counsellor, { audit: web }), created.id);
	return created.id;
}

const list = (actor: Actor, offerId: string, page = 1) => rankCandidates(contextFor(db(), actor, { audit: web }), offerId, { page, pageSize: 20 });
const referencesOf = (result: Awaited<ReturnType<typeof list>>) => result.items.map((item) => item.reference);
const reads = async (offerId: string) =>
	(await db().select({ id: auditEvent.id }).from(auditEvent).where(and(eq(auditEvent.action, 'personal_data.read'), sql`${auditEvent.after} ->> 'view' = ${`job_offer_candidates:${offerId}`}`))).length;

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	organisationId = await employerOrganisation('Bâtiment du Nord');
	employer = (await aPerson(db(), { role: 'partner', organisationIds: [organisationId] })).actor;
	otherEmployer = (await aPerson(db(), { role: 'partner', organisationIds: [await employerOrganisation('Autre employeur')] })).actor;
	counsellor = (await aPerson(db(), { role: 'counsellor' })).actor;
});
afterAll(async () => {
	await app.close();
});

describe('ranked candidates kept per matching revision', () => {
	it('serves a repeated listing from the cache, and audits every listing all the same', async () => {
		const offerId = await offer('7112');
		await seeker('7112');
		await seeker('7115');
		const auditedBefore = await reads(offerId);
		const first = await list(employer, offerId);
		const second = await list(employer, offerId);
		expect(first.total).toBe(2);
		// the very same (frozen) items: nothing was ranked again
		expect(second.items).toBe(first.items);
		expect(Object.isFrozen(second.items[0])).toBe(true);
		expect(await reads(offerId)).toBe(auditedBefore + 2);
	});

	it('drops a person who withdraws consent from the very next listing, and counts them no more', async () => {
		const offerId = await offer('7212');
		const staying = await seeker('7212');
		const leaving = await seeker('7212');
		const before = await list(counsellor, offerId);
		expect(before.items.map((item) => item.person!.id).sort()).toEqual([staying.userId, leaving.userId].sort());
		expect(before.total).toBe(2);

		await setConsent(contextFor(db(), leaving, { audit: web }), { scope: null });
		const after = await list(counsellor, offerId);
		expect(after.items.map((item) => item.person!.id)).toEqual([staying.userId]);
		expect(after.total).toBe(1);
		// and from the employer's list too
		expect((await list(employer, offerId)).total).toBe(1);
	});

	it('follows a changed profile, a changed offer and a new application at once', async () => {
		const offerId = await offer('7411');
		const electrician = await seeker('7411');
		const first = await list(employer, offerId);
		expect(first.items).toHaveLength(1);
		expect(first.items[0].reasons[0].code).toBe('occupation_unit');
		expect(first.items[0].application).toBeNull();

		// the person now seeks another trade of the same minor group
		await db().update(seekerProfile).set({ occupationCodes: ['7413'] }).where(eq(seekerProfile.userId, electrician.userId));
		const moved = await list(employer, offerId);
		expect(moved.items[0].reasons[0].code).toBe('occupation_minor');
		expect(moved.items[0].score).toBeLessThan(first.items[0].score);

		// they apply: the employer's list links the application
		const [application] = await db().insert(jobApplication).values({ offerId, userId: electrician.userId, sharedAt: new Date() }).returning();
		expect((await list(employer, offerId)).items[0].application).toEqual({ id: application.id });

		// the offer now asks for another field: nobody is a candidate any more
		await db().update(jobOffer).set({ occupationCode: '5120' }).where(eq(jobOffer.id, offerId));
		const changed = await list(employer, offerId);
		expect(changed.total).toBe(0);
		expect(changed.items).toEqual([]);
	});

	it('never serves an employer the list kept for a counsellor, nor the reverse', async () => {
		const offerId = await offer('8332');
		const toEmployers = await seeker('8332', 'employers');
		const toCounsellors = await seeker('8332', 'counsellors');

		const forCounsellor = await list(counsellor, offerId);
		expect(forCounsellor.total).toBe(2);
		expect(forCounsellor.items.every((item) => item.person !== null)).toBe(true);

		const forEmployer = await list(employer, offerId);
		expect(forEmployer.total).toBe(1);
		expect(forEmployer.items).toHaveLength(1);
		expect(forEmployer.items[0].person).toBeNull();
		expect(JSON.stringify(forEmployer)).not.toContain(toCounsellors.userId);
		expect(JSON.stringify(forEmployer)).not.toContain(toEmployers.userId);

		// and asked again in the other order, each still gets their own
		expect((await list(counsellor, offerId)).items.map((item) => item.person!.id).sort()).toEqual([toEmployers.userId, toCounsellors.userId].sort());
		expect(referencesOf(await list(employer, offerId))).toEqual(referencesOf(forEmployer));
	});

	it('still checks access on every request: another employer gets not_found for a list already kept', async () => {
		const offerId = await offer('9313');
		await seeker('9313');
		expect((await list(employer, offerId)).items).toHaveLength(1);
		const auditedBefore = await reads(offerId);
		await expect(list(otherEmployer, offerId)).rejects.toMatchObject({ code: 'not_found' });
		expect(await reads(offerId)).toBe(auditedBefore);
	});
});
