import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { aPerson, contextFor } from '../../platform/testing/people.ts';
import { organisation } from '../../platform/accounts/accounts.table.ts';
import { auditEvent } from '../../platform/audit/audit-event.table.ts';
import { systemContext, type AuditContext } from '../../platform/audit/audit.service.ts';
import type { Actor } from '../../platform/policy/policy.ts';
import { jobOffer, occupation } from './job-offer.table.ts';
import { platformDay } from '../../platform/time-zone.ts';
import { ensureJobsReferenceData } from './jobs.data.ts';
import { OfferForm, OfferSearchQuery, type OfferInput } from './jobs.schemas.ts';
import {
	approveOffer,
	closeOffer,
	createOffer,
	expireOffers,
	getPublicOffer,
	jobPostingJsonLd,
	markOfferFilled,
	occupationTitle,
	publishOffer,
	returnOffer,
	searchOffers,
	updateOffer
} from './jobs.service.ts';

let app: TestApp;
const web: AuditContext = { actorUserId: null, actorLabel: 'test', channel: 'web' };
const NOW = new Date('2027-03-10T10:00:00Z');

async function employerOrganisation(name: string, type: 'employer' | 'ngo' = 'employer') {
	const [row] = await app.database.db
		.insert(organisation)
		.values({ slug: `${type}-${crypto.randomUUID().slice(0, 8)}`, name, type })
		.returning();
	return row.id;
}

const search = (query: Record<string, string>, language: 'fr' | 'ar' | 'en' = 'fr') =>
	searchOffers(app.database.db, OfferSearchQuery.parse(query), language, NOW);

function input(overrides: Partial<OfferInput> = {}): OfferInput {
	return {
		title: 'Maçon qualifié',
		description: 'Chantier de logements à Tanger, équipements fournis.',
		occupationCode: '7112',
		skills: ['maçonnerie', 'coffrage'],
		regionCode: 'MA-01',
		provinceCode: 'MA-TNG',
		city: 'Tanger',
		contractType: 'cdd',
		workingTime: 'full_time',
		closingDate: '2027-04-30',
		languages: [{ language: 'fr', level: 'A2' }],
		...overrides
	};
}

/** An offer made public: created, published, and approved by a counsellor when the employer is new. */
async function publicOffer(employer: Actor, organisationId: string, counsellor: Actor, overrides: Partial<OfferInput> = {}, now = NOW) {
	const created = await createOffer(contextFor(app.database.db, employer, { audit: web }), organisationId, input(overrides));
	const published = await publishOffer(contextFor(app.database.db, employer, { audit: web, now: () => now }), created.id);
	if (published.status === 'pending_validation') await approveOffer(contextFor(app.database.db, counsellor, { audit: web, now: () => now }), created.id);
	return created.id;
}

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
});
afterAll(async () => {
	await app.close();
});

describe('ISCO-08 reference data', () => {
	it('holds the 619 groups with English, French and our unofficial Arabic titles, and loads idempotently', async () => {
		await ensureJobsReferenceData(app.database.db);
		const [{ total, units, arabic }] = await app.database.db
			.select({
				total: sql<number>`count(*)::int`,
				units: sql<number>`count(*) filter (where level = 4)::int`,
				arabic: sql<number>`count(title_ar)::int`
			})
			.from(occupation);
		expect(total).toBe(619);
		expect(units).toBe(436);
		// every group a seeker or an employer picks from is named in Arabic (our translation, marked unofficial)
		expect(arabic).toBe(619);
		const [mason] = await app.database.db.select().from(occupation).where(eq(occupation.code, '7112'));
		expect(mason.titleFr).toBe('Maçons');
		expect(occupationTitle(mason, 'ar')).toEqual({ title: 'البناؤون ومن في حكمهم', note: 'unofficial_translation' });
		const [astrologer] = await app.database.db.select().from(occupation).where(eq(occupation.code, '5161'));
		expect(occupationTitle(astrologer, 'ar').note).toBe('unofficial_translation');
		// a title missing in Arabic falls back to French, marked
		expect(occupationTitle({ ...astrologer, titleAr: null }, 'ar')).toEqual({ title: astrologer.titleFr, note: 'french_fallback' });
		const [leading] = await app.database.db.select().from(occupation).where(eq(occupation.code, '0110'));
		expect(leading.parentCode).toBe('011');
	});
});

describe('employers and the counsellor validation', () => {
	it('lets only members of an employer organisation with the partner role write its offers', async () => {
		const org = await employerOrganisation('Bâtiments du Nord');
		const other = await employerOrganisation('Autre Employeur');
		const ngo = await employerOrganisation('Association', 'ngo');
		const employer = (await aPerson(app.database.db, { role: 'partner', organisationIds: [org] })).actor;
		const stranger = (await aPerson(app.database.db, { role: 'partner', organisationIds: [other] })).actor;
		const ngoPartner = (await aPerson(app.database.db, { role: 'partner', organisationIds: [ngo] })).actor;
		const member = (await aPerson(app.database.db, { role: 'member', organisationIds: [org] })).actor;

		const created = await createOffer(contextFor(app.database.db, employer, { audit: web }), org, input());
		expect(created.status).toBe('draft');
		await expect(createOffer(contextFor(app.database.db, stranger, { audit: web }), org, input())).rejects.toMatchObject({ code: 'forbidden' });
		await expect(createOffer(contextFor(app.database.db, ngoPartner, { audit: web }), ngo, input())).rejects.toMatchObject({ code: 'forbidden' });
		await expect(createOffer(contextFor(app.database.db, member, { audit: web }), org, input())).rejects.toMatchObject({ code: 'forbidden' });
		await expect(updateOffer(contextFor(app.database.db, stranger, { audit: web }), created.id, input({ title: 'Piraté' }))).rejects.toMatchObject({ code: 'not_found' });
		await expect(publishOffer(contextFor(app.database.db, stranger, { audit: web, now: () => NOW }), created.id)).rejects.toMatchObject({ code: 'not_found' });
		await expect(closeOffer(contextFor(app.database.db, stranger, { audit: web }), created.id)).rejects.toMatchObject({ code: 'not_found' });
		const [unchanged] = await app.database.db.select().from(jobOffer).where(eq(jobOffer.id, created.id));
		expect(unchanged.title).toBe('Maçon qualifié');
		expect(unchanged.status).toBe('draft');
	});

	it('refuses invalid offers with the field at fault', async () => {
		const org = await employerOrganisation('Validation SA');
		const employer = (await aPerson(app.database.db, { role: 'partner', organisationIds: [org] })).actor;
		await expect(createOffer(contextFor(app.database.db, employer, { audit: web }), org, input({ occupationCode: '711' }))).rejects.toMatchObject({
			code: 'invalid_input',
			fields: [expect.objectContaining({ path: 'occupationCode' })]
		});
		await expect(createOffer(contextFor(app.database.db, employer, { audit: web }), org, input({ provinceCode: 'MA-CAS' }))).rejects.toMatchObject({
			fields: [expect.objectContaining({ path: 'provinceCode' })]
		});
		await expect(createOffer(contextFor(app.database.db, employer, { audit: web }), org, input({ salaryMin: 5000, salaryMax: 3000, salaryPeriod: 'month' }))).rejects.toMatchObject({
			fields: [expect.objectContaining({ path: 'salaryMax' })]
		});
	});

	it('sends a new employer’s first offer to counsellors; once one is approved, the next ones publish at once', async () => {
		const org = await employerOrganisation('Nouvel Employeur');
		const employer = (await aPerson(app.database.db, { role: 'partner', organisationIds: [org] })).actor;
		const counsellor = (await aPerson(app.database.db, { role: 'counsellor' })).actor;
		const first = await createOffer(contextFor(app.database.db, employer, { audit: web }), org, input({ title: 'Premier poste de carreleur' }));
		const submitted = await publishOffer(contextFor(app.database.db, employer, { audit: web, now: () => NOW }), first.id);
		expect(submitted.status).toBe('pending_validation');
		await expect(getPublicOffer(app.database.db, first.id, 'fr', NOW)).rejects.toMatchObject({ code: 'not_found' });
		await expect(approveOffer(contextFor(app.database.db, employer, { audit: web, now: () => NOW }), first.id)).rejects.toMatchObject({ code: 'forbidden' });

		const returned = await returnOffer(contextFor(app.database.db, counsellor, { audit: web, now: () => NOW }), first.id, 'Merci de préciser le salaire.');
		expect(returned.status).toBe('draft');
		expect(returned.returnReason).toBe('Merci de préciser le salaire.');
		await publishOffer(contextFor(app.database.db, employer, { audit: web, now: () => NOW }), first.id);
		const approved = await approveOffer(contextFor(app.database.db, counsellor, { audit: web, now: () => NOW }), first.id);
		expect(approved.status).toBe('published');
		expect(approved.validatedBy).toBe(counsellor.userId);
		expect((await getPublicOffer(app.database.db, first.id, 'fr', NOW)).title).toBe('Premier poste de carreleur');

		const second = await createOffer(contextFor(app.database.db, employer, { audit: web }), org, input({ title: 'Deuxième poste' }));
		expect((await publishOffer(contextFor(app.database.db, employer, { audit: web, now: () => NOW }), second.id)).status).toBe('published');

		const trail = await app.database.db.select().from(auditEvent).where(and(eq(auditEvent.resourceType, 'job_offer'), eq(auditEvent.resourceId, first.id))).orderBy(auditEvent.id);
		expect(trail.map((event) => event.action)).toEqual([
			'job_offer.create',
			'job_offer.submit_for_validation',
			'job_offer.return',
			'job_offer.submit_for_validation',
			'job_offer.approve'
		]);
	});

	it('closes and marks filled, hiding the offer from the public', async () => {
		const org = await employerOrganisation('Fermeture SARL');
		const employer = (await aPerson(app.database.db, { role: 'partner', organisationIds: [org] })).actor;
		const counsellor = (await aPerson(app.database.db, { role: 'counsellor' })).actor;
		const a = await publicOffer(employer, org, counsellor);
		const b = await publicOffer(employer, org, counsellor);
		await markOfferFilled(contextFor(app.database.db, employer, { audit: web }), a);
		await closeOffer(contextFor(app.database.db, employer, { audit: web }), b);
		await expect(getPublicOffer(app.database.db, a, 'fr', NOW)).rejects.toMatchObject({ code: 'not_found' });
		await expect(getPublicOffer(app.database.db, b, 'fr', NOW)).rejects.toMatchObject({ code: 'not_found' });
		await expect(markOfferFilled(contextFor(app.database.db, employer, { audit: web }), b)).rejects.toMatchObject({ code: 'conflict' });
	});

	it('refuses to publish an offer whose closing date is past', async () => {
		const org = await employerOrganisation('Retard SA');
		const employer = (await aPerson(app.database.db, { role: 'partner', organisationIds: [org] })).actor;
		const created = await createOffer(contextFor(app.database.db, employer, { audit: web }), org, input({ closingDate: '2027-03-09' }));
		await expect(publishOffer(contextFor(app.database.db, employer, { audit: web, now: () => NOW }), created.id)).rejects.toMatchObject({ code: 'invalid_input' });
	});
});

describe('expiry', () => {
	it('hides an offer the day after its closing date, and jobs:expire persists it with an audit event', async () => {
		const org = await employerOrganisation('Expiration SA');
		const employer = (await aPerson(app.database.db, { role: 'partner', organisationIds: [org] })).actor;
		const counsellor = (await aPerson(app.database.db, { role: 'counsellor' })).actor;
		const id = await publicOffer(employer, org, counsellor, { title: 'Offre qui expire', closingDate: '2027-03-10' });
		expect((await getPublicOffer(app.database.db, id, 'fr', NOW)).status).toBe('published');
		const nextDay = new Date('2027-03-11T08:00:00Z');
		await expect(getPublicOffer(app.database.db, id, 'fr', nextDay)).rejects.toMatchObject({ code: 'not_found' });
		expect((await searchOffers(app.database.db, OfferSearchQuery.parse({ q: 'Offre qui expire' }), 'fr', nextDay)).total).toBe(0);

		expect(await expireOffers(app.database.db, systemContext('cli'), NOW)).toBe(0);
		const count = await expireOffers(app.database.db, systemContext('cli'), nextDay);
		expect(count).toBeGreaterThanOrEqual(1);
		const [row] = await app.database.db.select().from(jobOffer).where(eq(jobOffer.id, id));
		expect(row.status).toBe('expired');
		const events = await app.database.db.select().from(auditEvent).where(and(eq(auditEvent.resourceId, id), eq(auditEvent.action, 'job_offer.expire')));
		expect(events).toHaveLength(1);
		expect(events[0].channel).toBe('cli');
	});

	it('uses the Moroccan day', () => {
		// (the offset itself comes from the runtime's time-zone data)
		expect(platformDay(new Date('2027-06-10T12:00:00Z'))).toBe('2027-06-10');
		expect(platformDay(new Date('2027-06-10T23:30:00+01:00'))).toMatch(/^2027-06-1[01]$/);
	});
});

describe('search', () => {
	let ids: Record<string, string> = {};
	beforeAll(async () => {
		const org = await employerOrganisation('Recherche Emploi SARL');
		const employer = (await aPerson(app.database.db, { role: 'partner', organisationIds: [org] })).actor;
		const counsellor = (await aPerson(app.database.db, { role: 'counsellor' })).actor;
		ids = {
			mason: await publicOffer(employer, org, counsellor, { title: 'Maçon zellige Tétouan', occupationCode: '7112', regionCode: 'MA-01', provinceCode: 'MA-TET', city: 'Tétouan', contractType: 'cdd', skills: ['zellige'] }),
			call: await publicOffer(employer, org, counsellor, { title: 'Téléconseiller anglophone', occupationCode: '4222', regionCode: 'MA-06', provinceCode: 'MA-CAS', city: 'Casablanca', contractType: 'cdi', languages: [{ language: 'en', level: 'C1' }], skills: ['relation client'] }),
			arabic: await publicOffer(employer, org, counsellor, { title: 'عامل فلاحي لجني الفراولة', description: 'جني الفراولة في الضيعة، النقل مؤمّن.', occupationCode: '9211', regionCode: 'MA-09', provinceCode: 'MA-AGD', city: 'Agadir', contractType: 'seasonal', languages: [], openToForeigners: false }),
			cook: await publicOffer(employer, org, counsellor, { title: 'Cuisinière riad', occupationCode: '5120', regionCode: 'MA-07', provinceCode: 'MA-MAR', city: 'Marrakech', contractType: 'cdi' }, new Date('2027-03-01T10:00:00Z'))
		};
		const draft = await createOffer(contextFor(app.database.db, employer, { audit: web }), org, input({ title: 'Brouillon maçon zellige' }));
		ids.draft = draft.id;
	});

	it('finds words without their accents and through the occupation title, never drafts', async () => {
		const result = await search({ q: 'macon zellige' });
		expect(result.items.map((item) => item.id)).toEqual([ids.mason]);
		expect((await search({ q: 'TELECONSEILLER' })).items.map((item) => item.id)).toEqual([ids.call]);
		// "Maçons" is the French title of ISCO 7112, "Bricklayers" the English one
		expect((await search({ q: 'bricklayers' })).items.map((item) => item.id)).toContain(ids.mason);
		expect((await search({ q: 'brouillon' })).total).toBe(0);
	});

	it('matches Arabic spelling variants: hamza forms, ta marbuta, alef maqsura, diacritics and tatweel', async () => {
		// stored: "الفراولة", "مؤمّن"; typed: ta marbuta as ha, with tatweel and diacritics
		expect((await search({ q: 'الفراوله' })).items.map((item) => item.id)).toEqual([ids.arabic]);
		expect((await search({ q: 'الفـراوَلة' })).items.map((item) => item.id)).toEqual([ids.arabic]);
		expect((await search({ q: 'مومن' })).items.map((item) => item.id)).toEqual([ids.arabic]);
		// the Arabic occupation title (unofficial) is searchable too: "العمال في المزارع" for 9211, with alef-hamza typed
		expect((await search({ q: 'المزارع' })).items.map((item) => item.id)).toContain(ids.arabic);
		// the place names of geo/morocco.ts in Arabic: أكادير typed as اكادير
		expect((await search({ q: 'اكادير' })).items.map((item) => item.id)).toEqual([ids.arabic]);
		// derived forms: article, conjunction and preposition, plural ending ("عامل فلاحي", "الضيعة")
		expect((await search({ q: 'عمال' })).items.map((item) => item.id)).toContain(ids.arabic);
		expect((await search({ q: 'والفراولة' })).items.map((item) => item.id)).toEqual([ids.arabic]);
		expect((await search({ q: 'بالضيعة' })).items.map((item) => item.id)).toEqual([ids.arabic]);
	});

	it('filters by occupation group prefix, place, contract, language, date and openness to foreigners', async () => {
		const idsOf = async (query: Record<string, string>) => (await search({ q: '', ...query, pageSize: '100' })).items.map((item) => item.id);
		expect(await idsOf({ occupation: '7' })).toContain(ids.mason);
		expect(await idsOf({ occupation: '71' })).toContain(ids.mason);
		expect(await idsOf({ occupation: '711' })).toContain(ids.mason);
		expect(await idsOf({ occupation: '9' })).not.toContain(ids.mason);
		expect(await idsOf({ region: 'MA-06' })).toEqual([ids.call]);
		expect(await idsOf({ province: 'MA-TET' })).toEqual([ids.mason]);
		expect(await idsOf({ contract: 'seasonal' })).toEqual([ids.arabic]);
		expect(await idsOf({ language: 'en' })).toEqual([ids.call]);
		expect(await idsOf({ since: '2027-03-05' })).not.toContain(ids.cook);
		expect(await idsOf({ since: '2027-03-01' })).toContain(ids.cook);
		expect(await idsOf({ foreigners: 'yes' })).not.toContain(ids.arabic);
	});

	it('returns total, a page of items and facets, newest first by default', async () => {
		// the employer's name is searchable: it scopes this test to this block's offers
		const result = await search({ q: 'recherche emploi', sort: 'date', pageSize: '2' });
		expect(result.total).toBe(4);
		expect(result.items).toHaveLength(2);
		expect(result.items.map((item) => item.id)).not.toContain(ids.cook); // the oldest
		const page2 = await search({ q: 'recherche emploi', sort: 'date', pageSize: '2', page: '2' });
		expect(page2.items.map((item) => item.id)).toContain(ids.cook);
		expect(result.facets.contractType).toEqual(expect.arrayContaining([{ value: 'cdi', count: 2 }, { value: 'cdd', count: 1 }]));
		expect(result.facets.region).toEqual(expect.arrayContaining([{ value: 'MA-01', count: 1 }]));
		expect(result.facets.language).toEqual(expect.arrayContaining([{ value: 'en', count: 1 }, { value: 'fr', count: 2 }]));
	});

	it('gives names in the language asked', async () => {
		const [item] = (await search({ q: 'zellige' }, 'ar')).items;
		expect(item.province?.name).toBe('تطوان');
		expect(item.occupation).toEqual({ code: '7112', title: 'البناؤون ومن في حكمهم', titleNote: 'unofficial_translation' });
	});

	it('describes the offer as a schema.org JobPosting', async () => {
		const offer = await getPublicOffer(app.database.db, ids.mason, 'fr', NOW);
		const data = jobPostingJsonLd(offer, 'https://example.ma/fr/jobs/offers/x');
		expect(data['@type']).toBe('JobPosting');
		expect(data.validThrough).toBe('2027-04-30T23:59:59+01:00');
		expect(data.jobLocation.address.addressLocality).toBe('Tétouan');
	});
});

describe('the employer form', () => {
	it('turns form fields into an offer (skills list, one level per language)', () => {
		const parsed = OfferForm.parse({
			title: 'Soudeur',
			description: 'Soudure de structures métalliques.',
			occupationCode: '7212',
			skills: 'soudure MIG, lecture de plans\nsécurité',
			regionCode: 'ma-01',
			provinceCode: '',
			city: 'Tanger',
			contractType: 'cdi',
			workingTime: 'full_time',
			salaryMin: '4000',
			salaryMax: '',
			salaryPeriod: 'month',
			closingDate: '2027-05-01',
			openToForeigners: 'yes',
			lang_fr: 'B1',
			lang_en: ''
		});
		expect(parsed.skills).toEqual(['soudure MIG', 'lecture de plans', 'sécurité']);
		expect(parsed.languages).toEqual([{ language: 'fr', level: 'B1' }]);
		expect(parsed.regionCode).toBe('MA-01');
		expect(parsed.provinceCode).toBeNull();
		expect(parsed.salaryMin).toBe(4000);
		expect(parsed.salaryMax).toBeNull();
		expect(parsed.openToForeigners).toBe(true);
	});
});
