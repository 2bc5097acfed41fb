// International placement offers (issue 10, item 2) against the database: the division writes them (audited),
// an offer without host country or over its agreement's quota is refused with nothing saved, nobody else
// writes them, the public search finds them with the "abroad" filter, the offer page and JSON-LD show them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import { aPerson, contextFor } from '../../../platform/testing/people.ts';
import { organisation } from '../../../platform/accounts/accounts.table.ts';
import { auditEvent } from '../../../platform/audit/audit-event.table.ts';
import type { AuditContext } from '../../../platform/audit/audit.service.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import type { Actor } from '../../../platform/policy/policy.ts';
import { jobOffer } from '../job-offer.table.ts';
import { agency } from '../counsellors/counsellors.table.ts';
import { OfferSearchQuery } from '../jobs.schemas.ts';
import { closeOffer, getPublicOffer, jobPostingJsonLd, listEmployerOffers, searchOffers, updateOffer } from '../jobs.service.ts';
import { createAgreement } from './placement.service.ts';
import { closePlacementOffer, createPlacementOffer, listPlacementOffers, publishPlacementOffer, updatePlacementOffer } from './placement-offers.service.ts';
import { placementOffer } from './placement.table.ts';

let app: TestApp;
const web: AuditContext = { actorUserId: null, actorLabel: 'test', channel: 'web' };
const NOW = new Date('2027-03-10T10:00:00Z');
let division: Actor;
let employer: Actor;
let employerOrg: string;
let partnerOrg: string;
let agencies: { id: string }[];

const ctxOf = (who: Actor | null) => contextFor(app.database.db, who, { audit: web, now: () => NOW });

/** A seasonal agricultural offer in Spain, through the partner. */
function seasonal(overrides: Record<string, unknown> = {}) {
	return {
		title: 'Cueillette de fraises à Huelva',
		description: 'Récolte et conditionnement des fraises et des fruits rouges en serre, saison de printemps.',
		occupationCode: '9211',
		skills: ['récolte'],
		hostCountry: 'ES',
		city: 'Huelva',
		organisationId: partnerOrg,
		employerAbroad: 'Exemple : coopérative agricole de Huelva',
		channel: 'seasonal',
		contractType: 'seasonal',
		contractMonths: 4,
		workingTime: 'full_time',
		hoursPerWeek: 39,
		seasonStartsOn: '2027-04-01',
		seasonEndsOn: '2027-07-31',
		salaryMin: 1200,
		salaryMax: 1400,
		salaryPeriod: 'month',
		salaryCurrency: 'EUR',
		languages: [{ language: 'es', level: 'A1' }],
		positions: 60,
		closingDate: '2027-03-31',
		housing: 'Logement fourni par l’employeur, 4 personnes par chambre au plus.',
		travel: 'Aller-retour en bateau depuis Tanger payé par l’employeur.',
		costs: { recruitment: 'public', travel: 'employer', visa: 'employer', housing: 'employer' },
		noWorkerFees: 'yes',
		handlingUnit: 'agencies',
		agencyShares: [
			{ agencyId: agencies[0].id, positions: 30 },
			{ agencyId: agencies[1].id, positions: 30 }
		],
		...overrides
	};
}

async function problemsOf(work: Promise<unknown>) {
	const failure = await work.then(
		() => null,
		(error: unknown) => error
	);
	expect(failure).toBeInstanceOf(AppError);
	return (failure as AppError).fields;
}

const search = (query: Record<string, string>) => searchOffers(app.database.db, OfferSearchQuery.parse(query), 'fr', NOW);

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	const db = app.database.db;
	const person = (await aPerson(db, { role: 'member' })).actor;
	division = { ...person, grants: [{ module: 'jobs', role: 'placement_division', organisationId: null, scope: null }] };
	[{ id: partnerOrg }] = await db.insert(organisation).values({ slug: `partner-${crypto.randomUUID().slice(0, 8)}`, name: 'Servicio Público de Empleo Estatal', acronym: 'SEPE', type: 'public_agency', country: 'ES' }).returning();
	[{ id: employerOrg }] = await db.insert(organisation).values({ slug: `employer-${crypto.randomUUID().slice(0, 8)}`, name: 'Klinikum Beispiel', type: 'employer', country: 'DE' }).returning();
	employer = (await aPerson(db, { role: 'partner', organisationIds: [employerOrg] })).actor;
	agencies = await db.select({ id: agency.id }).from(agency).orderBy(agency.slug).limit(3);
});
afterAll(async () => {
	await app.close();
});

describe('international placement offers', () => {
	it('lets the division create, publish and edit an offer abroad, every write audited', async () => {
		const ctx = ctxOf(division);
		const created = await createPlacementOffer(ctx, seasonal());
		expect(created).toMatchObject({ hostCountry: 'ES', channel: 'seasonal', regionCode: null, salaryCurrency: 'EUR', noWorkerFees: true, status: 'draft' });
		const [terms] = await app.database.db.select().from(placementOffer).where(eq(placementOffer.offerId, created.id));
		expect(terms).toMatchObject({ handlingUnit: 'agencies', seasonStartsOn: '2027-04-01', costs: { recruitment: 'public', travel: 'employer' } });
		await publishPlacementOffer(ctx, created.id);
		await updatePlacementOffer(ctx, created.id, seasonal({ positions: 70, agencyShares: [{ agencyId: agencies[0].id, positions: 40 }] }));
		const events = await app.database.db
			.select({ action: auditEvent.action, before: auditEvent.before })
			.from(auditEvent)
			.where(and(eq(auditEvent.resourceType, 'job_offer'), eq(auditEvent.resourceId, created.id)))
			.orderBy(auditEvent.id);
		expect(events.map((event) => event.action)).toEqual(['job_offer.create', 'job_offer.publish', 'job_offer.update']);
		expect(events[2].before).toMatchObject({ positions: 60, placement: { agencyShares: [{ positions: 30 }, { positions: 30 }] } });
		expect((await listPlacementOffers(ctx)).map((row) => row.offer.id)).toContain(created.id);
	});

	it('refuses an offer without host country, or in Morocco, naming every field at fault, and saves nothing', async () => {
		const ctx = ctxOf(division);
		const before = (await app.database.db.select({ n: sql<number>`count(*)::int` }).from(jobOffer))[0].n;
		const fields = await problemsOf(createPlacementOffer(ctx, seasonal({ hostCountry: '', noWorkerFees: '' })));
		expect(fields).toEqual(expect.arrayContaining([{ path: 'hostCountry', messageKey: 'field_required' }, { path: 'noWorkerFees', messageKey: 'field_required' }]));
		expect((await problemsOf(createPlacementOffer(ctx, seasonal({ hostCountry: 'MA' })))).map((field) => field.path)).toEqual(['hostCountry']);
		// a seasonal offer without its season, a worker paying recruitment beside "no fees", an unknown agency
		const paths = (
			await problemsOf(
				createPlacementOffer(
					ctx,
					seasonal({ seasonEndsOn: '', costs: { recruitment: 'worker' }, agencyShares: [{ agencyId: crypto.randomUUID(), positions: 5 }] })
				)
			)
		).map((field) => field.path);
		expect(paths).toEqual(expect.arrayContaining(['seasonEndsOn', 'costs.recruitment', 'agencyShares.0.agencyId']));
		expect((await app.database.db.select({ n: sql<number>`count(*)::int` }).from(jobOffer))[0].n).toBe(before);
	});

	it('refuses positions over the agreement’s quota for the year, and agency shares over the positions', async () => {
		const ctx = ctxOf(division);
		const agreement = await createAgreement(ctx, {
			kind: 'agreement',
			organisationId: partnerOrg,
			sector: 'public',
			hostCountry: 'ES',
			title: 'Accord saisonnier (test)',
			quotas: [{ year: 2027, positions: 100 }],
			status: 'active'
		});
		const first = await createPlacementOffer(ctx, seasonal({ agreementId: agreement.id, positions: 80, agencyShares: [{ agencyId: agencies[0].id, positions: 80 }] }));
		const over = await problemsOf(createPlacementOffer(ctx, seasonal({ agreementId: agreement.id, positions: 30, agencyShares: [{ agencyId: agencies[0].id, positions: 30 }] })));
		expect(over).toEqual([{ path: 'positions', messageKey: 'field_over_quota', values: { available: 20, year: '2027', quota: 100 } }]);
		// the same offer edited stays within its own quota
		await updatePlacementOffer(ctx, first.id, seasonal({ agreementId: agreement.id, positions: 100, agencyShares: [{ agencyId: agencies[0].id, positions: 100 }] }));
		// once closed, its positions are free again
		await closePlacementOffer(ctx, first.id);
		await createPlacementOffer(ctx, seasonal({ agreementId: agreement.id, positions: 30, agencyShares: [{ agencyId: agencies[0].id, positions: 30 }] }));
		const shares = await problemsOf(
			createPlacementOffer(ctx, seasonal({ positions: 50, agencyShares: [{ agencyId: agencies[0].id, positions: 30 }, { agencyId: agencies[1].id, positions: 30 }] }))
		);
		expect(shares).toEqual([{ path: 'agencyShares', messageKey: 'field_over_total', values: { sum: 60, total: 50 } }]);
		// an agreement of another host country does not carry it
		expect((await problemsOf(createPlacementOffer(ctx, seasonal({ hostCountry: 'DE', agreementId: agreement.id })))).map((field) => field.path)).toEqual(['agreementId']);
	});

	it('lets only the division write offers abroad: not a member, an employer, a counsellor, another grant or a visitor', async () => {
		const created = await createPlacementOffer(ctxOf(division), seasonal({ organisationId: employerOrg, hostCountry: 'DE', city: 'Berlin', channel: 'individual', contractType: 'cdi', seasonStartsOn: '', seasonEndsOn: '', handlingUnit: 'division', agencyShares: [] }));
		const member = (await aPerson(app.database.db, { role: 'member' })).actor;
		const counsellor = (await aPerson(app.database.db, { role: 'counsellor' })).actor;
		const person = (await aPerson(app.database.db, { role: 'member' })).actor;
		const otherGrant = { ...person, grants: [{ module: 'jobs', role: 'agency_manager', organisationId: null, scope: null }] };
		for (const who of [member, counsellor, otherGrant, employer, null]) {
			await expect(createPlacementOffer(ctxOf(who), seasonal())).rejects.toBeInstanceOf(AppError);
			await expect(updatePlacementOffer(ctxOf(who), created.id, seasonal())).rejects.toBeInstanceOf(AppError);
			await expect(publishPlacementOffer(ctxOf(who), created.id)).rejects.toBeInstanceOf(AppError);
		}
		// the employer abroad is the offer's organisation, yet its space neither lists nor edits it
		expect((await listEmployerOffers(ctxOf(employer), employerOrg)).map((offer) => offer.id)).not.toContain(created.id);
		await expect(closeOffer(ctxOf(employer), created.id)).rejects.toMatchObject({ code: 'not_found' });
		await expect(
			updateOffer(ctxOf(employer), created.id, { title: 'Piraté', description: 'Une offre piratée par un tiers.', occupationCode: '2221', regionCode: 'MA-01', city: 'Tanger', contractType: 'cdi', workingTime: 'full_time', closingDate: '2027-04-30' })
		).rejects.toMatchObject({ code: 'not_found' });
		const [unchanged] = await app.database.db.select().from(jobOffer).where(eq(jobOffer.id, created.id));
		expect(unchanged).toMatchObject({ status: 'draft', hostCountry: 'DE' });
	});
});

describe('offers abroad in the public search and on the offer page', () => {
	let nursing: string;
	beforeAll(async () => {
		const ctx = ctxOf(division);
		const created = await createPlacementOffer(ctx, {
			...seasonal(),
			title: 'Infirmier·ère en soins généraux à Stuttgart',
			description: 'Soins infirmiers dans un hôpital universitaire ; reconnaissance du diplôme accompagnée.',
			occupationCode: '2221',
			skills: ['soins infirmiers'],
			hostCountry: 'DE',
			city: 'Stuttgart',
			organisationId: employerOrg,
			employerAbroad: null,
			channel: 'individual',
			contractType: 'cdi',
			contractMonths: null,
			seasonStartsOn: null,
			seasonEndsOn: null,
			salaryMin: 3200,
			salaryMax: 3800,
			languages: [{ language: 'de', level: 'B2' }],
			positions: 5,
			handlingUnit: 'division',
			agencyShares: []
		});
		await publishPlacementOffer(ctx, created.id);
		nursing = created.id;
	});

	it('finds offers abroad with the abroad filter, by country and channel; the search in Morocco leaves them out', async () => {
		const abroad = await search({ abroad: 'yes' });
		expect(abroad.items.every((item) => item.hostCountry.code !== 'MA')).toBe(true);
		expect(abroad.items.map((item) => item.id)).toContain(nursing);
		expect(abroad.facets.hostCountry).toEqual(expect.arrayContaining([{ value: 'DE', count: 1 }]));
		const germany = await search({ country: 'DE', channel: 'individual' });
		expect(germany.items.map((item) => item.id)).toEqual([nursing]);
		expect(germany.items[0]).toMatchObject({ hostCountry: { code: 'DE', name: 'Allemagne' }, region: null, channel: 'individual', noWorkerFees: true });
		expect((await search({ country: 'DE', channel: 'seasonal' })).total).toBe(0);
		expect((await search({ abroad: 'no' })).items.map((item) => item.id)).not.toContain(nursing);
		// by words: the host country's name in Arabic finds it too
		expect((await search({ q: 'ألمانيا' })).items.map((item) => item.id)).toContain(nursing);
		// the search in Morocco asks no more than before
		expect((await search({})).facets.hostCountry).toEqual([]);
		expect(OfferSearchQuery.safeParse({ country: 'MA' }).success).toBe(false);
	});

	it('shows the foreign conditions on the offer and in its JobPosting', async () => {
		const offer = await getPublicOffer(app.database.db, nursing, 'fr', NOW);
		expect(offer.abroad).toMatchObject({ handlingUnit: 'division', costs: { recruitment: 'public' }, agreement: null });
		expect(offer.salary).toEqual({ min: 3200, max: 3800, period: 'month', currency: 'EUR' });
		const posting = jobPostingJsonLd(offer, 'https://example.ma/fr/jobs/offers/x');
		expect(posting.jobLocation.address).toMatchObject({ addressCountry: 'DE', addressLocality: 'Stuttgart' });
		expect(posting.applicantLocationRequirements).toMatchObject({ '@type': 'Country', identifier: 'MA' });
		expect(posting.baseSalary?.currency).toBe('EUR');
		expect(posting.skills).toEqual(expect.arrayContaining([expect.objectContaining({ '@type': 'DefinedTerm', termCode: 'de-B2' })]));
	});
});
