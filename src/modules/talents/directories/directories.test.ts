import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import { aPerson, contextFor, type Person } from '../../../platform/testing/people.ts';
import { isAppError } from '../../../platform/http/app-error.ts';
import { organisation } from '../../../platform/accounts/accounts.table.ts';
import { auditEvent } from '../../../platform/audit/audit-event.table.ts';
import { linkChoices, resolveLinks } from '../../../platform/kernel/links.ts';
import { createDirectoryEntry, setDirectoryEntryStatus, updateDirectoryEntry } from '../../../platform/directory/directory.service.ts';
import { apiEvent } from '../../../platform/testing/api-event.ts';
import type { App } from '../../../platform/app.ts';
import { GET as housesApi } from '../routes/api/v1/talents/houses/+server.ts';
import { GET as associationsApi } from '../routes/api/v1/talents/associations/+server.ts';
import {
	associationCountries,
	associationJsonLd,
	associationOrganisations,
	AssociationForm,
	associations,
	associationsCsv,
	createAssociation,
	getAssociation,
	getHouse,
	HouseForm,
	houseJsonLd,
	houseReferences,
	houses,
	housesCsv,
	listAssociations,
	listHouses,
	mreDesks,
	networkAssociations,
	NETWORK_LINK,
	updateAssociation
} from './directories.ts';

let app: TestApp;
let moderator: Person;
let clerk: Person;
let otherClerk: Person;
let member: Person;
let associationMember: Person;
let region: { id: string };
let bank: { id: string };
let lyon: { id: string };
let brussels: { id: string };
const holder = globalThis as typeof globalThis & { __sharakaApp?: Promise<App> };
const NETWORK = `${NETWORK_LINK}:maroc-entrepreneurs`;

const refusal = async (promise: Promise<unknown>) => {
	try {
		await promise;
		return 'ok';
	} catch (error) {
		if (isAppError(error)) return { code: error.code, fields: error.fields.map((field) => field.path).sort() };
		throw error;
	}
};

const house = (over: Record<string, unknown> = {}) =>
	HouseForm.parse({
		organisationId: region.id,
		name_fr: 'Maison des Marocains du monde de l’Oriental',
		name_ar: 'دار مغاربة العالم بجهة الشرق',
		description_fr: 'Accueil et orientation des Marocains du monde.',
		services: ['information', 'investment'],
		regions: 'MA-02',
		city: 'Oujda',
		address: '1, avenue Mohammed V',
		phone: '+212 5 36 00 00 00',
		email: 'maison@example.org',
		...over
	});

const association = (over: Record<string, unknown> = {}) =>
	AssociationForm.parse({
		organisationId: lyon.id,
		name_fr: 'Compétences marocaines de Lyon',
		description_fr: 'Des ingénieurs qui parrainent des étudiants.',
		services: ['skills_transfer', 'education'],
		city: 'Lyon',
		links: [NETWORK],
		...over
	});

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	holder.__sharakaApp = Promise.resolve(app);
	const db = app.database.db;
	[region] = await db.insert(organisation).values({ slug: 'region-test', name: 'Région test', type: 'local_authority', country: 'MA' }).returning({ id: organisation.id });
	[bank] = await db.insert(organisation).values({ slug: 'banque-test', name: 'Banque test', type: 'employer', country: 'MA' }).returning({ id: organisation.id });
	[lyon] = await db.insert(organisation).values({ slug: 'asso-lyon-test', name: 'Association Lyon test', type: 'diaspora_association', country: 'FR' }).returning({ id: organisation.id });
	[brussels] = await db.insert(organisation).values({ slug: 'asso-bruxelles-test', name: 'Association Bruxelles test', type: 'diaspora_association', country: 'BE' }).returning({ id: organisation.id });
	moderator = await aPerson(db, { role: 'moderator' });
	clerk = await aPerson(db, { role: 'partner', organisationIds: [region.id] });
	otherClerk = await aPerson(db, { role: 'partner', organisationIds: [bank.id] });
	member = await aPerson(db);
	associationMember = await aPerson(db, { role: 'partner', organisationIds: [lyon.id, bank.id] });
});
afterAll(async () => {
	delete holder.__sharakaApp;
	await app?.close();
});

const auditActions = async (id: string) =>
	(await app.database.db.select({ action: auditEvent.action }).from(auditEvent).where(eq(auditEvent.resourceId, id))).map((event) => event.action).sort();

describe('houses of Moroccans of the world and MRE desks', () => {
	it('refuse a form without a name, a service or a region, and a bad telephone, nothing saved', async () => {
		const parsed = HouseForm.safeParse({ organisationId: region.id, name_fr: '', description_fr: '', services: [], regions: [], phone: 'call me' });
		expect(parsed.success).toBe(false);
		expect(parsed.error!.issues.map((issue) => issue.path.join('.')).sort()).toEqual(['description_fr', 'name_fr', 'phone', 'regions', 'services']);
		expect((await listHouses(app.database.db, {}, 'fr')).total).toBe(0);
	});

	it('are kept by moderators and by an organisation for its own, audited; a member or another organisation may not', async () => {
		const db = app.database.db;
		const created = await createDirectoryEntry(contextFor(db, clerk), houses, house());
		const desk = await createDirectoryEntry(contextFor(db, moderator), mreDesks, house({ name_fr: 'Guichet MRE du CRI', name_ar: '', services: ['investment'], address: '', phone: '' }));
		expect(await refusal(createDirectoryEntry(contextFor(db, member), houses, house()))).toMatchObject({ code: 'forbidden' });
		expect(await refusal(createDirectoryEntry(contextFor(db, otherClerk), houses, house()))).toMatchObject({ code: 'forbidden' });
		expect(await refusal(updateDirectoryEntry(contextFor(db, otherClerk), houses, created.id, house({ organisationId: bank.id })))).toMatchObject({ code: 'forbidden' });
		await updateDirectoryEntry(contextFor(db, moderator), houses, created.id, house({ services: ['information', 'legal_advice'] }));
		expect(await auditActions(created.id)).toEqual(['talent_house.create', 'talent_house.update']);
		expect(await auditActions(desk.id)).toEqual(['talent_mre_desk.create']);

		// listed houses first, filtered by kind, region and service
		const all = await listHouses(db, {}, 'fr');
		expect(all.items.map((item) => [item.kind, item.id])).toEqual([
			['house', created.id],
			['desk', desk.id]
		]);
		expect(all.items[0]).toMatchObject({ services: ['information', 'legal_advice'], regions: ['MA-02'], cities: ['Oujda'], contact: { phone: '+212 5 36 00 00 00' } });
		expect((await listHouses(db, { kind: 'desk' }, 'fr')).items.map((item) => item.id)).toEqual([desk.id]);
		expect((await listHouses(db, { region: 'MA-01' }, 'fr')).total).toBe(0);
		expect((await listHouses(db, { service: 'investment' }, 'fr')).items.map((item) => item.id)).toEqual([desk.id]);
		expect(await getHouse(db, desk.id)).toMatchObject({ kind: 'desk' });

		// withdrawn: off the list and its page, but its editors still open it; restored, audited
		await setDirectoryEntryStatus(contextFor(db, clerk), houses, created.id, 'archived');
		expect((await listHouses(db, {}, 'fr')).total).toBe(1);
		expect(await refusal(getHouse(db, created.id, null))).toMatchObject({ code: 'not_found' });
		expect((await getHouse(db, created.id, clerk.actor)).found.entry.status).toBe('archived');
		await setDirectoryEntryStatus(contextFor(db, moderator), houses, created.id, 'active');
		expect(await auditActions(created.id)).toEqual(['talent_house.archive', 'talent_house.create', 'talent_house.restore', 'talent_house.update']);
		expect(await refusal(getHouse(db, 'not-an-id'))).toMatchObject({ code: 'not_found' });
	});

	it('are open data: the API, the CSV and a GovernmentOffice in JSON-LD; the seeds’ study and synthesis resolve', async () => {
		const answer = await (await housesApi(apiEvent(null, { search: '?kind=house&region=MA-02&lang=ar' }))).json();
		expect(answer.total).toBe(1);
		expect(answer.items[0]).toMatchObject({ kind: 'house', name: { ar: 'دار مغاربة العالم بجهة الشرق' }, isSample: false });
		expect((await housesApi(apiEvent(null, { search: '?region=MA-99' }))).status).toBe(400);
		const found = await listHouses(app.database.db, {}, 'fr');
		const csv = housesCsv(found.items).split('\r\n');
		expect(csv[0]).toContain('id,kind,name_fr,name_ar,name_en,organisation,regions,city,services');
		expect(csv[1]).toContain('house');
		expect(csv[1]).toContain('Région test');
		const jsonLd = houseJsonLd(found.items[0]!, 'https://sharaka.example/fr/talents/houses/x', 'fr');
		expect(jsonLd).toMatchObject({
			'@type': 'GovernmentOffice',
			name: 'Maison des Marocains du monde de l’Oriental',
			telephone: '+212 5 36 00 00 00',
			parentOrganization: { name: 'Région test' },
			address: { addressLocality: 'Oujda', addressRegion: 'Oriental', addressCountry: 'MA' }
		});
		expect((await resolveLinks(app.database.db, houseReferences, 'fr')).map((link) => link.path)).toEqual([
			'/knowledge/documents/etude-maisons-marocains-du-monde',
			'/knowledge/documents/synthese-maisons-marocains-du-monde'
		]);
	});
});

describe('diaspora associations', () => {
	it('are run by an organisation of the type diaspora association, and name networks that exist', async () => {
		const db = app.database.db;
		expect(await refusal(createAssociation(contextFor(db, moderator), association({ organisationId: bank.id })))).toMatchObject({ code: 'invalid_input', fields: ['organisationId'] });
		expect(await refusal(createAssociation(contextFor(db, associationMember), association({ links: [`${NETWORK_LINK}:nulle-part`] })))).toMatchObject({ code: 'invalid_input', fields: ['links'] });
		expect(await refusal(createAssociation(contextFor(db, associationMember), association({ links: ['atlas.initiative:sharaka'] })))).toMatchObject({ code: 'invalid_input', fields: ['links'] });
		// a member of the association adds its own entry; not another association's
		expect(await refusal(createAssociation(contextFor(db, associationMember), association({ organisationId: brussels.id })))).toMatchObject({ code: 'forbidden' });
		expect((await associationOrganisations(db, associationMember.actor)).map((row) => row.id)).toEqual([lyon.id]);
		expect((await associationOrganisations(db, moderator.actor)).map((row) => row.id).sort()).toEqual([lyon.id, brussels.id].sort());
		expect(await associationOrganisations(db, member.actor)).toEqual([]);
		expect((await listAssociations(db, {}, 'fr')).total).toBe(0);
	});

	it('are listed by host country and field with their networks, and each network lists its associations', async () => {
		const db = app.database.db;
		const created = await createAssociation(contextFor(db, associationMember), association());
		const other = await createAssociation(contextFor(db, moderator), association({ organisationId: brussels.id, name_fr: 'Pont Bruxelles–Maroc', services: ['solidarity'], links: [], city: 'Bruxelles' }));
		expect(await refusal(updateAssociation(contextFor(db, associationMember), other.id, association({ organisationId: brussels.id })))).toMatchObject({ code: 'forbidden' });
		expect(await refusal(updateAssociation(contextFor(db, moderator), created.id, association({ organisationId: bank.id })))).toMatchObject({ code: 'invalid_input', fields: ['organisationId'] });
		await updateAssociation(contextFor(db, associationMember), created.id, association({ regions: ['MA-02'] }));
		expect(await auditActions(created.id)).toEqual(['talent_association.create', 'talent_association.update']);

		const listed = await listAssociations(db, {}, 'fr');
		expect(listed.items.map((item) => item.id)).toEqual([created.id, other.id]);
		expect(listed.items[0]).toMatchObject({ country: 'FR', regions: ['MA-02'], networks: [{ slug: 'maroc-entrepreneurs', path: '/talents/networks/maroc-entrepreneurs', isSample: false }] });
		expect((await listAssociations(db, { country: 'BE' }, 'fr')).items.map((item) => item.id)).toEqual([other.id]);
		expect((await listAssociations(db, { field: 'education' }, 'fr')).items.map((item) => item.id)).toEqual([created.id]);
		expect((await networkAssociations(db, 'maroc-entrepreneurs', 'ar')).items.map((item) => item.id)).toEqual([created.id]);
		expect((await associationCountries(db, 'fr')).map((entry) => [entry.value, entry.count])).toEqual([
			['BE', 1],
			['FR', 1]
		]);
		// the networks offered to a form, through the platform's link targets
		expect((await linkChoices(db, NETWORK_LINK, 'fr')).map((choice) => choice.value)).toContain(NETWORK);

		const page = await getAssociation(db, created.id, 'fr');
		expect(associationJsonLd(page.view, 'https://sharaka.example/fr/talents/associations/x', 'https://sharaka.example', 'fr')).toMatchObject({
			'@type': 'Organization',
			name: 'Compétences marocaines de Lyon',
			address: { addressLocality: 'Lyon', addressCountry: 'FR' },
			memberOf: [{ '@type': 'Organization', url: 'https://sharaka.example/fr/talents/networks/maroc-entrepreneurs' }]
		});
		// withdrawn: off the list and off the network's page
		await setDirectoryEntryStatus(contextFor(db, associationMember), associations, created.id, 'archived');
		expect((await networkAssociations(db, 'maroc-entrepreneurs', 'fr')).total).toBe(0);
		await setDirectoryEntryStatus(contextFor(db, moderator), associations, created.id, 'active');
	});

	it('are open data: the API and the CSV', async () => {
		const answer = await (await associationsApi(apiEvent(null, { search: '?country=fr&network=maroc-entrepreneurs&lang=en' }))).json();
		expect(answer.total).toBe(1);
		expect(answer.items[0]).toMatchObject({ country: 'FR', services: ['skills_transfer', 'education'] });
		expect((await associationsApi(apiEvent(null, { search: '?field=astrology' }))).status).toBe(400);
		expect((await associationsApi(apiEvent(null, { search: '?country=MA' }))).status).toBe(400);
		const csv = associationsCsv((await listAssociations(app.database.db, {}, 'fr')).items).split('\r\n');
		expect(csv[0]).toContain('id,name_fr,name_ar,name_en,organisation,country,city,fields,regions,networks');
		expect(csv[1]).toContain('maroc-entrepreneurs');
	});
});
