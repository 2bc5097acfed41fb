// Completed missions on the Atlas's region page (the platform's region contributions) and on their Atlas
// initiative's page (backlinks): a mission may name the initiative it belongs to, through the link targets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../platform/testing/test-app.ts';
import { aPerson, contextFor, type Person } from '../../../platform/testing/people.ts';
import { organisation } from '../../../platform/accounts/accounts.table.ts';
import { approveProposal, proposeNew } from '../../../platform/moderation/moderation.service.ts';
import { regionContributions } from '../../../platform/kernel/regions.ts';
import { backlinksTo } from '../../../platform/kernel/links.ts';
import { changeStatus, getMission, listMissions, missionFor, missionProposals, moveMission, pendingChanges, proposeMissionChange } from './missions.service.ts';
import { REGION_MISSIONS_SHOWN } from './region-missions.ts';

const INITIATIVE = 'atlas.initiative:sharaka-composante-2-mobilisation-competences-mre';
let app: TestApp;
let moderator: Person;
let council: { id: string };

const missionInput = (title: string, extra: Record<string, unknown> = {}) => ({
	organisationId: council.id,
	title: { fr: title },
	context: { fr: 'Un besoin précis de la région.' },
	region: 'MA-02',
	sector: 'health',
	skills: ['health'],
	mode: 'remote',
	remoteHoursPerMonth: 6,
	...extra
});

async function published(title: string, extra: Record<string, unknown> = {}) {
	const result = await proposeNew(contextFor(app.database.db, moderator), missionProposals, missionInput(title, extra));
	return result.published!.slug;
}

async function refusal(promise: Promise<unknown>) {
	try {
		await promise;
	} catch (error) {
		return error as { code: string; fields: { path: string }[]; extra?: Record<string, unknown> };
	}
	throw new Error('accepted');
}

beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	const db = app.database.db;
	[council] = await db.insert(organisation).values({ slug: 'conseil-oriental-region-test', name: "Conseil de l'Oriental (test)", type: 'local_authority', country: 'MA' }).returning({ id: organisation.id });
	// the mission's organisation completes it: the moderator who entered it is made a member
	moderator = await aPerson(db, { role: 'moderator', organisationIds: [council.id] });
});
afterAll(async () => app?.close());

describe('a mission and its Atlas initiative', () => {
	it('refuses an initiative that is not in the Atlas, or a link of another kind, and changes nothing', async () => {
		const before = (await listMissions(app.database.db, { status: 'all' })).total;
		for (const initiative of ['atlas.initiative:nulle-part', 'knowledge.document:etude-competences-jeunes-generations-mre', 'sharaka']) {
			const error = await refusal(proposeNew(contextFor(app.database.db, moderator), missionProposals, missionInput('Refusée', { initiative })));
			expect(error.code).toBe('invalid_input');
			expect(error.fields.map((field) => field.path)).toEqual(['initiative']);
		}
		expect((await listMissions(app.database.db, { status: 'all' })).total).toBe(before);
	});

	it('keeps the initiative, names it on the mission in the page language, and lists the mission on the initiative', async () => {
		const slug = await published('Télé-expertise en cardiologie', { initiative: INITIATIVE });
		const shown = await getMission(app.database.db, slug, 'fr');
		expect(shown.initiative).toMatchObject({ slug: 'sharaka-composante-2-mobilisation-competences-mre', lang: 'fr' });
		expect(shown.initiative!.title).toMatch(/SHARAKA/);
		expect((await listMissions(app.database.db, { initiative: 'sharaka-composante-2-mobilisation-competences-mre', status: 'all' })).items.map((item) => item.slug)).toEqual([slug]);
		const backlinks = await backlinksTo(app.database.db, INITIATIVE);
		expect(backlinks).toContainEqual({ titleKey: 'missions_more.of_initiative', count: 1, path: '/talents/missions?initiative=sharaka-composante-2-mobilisation-competences-mre&status=all' });
	});
});

describe("the Atlas's region page", () => {
	it('shows the missions completed in the region, newest first, with their initiative; never those under way or elsewhere', async () => {
		const db = app.database.db;
		expect(await regionContributions(db, 'MA-02', 'fr')).toEqual([]);
		const ctx = contextFor(db, moderator);
		const withInitiative = await published('Télé-expertise en pédiatrie', { initiative: INITIATIVE });
		const plain = await published('Former des sages-femmes');
		await published('Encore ouverte');
		await published('Ailleurs', { region: 'MA-06' });
		// (a talent selected and the work done: the steps before are the candidates' tests)
		for (const slug of [withInitiative, plain]) {
			const { row } = await missionFor(ctx, slug);
			await changeStatus(ctx, { ...row, status: 'ongoing' }, 'completed', { report: { language: 'fr', results: 'Deux protocoles écrits.', deliverables: null, followUp: null } });
		}
		const sections = await regionContributions(db, 'ma-02', 'fr');
		expect(sections).toHaveLength(1);
		const [section] = sections;
		expect(section).toMatchObject({ module: 'talents', titleKey: 'missions_more.region_title', count: 2, path: '/talents/missions?region=MA-02&status=completed' });
		expect(section.items.map((item) => item.path).sort()).toEqual([`/talents/missions/${plain}`, `/talents/missions/${withInitiative}`].sort());
		const linked = section.items.find((item) => item.path.endsWith(withInitiative))!;
		expect(linked).toMatchObject({ label: 'Télé-expertise en pédiatrie', lang: 'fr', isSample: false });
		expect(linked.detail).toContain("Conseil de l'Oriental (test)");
		expect(linked.linked.map((link) => link.path)).toEqual(['/atlas/initiatives/sharaka-composante-2-mobilisation-competences-mre']);
		expect(section.items.find((item) => item.path.endsWith(plain))!.linked).toEqual([]);
		// in Arabic: the French title stands in, marked by its language; the line under it in Arabic
		const [arabic] = await regionContributions(db, 'MA-02', 'ar');
		expect(arabic.items[0].lang).toBe('fr');
		expect(arabic.items[0].detail).toMatch(/[\u0600-\u06FF]/);
		expect(await regionContributions(db, 'MA-06', 'fr')).toEqual([]);
		expect(REGION_MISSIONS_SHOWN).toBeGreaterThan(2);
	});
});

describe('a change of a published mission', () => {
	it('is proposed by its organisation on the current version, moderated, then published as the next version', async () => {
		const db = app.database.db;
		const slug = await published('Appui au schéma régional');
		const institution = await aPerson(db, { role: 'partner', organisationIds: [council.id] });
		const ctx = contextFor(db, institution);
		// another organisation's mission is not found; a stale base is a conflict; bad input is refused by field
		const stranger = await aPerson(db, { role: 'partner' });
		expect((await refusal(proposeMissionChange(contextFor(db, stranger), slug, missionInput('X'), { baseVersion: 1 }))).code).toBe('not_found');
		expect((await refusal(proposeMissionChange(ctx, slug, missionInput('Appui au schéma régional (v2)'), { baseVersion: 7 }))).code).toBe('conflict');
		expect((await refusal(proposeMissionChange(ctx, slug, missionInput('Sans région', { region: 'MA-99' }), { baseVersion: 1 }))).fields.map((field) => field.path)).toEqual(['region']);
		// the organisation cannot be changed by the form: it stays the mission's
		const proposal = await proposeMissionChange(ctx, slug, missionInput('Appui au schéma régional (v2)', { organisationId: crypto.randomUUID(), initiative: INITIATIVE }), { baseVersion: 1, comment: 'Dates précisées.' });
		expect(proposal.status).toBe('pending');
		const before = await getMission(db, slug);
		expect(before.version).toBe(1);
		expect(await pendingChanges(db, before.id)).toHaveLength(1);
		await approveProposal(contextFor(db, moderator), missionProposals, proposal.id);
		const after = await getMission(db, slug, 'fr');
		expect(after).toMatchObject({ version: 2, title: { fr: 'Appui au schéma régional (v2)' }, organisation: { id: council.id } });
		expect(after.initiative?.slug).toBe('sharaka-composante-2-mobilisation-competences-mre');
		expect(await pendingChanges(db, before.id)).toEqual([]);
		// a cancelled mission takes no more changes
		await moveMission(ctx, slug, 'cancel', { reason: 'Le budget a été réaffecté.' });
		const closed = await refusal(proposeMissionChange(ctx, slug, missionInput('Trop tard'), { baseVersion: 2 }));
		expect(closed).toMatchObject({ code: 'conflict', extra: { reason: 'wrong_status', status: 'cancelled' } });
	});
});
