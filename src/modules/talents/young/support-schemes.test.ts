import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import { aPerson, contextFor, type Person } from '../../../platform/testing/people.ts';
import { isAppError } from '../../../platform/http/app-error.ts';
import { organisation } from '../../../platform/accounts/accounts.table.ts';
import { auditEvent } from '../../../platform/audit/audit-event.table.ts';
import { backlinksTo, resolveLinks } from '../../../platform/kernel/links.ts';
import { createDirectoryEntry, setDirectoryEntryStatus, updateDirectoryEntry } from '../../../platform/directory/directory.service.ts';
import { saveProfile, setConsent, listPublicCards } from '../profile.service.ts';
import { apiEvent } from '../../../platform/testing/api-event.ts';
import type { App } from '../../../platform/app.ts';
import { GET as listApi } from '../routes/api/v1/talents/support-schemes/+server.ts';
import { listSchemes, SchemeForm, supportSchemes, youngReferences } from './support-schemes.ts';

let app: TestApp;
let moderator: Person;
let clerk: Person;
let otherClerk: Person;
let region: { id: string };
let bank: { id: string };
const holder = globalThis as typeof globalThis & { __sharakaApp?: Promise<App> };
const COMPONENT_2 = 'atlas.initiative:sharaka-composante-2-mobilisation-competences-mre';

const refusal = async (promise: Promise<unknown>) => {
	try {
		await promise;
		return 'ok';
	} catch (error) {
		if (isAppError(error)) return { code: error.code, fields: error.fields.map((field) => field.path).sort() };
		throw error;
	}
};

const form = (over: Record<string, unknown> = {}) =>
	SchemeForm.parse({
		organisationId: region.id,
		name_fr: 'Fonds d’amorçage des jeunes de la diaspora',
		name_ar: 'صندوق انطلاق مشاريع شباب مغاربة العالم',
		description_fr: 'Une avance remboursable et douze mois d’accompagnement.',
		services: ['funding', 'coaching'],
		regions: ['MA-02'],
		links: [COMPONENT_2],
		...over
	});

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	holder.__sharakaApp = Promise.resolve(app);
	const db = app.database.db;
	[region] = await db.insert(organisation).values({ slug: 'region-test', name: 'Région test', type: 'local_authority', country: 'MA' }).returning({ id: organisation.id });
	[bank] = await db.insert(organisation).values({ slug: 'banque-test', name: 'Banque test', type: 'employer', country: 'MA' }).returning({ id: organisation.id });
	moderator = await aPerson(db, { role: 'moderator' });
	clerk = await aPerson(db, { role: 'partner', organisationIds: [region.id] });
	otherClerk = await aPerson(db, { role: 'partner', organisationIds: [bank.id] });
});
afterAll(async () => {
	delete holder.__sharakaApp;
	await app?.close();
});

describe('support schemes for young entrepreneurs and investors', () => {
	it('refuses a form without a name or a service, and a link to an initiative that is not there', async () => {
		const parsed = SchemeForm.safeParse({ organisationId: region.id, name_fr: '', description_fr: '', services: [] }, { reportInput: true });
		expect(parsed.success).toBe(false);
		expect(parsed.error!.issues.map((issue) => issue.path.join('.')).sort()).toEqual(['description_fr', 'name_fr', 'services']);
		expect(await refusal(createDirectoryEntry(contextFor(app.database.db, clerk), supportSchemes, form({ links: ['atlas.initiative:nulle-part'] })))).toMatchObject({ code: 'invalid_input', fields: ['links'] });
	});

	it('are kept by an institution for its own organisation and by moderators, audited; another organisation may not touch them', async () => {
		const db = app.database.db;
		const created = await createDirectoryEntry(contextFor(db, clerk), supportSchemes, form());
		expect(await refusal(createDirectoryEntry(contextFor(db, clerk), supportSchemes, form({ organisationId: bank.id })))).toMatchObject({ code: 'forbidden' });
		expect(await refusal(updateDirectoryEntry(contextFor(db, otherClerk), supportSchemes, created.id, form({ organisationId: bank.id })))).toMatchObject({ code: 'forbidden' });
		await updateDirectoryEntry(contextFor(db, moderator), supportSchemes, created.id, form({ services: ['funding', 'guarantee'] }));
		const events = await db.select({ action: auditEvent.action }).from(auditEvent).where(and(eq(auditEvent.resourceType, 'talent_support_scheme'), eq(auditEvent.resourceId, created.id)));
		expect(events.map((event) => event.action).sort()).toEqual(['talent_support_scheme.create', 'talent_support_scheme.update']);
		// listed with its Atlas initiative named, through the platform's link targets
		const listed = await listSchemes(db, {}, 'ar');
		expect(listed.total).toBe(1);
		expect(listed.items[0]).toMatchObject({ services: ['funding', 'guarantee'], initiatives: [{ path: '/atlas/initiatives/sharaka-composante-2-mobilisation-competences-mre' }] });
		expect((await listSchemes(db, { service: 'incubation' }, 'fr')).total).toBe(0);
		expect((await listSchemes(db, { initiative: 'sharaka-composante-2-mobilisation-competences-mre' }, 'fr')).total).toBe(1);
		// the initiative's page in the Atlas lists them, without the Atlas importing this module
		expect(await backlinksTo(db, COMPONENT_2)).toContainEqual({ titleKey: 'young.schemes_of_initiative', count: 1, path: '/talents/young?initiative=sharaka-composante-2-mobilisation-competences-mre#schemes-title' });
		// archived: off the list and off the initiative's page
		await setDirectoryEntryStatus(contextFor(db, clerk), supportSchemes, created.id, 'archived');
		expect((await listSchemes(db, {}, 'fr')).total).toBe(0);
		expect((await backlinksTo(db, COMPONENT_2)).some((link) => link.titleKey === 'young.schemes_of_initiative')).toBe(false);
		await setDirectoryEntryStatus(contextFor(db, clerk), supportSchemes, created.id, 'active');
	});

	it('are open data, and the page’s real references resolve through the link targets', async () => {
		const answer = await (await listApi(apiEvent(null, { search: '?service=funding&lang=en' }))).json();
		expect(answer.total).toBe(1);
		expect((await listApi(apiEvent(null, { search: '?service=lottery' }))).status).toBe(400);
		expect((await resolveLinks(app.database.db, youngReferences, 'fr')).map((link) => link.path)).toEqual([
			'/knowledge/documents/synthese-jeunes-generations-mre-entrepreneuriat',
			'/knowledge/documents/etude-competences-jeunes-generations-mre',
			'/atlas/initiatives/sharaka-composante-2-mobilisation-competences-mre'
		]);
	});

	it('the cards filter by contribution, only where the card shows the contributions', async () => {
		const db = app.database.db;
		const shown = await aPerson(db);
		const hidden = await aPerson(db);
		for (const [who, fields] of [[shown, ['contributions']], [hidden, ['name']]] as const) {
			await saveProfile(contextFor(db, who), { hostCountry: 'BE', contributions: ['investment'] });
			await setConsent(contextFor(db, who), { level: 'public', cardFields: [...fields] });
		}
		const found = await listPublicCards(db, { contribution: 'investment' });
		expect(found.items.map((card) => card.id)).toEqual([shown.actor.userId]);
	});
});
