import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import { aPerson, contextFor } from '../../../platform/testing/people.ts';
import { organisation } from '../../../platform/accounts/accounts.table.ts';
import type { AuditContext } from '../../../platform/audit/audit.service.ts';
import type { Actor } from '../../../platform/policy/policy.ts';
import { approveOffer, createOffer, publishOffer } from '../jobs.service.ts';
import { deleteSavedSearch, describeQuery, listSavedSearches, MAX_SAVED_SEARCHES, saveSearch, searchPath } from './saved-searches.ts';
import { runJobsAlerts } from './alerts-cli.ts';
import { translate } from '../../../platform/i18n/translator.ts';

let app: TestApp;
const web: AuditContext = { actorUserId: null, actorLabel: 'test', channel: 'web' };
let employer: Actor;
let counsellor: Actor;
let organisationId: string;

async function publish(title: string, contractType: 'cdi' | 'cdd', at: Date) {
	const created = await createOffer(contextFor(app.database.db, employer, { audit: web }), organisationId, {
		title,
		description: 'Entretien des bâtiments.',
		occupationCode: '7126',
		skills: [],
		regionCode: 'MA-01',
		city: 'Tanger',
		contractType,
		workingTime: 'full_time',
		closingDate: '2099-01-01',
		languages: []
	});
	const published = await publishOffer(contextFor(app.database.db, employer, { audit: web, now: () => at }), created.id);
	if (published.status === 'pending_validation') await approveOffer(contextFor(app.database.db, counsellor, { audit: web, now: () => at }), created.id);
	return created.id;
}

const io = () => {
	const lines: string[] = [];
	return { lines, out: (text: string) => lines.push(text), err: (text: string) => lines.push(`ERR ${text}`) };
};

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	const [org] = await app.database.db.insert(organisation).values({ slug: 'plomberie-tanger', name: 'Plomberie Tanger', type: 'employer' }).returning();
	organisationId = org.id;
	employer = (await aPerson(app.database.db, { role: 'partner', organisationIds: [organisationId] })).actor;
	counsellor = (await aPerson(app.database.db, { role: 'counsellor' })).actor;
});
afterAll(async () => {
	await app.close();
});

describe('saved searches', () => {
	it('saves validated criteria once, lists and deletes them, only for their owner', async () => {
		const seeker = (await aPerson(app.database.db, { role: 'member' })).actor;
		const stranger = (await aPerson(app.database.db, { role: 'member' })).actor;
		const saved = await saveSearch(contextFor(app.database.db, seeker, { audit: web }), { q: 'plombier', contract: 'cdi', page: '3' });
		expect(saved.query).toEqual({ q: 'plombier', contract: 'cdi' });
		const again = await saveSearch(contextFor(app.database.db, seeker, { audit: web }), { contract: 'cdi', q: 'plombier' });
		expect(again.id).toBe(saved.id);
		await expect(saveSearch(contextFor(app.database.db, seeker, { audit: web }), {})).rejects.toMatchObject({ extra: { reason: 'search_empty' } });
		await expect(saveSearch(contextFor(app.database.db, seeker, { audit: web }), { contract: 'freelance' })).rejects.toMatchObject({ code: 'invalid_input' });
		await expect(saveSearch(contextFor(app.database.db, employer, { audit: web }), { q: 'x' })).rejects.toMatchObject({ code: 'forbidden' });
		expect(searchPath('fr', saved.query)).toBe('/fr/jobs?q=plombier&contract=cdi');
		expect(describeQuery(saved.query, 'fr')).toContain(translate('fr', 'jobs.contract_cdi'));
		expect(await listSavedSearches(contextFor(app.database.db, stranger))).toEqual([]);
		await expect(deleteSavedSearch(contextFor(app.database.db, stranger, { audit: web }), saved.id)).rejects.toMatchObject({ code: 'not_found' });
		for (let index = 1; index < MAX_SAVED_SEARCHES; index++) await saveSearch(contextFor(app.database.db, seeker, { audit: web }), { q: `mot${index}` });
		await expect(saveSearch(contextFor(app.database.db, seeker, { audit: web }), { q: 'un de trop' })).rejects.toMatchObject({ extra: { reason: 'too_many_searches' } });
		await deleteSavedSearch(contextFor(app.database.db, seeker, { audit: web }), saved.id);
		const left = await listSavedSearches(contextFor(app.database.db, seeker));
		expect(left).toHaveLength(MAX_SAVED_SEARCHES - 1);
		for (const search of left) await deleteSavedSearch(contextFor(app.database.db, seeker, { audit: web }), search.id);
	});

	it('npm run jobs:alerts e-mails each person once with the offers published since the last digest', async () => {
		const t0 = new Date('2027-05-01T08:00:00Z');
		const seeker = (await aPerson(app.database.db, { role: 'member', locale: 'ar' })).actor;
		const quiet = (await aPerson(app.database.db, { role: 'member' })).actor;
		await saveSearch(contextFor(app.database.db, seeker, { audit: web, now: () => t0 }), { q: 'plombier' }, true);
		await saveSearch(contextFor(app.database.db, seeker, { audit: web, now: () => t0 }), { contract: 'cdd' }, true);
		await saveSearch(contextFor(app.database.db, quiet, { audit: web, now: () => t0 }), { q: 'astronaute' }, true);
		await saveSearch(contextFor(app.database.db, quiet, { audit: web, now: () => t0 }), { q: 'plombier' }, false);
		await publish('Plombier sanitaire', 'cdi', new Date('2027-05-01T10:00:00Z'));
		await publish('Aide plombier', 'cdd', new Date('2027-05-01T11:00:00Z'));

		const before = (await app.outbox()).length;
		const first = io();
		expect(await runJobsAlerts(first, { database: app.database, mailer: app.mailer, now: new Date('2027-05-02T06:00:00Z'), env: { DATA_DIR: app.dataDir, LOG_LEVEL: 'silent' } })).toBe(0);
		expect(first.lines).toEqual(['1 alert e-mail sent.']);
		const mails = (await app.outbox()).slice(before);
		expect(mails).toHaveLength(1);
		expect(mails[0]).toContain(`${seeker.userId}@example.ma`);
		expect(mails[0]).toMatch(/Content-Language: ar/);

		// the next day, nothing new: nothing sent
		const second = io();
		await runJobsAlerts(second, { database: app.database, mailer: app.mailer, now: new Date('2027-05-03T06:00:00Z'), env: { DATA_DIR: app.dataDir, LOG_LEVEL: 'silent' } });
		expect(second.lines).toEqual(['No alert to send.']);
		expect((await app.outbox()).length).toBe(before + 1);
	});
});
