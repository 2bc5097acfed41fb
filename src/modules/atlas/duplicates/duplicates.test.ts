import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contextFor } from '../../../platform/testing/people.ts';
import { eq, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import { organisation } from '../../../platform/accounts/accounts.table.ts';
import type { InitiativeInput } from '../atlas.schemas.ts';
import { createInitiative } from '../initiative.service.ts';
import { findLikelyDuplicates, likelyDuplicatesOfProposal } from './duplicates.ts';
import { InitiativeInput as InitiativeSchema } from '../atlas.schemas.ts';

let app: TestApp;
const ids: Record<string, string> = {};
let giz: string;

const input = (slug: string, over: Partial<InitiativeInput>): InitiativeInput => ({
	slug,
	title: { fr: slug },
	status: 'ongoing',
	sources: [{ citation: 'Rapport annuel' }],
	...over
});

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	const db = app.database.db;
	[{ id: giz }] = await db.select({ id: organisation.id }).from(organisation).where(eq(organisation.slug, 'giz'));
	const initiatives: InitiativeInput[] = [
		input('regionalisation-fes', {
			title: { fr: 'Régionalisation de la politique migratoire dans la région de Fès-Meknès' },
			plannedStart: '2019-03-01',
			plannedEnd: '2022-12-31',
			organisations: [{ organisation: 'giz', role: 'funder' }]
		}),
		input('guichets-tanger', {
			title: { fr: 'Guichets d’accueil des Marocains du monde à Tanger', en: 'Welcome desks for Moroccans abroad in Tangier' },
			startYear: 2016,
			endYear: 2018,
			organisations: [{ organisation: 'oim', role: 'funder' }]
		}),
		input('reintegration-souss', {
			title: { ar: 'إعادة إدماج المهاجرين العائدين إلى جهة سوس ماسة', fr: 'Réintégration des migrants de retour dans le Souss-Massa' },
			plannedStart: '2023-01-01',
			organisations: [{ organisation: 'union-europeenne', role: 'funder' }]
		})
	];
	for (const item of initiatives) ids[item.slug!] = (await createInitiative(contextFor(db, null), item)).id;
});
afterAll(async () => app?.close());

const slugsOf = (found: { slug: string }[]) => found.map((entry) => entry.slug);

describe('likely duplicates', () => {
	it('flags the same title typed without accents, on its own (very similar)', async () => {
		const found = await findLikelyDuplicates(app.database.db, { title: 'Regionalisation de la politique migratoire dans la region de Fes-Meknes' });
		expect(found).toEqual([{ id: ids['regionalisation-fes'], slug: 'regionalisation-fes', title: 'Régionalisation de la politique migratoire dans la région de Fès-Meknès', reasons: ['similar_title'] }]);
	});

	it('flags a similar title with the same funder, and not without it', async () => {
		// 0.66: the same subject worded differently — similar, not very similar.
		const title = 'Politique migratoire régionale : appui à la région Fès-Meknès';
		const withFunder = await findLikelyDuplicates(app.database.db, { title, funderIds: [giz], startDate: '2010-01-01', endDate: '2011-12-31' });
		expect(withFunder.find((entry) => entry.slug === 'regionalisation-fes')?.reasons).toEqual(['similar_title', 'same_funder']);
		// by slug too
		const bySlug = await findLikelyDuplicates(app.database.db, { title, funderIds: ['giz'] });
		expect(slugsOf(bySlug)).toContain('regionalisation-fes');
		const otherFunder = await findLikelyDuplicates(app.database.db, { title, funderIds: ['bmz'], startDate: '2010-01-01', endDate: '2011-12-31' });
		expect(slugsOf(otherFunder)).not.toContain('regionalisation-fes');
	});

	it('flags a similar title over overlapping dates (years or days; a missing end is still running), not over others', async () => {
		const title = 'Guichets d’accueil des Marocains du monde à Nador'; // 0.75 with Tanger's
		expect((await findLikelyDuplicates(app.database.db, { title, startDate: '2018', endDate: '2020' })).find((entry) => entry.slug === 'guichets-tanger')?.reasons).toEqual([
			'similar_title',
			'overlapping_dates'
		]);
		expect(slugsOf(await findLikelyDuplicates(app.database.db, { title, startDate: '2014-01-01', endDate: '2015-12-31' }))).not.toContain('guichets-tanger');
		expect(slugsOf(await findLikelyDuplicates(app.database.db, { title, startDate: '2019-01-01' }))).not.toContain('guichets-tanger');
		expect(slugsOf(await findLikelyDuplicates(app.database.db, { title }))).not.toContain('guichets-tanger');
		// The Souss-Massa initiative has no end: anything after its start overlaps.
		const later = await findLikelyDuplicates(app.database.db, { title: 'إعادة إدماج المهاجرين العائدين إلى جهة الشرق', startDate: '2031-01-01' });
		expect(later.find((entry) => entry.slug === 'reintegration-souss')?.reasons).toEqual(['similar_title', 'overlapping_dates']);
	});

	it('does not flag an unrelated title, even with the same funder at the same time', async () => {
		const found = await findLikelyDuplicates(app.database.db, {
			title: 'Festival des cultures du monde à Essaouira',
			funderIds: [giz],
			startDate: '2020-01-01',
			endDate: '2021-12-31'
		});
		expect(slugsOf(found)).not.toContain('regionalisation-fes');
	});

	it('ignores Arabic hamza and alef variants, and compares with every language of the titles', async () => {
		const found = await findLikelyDuplicates(app.database.db, { title: 'اعادة ادماج المهاجرين العائدين الى جهة سوس ماسة' });
		expect(found[0]).toMatchObject({ slug: 'reintegration-souss', reasons: ['similar_title'] });
		const english = await findLikelyDuplicates(app.database.db, { title: 'Welcome desks for Moroccans abroad in Tangier' });
		expect(slugsOf(english)).toEqual(['guichets-tanger']);
	});

	it('leaves out the initiative itself, and answers nothing for an empty title', async () => {
		const title = 'Régionalisation de la politique migratoire dans la région de Fès-Meknès';
		expect(slugsOf(await findLikelyDuplicates(app.database.db, { title, excludeInitiativeId: ids['regionalisation-fes'] }))).not.toContain('regionalisation-fes');
		expect(await findLikelyDuplicates(app.database.db, { title: '   ' })).toEqual([]);
	});

	it('reads a proposal: every title, its dates and its funders', async () => {
		const data = InitiativeSchema.parse(
			input('x', {
				title: { en: 'Diaspora festival', ar: 'اعادة ادماج المهاجرين العائدين الى جهة سوس ماسة' },
				actualStart: '2024-05-01',
				organisations: [{ organisation: 'union-europeenne', role: 'funder' }]
			})
		);
		const found = await likelyDuplicatesOfProposal(app.database.db, data);
		expect(found.find((entry) => entry.slug === 'reintegration-souss')?.reasons).toEqual(['similar_title', 'overlapping_dates', 'same_funder']);
	});

	it('flags a title in another language with the same dates and the same implementer (issue 17, rule 17), not one with other dates', async () => {
		await createInitiative(
			contextFor(app.database.db, null),
			input('maisons-emploi-fr', {
				title: { fr: 'Maisons de l’emploi pour les jeunes de l’Oriental' },
				plannedStart: '2021-04-01',
				plannedEnd: '2024-03-31',
				organisations: [{ organisation: 'anapec', role: 'implementer' }]
			})
		);
		const english = (over: Partial<InitiativeInput>) =>
			likelyDuplicatesOfProposal(
				app.database.db,
				InitiativeSchema.parse(
					input('youth-job-centres', {
						title: { en: 'Youth employment centres in the Oriental region' },
						plannedStart: '2021-04-01',
						plannedEnd: '2024-03-31',
						organisations: [{ organisation: 'anapec', role: 'implementer' }],
						...over
					})
				)
			);
		expect((await english({})).find((entry) => entry.slug === 'maisons-emploi-fr')?.reasons).toEqual(['same_dates', 'same_implementer']);
		expect((await english({ plannedEnd: '2025-03-31' })).map((entry) => entry.slug)).not.toContain('maisons-emploi-fr');
		expect((await english({ organisations: [{ organisation: 'giz', role: 'implementer' }] })).map((entry) => entry.slug)).not.toContain('maisons-emploi-fr');
	});

	it('finds the nearest titles through the trigram indexes of each language (no sequential scan needed)', async () => {
		const plans = await app.database.db.transaction(async (tx) => {
			// Few rows here: forbid the sequential scan to see whether the indexes fit the query's expressions.
			await tx.execute(sql`set local enable_seqscan = off`);
			const plans: string[] = [];
			for (const language of ['fr', 'ar', 'en']) {
				const result = (await tx.execute(
					sql`explain select id from initiative order by search_normalise(initiative.title->>${sql.raw(`'${language}'`)}) <-> search_normalise('guichets accueil') limit 50`
				)) as unknown as { rows: Record<string, string>[] };
				plans.push(result.rows.map((row) => Object.values(row)[0]).join('\n'));
			}
			return plans;
		});
		expect(plans[0]).toContain('Index Scan using initiative_title_fr_gist_idx');
		expect(plans[1]).toContain('Index Scan using initiative_title_ar_gist_idx');
		expect(plans[2]).toContain('Index Scan using initiative_title_en_gist_idx');
	});
});
