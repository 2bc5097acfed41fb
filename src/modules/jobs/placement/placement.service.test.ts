import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestEvent } from '@sveltejs/kit';
import { and, eq } from 'drizzle-orm';
import type { App } from '../../../platform/app.ts';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import { aPerson, contextFor } from '../../../platform/testing/people.ts';
import { auditEvent } from '../../../platform/audit/audit-event.table.ts';
import type { AuditContext } from '../../../platform/audit/audit.service.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import type { Actor } from '../../../platform/policy/policy.ts';
import { placementAgreement } from './placement.table.ts';
import { addAgreementDocument, agreementHistory, createAgreement, listAllAgreements, listPublicAgreements, readAgreementDocument, removeAgreementDocument, updateAgreement } from './placement.service.ts';
import { hostMarkets } from './placement-dashboard.ts';
import { aPdf } from '../../../platform/testing/pdf.ts';
import { organisation } from '../../../platform/accounts/accounts.table.ts';
import { GET as listApi } from '../routes/api/v1/placement-agreements/+server.ts';

const holder = globalThis as typeof globalThis & { __sharakaApp?: Promise<App> };
let app: TestApp;
const web: AuditContext = { actorUserId: null, actorLabel: 'test', channel: 'web' };
let division: Actor;
let member: Actor;
/** someone holding a grant of another module: no say on placement agreements */
let otherGrant: Actor;

const agreement = {
	kind: 'agreement',
	partnerName: 'Servicio Público de Empleo Estatal',
	sector: 'public',
	hostCountry: 'ES',
	title: 'Accord de placement saisonnier',
	startsOn: '2027-01-01',
	endsOn: '2028-12-31',
	occupationCodes: ['9211', '6111'],
	quotas: [
		{ year: 2028, positions: 300 },
		{ year: 2027, positions: 250 }
	],
	status: 'active',
	published: true
};

async function problemsOf(work: Promise<unknown>) {
	const failure = await work.then(
		() => null,
		(error: unknown) => error
	);
	expect(failure).toBeInstanceOf(AppError);
	return (failure as AppError).fields.map((field) => field.path);
}

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	holder.__sharakaApp = Promise.resolve(app);
	const person = (await aPerson(app.database.db, { role: 'member' })).actor;
	division = { ...person, grants: [{ module: 'jobs', role: 'placement_division', organisationId: null, scope: null }] };
	member = (await aPerson(app.database.db, { role: 'member' })).actor;
	const other = (await aPerson(app.database.db, { role: 'member' })).actor;
	otherGrant = { ...other, grants: [{ module: 'jobs', role: 'agency_manager', organisationId: null, scope: null }] };
});
afterAll(async () => {
	holder.__sharakaApp = undefined;
	await app.close();
});

describe('placement agreements', () => {
	it('shows the cooperations the seeds document, with their source, to everyone', async () => {
		const items = await listPublicAgreements(contextFor(app.database.db, null));
		const sweden = items.find((row) => row.hostCountry === 'SE');
		const germany = items.find((row) => row.hostCountry === 'DE');
		expect(sweden).toMatchObject({ kind: 'cooperation', startsOn: '2016-05-30', endsOn: '2016-06-03', isSample: false });
		expect(sweden?.source).toContain('annexe 3.4');
		expect(germany).toMatchObject({ startsOn: '2016-09-26', endsOn: '2016-09-29' });
		expect(germany?.partnerName).toContain('Bundesagentur für Arbeit');
	});

	it('lets the division create an agreement, audited, with quotas by year and known occupations', async () => {
		const created = await createAgreement(contextFor(app.database.db, division, { audit: web }), agreement);
		expect(created.quotas).toEqual([
			{ year: 2027, positions: 250 },
			{ year: 2028, positions: 300 }
		]);
		expect(created.occupationCodes).toEqual(['9211', '6111']);
		const events = await app.database.db
			.select()
			.from(auditEvent)
			.where(and(eq(auditEvent.resourceId, created.id), eq(auditEvent.action, 'placement_agreement.create')));
		expect(events).toHaveLength(1);
		const spanish = await listPublicAgreements(contextFor(app.database.db, null), { country: 'ES' });
		expect(spanish.map((row) => row.id)).toContain(created.id);
	});

	it('refuses agreements from people without the division grant, including another module grant', async () => {
		for (const who of [member, otherGrant, null]) {
			await expect(createAgreement(contextFor(app.database.db, who, { audit: web }), agreement)).rejects.toBeInstanceOf(AppError);
			await expect(listAllAgreements(contextFor(app.database.db, who))).rejects.toBeInstanceOf(AppError);
		}
	});

	it('names every wrong field at once and changes nothing', async () => {
		const before = (await app.database.db.select().from(placementAgreement)).length;
		const paths = await problemsOf(
			createAgreement(contextFor(app.database.db, division, { audit: web }), {
				...agreement,
				endsOn: '2026-01-01',
				occupationCodes: ['9211', '0000'],
				quotas: [
					{ year: 2027, positions: 10 },
					{ year: 2027, positions: 20 }
				]
			})
		);
		expect(paths).toEqual(expect.arrayContaining(['endsOn', 'occupationCodes.1', 'quotas.1.year']));
		expect(await problemsOf(createAgreement(contextFor(app.database.db, division, { audit: web }), { ...agreement, hostCountry: 'XX' }))).toEqual(['hostCountry']);
		expect((await app.database.db.select().from(placementAgreement)).length).toBe(before);
	});

	it('keeps drafts and unpublished agreements out of the public list and the API, the division sees them', async () => {
		const ctx = contextFor(app.database.db, division, { audit: web });
		const draft = await createAgreement(ctx, { ...agreement, hostCountry: 'IT', status: 'draft' });
		const confidential = await createAgreement(ctx, { ...agreement, hostCountry: 'IT', published: false });
		expect(await listPublicAgreements(contextFor(app.database.db, null), { country: 'IT' })).toEqual([]);
		const all = (await listAllAgreements(ctx)).map((row) => row.id);
		expect(all).toEqual(expect.arrayContaining([draft.id, confidential.id]));

		await updateAgreement(ctx, draft.id, { ...agreement, hostCountry: 'IT', status: 'active' });
		const url = new URL('http://localhost/api/v1/placement-agreements?country=IT');
		const response = await listApi({ request: new Request(url), url, params: {}, locals: { language: 'fr', user: null, actor: null, audit: { actorUserId: null, actorLabel: 'api', channel: 'api', requestId: 'test', ip: '127.0.0.1' } } } as unknown as RequestEvent);
		const body = (await response.json()) as { items: { id: string }[] };
		expect(body.items.map((row) => row.id)).toEqual([draft.id]);
		const updates = await app.database.db.select().from(auditEvent).where(and(eq(auditEvent.resourceId, draft.id), eq(auditEvent.action, 'placement_agreement.update')));
		expect(updates[0]?.before).toMatchObject({ status: 'draft' });
	});
});

describe('agreements managed by the division: sectors, documents, publication, history', () => {
	it('keeps the economic sectors, hides quotas and internal documents from the public, serves public PDFs, records the history', async () => {
		const ctx = contextFor(app.database.db, division, { audit: web, files: app.files });
		const created = await createAgreement(ctx, { ...agreement, hostCountry: 'SE', economicSectors: ['Q', 'A', 'Q'], quotasPublished: false });
		expect(created.economicSectors).toEqual(['A', 'Q']);
		const link = await addAgreementDocument(ctx, created.id, { title: 'Communiqué de signature', url: 'https://example.org/accord', public: 'on' }, null);
		const pdf = await addAgreementDocument(ctx, created.id, { title: 'Texte signé', public: 'on' }, { bytes: aPdf({ text: 'Accord' }), name: 'accord signé.pdf' });
		const internal = await addAgreementDocument(ctx, created.id, { title: 'Note interne' }, { bytes: aPdf({ text: 'Interne' }), name: 'note.pdf' });
		// not a PDF, a PDF with a script, neither file nor link: refused on the field, nothing kept
		expect((await problemsOf(addAgreementDocument(ctx, created.id, { title: 'Faux' }, { bytes: new TextEncoder().encode('MZ not a pdf'), name: 'x.pdf' })))).toEqual(['file']);
		expect((await problemsOf(addAgreementDocument(ctx, created.id, { title: 'Actif' }, { bytes: aPdf({ catalog: '/OpenAction 5 0 R', extra: '<< /S /JavaScript /JS (app.alert(1)) >>' }), name: 'x.pdf' })))).toEqual(['file']);
		expect(await problemsOf(addAgreementDocument(ctx, created.id, { title: 'Vide' }, null))).toEqual(['url']);

		const [shown] = (await listPublicAgreements(contextFor(app.database.db, null), { country: 'SE' })).filter((row) => row.id === created.id);
		expect(shown.quotas).toEqual([]);
		expect(shown.documents.map((document) => document.title)).toEqual(['Communiqué de signature', 'Texte signé']);
		expect(shown.documents[0].url).toBe('https://example.org/accord');
		const visitor = contextFor(app.database.db, null, { files: app.files });
		expect((await readAgreementDocument(visitor, created.id, pdf.id)).fileName).toBe('accord signé.pdf');
		await expect(readAgreementDocument(visitor, created.id, internal.id)).rejects.toMatchObject({ code: 'not_found' });
		expect((await readAgreementDocument(ctx, created.id, internal.id)).bytes.byteLength).toBeGreaterThan(0);
		await expect(addAgreementDocument(contextFor(app.database.db, member, { audit: web, files: app.files }), created.id, { title: 'Pirate', url: 'https://example.org' }, null)).rejects.toBeInstanceOf(AppError);

		await updateAgreement(ctx, created.id, { ...agreement, hostCountry: 'SE', economicSectors: ['A', 'Q'], status: 'ended', quotasPublished: true });
		await removeAgreementDocument(ctx, created.id, internal.id);
		expect(await app.files.exists(internal.fileKey!)).toBe(false);
		const history = await agreementHistory(ctx, created.id);
		expect(history.map((event) => event.action)).toEqual(['document_remove', 'update', 'document_add', 'document_add', 'document_add', 'create']);
		expect(history[1].changed).toEqual(expect.arrayContaining(['status', 'quotasPublished']));
		expect(history[0].document).toBe('Note interne');
		expect(link.kind).toBe('link');
	});

	it('takes the partner’s name from the organisation chosen, and needs one or the other', async () => {
		const ctx = contextFor(app.database.db, division, { audit: web });
		const [org] = await app.database.db.insert(organisation).values({ slug: `ams-${crypto.randomUUID().slice(0, 6)}`, name: 'Arbetsförmedlingen', type: 'public_agency', country: 'SE' }).returning();
		const created = await createAgreement(ctx, { ...agreement, partnerName: '', organisationId: org.id });
		expect(created.partnerName).toBe('Arbetsförmedlingen');
		expect(await problemsOf(createAgreement(ctx, { ...agreement, partnerName: '' }))).toEqual(['partnerName']);
	});

	it('counts offers, positions and agreements by host market for the division only, samples left out', async () => {
		const ctx = contextFor(app.database.db, division, { audit: web });
		const markets = await hostMarkets(ctx);
		expect(markets.agreements.find((row) => row.value === 'ES')?.agreements).toBeGreaterThan(0);
		expect(markets.quotaYears).toEqual(expect.arrayContaining([2027, 2028]));
		await expect(hostMarkets(contextFor(app.database.db, member))).rejects.toBeInstanceOf(AppError);
	});
});
