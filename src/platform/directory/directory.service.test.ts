import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refusalOf } from '../testing/refusal.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { aPerson, contextFor, type Person } from '../testing/people.ts';
import { organisation } from '../accounts/accounts.table.ts';
import {
	createDirectoryEntry,
	entryFunders,
	getDirectoryEntry,
	listEditableEntries,
	searchDirectory,
	type DirectoryCollection,
	type DirectoryEntryInput
} from './directory.service.ts';

// Two directories as two modules would declare them: same organisation, entries never mix.
const network: DirectoryCollection = {
	key: 'test.network',
	services: ['housing', 'legal_aid'],
	manageAction: 'support.programme.manage',
	contributeAction: 'support.programme.contribute',
	auditResource: 'network_member'
};
const clinics: DirectoryCollection = { ...network, key: 'test.clinics', services: ['health_referral'], auditResource: 'clinic' };

const entry = (organisationId: string, name: string, services: string[]): DirectoryEntryInput => ({
	organisationId,
	name: { fr: name },
	description: { fr: `${name} : accueil et orientation` },
	eligibility: {},
	services,
	regions: ['MA-04'],
	cities: ['Rabat'],
	languages: ['fr', 'ar'],
	phone: null,
	email: null,
	address: null,
	website: null
});


let app: TestApp;
let partner: Person;
let organisationId: string;
beforeAll(async () => {
	app = await createTestApp();
	const [owner] = await app.database.db.insert(organisation).values({ slug: 'maison-accueil', name: 'Maison d’accueil', type: 'ngo' }).returning();
	organisationId = owner.id;
	partner = await aPerson(app.database.db, { role: 'partner', organisationIds: [owner.id] });
});
afterAll(async () => {
	await app?.close();
});

describe('directories', () => {
	it('keeps each collection’s entries apart, in search, reading and editing lists', async () => {
		const ctx = contextFor(app.database.db, partner);
		const shelter = await createDirectoryEntry(ctx, network, entry(organisationId, 'Abri Rabat', ['housing']));
		const clinic = await createDirectoryEntry(ctx, clinics, entry(organisationId, 'Clinique Rabat', ['health_referral']));
		const query = { q: 'rabat', page: 1, pageSize: 20 };
		expect((await searchDirectory(app.database.db, network, query, 'fr')).items.map(({ entry }) => entry.id)).toEqual([shelter.id]);
		expect((await searchDirectory(app.database.db, clinics, query, 'fr')).facets.services).toEqual([{ value: 'health_referral', count: 1 }]);
		expect(await refusalOf(getDirectoryEntry(app.database.db, network, clinic.id))).toBe('not_found');
		expect((await listEditableEntries(app.database.db, clinics, partner.actor)).map(({ entry }) => entry.id)).toEqual([clinic.id]);
	});

	it('refuses a service outside the collection’s list, writing nothing', async () => {
		const ctx = contextFor(app.database.db, partner);
		expect(await refusalOf(createDirectoryEntry(ctx, clinics, entry(organisationId, 'Permanence', ['housing'])))).toBe('invalid_input');
		expect((await searchDirectory(app.database.db, clinics, { q: 'permanence', page: 1, pageSize: 20 }, 'fr')).total).toBe(0);
	});

	it('says who funds an entry, finds the entries a funder funds, and refuses a funder that is not in the registry', async () => {
		const ctx = contextFor(app.database.db, partner);
		const [ministry] = await app.database.db.insert(organisation).values({ slug: 'ministere-test', name: 'Ministère de test', acronym: 'MT', type: 'ministry' }).returning();
		const funded = await createDirectoryEntry(ctx, network, { ...entry(organisationId, 'Accompagnement financé', ['legal_aid']), funderIds: [ministry.id] });
		await createDirectoryEntry(ctx, network, entry(organisationId, 'Accompagnement bénévole', ['legal_aid']));
		const byMinistry = await searchDirectory(app.database.db, network, { q: 'accompagnement', funder: 'ministere-test', page: 1, pageSize: 20 }, 'fr');
		expect(byMinistry.items.map(({ entry }) => entry.id)).toEqual([funded.id]);
		expect((await entryFunders(app.database.db, [funded])).get(funded.id)?.map((funder) => funder.acronym)).toEqual(['MT']);
		const unknown = { ...entry(organisationId, 'Financement fantôme', ['legal_aid']), funderIds: [crypto.randomUUID()] };
		expect(await refusalOf(createDirectoryEntry(ctx, network, unknown))).toBe('invalid_input');
		expect((await searchDirectory(app.database.db, network, { q: 'fantome', page: 1, pageSize: 20 }, 'fr')).total).toBe(0);
	});
});
