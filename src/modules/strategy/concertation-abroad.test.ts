// Regional concertation in the RECOSA partner countries (issue #13, item 5): a body belongs to a country and to a
// region of that country; a partner country's ministry — the owners and reporters of its strategies — creates, edits
// and runs its bodies, never another country's; a region of another country is refused in words, nothing changed;
// the region's page, the lists, the exports and the API carry the body's country and region.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { App } from '../../platform/app.ts';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { aPerson, contextFor, type Person } from '../../platform/testing/people.ts';
import { apiEvent } from '../../platform/testing/api-event.ts';
import { refusalWithReason as refusal } from '../../platform/testing/refusal.ts';
import { organisation } from '../../platform/accounts/accounts.table.ts';
import { auditEvent } from '../../platform/audit/audit-event.table.ts';
import { translate } from '../../platform/i18n/translator.ts';
import { recordMinutes, scheduleMeeting, workspaceHome } from '../../platform/workspace/workspace.service.ts';
import { bodiesOfRegion, bodyDetail, bodyForEdit, createBody, listBodies, mayEnterSpace, recordDecision, secretariatQueues, spaceOf, updateBody } from './concertation.service.ts';
import { countriesManaged } from './concertation-access.ts';
import { placeByCode } from './places.ts';
import { createContext } from '../../platform/kernel/context.ts';
import { systemContext } from '../../platform/audit/audit.service.ts';
import { bodyChoices, bodyFailure, bodyFromForm } from './concertation-form.ts';
import { followUpRecommendation, recommendationDetail } from './recommendations.service.ts';
import { createStrategy } from './strategy.service.ts';
import { strategySpace } from './my-space.ts';
import { ConcertationBodySummary } from './strategy.schemas.ts';
import { concertationBody, strategy, type ConcertationBodyRow } from './strategy.table.ts';
import { GET as bodiesApi } from './routes/api/v1/strategy/concertation-bodies/+server.ts';
import { GET as exportBodies } from './routes/[lang=lang]/strategy/concertation/export/+server.ts';

let app: TestApp;
const holder = globalThis as typeof globalThis & { __sharakaApp?: Promise<App> };
let moderator: Person;
let senegalOwner: Person;
let senegalReporter: Person;
let maliReporter: Person;
let sniaReporter: Person;
let sniaOwner: Person;
let visitor: Person;
let association: string;
let senegalPlan: string;
let thies: ConcertationBodyRow;
let now = new Date('2026-03-01T10:00:00Z');

const as = (who: Person, language: 'fr' | 'ar' | 'en' = 'fr') => contextFor(app.database.db, who, { now: () => now, language });
/** A person holding a grant of the Strategy module limited to one strategy. */
const holding = async (role: string, scope: string) => {
	const person = await aPerson(app.database.db);
	person.actor.grants = [{ module: 'strategy', role, organisationId: null, scope }];
	return person;
};
const senegalBody = (over: Record<string, unknown> = {}) => ({
	country: 'SN',
	region: 'SN-TH',
	name: { fr: 'Cadre régional de concertation sur la migration de Thiès (test)' },
	termsOfReference: { fr: 'Suivre deux fois par an la mise en œuvre régionale du plan d’action du Sénégal.' },
	strategyId: senegalPlan,
	members: [{ organisationId: association, role: 'chair' }],
	...over
});
const decision = { language: 'fr', text: 'Informer les lycées de Thiès sur la mobilité régulière.', ownerOrganisationId: '', dueOn: '2026-06-30' };
/** What a region's page shows of its concertation (the page reads it so), for a person or a visitor. */
const regionData = async (region: string, language: 'fr' | 'ar', who: Person | null = null) => {
	const place = placeByCode(region)!;
	return bodiesOfRegion(who ? as(who, language) : createContext({ db: app.database.db, actor: null, language, audit: systemContext() }), place);
};

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	holder.__sharakaApp = Promise.resolve(app);
	const db = app.database.db;
	association = (await db.insert(organisation).values({ slug: 'association-thies-test', name: 'Association des migrants de retour de Thiès (test)', type: 'ngo', country: 'SN' }).returning())[0].id;
	[{ id: senegalPlan }] = await db.select({ id: strategy.id }).from(strategy).where(eq(strategy.slug, 'recosa-plan-action-senegal'));
	moderator = await aPerson(db, { role: 'moderator' });
	senegalOwner = await holding('owner', 'recosa-plan-action-senegal');
	senegalReporter = await holding('reporter', 'recosa-plan-action-senegal');
	maliReporter = await holding('reporter', 'recosa-plan-action-mali');
	sniaReporter = await holding('reporter', 'snia');
	sniaOwner = await holding('owner', 'snia');
	visitor = await aPerson(db);
});
afterAll(async () => {
	delete holder.__sharakaApp;
	await app?.close();
});

describe('concertation bodies of the RECOSA partner countries', () => {
	it('holds the seeds’ concertation space of the Kayes region (Mali), the Oriental’s model, with its sources and nothing invented', async () => {
		const [kayes] = (await listBodies(app.database.db, 'ar', { country: 'ML' })).filter((entry) => !entry.isSample);
		expect(kayes).toMatchObject({ country: 'ML', countryName: 'مالي', region: 'ML-1', regionName: 'منطقة كايس', regionLanguage: 'ar', members: 0, lastMeeting: null, establishedOn: null, strategy: null });
		expect(kayes.sources.map((source) => source.citation.slice(0, 8))).toEqual(['Seed 001', 'Seed 001', 'Seed 002']);
		expect(kayes.sources[0].citation).toContain('depuis 10 ans dans la région de Kayes');
		// the bodies written before countries are Morocco's
		const [oriental] = (await listBodies(app.database.db, 'fr', { region: 'MA-02' })).filter((entry) => !entry.isSample);
		expect(oriental).toMatchObject({ country: 'MA', countryName: 'Maroc', regionName: 'Oriental' });
	});

	it('lets an owner of Senegal’s plan create a body in a Senegalese region, audited; the region’s page lists it in Arabic', async () => {
		const db = app.database.db;
		expect(await countriesManaged(as(senegalOwner))).toEqual(['SN']);
		expect(await countriesManaged(as(moderator))).toEqual(['MA', 'CI', 'ML', 'SN']);
		// the form offers the owner Senegal and its 14 regions, named in the page's language, and Senegal's plans only
		const choices = await bodyChoices(db, 'ar', await countriesManaged(as(senegalOwner)));
		expect(choices.countries).toEqual([{ value: 'SN', label: 'السنغال' }]);
		expect(choices.regionGroups).toHaveLength(1);
		expect(choices.regionGroups[0].choices.find((choice) => choice.value === 'SN-TH')).toMatchObject({ label: 'ثيس', lang: 'ar' });
		expect(choices.strategies.map((entry) => entry.value)).toEqual([senegalPlan]);

		thies = await createBody(as(senegalOwner), senegalBody());
		expect(thies).toMatchObject({ country: 'SN', region: 'SN-TH', strategyId: senegalPlan, createdBy: senegalOwner.actor.userId });
		const [audited] = await db.select().from(auditEvent).where(and(eq(auditEvent.action, 'strategy_concertation.create'), eq(auditEvent.resourceId, thies.id)));
		expect(audited.actorUserId).toBe(senegalOwner.actor.userId);
		expect(audited.after).toMatchObject({ country: 'SN', region: 'SN-TH' });

		// listed by country and by region, with the country and region in the summaries
		expect((await listBodies(db, 'fr', { country: 'SN' })).map((entry) => entry.slug)).toEqual([thies.slug]);
		expect((await listBodies(db, 'fr', { country: 'ML' })).map((entry) => entry.slug)).not.toContain(thies.slug);
		const detail = await bodyDetail(db, thies.slug, 'en');
		expect(detail).toMatchObject({ country: 'SN', countryName: 'Senegal', region: 'SN-TH', regionName: 'Thiès', strategy: { slug: 'recosa-plan-action-senegal' }, members: 1 });
		// the region's page, in Arabic: the body with its region's and country's names; "create one here" for its managers only
		const page = await regionData('SN-TH', 'ar', senegalOwner);
		expect(page.bodies.map((body) => [body.slug, body.regionName, body.countryName])).toEqual([[thies.slug, 'ثيس', 'السنغال']]);
		expect(page.canCreate).toBe(true);
		expect((await regionData('SN-TH', 'ar', sniaReporter)).canCreate).toBe(false);
		expect((await regionData('SN-TH', 'ar')).canCreate).toBe(false);
		expect((await regionData('ML-1', 'fr')).bodies.map((body) => body.country)).toEqual(['ML']);

		// the API and the export carry the country
		const listed = await bodiesApi(apiEvent(null, { search: '?country=SN', language: 'ar' }));
		const { items } = await listed.json();
		expect(items.map((item: { slug: string }) => item.slug)).toEqual([thies.slug]);
		for (const item of items) expect(ConcertationBodySummary.safeParse(item).success).toBe(true);
		expect(items[0]).toMatchObject({ country: 'SN', countryName: 'السنغال', region: 'SN-TH', regionName: 'ثيس' });
		expect((await bodiesApi(apiEvent(null, { search: '?country=XX' }))).status).toBe(400);
		const csv = (await (await exportBodies(apiEvent(null, { params: { lang: 'fr' }, search: '?region=SN-TH&format=csv', language: 'fr' }))).text()).trim().split(/\r?\n/);
		expect(csv[0]).toContain('Code du pays (ISO 3166-1)');
		expect(csv[1]).toContain(',Sénégal,SN,Thiès,SN-TH,');
	});

	it('refuses a region of another country than the body’s, and a plan of another country, in words, nothing changed', async () => {
		const db = app.database.db;
		const count = await db.$count(concertationBody);
		expect(await refusal(createBody(as(senegalOwner), senegalBody({ region: 'MA-02', name: { fr: 'Instance mal placée (test)' } })))).toBe('invalid_input:region_of_another_country');
		expect(await refusal(createBody(as(moderator), senegalBody({ country: 'ML', region: 'SN-TH', strategyId: undefined, name: { fr: 'Autre instance mal placée (test)' } })))).toBe('invalid_input:region_of_another_country');
		const [snia] = await db.select({ id: strategy.id }).from(strategy).where(eq(strategy.slug, 'snia'));
		expect(await refusal(createBody(as(senegalOwner), senegalBody({ strategyId: snia.id, name: { fr: 'Instance qui suit la SNIA (test)' } })))).toBe('invalid_input:strategy_of_another_country');
		expect(await refusal(updateBody(as(senegalOwner), thies.slug, senegalBody({ region: 'ML-1' })))).toBe('invalid_input:region_of_another_country');
		expect(await db.$count(concertationBody)).toBe(count);
		expect((await bodyDetail(db, thies.slug, 'fr')).region).toBe('SN-TH');
		// the form says it on the region's field, in the page's language, naming the body's country
		for (const language of ['fr', 'ar'] as const) {
			const refused = await createBody(as(senegalOwner, language), senegalBody({ region: 'MA-02' })).catch((failure: unknown) => failure);
			const form = bodyFailure(language, refused, { country: 'SN', region: 'MA-02', name_fr: 'Instance' }) as unknown as { data: { errors: Record<string, string> } };
			expect(form.data.errors.region).toBe(translate(language, 'strategy.concertation_error_region_of_another_country', { country: language === 'fr' ? 'Sénégal' : 'السنغال' }));
		}
		// and the database refuses it too
		await expect(db.update(concertationBody).set({ region: 'MA-02' }).where(eq(concertationBody.id, thies.id))).rejects.toThrow();
	});

	it('keeps each country’s bodies to its own strategies’ owners and reporters: a Moroccan strategy’s reporter manages no Malian body', async () => {
		const [kayes] = await listBodies(app.database.db, 'fr', { region: 'ML-1' });
		const kayesInput = { country: 'ML', region: 'ML-1', name: kayes.names, termsOfReference: { fr: 'Concertation régionale sur les migrations (test).' } };
		// a reporter and an owner of the SNIA: no body abroad, and Morocco's bodies stay the moderators'
		for (const person of [sniaReporter, sniaOwner]) {
			expect(await countriesManaged(as(person))).toEqual([]);
			expect(await refusal(createBody(as(person), { ...kayesInput, name: { fr: 'Instance de Kayes (test)' } }))).toBe('forbidden:');
			expect(await refusal(updateBody(as(person), kayes.slug, kayesInput))).toBe('forbidden:');
			expect(await refusal(bodyForEdit(as(person), kayes.slug))).toBe('forbidden:');
			expect(await refusal(createBody(as(person), { country: 'MA', region: 'MA-02', name: { fr: 'Instance de l’Oriental (test)' }, termsOfReference: { fr: 'Suivi.' } }))).toBe('forbidden:');
		}
		// Senegal's people: not Mali's bodies, nor Morocco's; a body of theirs does not move to Mali
		expect(await refusal(updateBody(as(senegalOwner), kayes.slug, kayesInput))).toBe('forbidden:');
		expect(await refusal(createBody(as(senegalReporter), { ...kayesInput, name: { fr: 'Instance de Kayes (test)' } }))).toBe('forbidden:');
		const [oriental] = (await listBodies(app.database.db, 'fr', { region: 'MA-02' })).filter((entry) => !entry.isSample);
		expect(await refusal(bodyForEdit(as(senegalOwner), oriental.slug))).toBe('forbidden:');
		expect(await refusal(updateBody(as(senegalOwner), thies.slug, senegalBody({ country: 'ML', region: 'ML-1', strategyId: undefined })))).toBe('forbidden:');
		// someone with no grant: nothing
		expect(await refusal(createBody(as(visitor), senegalBody()))).toBe('forbidden:');
		// Mali's reporter manages Kayes' body
		const { row } = await bodyForEdit(as(maliReporter), kayes.slug);
		expect(row.country).toBe('ML');
		const saved = await updateBody(as(maliReporter), kayes.slug, { ...kayesInput, termsOfReference: row.termsOfReference, status: 'dormant' });
		expect(saved).toMatchObject({ country: 'ML', region: 'ML-1', status: 'dormant' });
	});

	it('lets Senegal’s owners and reporters run the body: a meeting, its minutes, a decision followed to done; others are refused', async () => {
		const db = app.database.db;
		const space = await spaceOf(db, thies.slug);
		expect((await workspaceHome(as(senegalReporter), space)).manages).toBe(true);
		expect(await mayEnterSpace(as(senegalOwner), space)).toBe(true);
		for (const person of [sniaReporter, sniaOwner, maliReporter, visitor]) {
			expect(await mayEnterSpace(as(person), space)).toBe(false);
			expect(await refusal(scheduleMeeting(as(person), space, { language: 'fr', title: 'Réunion', startsAt: '2026-03-10T10:00', mode: 'online', place: 'En ligne', agenda: 'Ordre du jour' }))).toBe('forbidden:');
		}
		const { meeting } = await scheduleMeeting(as(senegalReporter), space, { language: 'fr', title: 'Réunion semestrielle', startsAt: '2026-03-10T10:00', mode: 'in_person', place: 'Thiès', agenda: '1. Bilan\n2. Décisions' });
		now = new Date('2026-03-11T09:00:00Z');
		await recordMinutes(as(senegalReporter), space, meeting.id, { minutes: 'Le comité a décidé d’informer les lycées.', attendees: [association] });
		for (const person of [sniaReporter, sniaOwner, maliReporter]) expect(await refusal(recordDecision(as(person), thies.slug, meeting.id, decision))).toBe('forbidden:');
		const row = await recordDecision(as(senegalOwner), thies.slug, meeting.id, { ...decision, ownerOrganisationId: association });
		expect(row).toMatchObject({ kind: 'decision', concertationBodyId: thies.id, meetingId: meeting.id, createdBy: senegalOwner.actor.userId });
		expect(await refusal(followUpRecommendation(as(sniaReporter), row.id, { status: 'in_progress', note: 'Rien' }))).toBe('forbidden:');
		expect(await refusal(followUpRecommendation(as(maliReporter), row.id, { status: 'in_progress', note: 'Rien' }))).toBe('forbidden:');
		now = new Date('2026-05-02T09:00:00Z');
		await followUpRecommendation(as(senegalReporter), row.id, { status: 'done', note: 'Trois sessions tenues dans les lycées de Thiès.' });
		expect((await recommendationDetail(db, row.id, 'fr', now)).item).toMatchObject({ status: 'done', body: { slug: thies.slug, country: 'SN' } });
		expect((await bodyDetail(db, thies.slug, 'fr', now)).decisions.map((item) => item.status)).toEqual(['done']);
		// their space: the body's queues, and the link to their country's bodies
		expect((await secretariatQueues(as(senegalOwner))).bodies.map((body) => body.slug)).toEqual([thies.slug]);
		expect((await secretariatQueues(as(sniaOwner))).bodies).toEqual([]);
		const links = await strategySpace(as(senegalReporter));
		expect(links.find((link) => link.titleKey === 'strategy.space_concertation_abroad')).toMatchObject({ path: '/strategy/concertation?country=SN', waiting: { count: 1 } });
		expect((await strategySpace(as(sniaReporter))).some((link) => link.titleKey === 'strategy.space_concertation_abroad')).toBe(false);
	});

	it('reads the form again after a refusal without the blank member row, whose role a select filled (no JavaScript)', () => {
		const input = bodyFromForm({ country: 'SN', region: 'SN-SL', 'members.0.organisationId': association, 'members.0.role': 'chair', 'members.1.organisationId': '', 'members.1.role': 'chair', 'members.1.since': '' });
		expect(input).toMatchObject({ country: 'SN', region: 'SN-SL', members: [{ organisationId: association, role: 'chair' }] });
		expect(input.members).toHaveLength(1);
		// a row with a date but no organisation is not blank: the service says which organisation is missing
		expect(bodyFromForm({ 'members.0.role': 'member', 'members.0.since': '2026-01-01' }).members).toHaveLength(1);
	});

	it('keeps strategy and body addresses apart, since grants limited to either name a slug', async () => {
		const admin = contextFor(app.database.db, await aPerson(app.database.db, { role: 'administrator' }));
		const body = await createBody(admin, senegalBody({ name: { fr: 'SNIA' }, members: [] }));
		expect(body.slug).toBe('snia-2');
		expect(await refusal(createStrategy(admin, { slug: thies.slug, title: { fr: 'Un plan' }, country: 'SN' }))).toBe('invalid_input:slug_taken');
	});
});
