import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refusalOf } from '../../platform/testing/refusal.ts';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { aPerson, contextFor } from '../../platform/testing/people.ts';
import { organisation } from '../../platform/accounts/accounts.table.ts';
import { auditEvent } from '../../platform/audit/audit-event.table.ts';
import type { Actor } from '../../platform/policy/policy.ts';
import { parseOrThrow } from '../../platform/http/validation.ts';
import { ensureSupportReferenceData, loadSupportDemoData } from './support.data.ts';
import { initialRightsPages } from './support-rights-content.ts';
import { ProgrammeForm, ProgrammeListQuery } from './support-schemas.ts';
import { contentPageSummary, getContentPage, listContentPages, reviseContentPage } from '../../platform/content/content-pages.service.ts';
import { ContentPageForm } from '../../platform/content/content-pages.form.ts';
import { rightsPages } from './rights-pages.ts';
import {
	createDirectoryEntry,
	getDirectoryEntry,
	searchDirectory,
	setDirectoryEntryStatus,
	updateDirectoryEntry
} from '../../platform/directory/directory.service.ts';
import { INITIATIVE_LINK, programmeQuery, supportProgrammes } from './programmes.ts';
import { backlinksTo, linkChoices, resolveLinks } from '../../platform/kernel/links.ts';

let app: TestApp;
let moderator: Actor;
let partner: Actor;
let member: Actor;
let ownOrg: string;
let otherOrg: string;


const query = (values: Record<string, string> = {}) => parseOrThrow(ProgrammeListQuery, values);

function programmeForm(organisationId: string, overrides: Record<string, string | string[]> = {}) {
	return parseOrThrow(ProgrammeForm, {
		organisationId,
		name_fr: 'Cours de français à Fès',
		description_fr: 'Des cours du soir pour adultes.',
		eligibility_fr: 'Adultes',
		services: 'language_courses',
		regions: 'MA-03',
		cities: 'Fès, Meknès',
		languages: ['fr', 'wo'],
		...overrides
	});
}

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	const db = app.database.db;
	await aPerson(app.database.db, { id: 'mod-1', name: 'Mona Moderator', role: 'moderator' });
	await aPerson(app.database.db, { id: 'partner-1', name: 'Paul Partner', role: 'partner' });
	await aPerson(app.database.db, { id: 'member-1', name: 'Mia Member', role: 'member' });
	const [own, other] = await db
		.insert(organisation)
		.values([
			{ slug: 'own-assoc', name: 'Association Amitié', type: 'ngo' },
			{ slug: 'other-assoc', name: 'Autre association', type: 'ngo' }
		])
		.returning();
	ownOrg = own.id;
	otherOrg = other.id;
	moderator = { userId: 'mod-1', role: 'moderator', organisationIds: [] };
	partner = { userId: 'partner-1', role: 'partner', organisationIds: [ownOrg] };
	member = { userId: 'member-1', role: 'member', organisationIds: [ownOrg] };
});

afterAll(async () => {
	await app?.close();
});

describe('rights pages (the platform\'s content pages, collection jobs.rights)', () => {
	it('exist from the start, one per initial topic, in three languages, and a second run adds nothing', async () => {
		const db = app.database.db;
		await ensureSupportReferenceData(db);
		const pages = await listContentPages(db, rightsPages);
		expect(pages.map((row) => row.page.slug).sort()).toEqual(initialRightsPages.map((page) => page.slug).sort());
		for (const { version } of pages) {
			expect(version.version).toBe(1);
			for (const language of ['fr', 'ar', 'en'] as const) {
				expect(version.title[language]).toBeTruthy();
				expect(version.body[language]).toBeTruthy();
				expect(version.steps[language]?.length).toBeGreaterThan(0);
				// plain and short: at most 300 words of text
				expect(version.body[language]!.split(/\s+/).length).toBeLessThanOrEqual(300);
			}
			expect(version.sources.length).toBeGreaterThan(0);
		}
		// ordered by topic: residence first, the employment agency last
		expect(pages[0].page.topic).toBe('residence');
		expect(pages.at(-1)!.page.topic).toBe('employment_support');
	});

	it('keeps a page a moderator changed when reference data runs again; partners may not edit', async () => {
		const db = app.database.db;
		const before = await getContentPage(db, rightsPages, 'rights-at-work');
		const revision = parseOrThrow(ContentPageForm, {
			baseVersion: String(before.version.version),
			title_fr: 'Vos droits au travail (mis à jour)',
			body_fr: 'Texte revu.',
			sources: 'Code du travail',
			reviewedOn: '2026-11-20',
			comment: 'Relu avec l’inspection du travail'
		});
		expect(await refusalOf(reviseContentPage(contextFor(db, partner), rightsPages, 'rights-at-work', revision))).toBe('forbidden');
		await reviseContentPage(contextFor(db, moderator), rightsPages, 'rights-at-work', revision);
		await ensureSupportReferenceData(db);
		const after = await getContentPage(db, rightsPages, 'rights-at-work');
		expect(after.version.title.fr).toBe('Vos droits au travail (mis à jour)');
		expect(after.latest).toBe(2);
		expect(contentPageSummary(rightsPages, after.page, after.version, 'ar').url).toBe('/ar/jobs/rights/rights-at-work');
		const [audit] = await db.select().from(auditEvent).where(eq(auditEvent.action, 'rights_page.revise'));
		expect(audit).toMatchObject({ resourceType: 'rights_page', resourceId: after.page.id });
	});
});

describe('support programmes', () => {
	let programmeId: string;

	it('lets a partner create a programme for their own organisation only, and audits it', async () => {
		const db = app.database.db;
		const created = await createDirectoryEntry(contextFor(db, partner), supportProgrammes, programmeForm(ownOrg));
		programmeId = created.id;
		expect(created.cities).toEqual(['Fès', 'Meknès']);
		expect(created.isSample).toBe(false);
		expect(await refusalOf(createDirectoryEntry(contextFor(db, partner), supportProgrammes, programmeForm(otherOrg)))).toBe('forbidden');
		expect(await refusalOf(createDirectoryEntry(contextFor(db, member), supportProgrammes, programmeForm(ownOrg)))).toBe('forbidden');
		const audit = await db.select().from(auditEvent).where(eq(auditEvent.resourceId, created.id));
		expect(audit.map((row) => row.action)).toEqual(['support_programme.create']);
	});

	it('finds programmes by words without accents, by city, region, service and language, with facets', async () => {
		const db = app.database.db;
		await createDirectoryEntry(contextFor(db, moderator), supportProgrammes,
			programmeForm(otherOrg, {
				name_fr: 'Permanence juridique',
				description_fr: 'Conseil sur le contrat de travail.',
				services: ['legal_aid', 'administrative_help'],
				regions: 'MA-04',
				cities: 'Rabat',
				languages: ['ar', 'en']
			})
		);
		const names = async (values: Record<string, string>) =>
			(await searchDirectory(db, supportProgrammes, query(values), 'fr')).items.map((row) => row.entry.name.fr);
		expect(await names({ q: 'francais fes' })).toEqual(['Cours de français à Fès']);
		expect(await names({ q: 'AMITIE' })).toEqual(['Cours de français à Fès']); // the organisation's name
		expect(await names({ city: 'fes' })).toEqual(['Cours de français à Fès']);
		expect(await names({ region: 'MA-04' })).toEqual(['Permanence juridique']);
		expect(await names({ service: 'legal_aid' })).toEqual(['Permanence juridique']);
		expect(await names({ language: 'wo' })).toEqual(['Cours de français à Fès']);
		expect(await names({ q: '100%' })).toEqual([]);
		const all = await searchDirectory(db, supportProgrammes, query(), 'fr');
		expect(all.total).toBe(2);
		expect(all.facets.services).toEqual(
			expect.arrayContaining([
				{ value: 'language_courses', count: 1 },
				{ value: 'legal_aid', count: 1 }
			])
		);
		expect(all.facets.regions).toEqual(expect.arrayContaining([{ value: 'MA-03', count: 1 }, { value: 'MA-04', count: 1 }]));
	});

	it('lets the partner edit their programme but not another organisation’s, and records what changed', async () => {
		const db = app.database.db;
		const updated = await updateDirectoryEntry(contextFor(db, partner), supportProgrammes, programmeId, programmeForm(ownOrg, { name_en: 'French classes in Fez' }));
		expect(updated.name).toEqual({ fr: 'Cours de français à Fès', en: 'French classes in Fez' });
		const [other] = (await searchDirectory(db, supportProgrammes, query({ service: 'legal_aid' }), 'fr')).items;
		expect(await refusalOf(updateDirectoryEntry(contextFor(db, partner), supportProgrammes, other.entry.id, programmeForm(ownOrg)))).toBe('forbidden');
		// nor move their own programme to an organisation they do not belong to
		expect(await refusalOf(updateDirectoryEntry(contextFor(db, partner), supportProgrammes, programmeId, programmeForm(otherOrg)))).toBe('forbidden');
		const [audit] = await db.select().from(auditEvent).where(eq(auditEvent.action, 'support_programme.update'));
		expect(audit.before).toEqual({ name: { fr: 'Cours de français à Fès' } });
		expect(audit.after).toEqual({ name: { fr: 'Cours de français à Fès', en: 'French classes in Fez' } });
	});

	it('hides an archived programme from the directory and from the public, not from its editors', async () => {
		const db = app.database.db;
		await setDirectoryEntryStatus(contextFor(db, partner), supportProgrammes, programmeId, 'archived');
		expect((await searchDirectory(db, supportProgrammes, query({ q: 'fes' }), 'fr')).total).toBe(0);
		expect(await refusalOf(getDirectoryEntry(db, supportProgrammes, programmeId, null))).toBe('not_found');
		expect(await refusalOf(getDirectoryEntry(db, supportProgrammes, programmeId, member))).toBe('not_found');
		expect((await getDirectoryEntry(db, supportProgrammes, programmeId, partner)).entry.status).toBe('archived');
		await setDirectoryEntryStatus(contextFor(db, moderator), supportProgrammes, programmeId, 'active');
		expect((await searchDirectory(db, supportProgrammes, query({ q: 'fes' }), 'fr')).total).toBe(1);
		const actions = (await db.select().from(auditEvent).where(eq(auditEvent.resourceId, programmeId))).map((row) => row.action);
		expect(actions).toEqual(expect.arrayContaining(['support_programme.archive', 'support_programme.restore']));
	});

	it('refuses a programme without a name, a service or a language', () => {
		const result = ProgrammeForm.safeParse({ organisationId: ownOrg, description_fr: 'x', cities: '', phone: 'call me' });
		expect(result.success).toBe(false);
		const paths = result.error!.issues.map((issue) => issue.path.join('.'));
		expect(paths).toEqual(expect.arrayContaining(['name_fr', 'services', 'languages', 'phone']));
	});

	it('loads about fifteen sample programmes in demo mode, all badged as samples', async () => {
		const demo = await createTestApp({}, { referenceData: true });
		try {
			const db = demo.database.db;
			await db.insert(organisation).values([
				{ slug: 'expertise-france', name: 'Expertise France', type: 'cooperation_agency' },
				{ slug: 'oim', name: 'OIM', type: 'un_agency' }
			]).onConflictDoNothing(); // other modules' reference data may hold them already
			await loadSupportDemoData(db);
			const result = await searchDirectory(db, supportProgrammes, query({ pageSize: '100' }), 'fr');
			expect(result.total).toBeGreaterThanOrEqual(12);
			expect(result.items.every((row) => row.entry.isSample)).toBe(true);
			expect(result.items.some((row) => row.organisation.slug === 'expertise-france')).toBe(true);
			expect(result.items.some((row) => row.organisation.name.endsWith('(exemple)'))).toBe(true);
		} finally {
			await demo.close();
		}
	});
});

describe('a programme within an Atlas initiative (links between modules)', () => {
	const component3a = 'atlas.initiative:sharaka-composante-3a-insertion-immigres-regularises';

	it('offers the Atlas initiatives by name in the page language, and keeps the chosen one', async () => {
		const db = app.database.db;
		const choices = await linkChoices(db, INITIATIVE_LINK, 'en');
		const choice = choices.find((row) => row.value === component3a);
		// the seeds' initiatives are titled in French: an English page offers the French title
		expect(choice?.label).toMatch(/^SHARAKA, composante 3A/);
		expect(choice?.keywords).toContain('Intégration');
		const created = await createDirectoryEntry(contextFor(db, partner), supportProgrammes, programmeForm(ownOrg, { links: component3a }));
		expect(created.links).toEqual([component3a]);
		const [shown] = await resolveLinks(db, created.links, 'fr');
		expect(shown).toMatchObject({ path: '/atlas/initiatives/sharaka-composante-3a-insertion-immigres-regularises', isSample: false });
		expect(shown.label).toMatch(/SHARAKA|immigr/i);
	});

	it('lists the initiative\'s programmes (filter and the initiative page\'s count)', async () => {
		const db = app.database.db;
		const result = await searchDirectory(db, supportProgrammes, programmeQuery(query({ initiative: 'sharaka-composante-3a-insertion-immigres-regularises' })), 'fr');
		expect(result.total).toBe(1);
		// the programmes' count among the initiative's backlinks (the library's documents of the component link to it too)
		const backlinks = (await backlinksTo(db, component3a)).filter((backlink) => backlink.titleKey.startsWith('support.'));
		expect(backlinks).toEqual([{ titleKey: 'support.programmes_of_initiative', count: 1, path: '/jobs/programmes?initiative=sharaka-composante-3a-insertion-immigres-regularises' }]);
		expect((await backlinksTo(db, 'atlas.initiative:primo-oriental')).filter((backlink) => backlink.titleKey.startsWith('support.'))).toEqual([]);
	});

	it('refuses an initiative that does not exist or a kind of record programmes do not link to, changing nothing', async () => {
		const db = app.database.db;
		const created = await createDirectoryEntry(contextFor(db, partner), supportProgrammes, programmeForm(ownOrg));
		for (const links of ['atlas.initiative:no-such-initiative', 'knowledge.document:anything', 'sharaka']) {
			const refusal = await updateDirectoryEntry(contextFor(db, partner), supportProgrammes, created.id, programmeForm(ownOrg, { links, name_fr: 'Renommé' })).catch((failure: unknown) => failure);
			expect(refusal).toMatchObject({ code: 'invalid_input', fields: [{ path: 'links' }] });
		}
		const after = await getDirectoryEntry(db, supportProgrammes, created.id, partner);
		expect(after.entry.links).toEqual([]);
		expect(after.entry.name.fr).toBe('Cours de français à Fès');
	});
});
