import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refusalOf } from '../testing/refusal.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { aPerson, contextFor, type Person } from '../testing/people.ts';
import { organisation } from '../accounts/accounts.table.ts';
import { eq } from 'drizzle-orm';
import { directoryEntry, directoryEntryVersion } from './directory.table.ts';
import {
	createDirectoryEntry,
	directoryEntryVersionData,
	entryFunders,
	getDirectoryEntry,
	listEditableEntries,
	searchDirectory,
	updateDirectoryEntry,
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

	it('keeps each change of an entry’s data as its next version, with its author, and refuses a change made on an older one', async () => {
		const db = app.database.db;
		const ctx = contextFor(db, partner);
		const created = await createDirectoryEntry(ctx, network, entry(organisationId, 'Permanence juridique', ['legal_aid']));
		expect(created.version).toBe(1);
		const changed = await updateDirectoryEntry(ctx, network, created.id, { ...entry(organisationId, 'Permanence juridique', ['legal_aid']), openingHours: { fr: 'Le mardi, 9 h – 12 h' } }, { expectedVersion: 1 });
		expect(changed.version).toBe(2);
		// the same data again is no new version
		expect((await updateDirectoryEntry(ctx, network, created.id, { ...entry(organisationId, 'Permanence juridique', ['legal_aid']), openingHours: { fr: 'Le mardi, 9 h – 12 h' } })).version).toBe(2);
		expect((await directoryEntryVersionData(db, created.id, 1))?.openingHours).toEqual({});
		expect((await directoryEntryVersionData(db, created.id, 2))?.openingHours).toEqual({ fr: 'Le mardi, 9 h – 12 h' });
		const versions = await db.select().from(directoryEntryVersion).where(eq(directoryEntryVersion.entryId, created.id));
		expect(versions.map((row) => [row.number, row.authorUserId])).toEqual([
			[1, partner.actor.userId],
			[2, partner.actor.userId]
		]);
		expect(await refusalOf(updateDirectoryEntry(ctx, network, created.id, entry(organisationId, 'Permanence du soir', ['legal_aid']), { expectedVersion: 1 }))).toBe('conflict');
		expect((await getDirectoryEntry(db, network, created.id)).entry.name).toEqual({ fr: 'Permanence juridique' });
	});

	it('keeps the first version of an entry written straight into the table when it is first changed', async () => {
		const db = app.database.db;
		const [seeded] = await db
			.insert(directoryEntry)
			.values({ collection: network.key, ...entry(organisationId, 'Accueil des seeds', ['housing']) })
			.returning();
		expect((await directoryEntryVersionData(db, seeded.id, 1))?.name).toEqual({ fr: 'Accueil des seeds' });
		await updateDirectoryEntry(contextFor(db, partner), network, seeded.id, entry(organisationId, 'Accueil des seeds, à Salé', ['housing']));
		expect((await directoryEntryVersionData(db, seeded.id, 1))?.name).toEqual({ fr: 'Accueil des seeds' });
		expect((await directoryEntryVersionData(db, seeded.id, 2))?.name).toEqual({ fr: 'Accueil des seeds, à Salé' });
		expect(await directoryEntryVersionData(db, seeded.id, 3)).toBeNull();
	});
});
