import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../platform/app.ts';
import { organisation } from '../../platform/accounts/accounts.table.ts';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { apiEvent } from '../../platform/testing/api-event.ts';
import { aPerson, contextFor, type Person } from '../../platform/testing/people.ts';
import { openReintegrationCase } from './reintegration.ts';
import { networkMember } from './return.table.ts';
import { GET as cases } from './routes/api/v1/return/cases/+server.ts';
import { GET as oneCase } from './routes/api/v1/return/cases/[id]/+server.ts';

let app: TestApp;
const holder = globalThis as typeof globalThis & { __sharakaApp?: Promise<App> };
let workerA: Person;
let workerB: Person;
let caseId: string;

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	holder.__sharakaApp = Promise.resolve(app);
	const db = app.database.db;
	const [a] = await db.insert(organisation).values({ slug: 'op-a', name: 'Opérateur A', type: 'ngo' }).returning();
	const [b] = await db.insert(organisation).values({ slug: 'op-b', name: 'Opérateur B', type: 'ngo' }).returning();
	await db.insert(networkMember).values([
		{ organisationId: a.id, status: 'member' },
		{ organisationId: b.id, status: 'member' }
	]);
	const worker = async (organisationId: string): Promise<Person> => {
		const person = await aPerson(db, { role: 'member' });
		return { ...person, actor: { ...person.actor, grants: [{ module: 'return', role: 'caseworker', organisationId, scope: null }] } };
	};
	workerA = await worker(a.id);
	workerB = await worker(b.id);
	const returnee = await aPerson(db, { role: 'member', name: 'Karima Retour' });
	const opened = await openReintegrationCase(contextFor(db, workerA.actor), {
		personUserId: returnee.actor.userId,
		operatorOrganisationId: a.id,
		consent: 'on',
		consentPurpose: 'Suivi de la réintégration',
		returnDate: '2026-09-15',
		hostCountry: 'BE',
		regionCode: 'MA-06',
		householdSize: '2'
	});
	caseId = opened.id;
});
afterAll(async () => {
	delete holder.__sharakaApp;
	await app?.close();
});

describe('the reintegration cases API', () => {
	it('gives a case worker their operator’s cases and one case; another operator’s case worker gets none and a 404', async () => {
		const listed = await (await cases(apiEvent(workerA))).json();
		expect(listed.items.map((row: { personName: string }) => row.personName)).toEqual(['Karima Retour']);
		const one = await oneCase(apiEvent(workerA, { params: { id: caseId } }));
		expect(one.status).toBe(200);
		expect((await one.json()).operator.name).toBe('Opérateur A');
		expect((await (await cases(apiEvent(workerB))).json()).total).toBe(0);
		expect((await oneCase(apiEvent(workerB, { params: { id: caseId } }))).status).toBe(404);
	});
});
