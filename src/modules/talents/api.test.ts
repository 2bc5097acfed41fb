import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { App } from '../../platform/app.ts';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { apiEvent } from '../../platform/testing/api-event.ts';
import { aPerson, contextFor } from '../../platform/testing/people.ts';
import { GET as networks } from './routes/api/v1/talents/networks/+server.ts';
import { GET as cards } from './routes/api/v1/talents/cards/+server.ts';
import { GET as networkNews } from './routes/api/v1/talents/networks/[slug]/news/+server.ts';
import { GET as newsFeed } from './routes/[lang=lang]/talents/networks/[slug]/news/feed/+server.ts';
import { postAnnouncement } from './announcements.service.ts';
import { GET as exportNetworks } from './routes/[lang=lang]/talents/networks/export/+server.ts';
import { saveProfile, setConsent } from './profile.service.ts';
import { accessGrant } from '../../platform/accounts/access-grant.table.ts';
import { talentsSpace } from './my-space.ts';
import { joinNetwork } from './networks.service.ts';

let app: TestApp;
const holder = globalThis as typeof globalThis & { __sharakaApp?: Promise<App> };

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	holder.__sharakaApp = Promise.resolve(app);
});
afterAll(async () => {
	delete holder.__sharakaApp;
	await app?.close();
});

describe('the Talents API and open data', () => {
	it('lists the networks with their sources, as JSON, CSV and XLSX', async () => {
		const body = await (await networks(apiEvent(null))).json();
		expect(body.items.find((item: { slug: string }) => item.slug === 'reseau-competences-dmk-allemagne')).toMatchObject({ country: 'DE', members: null, isSample: false });
		const csv = await (await exportNetworks(apiEvent(null, { search: '?format=csv' }))).text();
		expect(csv.split('\n')[0]).toContain('slug,kind,name_fr');
		expect(csv).toContain('reseau-competences-dmk-allemagne');
		const xlsx = await exportNetworks(apiEvent(null, { search: '?format=xlsx' }));
		const book = new ExcelJS.Workbook();
		await book.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
		expect(book.worksheets[0].rowCount).toBe(body.items.length + 1);
	});

	it('gives a network’s published news, never the members’ announcements, and their Atom feed', async () => {
		const slug = 'reseau-competences-dmk-allemagne';
		const person = await aPerson(app.database.db);
		const coordinator = { ...person.actor, grants: [{ module: 'talents', role: 'coordinator', organisationId: null, scope: slug }] };
		const queue = { send: async () => 'job' };
		await postAnnouncement(contextFor(app.database.db, coordinator), slug, { subject: { fr: 'Pour les membres' }, body: { fr: 'Privé' } }, queue);
		await postAnnouncement(contextFor(app.database.db, coordinator), slug, { subject: { en: 'Open day' }, body: { en: 'In Berlin.' }, publish: true }, queue);
		const body = await (await networkNews(apiEvent(null, { params: { slug } }))).json();
		expect(body).toMatchObject({ total: 1, page: 1, pageSize: 20, items: [{ title: { en: 'Open day' }, body: { en: 'In Berlin.' } }] });
		expect(typeof body.items[0].publishedAt).toBe('string');
		expect((await networkNews(apiEvent(null, { params: { slug: 'absent' } }))).status).toBe(404);
		expect((await networkNews(apiEvent(null, { params: { slug }, search: '?page=0' }))).status).toBe(400);
		const feed = await newsFeed(apiEvent(null, { params: { slug }, language: 'fr' }));
		expect(feed.headers.get('content-type')).toContain('application/atom+xml');
		const xml = await feed.text();
		expect(xml).toContain('<title xml:lang="en">Open day</title>');
		expect(xml).not.toContain('Pour les membres');
		expect((await newsFeed(apiEvent(null, { params: { slug: 'absent' } }))).status).toBe(404);
	});

	it('gives only consented public cards, and refuses a malformed filter with its field', async () => {
		const shown = await aPerson(app.database.db, { name: 'Nadia Berrada' });
		const hidden = await aPerson(app.database.db, { name: 'Omar Hidden' });
		for (const person of [shown, hidden]) await saveProfile(contextFor(app.database.db, person), { hostCountry: 'BE', skills: ['law'] });
		await setConsent(contextFor(app.database.db, shown), { level: 'public', cardFields: ['name', 'skills'] });
		await setConsent(contextFor(app.database.db, hidden), { level: 'institutions' });
		const body = await (await cards(apiEvent(null, { search: '?skill=law' }))).json();
		expect(body.items).toEqual([{ id: shown.actor.userId, isSample: false, name: 'Nadia Berrada', skills: ['law'], otherSkills: [] }]);
		const wrong = await cards(apiEvent(null, { search: '?skill=juggling', language: 'fr' }));
		expect(wrong.status).toBe(400);
		expect(JSON.stringify(await wrong.json())).toContain('skill');
	});

	it('leads a talent to their profile, a coordinator to the requests waiting in their network', async () => {
		const db = app.database.db;
		const talent = await aPerson(db);
		// and a member without a profile to the mentors (mentoring.service.test.ts covers the rest)
		expect((await talentsSpace(contextFor(db, talent))).map((link) => [link.path, link.titleKey])).toEqual([
			['/talents/profile', 'talents.space_profile_new'],
			['/talents/mentoring', 'mentoring.space_find']
		]);
		await saveProfile(contextFor(db, talent), { hostCountry: 'DE' });
		await joinNetwork(contextFor(db, talent), 'reseau-competences-dmk-allemagne');
		const person = await aPerson(db);
		await db.insert(accessGrant).values({ userId: person.actor.userId, module: 'talents', role: 'coordinator', scope: 'reseau-competences-dmk-allemagne' });
		const coordinator = { ...person.actor, grants: [{ module: 'talents', role: 'coordinator', organisationId: null, scope: 'reseau-competences-dmk-allemagne' }] };
		const links = await talentsSpace(contextFor(db, coordinator));
		expect(links.find((link) => link.path === '/talents/networks/reseau-competences-dmk-allemagne/requests')?.waiting?.count).toBe(1);
	});
});
