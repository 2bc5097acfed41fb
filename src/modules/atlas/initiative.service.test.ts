import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { aPerson, contextFor } from '../../platform/testing/people.ts';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { auditEvent } from '../../platform/audit/audit-event.table.ts';
import { initiative, initiativeVersion } from './atlas.table.ts';
import { InitiativeQuery, type InitiativeInput } from './atlas.schemas.ts';
import { atlasStats, createInitiative, createInitiatives, getInitiative, listGoodPractices, setGoodPractice, removeSampleInitiatives, searchInitiatives, updateInitiative } from './initiative.service.ts';
import { ensureAtlasReferenceData } from './atlas.data.ts';
import { AtlasReadModel, normalisedWords } from './atlas-read-model.ts';
import { generateInitiatives } from './generate.ts';
import { isAppError } from '../../platform/http/app-error.ts';
import { exportBatches } from './export/records.ts';
import { iatiActivity } from './export/iati/iati.ts';

let app: TestApp;
const search = (query: Record<string, unknown>) => searchInitiatives(app.database.db, InitiativeQuery.parse({ pageSize: 100, ...query }));
const slugs = async (query: Record<string, unknown>) => (await search(query)).items.map((item) => item.slug).sort();

const base = (over: Partial<InitiativeInput>): InitiativeInput => ({
	title: { fr: 'Initiative de test' },
	status: 'ongoing',
	sources: [{ citation: 'Test' }],
	...over
});

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	await createInitiative(contextFor(app.database.db, null), base({
		slug: 'test-tetouan',
		title: { fr: 'Jeunes entrepreneurs de Tétouan', ar: 'مبادرة الهجرة والتنمية في تطوان' },
		provinces: ['MA-TET'],
		themes: ['diaspora_investment'],
		targetGroups: ['youth'],
		plannedStart: '2010-03-01',
		plannedEnd: '2012-06-30',
		budget: { total: 1_115_000, currency: 'MAD' },
		organisations: [{ organisation: 'giz', role: 'funder' }, { organisation: 'anapec', role: 'implementer' }]
	}));
	await createInitiative(contextFor(app.database.db, null), base({
		slug: 'test-big-budget',
		title: { en: 'Large fund for students' },
		status: 'planned',
		regions: ['MA-09'],
		themes: ['research_data'],
		targetGroups: ['students'],
		countries: ['SN'],
		startYear: 2025,
		budget: { total: 2_000_000, currency: 'EUR' }
	}));
	await createInitiative(contextFor(app.database.db, null), base({
		slug: 'test-reintegration-oriental',
		title: { fr: 'Réintégration des migrants de retour dans l’Oriental', ar: 'إعادة إدماج المهاجرين العائدين في جهة الشرق' },
		summary: { fr: 'Accompagnement des jeunes qui rentrent au Maroc.', ar: 'مواكبة الشباب العائدين إلى المغرب.' },
		regions: ['MA-02'],
		themes: ['returnee_reintegration']
	}));
});
afterAll(async () => app?.close());

describe('real initial data', () => {
	it('loads the seeds’ initiatives with their facts, funders and sources, once', async () => {
		const sharaka = await getInitiative(app.database.db, 'sharaka');
		expect(sharaka.startYear).toBe(2014);
		expect(sharaka.status).toBe('completed');
		const funders = sharaka.organisations.filter((entry) => entry.role === 'funder').map((entry) => [entry.slug, entry.amount]);
		expect(funders).toEqual([['union-europeenne', 5_000_000], ['mae-france', 146_000], ['mae-pays-bas', 125_000]]);
		expect(sharaka.budget.eur).toBe(5_271_000);
		expect(sharaka.budget.mad).toBeCloseTo(5_271_000 * 11.16, 0);
		expect(sharaka.sources.length).toBeGreaterThan(0);
		expect(sharaka.versions.map((version) => version.number)).toEqual([1]);
		const primo = await getInitiative(app.database.db, 'primo-oriental');
		expect(primo.regions.map((region) => region.iso)).toEqual(['MA-02']);
		const recosa = await getInitiative(app.database.db, 'recosa-cooperation-sud-sud');
		expect([recosa.startYear, recosa.endYear]).toEqual([2018, 2021]);
		expect(recosa.countries.sort()).toEqual(['CI', 'ML', 'SN']);
		const deliverables = (await getInitiative(app.database.db, 'sharaka-composante-3a-insertion-immigres-regularises')).deliverables.map((d) => d.title);
		expect(deliverables.some((title) => title.includes('Welcome Anapec'))).toBe(true);

		// the programme and its components, PRIMO the pilot of component 1, shown from both sides
		expect(sharaka.parts.map((part) => [part.slug, part.relation])).toEqual(
			[
				'sharaka-composante-1-migration-developpement',
				'sharaka-composante-2-mobilisation-competences-mre',
				'sharaka-composante-3a-insertion-immigres-regularises',
				'sharaka-composante-3b-placement-international',
				'sharaka-composante-4-reintegration-mre'
			].map((slug) => [slug, 'component'])
		);
		expect(primo.partOf).toMatchObject({ slug: 'sharaka-composante-1-migration-developpement', relation: 'pilot' });
		const component3b = await getInitiative(app.database.db, 'sharaka-composante-3b-placement-international');
		expect([component3b.startYear, component3b.endYear, component3b.partOf?.slug]).toEqual([2014, 2017, 'sharaka']);
		const forthcoming = (await getInitiative(app.database.db, 'sharaka-composante-3a-insertion-immigres-regularises')).deliverables.filter((d) => d.status === 'forthcoming');
		expect(forthcoming.map((d) => [d.type, d.title.slice(0, 40)])).toEqual([['study', 'Étude sur l’insertion professionnelle de']]);

		const before = (await app.database.db.select({ n: sql<number>`count(*)::int` }).from(initiative))[0].n;
		await ensureAtlasReferenceData(app.database.db);
		const after = (await app.database.db.select({ n: sql<number>`count(*)::int` }).from(initiative))[0].n;
		expect(after).toBe(before);
	});
});

describe('the seeds’ facts', () => {
	it('brings the reviewed facts to a seed initiative nobody edited, as a new version, and leaves one a person edited alone', async () => {
		const db = app.database.db;
		const system = contextFor(db, null);
		// as an earlier release loaded them: component 2 without its years, PRIMO then edited by a moderator
		const component = await getInitiative(db, 'sharaka-composante-2-mobilisation-competences-mre');
		const [old] = await db.select({ snapshot: initiativeVersion.snapshot }).from(initiativeVersion).where(eq(initiativeVersion.initiativeId, component.id));
		const { startYear: _s, endYear: _e, ...olderFacts } = old.snapshot as Record<string, unknown>;
		await updateInitiative(system, component.id, olderFacts as InitiativeInput, { comment: 'Données initiales issues des documents de référence' });
		const moderator = await aPerson(db, { role: 'moderator' });
		const primo = await getInitiative(db, 'primo-oriental');
		const [primoSnapshot] = await db.select({ snapshot: initiativeVersion.snapshot }).from(initiativeVersion).where(eq(initiativeVersion.initiativeId, primo.id));
		await updateInitiative(system, primo.id, { ...(primoSnapshot.snapshot as InitiativeInput), otherPlaces: 'Oujda, quartier Al Qods' }, { userId: moderator.actor.userId, comment: 'Précision' });

		await ensureAtlasReferenceData(db);
		const corrected = await getInitiative(db, component.id);
		expect([corrected.startYear, corrected.endYear, corrected.version]).toEqual([2014, 2017, component.version + 2]);
		expect(corrected.versions[0].comment).toBe('Données initiales complétées d’après les documents de référence');
		expect((await getInitiative(db, primo.id)).otherPlaces).toBe('Oujda, quartier Al Qods');
		// nothing left to correct: a second start writes nothing
		await ensureAtlasReferenceData(db);
		expect((await getInitiative(db, component.id)).version).toBe(corrected.version);
	});

	it('gives every real initiative a source, and every deliverable of annex 3.4 once, typed', async () => {
		const unsourced = await app.database.db.execute(sql`select i.slug from ${initiative} i
			where not i.is_sample and not exists (select 1 from atlas.initiative_source s where s.initiative_id = i.id)`);
		expect((unsourced as unknown as { rows: unknown[] }).rows).toEqual([]);
		const deliverables = (await app.database.db.execute(sql`select d.title, d.type, count(*)::int as n from atlas.initiative_deliverable d
			join ${initiative} i on i.id = d.initiative_id where not i.is_sample group by d.title, d.type`)) as unknown as { rows: { title: string; type: string | null; n: number }[] };
		expect(deliverables.rows.filter((row) => row.n > 1)).toEqual([]);
		expect(deliverables.rows.filter((row) => row.type === null)).toEqual([]);
		for (const title of ['Synthèse — Situation et perspective', 'Document de présentation de l’offre provisoire', 'visite d’étude de l’ANAPEC à Arbetsförmedlingen', 'traitement des offres d’emploi à l’international', 'retour d’urgence des Marocains', 'membres du RAMre', 'tendances récentes de la recherche marocaine']) {
			expect(deliverables.rows.some((row) => row.title.includes(title)), title).toBe(true);
		}
		// annex 3.4 lists 32 deliverables (the research study included); the film, the programming tool and the return guide come from other pages
		expect(deliverables.rows.length).toBe(32 + 3);
	});

	it('names the initiatives and partners the seeds name', async () => {
		for (const slug of ['indimaj', 'appui-budgetaire-ue-politique-migratoire', 'deploiement-politiques-migratoires-quatre-regions', 'partenariat-germano-marocain-mobilite-professionnelle']) {
			expect((await getInitiative(app.database.db, slug)).sources.length, slug).toBeGreaterThan(0);
		}
		const sharaka = await getInitiative(app.database.db, 'sharaka');
		for (const partner of ['fedasil', 'delegation-ue', 'ministere-emploi-maroc', 'travail-italie', 'cefa', 'maroc-entrepreneurs']) {
			expect(sharaka.organisations.map((entry) => entry.slug)).toContain(partner);
		}
		// a partner region abroad is a place of the initiative, and its country is concerned
		const kayes = await getInitiative(app.database.db, 'convention-oriental-kayes');
		expect(kayes.foreignPlaces).toEqual([{ country: 'ML', region: 'Région de Kayes' }]);
		expect(await slugs({ q: 'Kayes', country: 'ML' })).toContain('convention-oriental-kayes');
		const recosa = await getInitiative(app.database.db, 'recosa-cooperation-sud-sud');
		expect(recosa.organisations.filter((entry) => entry.role === 'partner').map((entry) => entry.slug).sort()).toEqual(['ivoiriens-exterieur', 'maliens-exterieur', 'senegal-exterieur']);
	});
});

describe('what the source says about Morocco (issue 17, rules 3 and 4)', () => {
	it('counts Morocco’s share of a budget, shows both figures, and refuses shares that do not add up', async () => {
		const ctx = () => contextFor(app.database.db, null);
		await createInitiative(
			ctx(),
			base({
				slug: 'test-share',
				title: { fr: 'Programme Zorglub partagé' },
				startYear: 2032,
				nationalScope: true,
				countries: ['SN'],
				moroccoShare: 40,
				countryShares: [{ country: 'SN', percentage: 60 }],
				budget: { total: 1000, currency: 'EUR' },
				themes: ['south_south']
			})
		);
		const shared = await getInitiative(app.database.db, 'test-share');
		expect(shared.budget).toMatchObject({ eur: 1000, moroccoEur: 400 });
		const fromSql = await atlasStats(app.database.db, 'theme', { q: 'zorglub', theme: ['south_south'] });
		expect(fromSql.rows).toEqual([{ key: 'south_south', label: null, count: 1, budgetEur: 400, budgetUnknown: 0 }]);
		const model = await AtlasReadModel.load(app.database.db);
		expect(model.stats('theme', { q: 'zorglub', theme: ['south_south'] }, await normalisedWords(app.database.db, 'zorglub')).rows).toEqual(fromSql.rows);

		const refused = (input: Partial<InitiativeInput>) =>
			createInitiative(ctx(), base({ slug: 'test-share-bad', title: { fr: 'Parts fausses' }, ...input })).then(
				() => [],
				(error: unknown) => (isAppError(error) ? error.fields.map((field) => field.path) : ['?'])
			);
		expect(await refused({ nationalScope: true, countries: ['SN'], moroccoShare: 70, countryShares: [{ country: 'SN', percentage: 60 }] })).toEqual(['moroccoShare']);
		expect(await refused({ nationalScope: true, countryShares: [{ country: 'ML', percentage: 10 }] })).toEqual(['countryShares.0.country']);
		expect(await slugs({ q: 'parts fausses' })).toEqual([]);
	});

	it('an initiative placed only by a region that includes Morocco may concern Morocco; one placed in Morocco does not', async () => {
		const ctx = () => contextFor(app.database.db, null);
		await createInitiative(ctx(), base({ slug: 'test-north-africa', title: { fr: 'Afrique du Nord test' }, recipientRegions: [{ code: '189', vocabulary: '1' }] }));
		await createInitiative(ctx(), base({ slug: 'test-sahel', title: { fr: 'Sahel test' }, recipientRegions: [{ code: '289', vocabulary: '1' }] }));
		await createInitiative(ctx(), base({ slug: 'test-africa-oriental', title: { fr: 'Afrique et Oriental test' }, regions: ['MA-02'], recipientRegions: [{ code: '002', vocabulary: '2' }] }));
		expect((await getInitiative(app.database.db, 'test-north-africa')).mayConcernMorocco).toBe(true);
		expect((await getInitiative(app.database.db, 'test-sahel')).mayConcernMorocco).toBe(false);
		expect((await getInitiative(app.database.db, 'test-africa-oriental')).mayConcernMorocco).toBe(false);
		// the list says so too, from the SQL and from the read model alike
		const query = InitiativeQuery.parse({ q: 'test', pageSize: 100 });
		const listed = (await searchInitiatives(app.database.db, query)).items.filter((item) => item.slug.startsWith('test-'));
		const model = await AtlasReadModel.load(app.database.db);
		const fromModel = model.search(query, await normalisedWords(app.database.db, 'test')).items.filter((item) => item.slug.startsWith('test-'));
		for (const items of [listed, fromModel]) {
			expect(items.find((item) => item.slug === 'test-north-africa')?.mayConcernMorocco).toBe(true);
			expect(items.find((item) => item.slug === 'test-sahel')?.mayConcernMorocco).toBe(false);
			expect(items.find((item) => item.slug === 'test-africa-oriental')?.mayConcernMorocco).toBe(false);
		}
	});
});

describe('programmes within programmes', () => {
	it('links a part to its programme, refuses a loop, and counts the programme’s money once', async () => {
		const ctx = () => contextFor(app.database.db, null);
		await createInitiatives(ctx(), [
			base({ slug: 'test-programme', title: { fr: 'Programme de test' }, startYear: 2030, budget: { total: 1000, currency: 'EUR' }, themes: ['south_south'] }),
			base({ slug: 'test-phase-1', title: { fr: 'Phase 1' }, startYear: 2030, budget: { total: 400, currency: 'EUR' }, themes: ['south_south'], partOf: { initiative: 'test-programme', relation: 'phase' } })
		]);
		await createInitiative(ctx(), base({ slug: 'test-phase-2', title: { fr: 'Phase 2' }, themes: ['south_south'], partOf: { initiative: 'test-programme', relation: 'phase' } }));
		const programme = await getInitiative(app.database.db, 'test-programme');
		expect(programme.parts.map((part) => [part.slug, part.relation])).toEqual([['test-phase-1', 'phase'], ['test-phase-2', 'phase']]);
		// the programme cannot become a part of its own phase; an unknown programme is refused; nothing changes
		await expect(updateInitiative(ctx(), 'test-programme', base({ title: { fr: 'Programme de test' }, partOf: { initiative: 'test-phase-1' } }))).rejects.toSatisfy(
			(error) => isAppError(error) && error.fields.some((field) => field.path === 'partOf.initiative')
		);
		await expect(createInitiative(ctx(), base({ slug: 'test-orphan', partOf: { initiative: 'no-such-programme' } }))).rejects.toSatisfy(
			(error) => isAppError(error) && error.fields.some((field) => field.path === 'partOf.initiative' && field.messageKey === 'field_choice')
		);
		expect((await getInitiative(app.database.db, 'test-programme')).partOf).toBeNull();

		expect(await slugs({ theme: 'south_south', q: 'phase' })).toEqual(['test-phase-1', 'test-phase-2']);
		expect(await slugs({ theme: 'south_south', q: 'programme de test', components: 'exclude' })).toEqual(['test-programme']);
		expect(await slugs({ theme: 'south_south', q: 'phase', components: 'exclude' })).toEqual([]);
		// with its programme counted, phase 1's 400 € are in the programme's 1,000 €; phase 2 is not "unknown"
		const counted = await atlasStats(app.database.db, 'started', { theme: ['south_south'], from: 2030 });
		expect(counted.rows.find((row) => row.key === '2030')).toMatchObject({ count: 2, budgetEur: 1000, budgetUnknown: 0 });
		// phase 1 alone: its own money
		const alone = await atlasStats(app.database.db, 'theme', { q: 'phase 1', theme: ['south_south'] });
		expect(alone.rows).toEqual([{ key: 'south_south', label: null, count: 1, budgetEur: 400, budgetUnknown: 0 }]);
	});

	it('says how many initiatives a year filter leaves out because their years are unknown, and can include them', async () => {
		const dated = await slugs({ from: 2016, to: 2016 });
		expect(dated).not.toContain('primo-oriental');
		expect(await slugs({ from: 2016, to: 2016, undated: 'include' })).toEqual(expect.arrayContaining([...dated, 'primo-oriental', 'oim-migration-developpement-durable']));
		const undated = await slugs({ undated: 'only' });
		expect(undated).toEqual(expect.arrayContaining(['primo-oriental', 'oim-migration-developpement-durable', 'plateforme-reinsertion-tunisie', 'indimaj']));
		expect(undated).not.toContain('sharaka');
		const byStatus = await atlasStats(app.database.db, 'status', { sample: 'exclude' });
		expect(byStatus.rows.reduce((sum, row) => sum + row.count, 0)).toBe((await search({ sample: 'exclude' })).total);
	});
});

describe('writing', () => {
	it('keeps every version and audits each change in the same transaction', async () => {
		const created = await createInitiative(contextFor(app.database.db, null), base({ slug: 'test-versions' }));
		const updated = await updateInitiative(contextFor(app.database.db, null), 'test-versions', base({ title: { fr: 'Titre modifié' }, status: 'completed' }), {
			expectedVersion: 1,
			comment: 'Mise à jour'
		});
		expect(updated.version).toBe(2);
		const versions = await app.database.db.select().from(initiativeVersion).where(eq(initiativeVersion.initiativeId, created.id));
		expect(versions.map((version) => version.number).sort()).toEqual([1, 2]);
		const events = await app.database.db.select().from(auditEvent).where(eq(auditEvent.resourceId, created.id));
		expect(events.map((event) => event.action).sort()).toEqual(['initiative.create', 'initiative.update']);
		const detail = await getInitiative(app.database.db, created.id);
		expect(detail.title.fr).toBe('Titre modifié');
		expect(detail.version).toBe(2);
	});

	it('refuses a stale version with 409 and the current version', async () => {
		await expect(updateInitiative(contextFor(app.database.db, null), 'test-versions', base({}), { expectedVersion: 1 })).rejects.toSatisfy(
			(error) => isAppError(error) && error.code === 'conflict' && error.extra?.currentVersion === 2
		);
	});

	it('requires at least one source, one title language, known organisations and a free slug', async () => {
		const fails = async (input: InitiativeInput, path: string) =>
			expect(createInitiative(contextFor(app.database.db, null), input)).rejects.toSatisfy(
				(error) => isAppError(error) && error.fields.some((field) => field.path === path)
			);
		await fails(base({ slug: 'no-source', sources: [] }), 'sources');
		await fails(base({ slug: 'no-title', title: {} }), 'title');
		await fails(base({ slug: 'unknown-org', organisations: [{ organisation: 'nobody', role: 'funder' }] }), 'organisations.0.organisation');
		await expect(createInitiative(contextFor(app.database.db, null), base({ slug: 'sharaka' }))).rejects.toSatisfy(
			(error) => isAppError(error) && error.code === 'conflict'
		);
	});
});

describe('search', () => {
	it('ignores French accents and normalises Arabic', async () => {
		expect(await slugs({ q: 'Tetouan' })).toContain('test-tetouan');
		// the IOM programme's summary also names Tétouan and young entrepreneurs
		expect(await slugs({ q: 'TÉTOUAN jeunes' })).toEqual(['oim-migration-developpement-durable', 'test-tetouan']);
		expect(await slugs({ q: 'tetouan jeunes entrepreneurs de' })).toContain('test-tetouan');
		expect(await slugs({ q: 'الهجره' })).toContain('test-tetouan');
		expect(await slugs({ q: 'مبادره الهجرة' })).toContain('test-tetouan');
		expect(await slugs({ q: 'تِطْوان' })).toContain('test-tetouan');
		expect(await slugs({ q: 'Tetouan inexistant' })).toEqual([]);
		expect(await slugs({ q: 'Cooperation Sud-Sud' })).toContain('recosa-cooperation-sud-sud');
	});

	// The same initiative found in French and in Arabic: article, conjunction, plural and case endings,
	// hamza and ta marbuta forms do not matter in Arabic, as accents do not in French.
	it.each([
		['réintégration', 'الإدماج'],
		['reintegration', 'وإدماج'],
		['migrants', 'المهاجرون'],
		['migrant', 'مهاجر'],
		['retour', 'العائدون'],
		['jeunes', 'للشباب'],
		['Maroc', 'بالمغرب'],
		['Oriental', 'الشرق'],
		['migrants Oriental', 'مهاجرين الشرق']
	])('finds in French (%s) what it finds in Arabic (%s)', async (french, arabic) => {
		const inFrench = await slugs({ q: french });
		expect(inFrench).toContain('test-reintegration-oriental');
		expect(await slugs({ q: arabic })).toContain('test-reintegration-oriental');
	});

	it('filters by theme, region, province, country, status, funder, implementer, target, years and budget', async () => {
		expect(await slugs({ theme: 'diaspora_investment' })).toEqual(['test-tetouan']);
		expect(await slugs({ region: 'MA-01', theme: 'diaspora_investment', national: 'exclude' })).toEqual(['test-tetouan']);
		expect(await slugs({ province: 'MA-TET', national: 'exclude' })).toEqual(['test-tetouan']);
		expect(await slugs({ region: 'MA-02' })).toEqual(expect.arrayContaining(['primo-oriental', 'convention-oriental-kayes', 'oim-migration-developpement-durable']));
		expect(await slugs({ country: 'ML' })).toEqual(['convention-oriental-kayes', 'recosa-cooperation-sud-sud']);
		expect(await slugs({ status: 'planned' })).toEqual(['appui-budgetaire-ue-politique-migratoire', 'deploiement-politiques-migratoires-quatre-regions', 'test-big-budget']);
		expect(await slugs({ funder: 'bmz' })).toEqual(['recosa-cooperation-sud-sud']);
		expect(await slugs({ funder: 'giz' })).toEqual(['test-tetouan']);
		expect(await slugs({ implementer: 'anapec' })).toEqual(['test-tetouan']);
		expect(await slugs({ target: 'students' })).toEqual(expect.arrayContaining(['recosa-cooperation-sud-sud', 'test-big-budget']));
		expect(await slugs({ from: 2011, to: 2011 })).toEqual(['test-tetouan']);
		expect(await slugs({ from: 2019, to: 2019 })).toContain('recosa-cooperation-sud-sud');
		expect(await slugs({ from: 2019, to: 2019 })).not.toContain('sharaka');
		expect(await slugs({ budgetMin: 1_000_000 })).toEqual(['sharaka', 'test-big-budget']);
		expect(await slugs({ budgetMin: 100_000, budgetMax: 200_000 })).toEqual(['test-tetouan']);
		expect(await slugs({ theme: ['research_data', 'diaspora_investment'], status: 'planned,ongoing' })).toContain('test-big-budget');
	});

	it('shows national programmes under a region or province filter, counted apart, unless left out', async () => {
		const oriental = await search({ region: 'MA-02' });
		const onlyNational = oriental.items.filter((item) => !item.regions.includes('MA-02'));
		expect(onlyNational.map((item) => item.slug)).toContain('sharaka');
		expect(onlyNational.every((item) => item.nationalScope)).toBe(true);
		expect(oriental.national.onlyNational).toBe(onlyNational.length);
		expect(oriental.national.total).toBeGreaterThanOrEqual(onlyNational.length);

		const without = await search({ region: 'MA-02', national: 'exclude' });
		expect(without.total).toBe(oriental.total - onlyNational.length);
		expect(without.items.every((item) => item.regions.includes('MA-02'))).toBe(true);
		expect(without.national.onlyNational).toBe(0);

		expect(await slugs({ province: 'MA-TET' })).toEqual(expect.arrayContaining(['test-tetouan', 'sharaka']));
		// with no place chosen, nothing is "only national"
		expect((await search({})).national.onlyNational).toBe(0);
	});

	it('converts budgets with the yearly rate, sorts and paginates', async () => {
		const tetouan = await getInitiative(app.database.db, 'test-tetouan');
		expect(tetouan.budget.eur).toBe(100_000); // 1,115,000 MAD at 11.15 MAD/EUR (2010)
		expect(tetouan.budget.mad).toBe(1_115_000);
		const byBudget = await search({ sort: 'budget', pageSize: 2 });
		expect(byBudget.items.map((item) => item.slug)).toEqual(['sharaka', 'test-big-budget']);
		expect(byBudget.total).toBeGreaterThan(10);
		const second = await search({ sort: 'budget', pageSize: 2, page: 2 });
		expect(second.items[0].slug).toBe('test-tetouan');
		const byTitle = await search({ sort: 'title', lang: 'fr', pageSize: 100 });
		const titles = byTitle.items.map((item) => (item.title.fr ?? item.title.en ?? '').toLowerCase());
		expect(titles).toEqual([...titles].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
	});

	it('ranks by relevance: the words in the title first, then the earliest match', async () => {
		const make = (slug: string, title: string, summary: string) =>
			createInitiative(contextFor(app.database.db, null), base({ slug, title: { fr: title }, summary: { fr: summary } }));
		// created in the reverse of the expected order, so recency cannot explain the result
		await make('rank-summary-late', 'Programme régional', 'Formation puis accompagnement des coopératives agricoles');
		await make('rank-summary-early', 'Programme national', 'Coopératives agricoles : formation et accompagnement');
		await make('rank-title-one', 'Coopératives de femmes', 'Soutien aux filières agricoles');
		await make('rank-title-both', 'Coopératives agricoles de l’Oriental', 'Formation');
		const ranked = await search({ q: 'cooperatives agricoles', sort: 'relevance' });
		expect(ranked.items.map((item) => item.slug)).toEqual(['rank-title-both', 'rank-title-one', 'rank-summary-early', 'rank-summary-late']);
	});

	it('counts facets for the current filter', async () => {
		const result = await search({ region: 'MA-02', national: 'exclude' });
		expect(result.facets.region.find((entry) => entry.key === 'MA-02')?.count).toBe(result.total);
		expect(result.facets.theme.find((entry) => entry.key === 'south_south')?.count).toBe(1);
		expect(result.facets.status.map((entry) => entry.key).sort()).toEqual(['completed', 'ongoing']);
		const funders = (await search({})).facets.funder;
		expect(funders.find((entry) => entry.key === 'union-europeenne')).toMatchObject({ count: 5, name: 'Union européenne' });
	});
});

describe('stats', () => {
	it('counts initiatives and budgets by region, theme, year and funder', async () => {
		const byRegion = await atlasStats(app.database.db, 'region');
		expect(byRegion.rows).toHaveLength(12);
		expect(byRegion.rows.find((row) => row.key === 'MA-09')).toMatchObject({ count: 1, budgetEur: 2_000_000 });
		const byTheme = await atlasStats(app.database.db, 'theme', { status: ['planned'], q: 'big' });
		expect(byTheme.rows).toEqual([{ key: 'research_data', label: null, count: 1, budgetEur: 2_000_000, budgetUnknown: 0 }]);
		const byYear = await atlasStats(app.database.db, 'year');
		expect(byYear.rows.find((row) => row.key === '2011')?.count).toBe(1);
		// SHARAKA 2014–2017 and its five components: their money is in SHARAKA's budget, counted once, and not "unknown";
		// the seeds give no amount by year: its budget is spread evenly over its four years, never counted in each
		expect(byYear.rows.find((row) => row.key === '2015')).toMatchObject({ count: 6, budgetEur: 5_271_000 / 4, budgetUnknown: 0 });
		expect(byYear.rows.find((row) => row.key === '2017')?.count).toBe(8); // the same six, Lemma (2016–), Oriental–Kayes (2017–)
		// initiatives whose years the seeds do not give are a row of their own, last: PRIMO, the IOM programme…
		expect(byYear.rows.at(-1)).toMatchObject({ key: 'unknown' });
		expect(byYear.rows.at(-1)!.count).toBeGreaterThanOrEqual(5);
		expect(byYear.rows[0].key).toBe('2004');
		const byFunder = await atlasStats(app.database.db, 'funder');
		expect(byFunder.rows.find((row) => row.key === 'union-europeenne')).toMatchObject({ budgetEur: 5_000_000, count: 5 });
		// ranked by initiatives funded; the funder whose share is not split is "unknown", not 0 €
		expect(byFunder.rows.map((row) => row.count)).toEqual([...byFunder.rows.map((row) => row.count)].sort((a, b) => b - a));
		const giz = byFunder.rows.find((row) => row.key === 'giz')!;
		expect(giz).toMatchObject({ count: 1, budgetEur: 0, budgetUnknown: 1 });
		// an initiative with no budget is counted apart too
		const unknownBudgets = byRegion.rows.reduce((sum, row) => sum + row.budgetUnknown, 0);
		expect(unknownBudgets).toBeGreaterThan(0);
	});
});

describe('samples', () => {
	it('generates badged samples deterministically and removes them with one call', async () => {
		const started = Date.now();
		await generateInitiatives(contextFor(app.database.db, null), 300, { prefix: 'exemple', seed: 1 });
		expect(Date.now() - started).toBeLessThan(20_000);
		const samples = await search({ sample: 'only', pageSize: 1 });
		expect(samples.total).toBe(300);
		expect(samples.facets.region.length).toBeGreaterThan(8);
		const first = await getInitiative(app.database.db, 'exemple-000001');
		expect(first.isSample).toBe(true);
		expect(await removeSampleInitiatives(contextFor(app.database.db, null))).toBe(300);
		expect((await search({ sample: 'only' })).total).toBe(0);
		expect(await slugs({ slug: undefined, q: 'sharaka' })).toContain('sharaka');
	});
});

describe('analysis and good practices', () => {
	it('keeps results, lessons and an evaluation in the versions; a moderator marks a good practice with a reason, audited, kept across versions', async () => {
		const partnerCtx = contextFor(app.database.db, null);
		await createInitiative(partnerCtx, base({
			slug: 'test-good-practice',
			title: { fr: 'Caravane de l’emploi' },
			themes: ['legal_migration'],
			regions: ['MA-02'],
			results: { fr: '120 jeunes placés en stage' },
			lessons: { ar: 'الشراكة مع المقاولات ضرورية' },
			evaluation: { by: 'Cabinet COTA', date: '2017-12-01' }
		}));
		const created = await getInitiative(app.database.db, 'test-good-practice');
		expect(created.results.fr).toBe('120 jeunes placés en stage');
		expect(created.lessons.ar).toBe('الشراكة مع المقاولات ضرورية');
		expect(created.evaluation).toMatchObject({ by: 'Cabinet COTA', date: '2017-12-01' });
		expect(created.goodPractice).toBeNull();
		// the results are searchable
		expect(await slugs({ q: 'stage', theme: 'legal_migration' })).toContain('test-good-practice');

		// only moderators mark; a reason is required
		const partner = contextFor(app.database.db, await aPerson(app.database.db, { role: 'partner' }));
		await expect(setGoodPractice(partner, 'test-good-practice', { fr: 'Efficace' })).rejects.toSatisfy((error) => isAppError(error) && error.code === 'forbidden');
		const moderator = contextFor(app.database.db, await aPerson(app.database.db, { role: 'moderator' }));
		await expect(setGoodPractice(moderator, 'test-good-practice', { fr: '  ' })).rejects.toSatisfy(
			(error) => isAppError(error) && error.fields.some((field) => field.path === 'reason' && field.messageKey === 'field_required')
		);
		await setGoodPractice(moderator, 'test-good-practice', { fr: 'Un modèle de partenariat avec les entreprises' });
		const marked = await getInitiative(app.database.db, 'test-good-practice');
		expect(marked.goodPractice?.reason.fr).toBe('Un modèle de partenariat avec les entreprises');
		expect(marked.version).toBe(1);
		const events = await app.database.db.select().from(auditEvent).where(eq(auditEvent.resourceId, marked.id));
		expect(events.map((event) => event.action)).toContain('initiative.good_practice');

		// listed, filtered by region; a new version keeps the mark
		expect((await listGoodPractices(app.database.db, { region: ['MA-02'] })).map((entry) => entry.slug)).toContain('test-good-practice');
		expect((await listGoodPractices(app.database.db, { region: ['MA-09'], national: 'exclude' })).map((entry) => entry.slug)).not.toContain('test-good-practice');
		expect(await slugs({ goodPractice: 'only' })).toEqual(['test-good-practice']);
		await updateInitiative(partnerCtx, 'test-good-practice', base({ title: { fr: 'Caravane de l’emploi (phase 2)' }, themes: ['legal_migration'], regions: ['MA-02'] }));
		expect((await getInitiative(app.database.db, 'test-good-practice')).goodPractice).not.toBeNull();
		await setGoodPractice(moderator, 'test-good-practice', null);
		expect(await slugs({ goodPractice: 'only' })).toEqual([]);
	});
});

describe('a text in the source’s own language (issue 17, rule 9)', () => {
	it('keeps a Spanish title when a moderator adds the French translation, and exports both to IATI', async () => {
		const ctx = contextFor(app.database.db, null);
		const facts = { actualStart: '2022-01-01', organisations: [{ organisation: 'giz', role: 'funder' as const }] };
		await createInitiative(ctx, base({ slug: 'test-spanish', title: { es: 'Movilidad laboral entre Marruecos y España' }, summary: { es: 'Proyecto piloto.' }, ...facts }));
		expect((await getInitiative(app.database.db, 'test-spanish')).title).toEqual({ es: 'Movilidad laboral entre Marruecos y España' });
		// the form edits fr, ar, en: the Spanish original stays
		await updateInitiative(ctx, 'test-spanish', base({ title: { fr: 'Mobilité professionnelle entre le Maroc et l’Espagne' }, summary: { fr: 'Projet pilote.' }, ...facts }));
		const detail = await getInitiative(app.database.db, 'test-spanish');
		expect(detail.title).toEqual({ fr: 'Mobilité professionnelle entre le Maroc et l’Espagne', es: 'Movilidad laboral entre Marruecos y España' });
		expect(detail.summary).toEqual({ fr: 'Projet pilote.', es: 'Proyecto piloto.' });
		expect((await search({ q: 'movilidad laboral' })).items.map((item) => item.slug)).toContain('test-spanish');
		let record;
		for await (const batch of exportBatches(app.database.db, {})) record ??= batch.find((entry) => entry.slug === 'test-spanish');
		const exported = iatiActivity(record!);
		expect('xml' in exported && exported.xml).toContain('<narrative xml:lang="es">Movilidad laboral entre Marruecos y España</narrative>');
		expect('xml' in exported && exported.xml).toContain('<narrative xml:lang="fr">Mobilité professionnelle');
	});

	it('refuses a key that is no language code', async () => {
		await expect(createInitiative(contextFor(app.database.db, null), base({ slug: 'test-bad-language', title: { fr: 'Titre', 'not a language': 'x' } }))).rejects.toSatisfy(
			(error) => isAppError(error) && error.code === 'invalid_input'
		);
	});
});
