import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { App } from '../../../platform/app.ts';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import { apiEvent } from '../../../platform/testing/api-event.ts';
import { aPerson, contextFor, type Person } from '../../../platform/testing/people.ts';
import { organisation } from '../../../platform/accounts/accounts.table.ts';
import { approveProposal } from '../../../platform/moderation/moderation.service.ts';
import { GET as list, POST as propose } from '../routes/api/v1/talents/missions/+server.ts';
import { GET as one } from '../routes/api/v1/talents/missions/[slug]/+server.ts';
import { POST as proposeChange } from '../routes/api/v1/talents/missions/[slug]/changes/+server.ts';
import { DELETE as withdraw, PUT as interest } from '../routes/api/v1/talents/missions/[slug]/interest/+server.ts';
import { GET as exportMissions } from '../routes/[lang=lang]/talents/missions/export/+server.ts';
import { saveProfile } from '../profile.service.ts';
import { talentsSpace } from '../my-space.ts';
import { getMission, missionProposals } from './missions.service.ts';

let app: TestApp;
let clerk: Person;
let moderator: Person;
let talent: Person;
const holder = globalThis as typeof globalThis & { __sharakaApp?: Promise<App> };

const body = {
	title: { en: 'Digital archives of the commune' },
	context: { en: 'The commune digitises its civil registers and needs an archivist for two weeks.' },
	region: 'MA-06',
	sector: 'public_administration',
	skills: ['digital'],
	mode: 'on_site',
	durationDays: 10,
	travelCovered: true
};

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	holder.__sharakaApp = Promise.resolve(app);
	const [commune] = await app.database.db.insert(organisation).values({ slug: 'commune-test', name: 'Commune test', type: 'local_authority', country: 'MA' }).returning();
	clerk = await aPerson(app.database.db, { role: 'partner', organisationIds: [commune.id] });
	moderator = await aPerson(app.database.db, { role: 'moderator' });
	talent = await aPerson(app.database.db);
	await saveProfile(contextFor(app.database.db, talent), { hostCountry: 'FR', skills: ['digital'] });
	(body as Record<string, unknown>).organisationId = commune.id;
});
afterAll(async () => {
	delete holder.__sharakaApp;
	await app?.close();
});

describe('the missions API', () => {
	it('takes an organisation’s proposal with a token, refusing bad input with localised fields', async () => {
		const wrong = await propose(apiEvent(clerk, { method: 'POST', json: { ...body, skills: [], context: {} }, language: 'fr' }));
		expect(wrong.status).toBe(400);
		const problem = await wrong.json();
		expect(problem.error.details.fields.map((field: { path: string }) => field.path)).toEqual(['skills', 'context.en']);
		expect(problem.error.details.fields[0].message).toMatch(/\S/);
		const created = await propose(apiEvent(clerk, { method: 'POST', json: { ...body, comment: 'Urgent' } }));
		expect(created.status).toBe(201);
		const answer = await created.json();
		expect(answer).toMatchObject({ proposal: { status: 'pending' }, published: null });
		expect((await (await list(apiEvent(null))).json()).total).toBe(0);
		await approveProposal(contextFor(app.database.db, moderator), missionProposals, answer.proposal.id);
	});

	it('lists and shows published missions, as JSON, CSV and XLSX', async () => {
		const page = await (await list(apiEvent(null, { search: '?region=MA-06&mode=on_site' }))).json();
		expect(page.items).toMatchObject([{ slug: 'digital-archives-of-the-commune', organisation: { name: 'Commune test' }, status: 'open', isSample: false }]);
		const detail = await (await one(apiEvent(null, { params: { slug: 'digital-archives-of-the-commune' } }))).json();
		expect(detail).toMatchObject({ durationDays: 10, travelCovered: true, stayCovered: false, report: null });
		expect((await one(apiEvent(null, { params: { slug: 'nothing-here' } }))).status).toBe(404);
		expect((await list(apiEvent(null, { search: '?mode=flying' }))).status).toBe(400);
		const csv = await (await exportMissions(apiEvent(null, { search: '?format=csv' }))).text();
		expect(csv.split('\n')[0]).toContain('slug,title_fr,title_ar,title_en');
		expect(csv).toContain('digital-archives-of-the-commune');
		const book = new ExcelJS.Workbook();
		await book.xlsx.load(Buffer.from(await (await exportMissions(apiEvent(null, { search: '?format=xlsx' }))).arrayBuffer()) as never);
		expect(book.worksheets[0].rowCount).toBe(2);
	});

	it('takes a change of a published mission from its organisation, based on the version read, 409 when stale', async () => {
		const params = { slug: 'digital-archives-of-the-commune' };
		const changed = { ...body, organisationId: undefined, durationDays: 12, title: { en: 'Digital archives of the commune (12 days)' } };
		// another organisation's member does not see it; a talent is not an institution
		const outsider = await aPerson(app.database.db, { role: 'partner' });
		expect((await proposeChange(apiEvent(outsider, { method: 'POST', params, json: { ...changed, baseVersion: 1 } }))).status).toBe(404);
		expect((await proposeChange(apiEvent(talent, { method: 'POST', params, json: { ...changed, baseVersion: 1 } }))).status).toBe(403);
		// the same validation as a new mission, with localised field paths; the base version is required
		const wrong = await proposeChange(apiEvent(clerk, { method: 'POST', params, json: { ...changed, baseVersion: 1, skills: [] }, language: 'ar' }));
		expect(wrong.status).toBe(400);
		expect((await wrong.json()).error.details.fields.map((field: { path: string }) => field.path)).toEqual(['skills']);
		expect((await proposeChange(apiEvent(clerk, { method: 'POST', params, json: changed }))).status).toBe(400);
		const stale = await proposeChange(apiEvent(clerk, { method: 'POST', params, json: { ...changed, baseVersion: 4 } }));
		expect(stale.status).toBe(409);
		expect((await stale.json()).error.details).toMatchObject({ reason: 'stale_version', currentVersion: 1 });
		const created = await proposeChange(apiEvent(clerk, { method: 'POST', params, json: { ...changed, baseVersion: 1, comment: 'Two more days.' } }));
		expect(created.status).toBe(201);
		const { proposal } = await created.json();
		expect(proposal).toMatchObject({ status: 'pending', baseVersion: 1 });
		// nothing changes until a moderator publishes it, as the next version
		expect((await getMission(app.database.db, params.slug)).version).toBe(1);
		await approveProposal(contextFor(app.database.db, moderator), missionProposals, proposal.id);
		expect(await getMission(app.database.db, params.slug)).toMatchObject({ version: 2, durationDays: 12, title: { en: 'Digital archives of the commune (12 days)' } });
	});

	it('records a talent’s interest and its withdrawal, and counts it in the organisation’s space', async () => {
		const params = { slug: 'digital-archives-of-the-commune' };
		expect((await interest(apiEvent(talent, { method: 'PUT', params, json: { note: 'x'.repeat(600) } }))).status).toBe(400);
		const saved = await interest(apiEvent(talent, { method: 'PUT', params, json: { note: 'Archiviste à Lyon.' } }));
		expect(await saved.json()).toMatchObject({ interested: true });
		const space = await talentsSpace(contextFor(app.database.db, clerk));
		expect(space.find((link) => link.path === '/talents/missions/mine')?.waiting?.count).toBe(1);
		expect(await (await withdraw(apiEvent(talent, { method: 'DELETE', params }))).json()).toEqual({ interested: false, at: null });
		const talentLinks = await talentsSpace(contextFor(app.database.db, talent));
		expect(talentLinks.map((link) => link.path)).toContain('/talents/missions/for-me');
		const moderatorLinks = await talentsSpace(contextFor(app.database.db, moderator));
		expect(moderatorLinks.find((link) => link.path === '/talents/missions/moderation')?.waiting?.count).toBe(0);
	});
});
