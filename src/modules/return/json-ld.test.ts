import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { aPerson, contextFor } from '../../platform/testing/people.ts';
import { organisation } from '../../platform/accounts/accounts.table.ts';
import { addNetworkService, decideMembership, findServices, requestMembership } from './network.ts';
import { loadReturnNetworkDemoData } from './return.data.ts';
import { ensureSchemes, listSchemes } from './schemes/schemes.service.ts';
import { schemesJsonLd, servicesJsonLd } from './json-ld.ts';

let app: TestApp;

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	const db = app.database.db;
	await loadReturnNetworkDemoData(db);
	await ensureSchemes(db);
	const [own] = await db.insert(organisation).values({ slug: 'amicale-retour', name: 'Amicale des retraités de retour', acronym: 'ARR', type: 'ngo' }).returning();
	const secretariat = await aPerson(db, { role: 'moderator' });
	const partner = await aPerson(db, { role: 'partner', organisationIds: [own.id] });
	await requestMembership(contextFor(db, partner), { organisationId: own.id, motivation: 'Nous accueillons les retraités qui rentrent au Maroc.' });
	await decideMembership(contextFor(db, secretariat), own.id, 'approve');
	await addNetworkService(contextFor(db, partner), {
		organisationId: own.id,
		name: { fr: 'Accueil des retraités de retour', ar: 'استقبال المتقاعدين العائدين' },
		description: { fr: 'Démarches de pension et de santé' },
		eligibility: { fr: 'Retraités rentrés depuis moins de deux ans' },
		services: ['administrative'],
		regions: ['MA-04'],
		cities: ['Rabat'],
		languages: ['ar', 'fr'],
		phone: '+212 5 37 00 00 00',
		email: null,
		address: null,
		website: 'https://amicale.example.ma'
	});
});

afterAll(async () => {
	await app?.close();
});

describe('the Return lists in schema.org', () => {
	it('describes the real services found with their provider, stages and places in the page language, leaving the fictional samples out', async () => {
		const found = await findServices(app.database.db, { page: 1, pageSize: 100 }, 'ar');
		expect(found.items.some((item) => item.isSample)).toBe(true);
		const list = servicesJsonLd(found.items, 'https://sharaka.test/ar/return/services', 'ar');
		expect(list['@type']).toBe('ItemList');
		expect(list.numberOfItems).toBe(1);
		const [{ item, position }] = list.itemListElement;
		expect(position).toBe(1);
		expect(item).toMatchObject({
			'@type': 'Service',
			name: 'استقبال المتقاعدين العائدين',
			provider: { '@type': 'Organization', name: 'Amicale des retraités de retour', alternateName: 'ARR' },
			availableLanguage: ['ar', 'fr'],
			availableChannel: { serviceUrl: 'https://amicale.example.ma', servicePhone: { telephone: '+212 5 37 00 00 00' } }
		});
		expect(item.areaServed).toEqual([{ '@type': 'AdministrativeArea', name: 'الرباط-سلا-القنيطرة' }, { '@type': 'City', name: 'Rabat' }]);
		expect(item.serviceType).toHaveLength(1);
		expect(item.serviceType[0]).toMatch(/\p{Script=Arabic}/u);
	});

	it('describes each host country’s scheme as a government service operated abroad for returns to Morocco', async () => {
		const schemes = await listSchemes(contextFor(app.database.db, null), {}, 'fr');
		const list = schemesJsonLd(schemes, 'https://sharaka.test/fr/return/schemes', 'fr');
		expect(list.numberOfItems).toBe(schemes.length);
		const swiss = list.itemListElement.find((entry) => entry.item.jurisdiction.identifier === 'CH')!.item;
		expect(swiss).toMatchObject({ '@type': 'GovernmentService', name: 'Dispositif suisse d’aide au retour', jurisdiction: { name: 'Suisse' }, areaServed: { identifier: 'MA', name: 'Maroc' } });
	});
});
