import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import { aPerson, contextFor } from '../../../platform/testing/people.ts';
import { refusalOf, refusalWithReason } from '../../../platform/testing/refusal.ts';
import type { Actor } from '../../../platform/policy/policy.ts';
import { knowledgePersonalData } from '../personal-data.ts';
import { RESEARCH_STUDY } from './research.model.ts';
import { deleteMyResearcherProfile, findingsOf, getResearcher, listResearchers, myResearcherProfile, researchMatrix, saveMyResearcherProfile } from './research.service.ts';

let app: TestApp;
let researcherActor: Actor;
let other: Actor;
const as = (actor: Actor | null) => contextFor(app.database.db, actor);

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	researcherActor = (await aPerson(app.database.db, { email: 'chercheuse@univ.ma', role: 'member' })).actor;
	other = (await aPerson(app.database.db, { email: 'autre@example.ma', role: 'member' })).actor;
});
afterAll(async () => app?.close());

describe('the research mapping', () => {
	it('gives the seeds’ study with its findings, recommendation and next step, each with its source', async () => {
		const findings = await findingsOf(app.database.db, RESEARCH_STUDY);
		expect(findings.map((entry) => entry.kind)).toEqual(['finding', 'finding', 'finding', 'recommendation', 'next_step']);
		expect(findings[3].text.fr).toContain('communauté scientifique marocaine autonome');
		expect(findings[4].text.fr).toContain('Tunisie');
		expect(findings.every((entry) => entry.source.includes('§2.11'))).toBe(true);
	});

	it('counts the research works by theme and institution for the years asked, and by period over all years', async () => {
		const all = await researchMatrix(app.database.db);
		expect(all.works).toBeGreaterThan(0);
		const research = all.byPeriod.find((row) => row.theme === 'migration_research')!;
		// the study of 2010–2016 is a research work: counted in a period or as year unknown
		expect(research.counts.reduce((sum, n) => sum + n, 0)).toBeGreaterThanOrEqual(1);
		// the seeds name the study's institution (Mohammed V University of Rabat) and the OECD's review
		const um5 = all.institutions.findIndex((entry) => entry.slug === 'universite-mohammed-v-rabat');
		expect(all.byInstitution.find((row) => row.theme === 'migration_research')!.counts[um5]).toBe(1);
		expect(all.institutions.map((entry) => entry.acronym)).toContain('OCDE');
		// every row's total counts works, never more than all of them
		for (const row of all.byInstitution) expect(row.total).toBeLessThanOrEqual(all.works);
		const none = await researchMatrix(app.database.db, { from: 1990, to: 1991 });
		expect(none).toMatchObject({ works: 0, institutions: [] });
		// the over-time table does not depend on the years asked
		expect(none.byPeriod).toEqual(all.byPeriod);
	});
});

describe('a researcher’s profile', () => {
	it('is theirs: hidden until they consent, public once they do, refused with unknown works or institution', async () => {
		expect(await refusalOf(saveMyResearcherProfile(as(null), { name: 'Personne' }))).toBe('unauthenticated');
		expect(await refusalWithReason(saveMyResearcherProfile(as(researcherActor), { name: 'Nadia Chercheuse', works: ['nothing-here'], institution: 'nowhere' }))).toBe('invalid_input:institution,works');
		expect(await myResearcherProfile(as(researcherActor))).toBeNull();

		const hidden = await saveMyResearcherProfile(as(researcherActor), { name: 'Nadia Chercheuse', themes: ['migration_research'], regions: ['MA-02'], works: [RESEARCH_STUDY] });
		expect(hidden).toMatchObject({ visible: false, consentAt: null, slug: 'nadia-chercheuse' });
		expect((await listResearchers(app.database.db)).map((entry) => entry.slug)).not.toContain('nadia-chercheuse');
		expect(await refusalOf(getResearcher(as(other), 'nadia-chercheuse'))).toBe('not_found');
		// their own page, to check it before showing it
		expect((await getResearcher(as(researcherActor), 'nadia-chercheuse')).visible).toBe(false);

		const shown = await saveMyResearcherProfile(as(researcherActor), { name: 'Nadia Chercheuse', themes: ['migration_research'], regions: ['MA-02'], works: [RESEARCH_STUDY], visible: 'on' });
		expect(shown.consentAt).not.toBeNull();
		expect((await listResearchers(app.database.db, { theme: 'migration_research', region: 'MA-02' })).map((entry) => entry.slug)).toContain('nadia-chercheuse');
		expect((await listResearchers(app.database.db, { theme: 'return_reintegration' })).map((entry) => entry.slug)).not.toContain('nadia-chercheuse');
		const page = await getResearcher(as(other), 'nadia-chercheuse');
		expect(page.works.map((work) => work.slug)).toEqual([RESEARCH_STUDY]);
		expect(JSON.stringify(page)).not.toContain('chercheuse@univ.ma');
	});

	it('is withdrawn at once when they untick the box, and gone when they delete it', async () => {
		await saveMyResearcherProfile(as(researcherActor), { name: 'Nadia Chercheuse', themes: ['migration_research'] });
		expect((await listResearchers(app.database.db)).map((entry) => entry.slug)).not.toContain('nadia-chercheuse');
		await deleteMyResearcherProfile(as(researcherActor));
		expect(await myResearcherProfile(as(researcherActor))).toBeNull();
		expect(await refusalOf(deleteMyResearcherProfile(as(researcherActor)))).toBe('not_found');
	});

	it('is in the person’s export and goes with their account', async () => {
		await saveMyResearcherProfile(as(other), { name: 'Omar Autre', visible: 'on' });
		expect((await knowledgePersonalData.export(app.database.db, other)).researcherProfile).toMatchObject({ name: 'Omar Autre', visible: true });
		const erased = await knowledgePersonalData.erase(app.database.db, other.userId, new Date(), { files: undefined as never });
		expect(erased.removed).toContain('researcherProfile');
		expect((await knowledgePersonalData.export(app.database.db, other)).researcherProfile).toBeNull();
	});
});
