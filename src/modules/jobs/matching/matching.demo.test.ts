// The sample job seekers of demo mode, and what the matching shows with them and the sample offers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray, like } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import { contextFor } from '../../../platform/testing/people.ts';
import { account, organisation, organisationMember, user } from '../../../platform/accounts/accounts.table.ts';
import type { AuditContext } from '../../../platform/audit/audit.service.ts';
import type { Actor } from '../../../platform/policy/policy.ts';
import { DEMO_EMPLOYER_EMAIL, loadJobsDemoData } from '../jobs.data.ts';
import { jobOffer } from '../job-offer.table.ts';
import { loadSeekersDemoData, SAMPLE_SEEKER_DOMAIN } from '../seekers/seekers.data.ts';
import { seekerProfile } from '../seekers/seekers.table.ts';
import { rankCandidates, recommendOffers } from './matching.service.ts';
import { searchOffers } from '../jobs.service.ts';
import { OfferSearchQuery } from '../jobs.schemas.ts';

let app: TestApp;
const web: AuditContext = { actorUserId: null, actorLabel: 'test', channel: 'web' };
let memberId: string;

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	memberId = crypto.randomUUID();
	await app.database.db.insert(user).values({ id: memberId, email: 'member@demo.sharaka.ma', name: 'Awa Membre (exemple)', role: 'member', emailVerified: true });
	await loadJobsDemoData(app.database.db);
	await loadSeekersDemoData(app.database.db);
});
afterAll(async () => {
	await app.close();
});

describe('sample job offers', () => {
	it('are about sixty different posts, badged as samples: no two share a title or a description', async () => {
		const offers = await app.database.db.select({ title: jobOffer.title, description: jobOffer.description, isSample: jobOffer.isSample }).from(jobOffer);
		expect(offers.length).toBeGreaterThanOrEqual(60);
		expect(offers.every((offer) => offer.isSample)).toBe(true);
		expect(new Set(offers.map((offer) => offer.title)).size).toBe(offers.length);
		expect(new Set(offers.map((offer) => offer.description)).size).toBe(offers.length);
	});

	it('include open offers written in Arabic, which an Arabic search finds', async () => {
		const found = await searchOffers(app.database.db, OfferSearchQuery.parse({ q: 'مطبخ' }), 'ar');
		expect(found.total).toBeGreaterThanOrEqual(1);
		expect(found.items.every((offer) => /[\u0600-\u06FF]/.test(offer.title))).toBe(true);
	});
});

describe('sample job seekers', () => {
	it('are about thirty fictional, varied people on a reserved domain who cannot sign in', async () => {
		const db = app.database.db;
		const people = await db.select().from(user).where(like(user.email, `%@${SAMPLE_SEEKER_DOMAIN}`));
		expect(people.length).toBeGreaterThanOrEqual(30);
		expect(people.every((person) => person.role === 'member' && person.name.endsWith('(exemple)'))).toBe(true);
		const accounts = await db.select().from(account).where(inArray(account.userId, people.map((person) => person.id)));
		expect(accounts).toEqual([]);
		const profiles = await db.select().from(seekerProfile).where(eq(seekerProfile.isSample, true));
		expect(profiles.length).toBe(people.length + 1); // and the demo member's
		expect(new Set(profiles.map((profile) => profile.consentScope))).toEqual(new Set(['employers', 'counsellors', null]));
		expect(new Set(profiles.map((profile) => profile.residenceStatus))).toEqual(new Set(['regularised_immigrant', 'refugee', 'moroccan', 'returning_moroccan']));
		for (const country of ['SN', 'CI', 'CM', 'GN', 'ML', 'CD', 'MA']) expect(profiles.some((profile) => profile.nationality === country), country).toBe(true);
	});

	it('loads once', async () => {
		const before = await app.database.db.select().from(seekerProfile);
		await loadSeekersDemoData(app.database.db);
		expect(await app.database.db.select().from(seekerProfile)).toHaveLength(before.length);
	});

	it('give the demo member recommended offers, and the demo employer candidates', async () => {
		const db = app.database.db;
		const member: Actor = { userId: memberId, role: 'member', organisationIds: [] };
		const recommended = await recommendOffers(contextFor(db, member), { limit: 20 });
		expect(recommended.items.length).toBeGreaterThanOrEqual(3);
		expect(recommended.items[0].reasons[0].code).toBe('occupation_unit');
		expect(recommended.items[0].offer.isSample).toBe(true);

		const [employerUser] = await db.select().from(user).where(eq(user.email, DEMO_EMPLOYER_EMAIL));
		const memberships = await db.select({ organisationId: organisationMember.organisationId }).from(organisationMember).where(eq(organisationMember.userId, employerUser.id));
		const employer: Actor = { userId: employerUser.id, role: 'partner', organisationIds: memberships.map((row) => row.organisationId) };
		const [mason] = await db.select().from(jobOffer).where(eq(jobOffer.title, 'Maçon qualifié')).limit(1);
		expect(employer.organisationIds).toContain(mason.organisationId);
		const candidates = await rankCandidates(contextFor(db, employer, { audit: web }), mason.id, { page: 1, pageSize: 20 });
		expect(candidates.items.length).toBeGreaterThanOrEqual(3);
		expect(candidates.items[0].reasons[0].code).toBe('occupation_unit');
		expect(candidates.items.every((item) => item.person === null)).toBe(true);
	});

	it('score every sample offer’s candidates exactly as they are explained', async () => {
		const db = app.database.db;
		const counsellor: Actor = { userId: crypto.randomUUID(), role: 'counsellor', organisationIds: [] };
		await db.insert(user).values({ id: counsellor.userId, email: 'c@example.ma', name: 'C', role: 'counsellor' });
		const offers = await db.select({ id: jobOffer.id }).from(jobOffer).innerJoin(organisation, eq(organisation.id, jobOffer.organisationId));
		let seen = 0;
		for (const offer of offers) {
			const result = await rankCandidates(contextFor(db, counsellor, { audit: web, language: 'ar' }), offer.id, { page: 1, pageSize: 100 });
			for (const item of result.items) {
				expect(item.reasons.reduce((sum, reason) => sum + reason.points, 0)).toBe(item.score);
				expect(item.reasons.every((reason) => !reason.text.includes('⟦'))).toBe(true);
				seen++;
			}
		}
		expect(seen).toBeGreaterThan(100);
	});
});
