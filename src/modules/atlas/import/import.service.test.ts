import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq, inArray, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import { aPerson, contextFor } from '../../../platform/testing/people.ts';
import { auditEvent } from '../../../platform/audit/audit-event.table.ts';
import { organisation, user } from '../../../platform/accounts/accounts.table.ts';
import { isAppError } from '../../../platform/http/app-error.ts';
import type { Actor } from '../../../platform/policy/policy.ts';
import { initiative, initiativeVersion } from '../atlas.table.ts';
import type { InitiativeInput } from '../atlas.schemas.ts';
import { createInitiative, getInitiative } from '../initiative.service.ts';
import { moderationProposal } from '../../../platform/moderation/moderation.table.ts';
import { exportToBuffer } from '../export/export.ts';
import { atlasImport, atlasImportActivity } from './import.table.ts';
import { applyQueuedImport, ImportAppliedElsewhere, type ApplyImportJob } from './apply.ts';

import { getOrganisation, listOrganisations } from '../../../platform/accounts/organisation.service.ts';
import { OrganisationListQuery } from '../../../platform/accounts/organisation.schemas.ts';
import { organisationAtlas } from '../web/atlas-pages.server.ts';
import { approveProposal } from '../moderation/moderation.service.ts';
import { isImportRefusal } from './refusal.ts';
import { importableColumnKeys } from './tabular.ts';
import {
	applyImport,
	chooseActivities,
	createIatiImport,
	createTableImport,
	getImport,
	applyEnvOf,
	importEnvOf,
	listImports,
	saveMapping
} from './import.service.ts';

let app: TestApp;
let partner: Actor;
let otherPartner: Actor;
let moderator: Actor;
let member: Actor;
const fixturePath = path.join(import.meta.dirname, 'fixtures', 'giz-iom-morocco.xml');
const GIZ = 'XM-DAC-5-7-TEST-2019.2145.7';
const IOM = 'XM-DAC-47066-TEST-MA-RR-2021';
const SAHEL = 'XM-DAC-47066-TEST-SAHEL-2022';

async function* textStream(text: string) {
	yield new TextEncoder().encode(text);
}
const importFixture = (actor: Actor) =>
	createIatiImport(contextFor(app.database.db, actor), {
		fileName: 'giz-iom-morocco.xml',
		body: fs.createReadStream(fixturePath) as unknown as AsyncIterable<Uint8Array>
	});
const env = () => applyEnvOf(app);
const preview = (actor: Actor, id: string, query: Parameters<typeof getImport>[2] = { pageSize: 1000 }) =>
	getImport(contextFor(app.database.db, actor), id, query);
const byIdentifier = async (actor: Actor, id: string) =>
	new Map((await preview(actor, id)).activities.map((activity) => [activity.iatiIdentifier, activity]));

async function tableCounts() {
	const db = app.database.db;
	const [row] = await db
		.select({
			imports: sql<number>`(select count(*) from ${atlasImport})::int`,
			rows: sql<number>`(select count(*) from ${atlasImportActivity})::int`,
			initiatives: sql<number>`(select count(*) from ${initiative})::int`,
			proposals: sql<number>`(select count(*) from ${moderationProposal})::int`,
			organisations: sql<number>`(select count(*) from ${organisation})::int`,
			audit: sql<number>`(select count(*) from ${auditEvent})::int`
		})
		.from(sql`(select 1) as one`);
	return row;
}

const failure = async (promise: Promise<unknown>) => {
	try {
		await promise;
		return 'ok';
	} catch (error) {
		if (isImportRefusal(error)) return `refused:${error.reason}`;
		if (isAppError(error)) return error.code;
		throw error;
	}
};

beforeAll(async () => {
	app = await createTestApp({ PUBLIC_URL: 'https://sharaka.test' }, { referenceData: true });
	partner = (await aPerson(app.database.db, { email: 'partner@import.test', role: 'partner', organisationSlugs: ['expertise-france'] })).actor;
	otherPartner = (await aPerson(app.database.db, { email: 'other@import.test', role: 'partner', organisationSlugs: ['giz'] })).actor;
	moderator = (await aPerson(app.database.db, { email: 'moderator@import.test', role: 'moderator', organisationSlugs: ['mdcmre'] })).actor;
	member = (await aPerson(app.database.db, { email: 'member@import.test', role: 'member' })).actor;
});
afterAll(async () => {
	await app.settle();
	await app?.close();
});

describe('IATI imports', () => {
	it('a partner previews a real file, chooses, and the activities become proposals (a known one a change)', async () => {
		// IOM's activity is already in the Atlas (same IATI identifier)
		const known = await createInitiative(contextFor(app.database.db, null), {
			slug: 'reintegration-oim-test',
			title: { fr: 'Réintégration des migrants de retour (OIM)' },
			status: 'planned',
			themes: ['returnee_reintegration'],
			targetGroups: ['returning_migrants'],
			regions: ['MA-02'],
			sources: [{ citation: 'Note OIM 2021' }],
			organisations: [{ organisation: 'oim', role: 'implementer' }],
			iatiIdentifier: IOM
		});
		const before = await tableCounts();
		const outboxBefore = (await app.outbox()).length;
		const id = await importFixture(partner);
		const activities = await byIdentifier(partner, id);
		expect([...activities.keys()]).toEqual([GIZ, IOM, SAHEL]);
		expect(activities.get(GIZ)).toMatchObject({ state: 'new', concernsMorocco: true, chosen: true, readable: true });
		expect(activities.get(IOM)).toMatchObject({ state: 'known', known: { slug: 'reintegration-oim-test' }, chosen: true });
		// outside Morocco: flagged and not chosen at first
		expect(activities.get(SAHEL)).toMatchObject({ state: 'new', concernsMorocco: false, chosen: false });
		expect(activities.get(SAHEL)!.problems.map((problem) => problem.message)).toContain('Ne concerne pas le Maroc (aucun pays bénéficiaire MA).');
		expect(activities.get(GIZ)!.preview).toMatchObject({ start: '2019-06-15', end: '2025-12-31', budget: { total: 12_500_000, currency: 'EUR' }, countries: ['MA'] });
		expect(activities.get(GIZ)!.duplicates).toEqual([]);

		const started = await applyImport(contextFor(app.database.db, partner), env(), id);
		expect(started.status).toBe('applying');
		await app.settle();
		const done = await preview(partner, id);
		expect(done.import).toMatchObject({ status: 'done', progress: { toProcess: 2, processed: 2, percent: 100 } });
		expect(done.import.counts).toMatchObject({ proposed: 2, created: 0, updated: 0 });

		// nothing is published by a partner's import
		const after = await tableCounts();
		expect(after.initiatives).toBe(before.initiatives);
		expect(after.proposals).toBe(before.proposals + 2);
		const proposals = await app.database.db.select().from(moderationProposal).where(eq(moderationProposal.proposerUserId, partner.userId));
		const fresh = proposals.find((proposal) => proposal.subjectId === null)!;
		const data = fresh.data as InitiativeInput;
		// the file's German title comes along, in German (issue 17, rule 9)
		expect(data.title).toEqual({
			fr: 'Centre marocain-allemand pour l’emploi, la migration et la réintégration',
			en: 'Moroccan-German Centre for Jobs, Migration and Reintegration',
			de: 'Deutsch-Marokkanisches Zentrum für Jobs, Migration und Reintegration'
		});
		// organisations matched by name or acronym (BMZ, ANAPEC, GIZ); the file's document cited as the source
		expect(data.organisations).toEqual([
			{ organisation: 'bmz', role: 'funder', amount: 12_500_000, currency: 'EUR' },
			{ organisation: 'anapec', role: 'accountable', amount: null, currency: null },
			{ organisation: 'giz', role: 'implementer', amount: null, currency: null }
		]);
		expect(data.sources).toEqual([{ citation: 'Fiche projet', url: 'https://www.giz.de/en/worldwide/28359.html', date: '2024-02-01' }]);
		expect(fresh.comment).toBe('Import du fichier IATI « giz-iom-morocco.xml »');

		// the known activity: a change proposal on the current version, keeping what the file does not give
		const change = proposals.find((proposal) => proposal.subjectId === known.id)!;
		expect(change.baseVersion).toBe(1);
		const changed = change.data as InitiativeInput;
		expect(changed).toMatchObject({
			slug: 'reintegration-oim-test',
			status: 'ongoing',
			actualStart: '2021-03-01',
			targetGroups: ['returning_migrants'],
			regions: ['MA-02'],
			themes: ['returnee_reintegration'],
			title: { fr: 'Réintégration durable des migrants de retour au Maroc', en: 'Sustainable reintegration of returning migrants in Morocco' }
		});
		expect(changed.organisations).toEqual(
			expect.arrayContaining([
				expect.objectContaining({ organisation: 'union-europeenne', role: 'funder', amount: 3_000_000 }),
				expect.objectContaining({ organisation: 'oim', role: 'implementer' }),
				expect.objectContaining({ organisation: 'migration-et-developpement', role: 'extending' })
			])
		);
		expect(changed.sources).toEqual([{ citation: 'Note OIM 2021' }]);

		// the moderators get one e-mail for the whole import
		const mails = (await app.outbox()).slice(outboxBefore);
		expect(mails.filter((mail) => mail.includes('giz-iom-morocco.xml'))).toHaveLength(
			(await app.database.db.select({ n: count() }).from(user).where(eq(user.role, 'moderator')))[0].n
		);

		// applying again, or uploading the same file again, makes no second proposal
		await applyImport(contextFor(app.database.db, partner), env(), id);
		await app.settle();
		const again = await importFixture(partner);
		const second = await byIdentifier(partner, again);
		expect(second.get(GIZ)).toMatchObject({ chosen: false, pendingProposalId: fresh.id });
		await applyImport(contextFor(app.database.db, partner), env(), again, { only: { identifiers: [GIZ, IOM] } });
		await app.settle();
		expect((await tableCounts()).proposals).toBe(after.proposals);
		const secondResults = await byIdentifier(partner, again);
		expect(secondResults.get(GIZ)).toMatchObject({ outcome: 'proposed', proposalId: fresh.id });
		expect(secondResults.get(IOM)).toMatchObject({ outcome: 'proposed', proposalId: change.id });
	});

	it('a moderator publishes at once: versions, audit, the file cited; known → new version; twice → nothing new', async () => {
		const id = await importFixture(moderator);
		// ANAPEC comes with an identifier the Atlas does not know: matched by name only, the moderator confirms it first (rule 10)
		const matches = (await preview(moderator, id)).organisationMatches;
		expect(matches.map((match) => [match.ref, match.organisation.slug, match.decision])).toEqual([['MA-ANAPEC-TEST', 'anapec', 'pending']]);
		expect(await failure(applyImport(contextFor(app.database.db, moderator), env(), id))).toBe('conflict');
		await applyImport(contextFor(app.database.db, moderator), env(), id, { only: { identifiers: [GIZ, IOM, SAHEL] } }, [{ key: matches[0].key, decision: 'confirmed' }]);
		await app.settle();
		const activities = await byIdentifier(moderator, id);
		expect(activities.get(GIZ)!.outcome).toBe('created');
		expect(activities.get(IOM)!.outcome).toBe('updated');
		expect(activities.get(SAHEL)!.outcome).toBe('created');

		const giz = await getInitiative(app.database.db, activities.get(GIZ)!.initiative!.slug);
		expect(giz).toMatchObject({
			slug: 'centre-marocain-allemand-pour-l-emploi-la-migration-et-la-reintegration',
			title: { fr: 'Centre marocain-allemand pour l’emploi, la migration et la réintégration', en: 'Moroccan-German Centre for Jobs, Migration and Reintegration' },
			status: 'ongoing',
			plannedStart: '2019-04-01',
			actualStart: '2019-06-15',
			plannedEnd: '2025-12-31',
			budget: { total: 12_500_000, currency: 'EUR' },
			iatiIdentifier: GIZ,
			themes: ['legal_migration', 'migration_governance'],
			version: 1
		});
		expect(giz.organisations.map((entry) => [entry.slug, entry.role, entry.amount])).toEqual(
			expect.arrayContaining([
				['bmz', 'funder', 12_500_000],
				['anapec', 'accountable', null],
				['giz', 'implementer', null]
			])
		);
		// Rabat-Salé-Kénitra by its code, and Casablanca-Settat through the point in Casablanca (rule 1)
		expect(giz.regions.map((region) => region.iso)).toEqual(['MA-04', 'MA-06']);
		expect(giz.provinces.map((province) => province.iso)).toEqual(['MA-CAS']);
		// no source in the activity: the file is cited (name, publisher, day of the import)
		const sahel = await getInitiative(app.database.db, activities.get(SAHEL)!.initiative!.slug);
		expect(sahel.sources[0].citation).toMatch(/^Fichier IATI « giz-iom-morocco\.xml » publié par Deutsche Gesellschaft .*, importé le \d{4}-\d{2}-\d{2}$/);
		expect(sahel.countries).toEqual(['SN', 'ML']);

		const iom = await getInitiative(app.database.db, 'reintegration-oim-test');
		expect(iom.version).toBe(2);
		expect(iom.status).toBe('ongoing');
		const [version] = await app.database.db
			.select()
			.from(initiativeVersion)
			.where(and(eq(initiativeVersion.initiativeId, iom.id), eq(initiativeVersion.number, 2)));
		expect(version).toMatchObject({ authorUserId: moderator.userId, comment: 'Import du fichier IATI « giz-iom-morocco.xml »' });
		const audit = await app.database.db
			.select({ action: auditEvent.action, actor: auditEvent.actorUserId })
			.from(auditEvent)
			.where(inArray(auditEvent.resourceId, [giz.id, iom.id, id]));
		expect(audit).toEqual(
			expect.arrayContaining([
				{ action: 'initiative.create', actor: moderator.userId },
				{ action: 'initiative.update', actor: moderator.userId },
				{ action: 'atlas_import.create', actor: moderator.userId },
				{ action: 'atlas_import.apply', actor: moderator.userId }
			])
		);

		// twice: nothing new; the same file again: every activity known and unchanged
		const before = await tableCounts();
		await applyImport(contextFor(app.database.db, moderator), env(), id, { all: 'all' });
		await app.settle();
		const again = await importFixture(moderator);
		const second = await byIdentifier(moderator, again);
		expect([...second.values()].map((activity) => activity.state)).toEqual(['known', 'known', 'known']);
		await applyImport(contextFor(app.database.db, moderator), env(), again, { all: 'all' });
		await app.settle();
		expect([...(await byIdentifier(moderator, again)).values()].map((activity) => activity.outcome)).toEqual(['unchanged', 'unchanged', 'unchanged']);
		const after = await tableCounts();
		expect(after.initiatives).toBe(before.initiatives);
		expect((await getInitiative(app.database.db, 'reintegration-oim-test')).version).toBe(2);
	});

	it('keeps the organisations a partner’s file brings in out of public view until a moderator approves a proposal naming them', async () => {
		const file = `<iati-activities version="2.03"><iati-activity xml:lang="fr"><iati-identifier>XX-PENDING-1</iati-identifier>
			<title><narrative>Accueil des migrants à Oujda (test)</narrative></title>
			<participating-org ref="XX-ASSOC-OUJDA" type="22" role="2"><narrative>Association Oujda Solidarité Test</narrative></participating-org>
			<activity-date type="1" iso-date="2024-01-01"/><recipient-country code="MA"/><sector vocabulary="1" code="15190"/></iati-activity></iati-activities>`;
		const id = await createIatiImport(contextFor(app.database.db, partner), { fileName: 'oujda.xml', body: textStream(file) });
		await applyImport(contextFor(app.database.db, partner), env(), id);
		await app.settle();
		const [created] = await app.database.db.select().from(organisation).where(eq(organisation.name, 'Association Oujda Solidarité Test'));
		expect(created.status).toBe('pending');
		// nowhere public: not in the directory, not by its address, no Atlas page; staff see it
		expect((await listOrganisations(app.database.db, OrganisationListQuery.parse({ q: 'Oujda Solidarité' }))).total).toBe(0);
		expect((await listOrganisations(app.database.db, OrganisationListQuery.parse({ q: 'Oujda Solidarité' }), { withPending: true })).total).toBe(1);
		await expect(getOrganisation(app.database.db, created.slug, { withPending: false })).rejects.toMatchObject({ code: 'not_found' });
		await expect(organisationAtlas(app.database.db, created.slug)).rejects.toMatchObject({ code: 'not_found' });

		// the moderator approves the proposal that names it: it becomes public, in the audit trail
		const [proposal] = await app.database.db.select().from(moderationProposal).where(eq(moderationProposal.proposerUserId, partner.userId)).orderBy(sql`created_at desc`).limit(1);
		await approveProposal(contextFor(app.database.db, moderator), proposal.id);
		expect((await getOrganisation(app.database.db, created.slug, { withPending: false })).status).toBe('active');
		const [accepted] = await app.database.db.select().from(auditEvent).where(and(eq(auditEvent.resourceId, created.id), eq(auditEvent.action, 'organisation.accept')));
		expect(accepted.actorUserId).toBe(moderator.userId);
	});

	it('creates the organisations the Atlas does not know, and finds them again by their IATI identifier', async () => {
		const activityWith = (identifier: string, orgName: string) => `<iati-activity xml:lang="fr"><iati-identifier>${identifier}</iati-identifier>
			<title><narrative>${identifier === 'ES-TEST-2' ? 'Fonds pour l’entrepreneuriat de la diaspora' : 'Maison des Marocains du monde'} ${identifier}</narrative></title>
			<participating-org ref="ES-DIR3-TEST" type="10" role="1"><narrative>${orgName}</narrative></participating-org>
			<activity-date type="1" iso-date="2024-01-01"/><recipient-country code="MA"/><sector vocabulary="1" code="15190"/></iati-activity>`;
		const upload = (text: string) =>
			createIatiImport(contextFor(app.database.db, moderator), { fileName: 'aecid.xml', body: textStream(text) });
		const first = await upload(`<iati-activities version="2.03">${activityWith('ES-TEST-1', 'Agencia Española de Cooperación (AECID)')}</iati-activities>`);
		await applyImport(contextFor(app.database.db, moderator), env(), first);
		await app.settle();
		const [created] = await app.database.db.select().from(organisation).where(eq(organisation.slug, 'aecid'));
		expect(created).toMatchObject({ name: 'Agencia Española de Cooperación', acronym: 'AECID', type: 'cooperation_agency', country: 'ES' });
		const [audited] = await app.database.db.select().from(auditEvent).where(and(eq(auditEvent.resourceId, created.id), eq(auditEvent.action, 'organisation.create')));
		expect(audited.after).toMatchObject({ iatiRef: 'ES-DIR3-TEST', importId: first });
		// another file (another activity, not a likely duplicate) names it differently: the identifier finds it
		const second = await upload(`<iati-activities version="2.03">${activityWith('ES-TEST-2', 'Spanish Agency for International Development Cooperation')}</iati-activities>`);
		const orgsBefore = (await tableCounts()).organisations;
		await applyImport(contextFor(app.database.db, moderator), env(), second);
		await app.settle();
		expect((await tableCounts()).organisations).toBe(orgsBefore);
		const [row] = (await preview(moderator, second)).activities;
		expect((await getInitiative(app.database.db, row.initiative!.slug)).organisations.map((entry) => entry.slug)).toEqual(['aecid']);
	});

	it('leaves the country of a new organisation unknown when nothing in the file gives it, never Morocco by default', async () => {
		const xml = `<iati-activities version="2.03"><iati-activity xml:lang="es"><iati-identifier>ES-TEST-NO-COUNTRY</iati-identifier>
			<title><narrative>Acompañamiento de migrantes retornados en Tánger</narrative></title>
			<participating-org type="22" role="4"><narrative>Asociación Cooperación Sur-Norte</narrative></participating-org>
			<participating-org ref="XM-DAC-TEST-9" type="40" role="3"><narrative>Fondo Regional Migración Test</narrative></participating-org>
			<activity-date type="1" iso-date="2024-01-01"/><recipient-country code="MA"/><sector vocabulary="1" code="15190"/></iati-activity></iati-activities>`;
		const id = await createIatiImport(contextFor(app.database.db, moderator), { fileName: 'sin-pais.xml', body: textStream(xml) });
		await applyImport(contextFor(app.database.db, moderator), env(), id);
		await app.settle();
		const rows = await app.database.db.select({ name: organisation.name, country: organisation.country }).from(organisation).where(sql`${organisation.name} in ('Asociación Cooperación Sur-Norte', 'Fondo Regional Migración Test')`);
		expect(rows.sort((x, y) => x.name.localeCompare(y.name))).toEqual([
			{ name: 'Asociación Cooperación Sur-Norte', country: null },
			{ name: 'Fondo Regional Migración Test', country: null }
		]);
	});

	it('refuses hostile and unreadable files as a whole, changing nothing', async () => {
		const before = await tableCounts();
		const hostile = {
			xxe: '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><iati-activities><iati-activity><iati-identifier>&xxe;</iati-identifier></iati-activity></iati-activities>',
			laughs: '<!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><iati-activities>&c;</iati-activities>',
			notXml: '%PDF-1.4 not xml at all',
			wrongRoot: '<?xml version="1.0"?><html><body>hello</body></html>'
		};
		expect(await failure(createIatiImport(contextFor(app.database.db, partner), { fileName: 'x.xml', body: textStream(hostile.xxe) }))).toBe('refused:xml_doctype');
		expect(await failure(createIatiImport(contextFor(app.database.db, partner), { fileName: 'x.xml', body: textStream(hostile.laughs) }))).toBe('refused:xml_doctype');
		expect(await failure(createIatiImport(contextFor(app.database.db, partner), { fileName: 'x.xml', body: textStream(hostile.notXml) }))).toBe('refused:not_xml');
		expect(await failure(createIatiImport(contextFor(app.database.db, partner), { fileName: 'x.xml', body: textStream(hostile.wrongRoot) }))).toBe('refused:xml_root');
		expect(await tableCounts()).toEqual(before);
	});

	it('keeps imports private to their author (moderators see all); members may not import', async () => {
		const id = await importFixture(partner);
		expect(await failure(preview(otherPartner, id))).toBe('not_found');
		expect(await failure(applyImport(contextFor(app.database.db, otherPartner), env(), id))).toBe('not_found');
		expect(await failure(preview(moderator, id))).toBe('ok');
		expect(await failure(importFixture(member))).toBe('forbidden');
		expect((await listImports(contextFor(app.database.db, otherPartner))).items.map((item) => item.id)).not.toContain(id);
		expect((await listImports(contextFor(app.database.db, moderator))).items.map((item) => item.id)).toContain(id);
	});

	it('marks an import stopped by a restart as interrupted; applying again continues it without doing anything twice', async () => {
		const id = await importFixture(moderator);
		await chooseActivities(contextFor(app.database.db, moderator), id, { all: 'all' });
		// as a restart leaves it: applying, one row done, no heartbeat for a minute, not running here
		await app.database.db
			.update(atlasImport)
			.set({
				status: 'applying',
				heartbeatAt: new Date(Date.now() - 60_000),
				appliedBy: { userId: moderator.userId, role: 'moderator', label: 'test', channel: 'web', requestId: null, ip: null }
			})
			.where(eq(atlasImport.id, id));
		const stopped = await preview(moderator, id);
		expect(stopped.import).toMatchObject({ status: 'applying', interrupted: true });
		const resumed = await applyImport(contextFor(app.database.db, moderator), env(), id);
		expect(resumed.interrupted).toBe(false);
		await app.settle();
		const done = await preview(moderator, id);
		expect(done.import.status).toBe('done');
		expect(done.activities.every((activity) => activity.outcome === 'unchanged')).toBe(true);
	});

	it('is applied by the queue’s job once, however many instances run it, and finished by another after a runner died', async () => {
		const id = await importFixture(moderator);
		let job: ApplyImportJob | undefined;
		const queue = { send: async (_name: string, data: object) => ((job = data as ApplyImportJob), 'job') };
		await applyImport(contextFor(app.database.db, moderator), { ...importEnvOf(app), queue }, id, { only: { identifiers: [GIZ, IOM] } });
		expect(job).toMatchObject({ importId: id });
		const claimed = job!;

		// the queue handed the same job to two instances: one applies it, the other is told to wait
		const runs = await Promise.allSettled([applyQueuedImport(importEnvOf(app), claimed), applyQueuedImport(importEnvOf(app), claimed)]);
		expect(runs.map((run) => run.status).sort()).toEqual(['fulfilled', 'rejected']);
		expect(runs.find((run) => run.status === 'rejected')).toMatchObject({ reason: expect.any(ImportAppliedElsewhere) });
		const once = await preview(moderator, id);
		expect(once.import.status).toBe('done');
		const created = await app.database.db.select({ id: initiative.id }).from(initiative).where(inArray(initiative.iatiIdentifier, [GIZ, IOM]));
		expect(created).toHaveLength(2);

		// a run that died in the middle: applying, one row left, no sign of life for a minute; the job's retry finishes it
		await app.database.db
			.update(atlasImportActivity)
			.set({ outcome: null })
			.where(and(eq(atlasImportActivity.importId, id), eq(atlasImportActivity.identifier, IOM)));
		await app.database.db.update(atlasImport).set({ status: 'applying', heartbeatAt: new Date(Date.now() - 60_000) }).where(eq(atlasImport.id, id));
		await applyQueuedImport(importEnvOf(app), claimed);
		const finished = await preview(moderator, id);
		expect(finished.import.status).toBe('done');
		expect(finished.activities.find((activity) => activity.iatiIdentifier === IOM)?.outcome).toBe('unchanged');
		expect(await app.database.db.select({ id: initiative.id }).from(initiative).where(inArray(initiative.iatiIdentifier, [GIZ, IOM]))).toHaveLength(2);

		// a job for an import already done changes nothing
		await applyQueuedImport(importEnvOf(app), claimed);
		expect((await preview(moderator, id)).import.status).toBe('done');
	});
});

describe('organisations named by identifier', () => {
	it('an agency’s IATI identifier finds the organisation the Atlas knows, whatever the name; placeholders make none', async () => {
		const organisationsBefore = (await tableCounts()).organisations;
		const xml = `<?xml version="1.0" encoding="UTF-8"?><iati-activities version="2.03"><iati-activity xml:lang="en" default-currency="USD">
			<iati-identifier>XM-DAC-47066-TEST-REF</iati-identifier><title><narrative>Assisted voluntary return and reintegration, Morocco</narrative></title>
			<participating-org role="1" ref="XI-IATI-EC_NEAR" type="15"><narrative>European Commission - Directorate-General for Neighbourhood and Enlargement Negotiations</narrative></participating-org>
			<participating-org role="4" ref="XM-DAC-47066" type="40"><narrative>International Organization for Migration</narrative></participating-org>
			<participating-org role="4" type="70"><narrative>Various local vendors</narrative></participating-org>
			<activity-status code="2"/><activity-date type="2" iso-date="2023-01-01"/><recipient-country code="MA"/>
			<sector vocabulary="1" code="15190"/></iati-activity></iati-activities>`;
		const id = await createIatiImport(contextFor(app.database.db, moderator), { fileName: 'iom-ref.xml', body: textStream(xml) });
		await applyImport(contextFor(app.database.db, moderator), env(), id, { only: { identifiers: ['XM-DAC-47066-TEST-REF'] } });
		await app.settle();
		const [row] = (await preview(moderator, id)).activities;
		expect(row.outcome).toBe('created');
		const created = await getInitiative(app.database.db, row.initiative!.slug);
		expect(created!.organisations.map((entry) => `${entry.role}:${entry.slug}`).sort()).toEqual(['funder:union-europeenne', 'implementer:oim']);
		expect((await tableCounts()).organisations).toBe(organisationsBefore);
	});
});

describe('one initiative per IATI activity (issue 17, rule 13)', () => {
	it('a partner’s waiting proposal of the activity becomes a change of the initiative a moderator’s import publishes; a second one is refused', async () => {
		const identifier = 'XM-TEST-ONE-RECORD';
		const xml = `<?xml version="1.0" encoding="UTF-8"?><iati-activities version="2.03"><iati-activity xml:lang="fr" default-currency="EUR">
			<iati-identifier>${identifier}</iati-identifier><title><narrative>Mobilité des compétences, un seul dossier</narrative></title>
			<participating-org role="4" ref="XM-DAC-47066" type="40"><narrative>OIM</narrative></participating-org>
			<activity-status code="2"/><activity-date type="2" iso-date="2024-01-01"/><recipient-country code="MA"/>
			<sector vocabulary="1" code="15190"/></iati-activity></iati-activities>`;
		const partnerImport = await createIatiImport(contextFor(app.database.db, partner), { fileName: 'partner.xml', body: textStream(xml) });
		await applyImport(contextFor(app.database.db, partner), env(), partnerImport, { only: { identifiers: [identifier] } });
		await app.settle();
		const [proposed] = (await preview(partner, partnerImport)).activities;
		expect(proposed.outcome).toBe('proposed');

		const moderatorImport = await createIatiImport(contextFor(app.database.db, moderator), { fileName: 'moderator.xml', body: textStream(xml) });
		await applyImport(contextFor(app.database.db, moderator), env(), moderatorImport, { all: 'all' });
		await app.settle();
		const [published] = (await preview(moderator, moderatorImport)).activities;
		expect(published.outcome).toBe('created');
		const [proposal] = await app.database.db.select().from(moderationProposal).where(eq(moderationProposal.id, proposed.proposalId!));
		expect(proposal).toMatchObject({ subjectId: published.initiative!.id, baseVersion: 1, status: 'pending' });
		expect(await app.database.db.select({ id: initiative.id }).from(initiative).where(sql`upper(${initiative.iatiIdentifier}) = ${identifier}`)).toHaveLength(1);

		// the same identifier again, in any case: refused, with the initiative that holds it
		const again = createInitiative(contextFor(app.database.db, moderator), {
			title: { fr: 'Doublon' },
			status: 'ongoing',
			sources: [{ citation: 'Test' }],
			iatiIdentifier: identifier.toLowerCase()
		});
		await expect(again).rejects.toSatisfy(
			(error) => isAppError(error) && error.code === 'conflict' && error.fields.some((field) => field.path === 'iatiIdentifier' && field.values?.other === published.initiative!.slug)
		);
	});
});

describe('CSV and XLSX imports', () => {
	const sample: InitiativeInput[] = [
		{
			slug: 'import-roundtrip-one',
			iatiIdentifier: 'XM-TEST-ROUNDTRIP-1',
			title: { fr: 'Guichets de la diaspora à Oujda', ar: 'شبابيك الجالية بوجدة', en: 'Diaspora desks in Oujda' },
			summary: { fr: 'Accueil et orientation | avec barre', en: 'Welcome, guidance' },
			status: 'ongoing',
			plannedStart: '2022-02-01',
			plannedEnd: '2025-06-30',
			actualStart: '2022-03-15',
			nationalScope: false,
			regions: ['MA-02'],
			provinces: ['MA-OUJ'],
			communes: ['02.411.01.23', '02.113.01.09'],
			otherPlaces: 'Douar Laaouinate',
			countries: ['FR', 'BE'],
			themes: ['diaspora_investment', 'migration_development'],
			targetGroups: ['moroccans_abroad', 'entrepreneurs_investors'],
			budget: { total: 1_250_000.5, currency: 'EUR' },
			organisations: [
				{ organisation: 'union-europeenne', role: 'funder', amount: 1_000_000, currency: 'EUR' },
				{ organisation: 'giz', role: 'funder' },
				{ organisation: 'anapec', role: 'implementer' },
				{ organisation: 'region-oriental', role: 'beneficiary' }
			],
			sources: [
				{ citation: 'Rapport annuel 2023', url: 'https://example.org/rapport', date: '2024-01-10' },
				{ citation: 'Fiche projet' }
			],
			website: 'https://example.org/guichets',
			contact: 'contact@example.org',
			lastVerifiedOn: '2025-01-10'
		},
		{
			slug: 'import-roundtrip-two',
			title: { fr: 'Observatoire régional des migrations du Souss' },
			status: 'completed',
			startYear: 2016,
			endYear: 2019,
			nationalScope: true,
			themes: ['research_data'],
			sources: [{ citation: 'Étude HCP 2019' }],
			organisations: [{ organisation: 'oim', role: 'partner' }]
		}
	];
	const slugs = sample.map((entry) => entry.slug!);
	const exportOf = (format: 'csv' | 'xlsx', lang: 'fr' | 'ar' | 'en', hxl = false) =>
		exportToBuffer(app.database.db, { format, lang, hxl, filters: { q: undefined, sample: 'include' } }).then((buffer) => buffer);
	const comparable = async (slug: string) => {
		const detail = await getInitiative(app.database.db, slug);
		return {
			...detail,
			id: undefined,
			version: undefined,
			versions: undefined,
			createdAt: undefined,
			updatedAt: undefined,
			description: undefined,
			points: undefined,
			deliverables: undefined,
			organisations: detail.organisations.map((entry) => ({ ...entry, id: undefined }))
		};
	};
	async function tableImport(actor: Actor, bytes: Uint8Array, kind: 'csv' | 'xlsx', fileName = `atlas.${kind}`) {
		const id = await createTableImport(contextFor(app.database.db, actor), { fileName, bytes, kind });
		const mapping = (await preview(actor, id)).import.mapping!;
		await saveMapping(contextFor(app.database.db, actor), id, mapping);
		return id;
	}
	const only = (buffer: Buffer) => {
		// keep the header (and HXL) rows and our two initiatives' rows
		const lines = buffer.toString('utf8').split('\r\n');
		return Buffer.from(lines.filter((line, index) => index < 2 || slugs.some((slug) => line.startsWith(`${slug},`))).join('\r\n'));
	};

	beforeAll(async () => {
		for (const input of sample) await createInitiative(contextFor(app.database.db, null), input);
	});

	it('an exported CSV (with its HXL row) re-imports: known and unchanged, then into an empty Atlas, the same initiatives', async () => {
		const csv = only(await exportOf('csv', 'fr', true));
		const before = await Promise.all(slugs.map(comparable));
		const id = await tableImport(moderator, csv, 'csv');
		const detail = await preview(moderator, id);
		expect(detail.import).toMatchObject({ kind: 'csv', hxl: true, status: 'previewed' });
		// derived columns are ignored; every other column is recognised from its French header
		expect(detail.import.mapping!.filter(Boolean).sort()).toEqual(importableColumnKeys().sort());
		expect(detail.activities.map((activity) => [activity.state, activity.problems])).toEqual([
			['known', []],
			['known', []]
		]);
		await applyImport(contextFor(app.database.db, moderator), env(), id, { all: 'all' });
		await app.settle();
		expect((await preview(moderator, id)).activities.map((activity) => activity.outcome)).toEqual(['unchanged', 'unchanged']);

		// into an Atlas without them: the same initiatives again
		await app.database.db.delete(initiative).where(inArray(initiative.slug, slugs));
		const again = await tableImport(moderator, csv, 'csv');
		expect((await preview(moderator, again)).activities.map((activity) => activity.state)).toEqual(['new', 'new']);
		await applyImport(contextFor(app.database.db, moderator), env(), again, { all: 'all' });
		await app.settle();
		expect((await preview(moderator, again)).activities.map((activity) => activity.outcome)).toEqual(['created', 'created']);
		expect(await Promise.all(slugs.map(comparable))).toEqual(before);
	});

	it('an XLSX export in Arabic re-imports unchanged; an edited cell becomes a new version', async () => {
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load((await exportOf('xlsx', 'ar')) as unknown as ArrayBuffer);
		const sheet = workbook.worksheets[0];
		const keep: number[] = [1];
		sheet.eachRow((row, number) => {
			if (slugs.includes(String(row.getCell(1).value))) keep.push(number);
		});
		const trimmed = new ExcelJS.Workbook();
		const out = trimmed.addWorksheet('Initiatives');
		for (const number of keep) out.addRow((sheet.getRow(number).values as ExcelJS.CellValue[]).slice(1));
		const xlsx = new Uint8Array(await trimmed.xlsx.writeBuffer());
		const id = await tableImport(moderator, xlsx, 'xlsx');
		await applyImport(contextFor(app.database.db, moderator), env(), id, { all: 'all' });
		await app.settle();
		expect((await preview(moderator, id)).activities.map((activity) => activity.outcome)).toEqual(['unchanged', 'unchanged']);

		out.getRow(2).getCell(3).value = 'Guichets de la diaspora à Oujda et Nador';
		const edited = new Uint8Array(await trimmed.xlsx.writeBuffer());
		const next = await tableImport(moderator, edited, 'xlsx');
		await applyImport(contextFor(app.database.db, moderator), env(), next, { all: 'all' });
		await app.settle();
		expect((await preview(moderator, next)).activities.map((activity) => activity.outcome)).toEqual(['updated', 'unchanged']);
		const updated = await getInitiative(app.database.db, 'import-roundtrip-one');
		expect(updated.title.fr).toBe('Guichets de la diaspora à Oujda et Nador');
		expect(updated.title.ar).toBe('شبابيك الجالية بوجدة');
	});

	it('maps a hand-made table’s columns, and the dry run lists each row’s errors without changing anything', async () => {
		const csv = [
			'Titre;Statut;Début;Bailleurs;Thématiques;Pays;Remarque',
			'Formation des jeunes à Tanger;En cours;2024-02-30;giz | Inconnue SA;legal_migration | foo;SN;x',
			';planned;2024-01-01;;;;y',
			'Appui aux coopératives;completed;01/03/2021;Union européenne;Migration et développement;;z'
		].join('\n');
		const before = await tableCounts();
		const id = await createTableImport(contextFor(app.database.db, partner), { fileName: 'fait-main.csv', bytes: new TextEncoder().encode(csv), kind: 'csv' });
		const mapped = await preview(partner, id);
		expect(mapped.import.status).toBe('mapping');
		expect(mapped.import.mapping).toEqual([null, 'status', null, 'funders', 'themes', null, null]);
		// a column chosen twice, or no title, is refused
		expect(await failure(saveMapping(contextFor(app.database.db, partner), id, ['title_fr', 'status', 'status', null, null, null, null]))).toBe('invalid_input');
		expect(await failure(saveMapping(contextFor(app.database.db, partner), id, [null, 'status', null, null, null, null, null]))).toBe('invalid_input');
		await saveMapping(contextFor(app.database.db, partner), id, ['title_fr', 'status', 'planned_start', 'funders', 'themes', 'countries', null]);
		const rows = (await preview(partner, id, { filter: 'all' })).activities;
		// the row without a title first (critical), then the errors
		expect(rows.map((row) => row.position)).toEqual([3, 2, 4]);
		expect(rows[0].problems).toEqual([{ severity: 'critical', code: 'no_title', message: 'Aucun titre, dans aucune langue.' }]);
		expect(rows[1].problems.map((problem) => problem.message).sort()).toEqual(
			[
				'Colonne « Début prévu » : valeur non reconnue « 2024-02-30 », non importée.',
				'Colonne « Thématiques (codes) » : valeur non reconnue « foo », non importée.',
				'Organisation inconnue de l’Atlas : « Inconnue SA », non importée (créez-la d’abord ou utilisez son identifiant).',
				'Ne concerne pas le Maroc (aucun pays bénéficiaire MA).'
			].sort()
		);
		expect(rows[1]).toMatchObject({ concernsMorocco: false, chosen: false });
		expect(rows[2]).toMatchObject({ problems: [], chosen: true, preview: { start: '2021-03-01', themes: ['migration_development'] } });
		expect(await tableCounts()).toMatchObject({ initiatives: before.initiatives, proposals: before.proposals });
	});
});
