// A campaign changed after its creation (issue 10, item 3) against the database: title, positions and links;
// positions never below the agencies' quotas together (a localised field error, nothing changed), links of the
// campaign's host country only, the change audited with the fields before and after; the division only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import { contextFor, type Person } from '../../../platform/testing/people.ts';
import { placementStaff } from './placement-staff.fixture.ts';
import { auditEvent } from '../../../platform/audit/audit-event.table.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { localiseProblems } from '../../../platform/http/form.ts';
import type { Actor } from '../../../platform/policy/policy.ts';
import { campaignLinks, campaignProgress, campaignAccess, createCampaign, reallocate, updateCampaign } from './campaigns.service.ts';
import { placementCampaign } from './campaigns.table.ts';
import { placementAgreement } from './placement.table.ts';

let app: TestApp;
let division: Actor;
let rabat: Person;
let agencies: { id: string; name: string }[];
let campaignId: string;
let spain: string;
let germany: string;
let ended: string;

async function refusal(work: Promise<unknown>) {
	const failure = await work.then(
		() => null,
		(error: unknown) => error
	);
	expect(failure).toBeInstanceOf(AppError);
	return failure as AppError;
}

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	const db = app.database.db;
	({ agencies, division, rabat } = await placementStaff(db));
	const agreement = async (hostCountry: string, status: 'active' | 'ended') =>
		(await db.insert(placementAgreement).values({ partnerName: 'Partner', sector: 'public', hostCountry, title: `Agreement ${hostCountry} ${status}`, status }).returning())[0].id;
	spain = await agreement('ES', 'active');
	germany = await agreement('DE', 'active');
	ended = await agreement('ES', 'ended');
	campaignId = (
		await createCampaign(contextFor(db, division), {
			title: 'Fraises 2027',
			hostCountry: 'ES',
			hostRegion: 'Huelva',
			channel: 'seasonal',
			positions: 100,
			seasonStartsOn: '2027-03-01',
			seasonEndsOn: '2027-06-30',
			quotas: [
				{ agencyId: agencies[0].id, positions: 50 },
				{ agencyId: agencies[1].id, positions: 30 }
			]
		})
	).id;
});
afterAll(() => app.close());

describe('changing a campaign', () => {
	it('refuses positions below the quotas together and links of another country or ended, every problem at once — nothing changed', async () => {
		const db = app.database.db;
		const failure = await refusal(updateCampaign(contextFor(db, division), campaignId, { title: 'Fraises Huelva 2027', positions: 79, agreementId: germany, offerId: crypto.randomUUID() }));
		expect(failure.fields.map((field) => `${field.path}:${field.messageKey}`)).toEqual(['offerId:field_choice', 'agreementId:field_choice', 'positions:field_below_quotas']);
		// a clear message in each language, naming the quotas' sum
		expect(localiseProblems('fr', failure.fields).positions).toContain('80 postes\u00a0:');
		expect(localiseProblems('ar', failure.fields).positions).toContain('80');
		expect(await refusal(updateCampaign(contextFor(db, division), campaignId, { title: 'Fraises', positions: 100, agreementId: ended })).then((error) => error.fields.map((field) => field.path))).toEqual(['agreementId']);
		const [unchanged] = await db.select().from(placementCampaign).where(eq(placementCampaign.id, campaignId));
		expect(unchanged).toMatchObject({ title: 'Fraises 2027', positions: 100, agreementId: null });
		expect(await db.select().from(auditEvent).where(eq(auditEvent.action, 'placement_campaign.update'))).toEqual([]);
	});

	it('changes the title, positions and agreement, audited before/after; the quotas stay; the progress follows', async () => {
		const db = app.database.db;
		const result = await updateCampaign(contextFor(db, division), campaignId, { title: 'فراولة 2027', lang: 'ar', positions: 80, agreementId: spain, offerId: '' });
		expect(result.changed).toEqual(['title', 'lang', 'positions', 'agreementId']);
		expect(result.campaign).toMatchObject({ title: 'فراولة 2027', lang: 'ar', positions: 80, agreementId: spain });
		const [audit] = await db.select().from(auditEvent).where(and(eq(auditEvent.action, 'placement_campaign.update'), eq(auditEvent.resourceId, campaignId)));
		expect(audit.before).toEqual({ title: 'Fraises 2027', lang: 'fr', positions: 100, agreementId: null });
		expect(audit.after).toEqual({ title: 'فراولة 2027', lang: 'ar', positions: 80, agreementId: spain });
		const ctx = contextFor(db, division);
		const progress = await campaignProgress(ctx, await campaignAccess(ctx, campaignId));
		expect(progress.total).toMatchObject({ positions: 80, allocated: 80 });
		// the change form keeps the linked agreement in its list
		expect(await campaignLinks(ctx, result.campaign)).toEqual({ offer: null, agreement: { id: spain, title: 'Agreement ES active', lang: 'fr' } });
		// nothing changed: nothing written
		expect((await updateCampaign(ctx, campaignId, { title: 'فراولة 2027', lang: 'ar', positions: 80, agreementId: spain })).changed).toEqual([]);
		expect(await db.select().from(auditEvent).where(eq(auditEvent.action, 'placement_campaign.update'))).toHaveLength(1);
		// positions freed by a reallocation back to the rest, then fewer positions are allowed
		await reallocate(ctx, campaignId, { fromAgencyId: agencies[1].id, toAgencyId: '', positions: 10, reason: 'Agence de Casablanca en retard' });
		expect((await updateCampaign(ctx, campaignId, { title: 'فراولة 2027', lang: 'ar', positions: 70, agreementId: spain })).changed).toEqual(['positions']);
	});

	it('is the division’s: agency staff are refused', async () => {
		const db = app.database.db;
		await expect(updateCampaign(contextFor(db, rabat), campaignId, { title: 'Autre', positions: 100 })).rejects.toMatchObject({ code: 'forbidden' });
	});
});
