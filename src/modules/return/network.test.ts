import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, like } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { aPerson, contextFor, type Person } from '../../platform/testing/people.ts';
import { refusalOf } from '../../platform/testing/refusal.ts';
import { organisation, user } from '../../platform/accounts/accounts.table.ts';
import { auditEvent } from '../../platform/audit/audit-event.table.ts';
import { regions } from '../../platform/geo/morocco.ts';
import { addNetworkService, decideMembership, findServices, memberCount, membershipOf, requestMembership, waitingRequests } from './network.ts';
import { loadReturnNetworkDemoData, removeReturnSamples } from './return.data.ts';
import { servicesCsv, servicesXlsx } from './services-export.ts';
import { networkMember, reintegrationCase, reintegrationSurvey } from './return.table.ts';
import { loadReintegrationDemoData, SAMPLE_RETURNEE_DOMAIN } from './reintegration.data.ts';
import { NetworkServiceForm } from './return.schemas.ts';
import { fieldProblems } from '../../platform/http/validation.ts';

let app: TestApp;
let secretariat: Person;
let partner: Person;
let otherPartner: Person;
let ownOrg: string;

const service = (organisationId: string) => ({
	organisationId,
	name: { fr: 'Accueil des retraités de retour' },
	description: { fr: 'Information sur les démarches' },
	eligibility: {},
	services: ['administrative'],
	regions: ['MA-04'],
	cities: ['Rabat'],
	languages: ['ar', 'fr'],
	phone: null,
	email: 'contact@example.org',
	address: null,
	website: null
});

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	const db = app.database.db;
	const [own] = await db.insert(organisation).values({ slug: 'assoc-retour-test', name: 'Association Retour Test', type: 'ngo' }).returning();
	ownOrg = own.id;
	secretariat = await aPerson(db, { role: 'moderator' });
	partner = await aPerson(db, { role: 'partner', organisationIds: [ownOrg] });
	otherPartner = await aPerson(db, { role: 'partner' });
});

afterAll(async () => {
	await app?.close();
});

describe('the RAMre network', () => {
	it('has 40 sample members over the 12 regions, each with a badged service, loaded once', async () => {
		const db = app.database.db;
		await loadReturnNetworkDemoData(db);
		await loadReturnNetworkDemoData(db);
		expect(await memberCount(db)).toBe(40);
		expect(await memberCount(db, false)).toBe(0);
		const all = await findServices(db, { page: 1, pageSize: 100 }, 'fr');
		expect(all.total).toBe(40);
		expect(all.items.every((item) => item.isSample)).toBe(true);
		const covered = new Set(all.items.flatMap((item) => item.regions));
		expect([...covered].sort()).toEqual(regions.map((region) => region.iso).sort());
	});

	it('finds services by region and need', async () => {
		const db = app.database.db;
		const oriental = await findServices(db, { region: 'MA-02', page: 1, pageSize: 100 }, 'fr');
		expect(oriental.total).toBeGreaterThan(0);
		expect(oriental.items.every((item) => item.regions.includes('MA-02'))).toBe(true);
		const psychosocial = await findServices(db, { region: 'MA-02', stage: 'psychosocial', page: 1, pageSize: 100 }, 'ar');
		expect(psychosocial.items.every((item) => item.services.includes('psychosocial') && item.regions.includes('MA-02'))).toBe(true);
	});

	it('a partner asks for their organisation to join; the secretariat approves; then it can publish services', async () => {
		const db = app.database.db;
		// not a member yet: no service
		expect(await refusalOf(addNetworkService(contextFor(db, partner), service(ownOrg)))).toBe('conflict');
		// someone else's organisation, too short a motivation
		expect(await refusalOf(requestMembership(contextFor(db, otherPartner), { organisationId: ownOrg, motivation: 'Nous accompagnons les retraités.' }))).toBe('forbidden');
		expect(await refusalOf(requestMembership(contextFor(db, partner), { organisationId: ownOrg, motivation: 'court' }))).toBe('invalid_input');
		await requestMembership(contextFor(db, partner), { organisationId: ownOrg, motivation: 'Nous accompagnons les retraités de retour à Rabat.' });
		expect(await refusalOf(requestMembership(contextFor(db, partner), { organisationId: ownOrg, motivation: 'Une seconde demande identique.' }))).toBe('conflict');
		expect((await waitingRequests(db)).map((row) => row.organisationId)).toEqual([ownOrg]);
		// only the secretariat decides
		expect(await refusalOf(decideMembership(contextFor(db, partner), ownOrg, 'approve'))).toBe('forbidden');
		await decideMembership(contextFor(db, secretariat), ownOrg, 'approve');
		expect((await membershipOf(db, ownOrg))?.status).toBe('member');
		expect(await refusalOf(decideMembership(contextFor(db, secretariat), ownOrg, 'refuse'))).toBe('conflict');
		const events = await db.select({ action: auditEvent.action }).from(auditEvent).where(and(eq(auditEvent.resourceType, 'return_network_member'), eq(auditEvent.resourceId, ownOrg)));
		expect(events.map((event) => event.action).sort()).toEqual(['return_network_member.approve', 'return_network_member.request']);
		// now a member: its service appears in the finder, not badged
		await addNetworkService(contextFor(db, partner), service(ownOrg));
		const rabat = await findServices(db, { region: 'MA-04', stage: 'administrative', q: 'retraités', page: 1, pageSize: 20 }, 'fr');
		expect(rabat.items.map((item) => item.organisation.id)).toContain(ownOrg);
		expect(rabat.items.find((item) => item.organisation.id === ownOrg)!.isSample).toBe(false);
		expect(await memberCount(db, false)).toBe(1);
		// another partner may not publish for it
		expect(await refusalOf(addNetworkService(contextFor(db, otherPartner), service(ownOrg)))).toBe('forbidden');
	});

	it('a refused organisation may ask again', async () => {
		const db = app.database.db;
		const [org] = await db.insert(organisation).values({ slug: 'assoc-refusee', name: 'Association refusée', type: 'ngo' }).returning();
		const person = await aPerson(db, { role: 'partner', organisationIds: [org.id] });
		await requestMembership(contextFor(db, person), { organisationId: org.id, motivation: 'Première demande, à préciser.' });
		await decideMembership(contextFor(db, secretariat), org.id, 'refuse');
		await requestMembership(contextFor(db, person), { organisationId: org.id, motivation: 'Seconde demande, plus précise.' });
		const [row] = await db.select().from(networkMember).where(eq(networkMember.organisationId, org.id));
		expect(row.status).toBe('requested');
	});

	it('refuses a service form without a name, stage, region or language, naming each field', () => {
		const result = NetworkServiceForm.safeParse({ organisationId: ownOrg, description_ar: 'نص', email: 'pas-une-adresse', website: 'javascript:alert(1)' }, { reportInput: true });
		expect(result.success).toBe(false);
		const paths = fieldProblems(result.error!.issues).map((problem) => `${problem.path}:${problem.messageKey}`).sort();
		expect(paths).toEqual(['email:field_email', 'languages:field_invalid', 'name_fr:field_required', 'regions:field_invalid', 'services:field_invalid', 'website:field_url']);
	});

	it('exports the filtered services as CSV and XLSX with localised headers', async () => {
		const db = app.database.db;
		const csv = await servicesCsv(db, { region: 'MA-04' }, 'fr');
		expect(csv.startsWith('\uFEFF')).toBe(true); // Excel reads it as UTF-8
		const lines = csv.trim().split('\r\n');
		expect(lines[0]).toBe('Organisation,Service,Étapes,Régions,Langues,Courriel,Téléphone,Site web,Exemple fictif');
		expect(lines.length - 1).toBe((await findServices(db, { region: 'MA-04', page: 1, pageSize: 100 }, 'fr')).total);
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load((await servicesXlsx(db, { region: 'MA-04' }, 'ar')) as unknown as ArrayBuffer);
		const sheet = workbook.worksheets[0];
		expect(sheet.getRow(1).getCell(1).value).toBe('المنظمة');
		expect(sheet.rowCount).toBe(lines.length);
	});

	it('removes the samples with one command, leaving real members and their services', async () => {
		const db = app.database.db;
		await loadReintegrationDemoData(db);
		// 300 sample returnees followed by the 40 sample operators, each in the operator's region
		const cases = await db.select({ regionCode: reintegrationCase.regionCode, closedAt: reintegrationCase.closedAt, isSample: reintegrationCase.isSample }).from(reintegrationCase);
		expect(cases).toHaveLength(300);
		expect(cases.every((row) => row.isSample)).toBe(true);
		expect(new Set(cases.map((row) => row.regionCode)).size).toBe(12);
		expect(cases.some((row) => row.closedAt)).toBe(true);
		// their sustainability surveys: only rounds already due, scored
		const surveys = await db.select().from(reintegrationSurvey);
		expect(surveys.length).toBeGreaterThan(300);
		expect(surveys.every((row) => row.answeredAt && row.overallScore !== null && row.overallScore >= 0 && row.overallScore <= 1)).toBe(true);
		expect(await removeReturnSamples(db)).toBe(40);
		expect(await db.select().from(reintegrationCase)).toEqual([]);
		expect(await db.select().from(reintegrationSurvey)).toEqual([]);
		expect(await db.select({ id: user.id }).from(user).where(like(user.email, `%@${SAMPLE_RETURNEE_DOMAIN}`))).toEqual([]);
		expect(await memberCount(db)).toBe(1);
		const left = await findServices(db, { page: 1, pageSize: 100 }, 'fr');
		expect(left.items.map((item) => item.organisation.id)).toEqual([ownOrg]);
		expect(await removeReturnSamples(db)).toBe(0);
	});
});
