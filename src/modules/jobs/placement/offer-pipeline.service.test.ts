// A qualified individual offer's pipeline opened from its page (issue 10, items 3 and 6): the division opens it
// once — a campaign without quotas with the offer's title, language, country and city, positions, season and
// agreement, audited as the API's creation —; a second attempt, a seasonal or mass offer, a draft, a closed or
// expired offer, an agreement ended since, and anyone but the division (the offer's own mobility counsellor, an
// agency counsellor, a member) are refused with nothing written; the page's refusal in the page's language.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import { aPerson, contextFor } from '../../../platform/testing/people.ts';
import { accessGrant } from '../../../platform/accounts/access-grant.table.ts';
import { organisation } from '../../../platform/accounts/accounts.table.ts';
import { auditEvent } from '../../../platform/audit/audit-event.table.ts';
import { appErrorOf, refusalOf, refusalWithReason } from '../../../platform/testing/refusal.ts';
import { translate } from '../../../platform/i18n/translator.ts';
import type { Actor } from '../../../platform/policy/policy.ts';
import { agency, agencyCounsellor } from '../counsellors/counsellors.table.ts';
import { pipelineRefusal } from './campaign-forms.ts';
import { campaignAccess, campaignProgress, offerPipeline, openOfferPipeline } from './campaigns.service.ts';
import { placementCampaign, placementCampaignQuota } from './campaigns.table.ts';
import { closePlacementOffer, createPlacementOffer, getPlacementOffer, publishPlacementOffer } from './placement-offers.service.ts';
import { placementAgreement } from './placement.table.ts';
import { createAgreement } from './placement.service.ts';

let app: TestApp;
const NOW = new Date('2027-03-10T10:00:00Z');
let division: Actor;
/** a mobility counsellor, the nurses' offer's own */
let nadia: Actor;
let agencyStaff: Actor;
let member: Actor;
let employerOrg: string;
let agreementId: string;
let agencies: { id: string }[];

const ctxOf = (who: Actor, now = NOW) => contextFor(app.database.db, who, { now: () => now });
const campaigns = async () => (await app.database.db.select({ n: sql<number>`count(*)::int` }).from(placementCampaign))[0].n;
const campaignEvents = async () => (await app.database.db.select({ n: sql<number>`count(*)::int` }).from(auditEvent).where(eq(auditEvent.action, 'placement_campaign.create')))[0].n;

/** Nurses in Stuttgart: a qualified individual offer through the German agreement, handled by Nadia. */
function nurses(overrides: Record<string, unknown> = {}) {
	return {
		title: 'Infirmière / infirmier en soins généraux (test)',
		description: 'Soins infirmiers en service de médecine, cours d’allemand jusqu’au niveau B2, reconnaissance du diplôme accompagnée.',
		lang: 'fr',
		occupationCode: '2221',
		skills: ['soins infirmiers'],
		hostCountry: 'DE',
		city: 'Stuttgart',
		organisationId: employerOrg,
		agreementId,
		channel: 'individual',
		contractType: 'cdi',
		workingTime: 'full_time',
		hoursPerWeek: 39,
		salaryMin: 3200,
		salaryMax: 3900,
		salaryPeriod: 'month',
		salaryCurrency: 'EUR',
		languages: [{ language: 'de', level: 'B1' }],
		positions: 7,
		closingDate: '2027-05-31',
		costs: { recruitment: 'employer', travel: 'employer', visa: 'employer', housing: 'worker' },
		noWorkerFees: 'yes',
		handlingUnit: 'counsellor',
		counsellorUserId: nadia.userId,
		agencyShares: [],
		...overrides
	};
}

/** An offer abroad written and published by the division. */
async function published(overrides: Record<string, unknown> = {}) {
	const created = await createPlacementOffer(ctxOf(division), nurses(overrides));
	await publishPlacementOffer(ctxOf(division), created.id);
	return created.id;
}

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	const db = app.database.db;
	const withGrant = async (role: string) => {
		const person = (await aPerson(db, { role: 'member' })).actor;
		await db.insert(accessGrant).values({ userId: person.userId, module: 'jobs', role });
		return { ...person, grants: [{ module: 'jobs', role, organisationId: null, scope: null }] };
	};
	division = await withGrant('placement_division');
	nadia = await withGrant('placement_counsellor');
	agencyStaff = (await aPerson(db, { role: 'counsellor' })).actor;
	agencies = await db.select({ id: agency.id }).from(agency).orderBy(agency.slug).limit(2);
	await db.insert(agencyCounsellor).values({ agencyId: agencies[0].id, userId: agencyStaff.userId });
	member = (await aPerson(db, { role: 'member' })).actor;
	[{ id: employerOrg }] = await db.insert(organisation).values({ slug: `klinikum-${crypto.randomUUID().slice(0, 8)}`, name: 'Klinikum Beispiel', type: 'employer', country: 'DE' }).returning();
	const agreement = await createAgreement(ctxOf(division), {
		kind: 'agreement',
		organisationId: employerOrg,
		sector: 'private',
		hostCountry: 'DE',
		title: 'Programme de placement d’infirmiers (test)',
		quotas: [{ year: 2027, positions: 400 }],
		status: 'active'
	});
	agreementId = agreement.id;
});
afterAll(() => app.close());

describe('a qualified individual offer’s pipeline, opened from its page', () => {
	it('opens once: a campaign without quotas with the offer’s title, language, country and city, positions and agreement, audited as the API’s creation', async () => {
		const offerId = await published({ lang: 'fr' });
		const ctx = ctxOf(division);
		expect(await offerPipeline(ctx, await getPlacementOffer(ctx, offerId))).toEqual({ campaigns: [], openable: true });
		const created = await openOfferPipeline(ctx, offerId);
		expect(created).toMatchObject({
			title: 'Infirmière / infirmier en soins généraux (test)',
			lang: 'fr',
			hostCountry: 'DE',
			hostRegion: 'Stuttgart',
			channel: 'individual',
			offerId,
			agreementId,
			positions: 7,
			seasonStartsOn: null,
			status: 'open',
			createdBy: division.userId
		});
		expect(await app.database.db.select().from(placementCampaignQuota).where(eq(placementCampaignQuota.campaignId, created.id))).toEqual([]);
		// its page: every position with the division, nobody's quota
		const progress = await campaignProgress(ctx, await campaignAccess(ctx, created.id));
		expect(progress.rows).toEqual([]);
		expect(progress.total).toMatchObject({ positions: 7, allocated: 0 });
		const [event] = await app.database.db.select().from(auditEvent).where(and(eq(auditEvent.action, 'placement_campaign.create'), eq(auditEvent.resourceId, created.id)));
		expect(event).toMatchObject({ actorUserId: division.userId, channel: 'web', resourceType: 'placement_campaign' });
		expect(event.after).toMatchObject({ offerId, channel: 'individual', positions: 7, quotas: [] });
		// the offer's page now links to it instead
		expect(await offerPipeline(ctx, await getPlacementOffer(ctx, offerId))).toEqual({ campaigns: [{ id: created.id, title: created.title, lang: 'fr', status: 'open' }], openable: false });

		// a second attempt: refused, nothing written
		const before = [await campaigns(), await campaignEvents()];
		const again = await appErrorOf(openOfferPipeline(ctx, offerId));
		expect(again).toMatchObject({ code: 'conflict', status: 409, extra: { reason: 'offer_has_campaign', campaignId: created.id } });
		expect([await campaigns(), await campaignEvents()]).toEqual(before);
	});

	it('keeps the offer’s language and season', async () => {
		const offerId = await published({ title: 'Nurses for Stuttgart (test)', lang: 'en', seasonStartsOn: '2027-09-01', seasonEndsOn: '2028-08-31' });
		const created = await openOfferPipeline(ctxOf(division), offerId);
		expect(created).toMatchObject({ title: 'Nurses for Stuttgart (test)', lang: 'en', seasonStartsOn: '2027-09-01', seasonEndsOn: '2028-08-31' });
	});

	it('refuses anyone but the division — the offer’s own mobility counsellor, an agency counsellor, a member — with nothing written', async () => {
		const offerId = await published();
		const before = await campaigns();
		for (const who of [nadia, agencyStaff, member]) {
			expect(await refusalOf(openOfferPipeline(ctxOf(who), offerId))).toBe('forbidden');
			expect(await offerPipeline(ctxOf(who), await getPlacementOffer(ctxOf(division), offerId))).toBeNull();
		}
		expect(await campaigns()).toBe(before);
		// the division still may
		await expect(openOfferPipeline(ctxOf(division), offerId)).resolves.toMatchObject({ offerId });
	});

	it('refuses a seasonal or mass offer (their campaigns are split into agency quotas), a draft, a closed or expired offer — nothing written', async () => {
		const ctx = ctxOf(division);
		const seasonal = await published({ channel: 'seasonal', contractType: 'seasonal', contractMonths: 4, seasonStartsOn: '2027-04-01', seasonEndsOn: '2027-07-31', handlingUnit: 'agencies', agencyShares: [{ agencyId: agencies[0].id, positions: 7 }] });
		const mass = await published({ channel: 'mass', handlingUnit: 'division' });
		const draft = (await createPlacementOffer(ctx, nurses())).id;
		const closed = await published();
		await closePlacementOffer(ctx, closed);
		const expiring = await published({ closingDate: '2027-03-20' });
		const before = [await campaigns(), await campaignEvents()];
		const reason = (id: string, now = NOW) => refusalWithReason(openOfferPipeline(ctxOf(division, now), id));
		expect(await reason(seasonal)).toBe('conflict:offer_not_individual');
		expect(await reason(mass)).toBe('conflict:offer_not_individual');
		expect(await reason(draft)).toBe('conflict:offer_not_open');
		expect(await reason(closed)).toBe('conflict:offer_not_open');
		expect(await reason(expiring, new Date('2027-03-25T10:00:00Z'))).toBe('conflict:offer_not_open');
		for (const id of [seasonal, mass, draft, closed]) expect((await offerPipeline(ctx, await getPlacementOffer(ctx, id)))?.openable).toBe(false);
		expect([await campaigns(), await campaignEvents()]).toEqual(before);
		// an offer in Morocco or unknown: not found
		expect(await refusalOf(openOfferPipeline(ctx, crypto.randomUUID()))).toBe('not_found');
	});

	it('refuses an offer whose agreement ended since it was written, nothing written', async () => {
		const offerId = await published();
		await app.database.db.update(placementAgreement).set({ status: 'ended' }).where(eq(placementAgreement.id, agreementId));
		try {
			const before = await campaigns();
			const failure = await appErrorOf(openOfferPipeline(ctxOf(division), offerId));
			expect(failure.fields.map((field) => field.path)).toEqual(['agreementId']);
			expect(await campaigns()).toBe(before);
			expect(pipelineRefusal('fr', failure)).toMatchObject({ status: 400, data: { errors: { '': translate('fr', 'campaigns.pipeline_agreement') } } });
		} finally {
			await app.database.db.update(placementAgreement).set({ status: 'active' }).where(eq(placementAgreement.id, agreementId));
		}
	});

	it('tells the page why, in its language: 409 with the reason in plain words, 403 for anyone else', async () => {
		const offerId = await published();
		await openOfferPipeline(ctxOf(division), offerId);
		const twice = await appErrorOf(openOfferPipeline(ctxOf(division), offerId));
		expect(pipelineRefusal('ar', twice)).toMatchObject({ status: 409, data: { errors: { '': translate('ar', 'campaigns.pipeline_offer_has_campaign') } } });
		const refused = await appErrorOf(openOfferPipeline(ctxOf(nadia), offerId));
		expect(pipelineRefusal('fr', refused)).toMatchObject({ status: 403, data: { errors: { '': translate('fr', 'errors.forbidden') } } });
	});
});
