// A library document's links to Atlas initiatives and strategies' actions (issue #14): the seeds' deliverables
// link to their SHARAKA component; a partner's document linking to an initiative and an action shows on both
// records' backlinks once published, named on its page and in the editor's review; a link to nothing is
// refused with its field, and nothing is stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { aPerson, contextFor } from '../../platform/testing/people.ts';
import { appErrorOf } from '../../platform/testing/refusal.ts';
import { translate } from '../../platform/i18n/translator.ts';
import { backlinksTo, linkChoices } from '../../platform/kernel/links.ts';
import { approveProposal, proposeChange, proposeNew, reviewProposal } from '../../platform/moderation/moderation.service.ts';
import { moderationProposal } from '../../platform/moderation/moderation.table.ts';
import { loadDemoDataIfEmpty } from '../../platform/demo/demo.ts';
import type { Actor } from '../../platform/policy/policy.ts';
import { documentProposals, getDocument } from './document.service.ts';
import { documentFormChoices, documentFailure, documentFromForm } from './document-form.ts';
import { documentHistory, restoreDocumentVersion, valueNamesFor } from './document-history.ts';
import { linkedDocuments } from './document-links.ts';
import { describeDocumentChange } from './diff-labels.ts';
import { document, documentVersion } from './knowledge.table.ts';
import { documentsCollection } from './knowledge.model.ts';
import { realDocuments } from './seed/deliverables.ts';
import { ensureKnowledgeReferenceData, SEED_LINKS_COMMENT } from './knowledge.data.ts';

let app: TestApp;
let partner: Actor;
let editor: Actor;
/** a real action of a published strategy, as a link, and its label in French */
let action: { value: string; label: string };

const COMPONENT_4 = 'atlas.initiative:sharaka-composante-4-reintegration-mre';
const PRIMO = 'atlas.initiative:primo-oriental';

const study = (links: string[], title = 'Étude sur le retour des MRE dans l’Oriental') => ({
	title: { fr: title },
	type: 'study',
	status: 'published',
	year: 2025,
	languages: ['fr'],
	externalUrl: 'https://example.org/etude',
	links
});

const proposals = async () => (await app.database.db.select({ n: sql<number>`count(*)::int` }).from(moderationProposal).where(eq(moderationProposal.collection, documentsCollection)))[0].n;
const documents = async () => (await app.database.db.select({ n: sql<number>`count(*)::int` }).from(document))[0].n;


beforeAll(async () => {
	app = await createTestApp({}, { referenceData: true });
	// the demo's strategy programme (badged samples): the seeds' strategies list no action yet
	expect(await loadDemoDataIfEmpty(app.database.db)).toBe(true);
	partner = (await aPerson(app.database.db, { role: 'partner' })).actor;
	editor = (await aPerson(app.database.db, { role: 'moderator' })).actor;
	const [first] = await linkChoices(app.database.db, 'strategy.action', 'fr');
	action = { value: first!.value, label: first!.label };
});
afterAll(async () => app?.close());

describe('the seeds’ documents', () => {
	it('link each deliverable of annex 3.4 to its SHARAKA component in the Atlas, named on the page in the reader’s language', async () => {
		const guide = await getDocument(app.database.db, 'guide-intervenant-retour-urgence', 'fr');
		expect(guide!.links).toEqual([
			{ link: COMPONENT_4, kind: 'atlas.initiative', title: expect.stringContaining('SHARAKA, composante 4'), lang: 'fr', url: '/fr/atlas/initiatives/sharaka-composante-4-reintegration-mre', isSample: false }
		]);
		// the API's earlier field, derived
		expect(guide!.initiatives).toEqual(['sharaka-composante-4-reintegration-mre']);
		// the project's own publications link to SHARAKA, whose Arabic title an Arabic page shows
		const film = await getDocument(app.database.db, 'film-mon-pays-c-est-toi', 'ar');
		expect(film!.links).toEqual([expect.objectContaining({ link: 'atlas.initiative:sharaka', title: expect.stringContaining('شراكة'), lang: 'ar', url: '/ar/atlas/initiatives/sharaka' })]);
		// every real document links to something; component 4's page counts its five deliverables
		const rows = await app.database.db.select({ slug: document.slug, links: document.links }).from(document).where(eq(document.isSample, false));
		expect(rows.filter((row) => row.links.length === 0).map((row) => row.slug)).toEqual([]);
		expect(rows).toHaveLength(realDocuments.length);
		expect(await backlinksTo(app.database.db, COMPONENT_4)).toContainEqual({ titleKey: 'knowledge.documents_linking', count: 5, path: `/knowledge/linked?to=${encodeURIComponent(COMPONENT_4)}` });
		expect((await backlinksTo(app.database.db, PRIMO)).find((link) => link.titleKey === 'knowledge.documents_linking')?.count).toBe(1);
	});
	it('gives its links to a deliverable loaded before documents had any, as a new version, once; one an editor changed is left as it is', async () => {
		const db = app.database.db;
		// two deliverables as a database made before migration 0068 holds them: no links; one changed by an editor since
		await db.update(document).set({ links: [] }).where(eq(document.slug, 'retour-urgence-mre-crise'));
		await db.update(document).set({ links: [], version: 2 }).where(eq(document.slug, 'synthese-ramre-reintegration-mre'));
		await ensureKnowledgeReferenceData(db);
		await ensureKnowledgeReferenceData(db);
		const [restored] = await db.select().from(document).where(eq(document.slug, 'retour-urgence-mre-crise'));
		expect(restored).toMatchObject({ version: 2, links: [COMPONENT_4] });
		const versions = await db.select().from(documentVersion).where(eq(documentVersion.documentId, restored.id));
		expect(versions.map((version) => [version.number, version.comment])).toEqual([
			[1, null],
			[2, SEED_LINKS_COMMENT]
		]);
		const [changed] = await db.select().from(document).where(eq(document.slug, 'synthese-ramre-reintegration-mre'));
		expect(changed).toMatchObject({ version: 2, links: [] });
		await db.update(document).set({ links: [COMPONENT_4], version: 1 }).where(eq(document.slug, 'synthese-ramre-reintegration-mre'));
	});
});

describe('a partner’s document linking to an initiative and an action', () => {
	it('is offered both kinds by name, shows on both records’ backlinks once published, and is named in the review and on its page', async () => {
		const choices = await documentFormChoices(app.database.db, 'fr');
		expect(choices.links.map((group) => group.label)).toEqual([translate('fr', 'knowledge.links_group_atlas_initiative'), translate('fr', 'knowledge.links_group_strategy_action')]);
		expect(choices.links[0].choices).toContainEqual(expect.objectContaining({ value: PRIMO, label: expect.stringContaining('PRIMO') }));
		// a sample says so in its label
		expect(choices.links[1].choices).toContainEqual(expect.objectContaining({ value: action.value, label: `${action.label} (${translate('fr', 'knowledge.sample_badge')})` }));

		const before = (await backlinksTo(app.database.db, action.value)).filter((link) => link.titleKey === 'knowledge.documents_linking');
		expect(before).toEqual([]);
		// the form's fields, as a browser without JavaScript sends them (two boxes ticked)
		const form = new FormData();
		for (const [name, value] of Object.entries({ title_fr: 'Étude sur le retour des MRE dans l’Oriental', type: 'study', status: 'published', year: '2025', externalUrl: 'https://example.org/etude', links: PRIMO })) form.append(name, value);
		form.append('links', action.value);
		const { input } = documentFromForm(form);
		const { proposal, published } = await proposeNew(contextFor(app.database.db, partner), documentProposals, input);
		expect(published).toBeNull();
		// not public before an editor publishes it
		expect((await backlinksTo(app.database.db, action.value)).some((link) => link.titleKey === 'knowledge.documents_linking')).toBe(false);

		// the editor's review names both records (kind and title), not their codes
		const editorCtx = contextFor(app.database.db, editor, { language: 'fr' });
		const review = await reviewProposal(editorCtx, documentProposals, proposal!.id);
		const names = await valueNamesFor(app.database.db, 'fr', [review.proposal.data]);
		const linksChange = review.fromBase.map((change) => describeDocumentChange('fr', change, names)).find((change) => change.field === 'links');
		expect(linksChange?.label).toBe(translate('fr', 'knowledge.diff_links'));
		expect(linksChange?.after).toHaveLength(2);
		expect(linksChange?.after[0]).toMatch(/^Initiative de l’Atlas\u00a0: \u2068PRIMO/);
		expect(linksChange?.after[1]).toBe(`Action d’une stratégie\u00a0: \u2068${action.label} (${translate('fr', 'knowledge.sample_badge')})\u2069`);
		expect(linksChange?.after.join(' ')).not.toContain('atlas.initiative:');

		const { published: done } = await approveProposal(editorCtx, documentProposals, proposal!.id);
		const shown = await getDocument(app.database.db, done.slug, 'fr');
		expect(shown!.links.map((link) => [link.link, link.title])).toEqual([
			[PRIMO, expect.stringContaining('PRIMO')],
			[action.value, action.label]
		]);
		expect(shown!.links[1].url).toMatch(/^\/fr\/strategy\/[a-z0-9-]+\/actions\/[0-9a-f-]{36}$/);

		// the action's and the initiative's pages count it, and the list behind the count holds it
		expect(await backlinksTo(app.database.db, action.value)).toContainEqual({ titleKey: 'knowledge.documents_linking', count: 1, path: `/knowledge/linked?to=${encodeURIComponent(action.value)}` });
		expect((await backlinksTo(app.database.db, PRIMO)).find((link) => link.titleKey === 'knowledge.documents_linking')?.count).toBe(2);
		const listed = await linkedDocuments(app.database.db, action.value, 'ar');
		expect(listed).toMatchObject({ total: 1, record: { kind: 'strategy.action', path: shown!.links[1].url!.slice(3) } });
		expect(listed!.items.map((item) => item.slug)).toEqual([done.slug]);
		const primo = await linkedDocuments(app.database.db, PRIMO, 'fr');
		// real documents first, the newest first: the 2025 study before the seeds' undated report
		expect(primo!.items.map((item) => item.slug)).toEqual([done.slug, 'capitalisation-projet-primo']);
		// a record documents do not link to, or that is not there: no list
		expect(await linkedDocuments(app.database.db, 'knowledge.document:guide-intervenant-retour-urgence', 'fr')).toBeNull();
		expect(await linkedDocuments(app.database.db, 'atlas.initiative:nothing-here', 'fr')).toBeNull();
	});

	it.each([
		['an initiative the Atlas does not hold', () => ['atlas.initiative:initiative-inventee']],
		['an action that is not there', () => ['strategy.action:snia/00000000-0000-4000-8000-000000000000']],
		['a real action under another strategy’s slug', () => [action.value.replace(/^strategy\.action:[^/]+\//, 'strategy.action:strategie-inventee/')]],
		['a record of another kind', () => ['knowledge.document:guide-intervenant-retour-urgence']],
		['a code that is not a link', () => ['sharaka']]
	])('refuses %s with the field named, and stores nothing', async (_name, links) => {
		const [proposalsBefore, documentsBefore] = [await proposals(), await documents()];
		const values = links();
		for (const who of [partner, editor]) {
			const error = await appErrorOf(proposeNew(contextFor(app.database.db, who), documentProposals, study([PRIMO, ...values])));
			expect(error.code).toBe('invalid_input');
			expect(error.fields).toEqual([{ path: 'links.1', messageKey: 'field_choice', values: { value: values[0] } }]);
			// the form says which field, in the page's language
			const failure = documentFailure('fr', error, {});
			expect(failure.data.errors.links).toBe(translate('fr', 'knowledge.error_links_unknown', { count: 1 }));
			expect(failure.data.errors.links).toContain(translate('fr', 'knowledge.field_links'));
			expect(documentFailure('ar', error, {}).data.errors.links).toContain(translate('ar', 'knowledge.field_links'));
		}
		expect([await proposals(), await documents()]).toEqual([proposalsBefore, documentsBefore]);
	});
});

describe('versions from before links', () => {
	it('read their initiatives as links: the history names them, and a restore brings them back as links', async () => {
		const editorCtx = contextFor(app.database.db, editor, { language: 'fr' });
		const { published } = await proposeNew(editorCtx, documentProposals, study([], 'Note sur les maisons des Marocains du monde'));
		const [row] = await app.database.db.select().from(document).where(eq(document.slug, published!.slug));
		// version 1 as it was stored before migration 0068: initiatives by slug, no links
		const { links: _links, ...old } = (await app.database.db.select().from(documentVersion).where(eq(documentVersion.documentId, row.id)))[0].snapshot as Record<string, unknown>;
		await app.database.db
			.update(documentVersion)
			.set({ snapshot: { ...old, initiatives: ['sharaka-composante-2-mobilisation-competences-mre'] } })
			.where(eq(documentVersion.documentId, row.id));
		// version 2 links to nothing: its history says the initiative was removed, by name
		const change = await proposeChange(contextFor(app.database.db, partner), documentProposals, published!.slug, study([], 'Note sur les maisons des Marocains du monde (2e version)'), { baseVersion: 1 });
		expect((await approveProposal(editorCtx, documentProposals, change.id)).published.version).toBe(2);
		const history = await documentHistory(editorCtx, published!.slug);
		const linksChange = history.changes.find((change) => change.field === 'links');
		expect(linksChange?.before).toEqual([expect.stringMatching(/^Initiative de l’Atlas\u00a0: \u2068SHARAKA, composante 2/)]);
		expect(linksChange?.after).toEqual([]);

		await restoreDocumentVersion(editorCtx, published!.slug, 1, { expectedVersion: 2 });
		const restored = await getDocument(app.database.db, published!.slug, 'fr');
		expect(restored!.version).toBe(3);
		expect(restored!.links.map((link) => link.link)).toEqual(['atlas.initiative:sharaka-composante-2-mobilisation-competences-mre']);
	});
});
