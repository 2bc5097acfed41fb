import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { aPerson, contextFor } from '../../platform/testing/people.ts';
import { linkChoices, resolveLinks, unknownLinks } from '../../platform/kernel/links.ts';
import { createNode, createStrategy } from './strategy.service.ts';

let app: TestApp;
let action: string;
let domain: string;
let draftAction: string;

beforeAll(async () => {
	app = await createTestApp();
	const ctx = contextFor(app.database.db, (await aPerson(app.database.db, { role: 'administrator' })).actor);
	await createStrategy(ctx, { slug: 'liens', title: { fr: 'Stratégie des liens', ar: 'استراتيجية الروابط' }, country: 'MA', status: 'active', published: true });
	await createStrategy(ctx, { slug: 'cachee', title: { fr: 'Stratégie non publiée' }, country: 'MA', status: 'draft', published: false });
	const tree = async (slug: string) => {
		const top = await createNode(ctx, slug, { kind: 'domain', title: { fr: 'Emploi' } });
		const programme = await createNode(ctx, slug, { kind: 'programme', parentId: top.id, title: { fr: 'Insertion' } });
		const objective = await createNode(ctx, slug, { kind: 'objective', parentId: programme.id, title: { fr: 'Accompagner' } });
		const leaf = await createNode(ctx, slug, { kind: 'action', parentId: objective.id, title: { fr: 'Ouvrir des guichets d’accueil', ar: 'فتح شبابيك الاستقبال' } });
		return { domain: top.id, action: leaf.id };
	};
	({ action, domain } = await tree('liens'));
	draftAction = (await tree('cachee')).action;
});
afterAll(async () => app?.close());

describe('a strategy’s actions as other modules’ links (strategy.action)', () => {
	it('offers the published strategies’ actions to pickers, named “strategy › action” in the page’s language and found by any of their titles', async () => {
		const french = await linkChoices(app.database.db, 'strategy.action', 'fr');
		expect(french).toEqual([{ value: `strategy.action:liens/${action}`, label: 'Stratégie des liens › Ouvrir des guichets d’accueil', lang: 'fr', isSample: false, keywords: expect.stringContaining('فتح شبابيك الاستقبال') }]);
		const arabic = await linkChoices(app.database.db, 'strategy.action', 'ar');
		expect(arabic.map((choice) => [choice.label, choice.lang])).toEqual([['استراتيجية الروابط › فتح شبابيك الاستقبال', 'ar']]);
	});

	it('resolves a link to the action’s page; refuses what names no published action', async () => {
		const value = `strategy.action:liens/${action}`;
		expect(await resolveLinks(app.database.db, [value], 'fr')).toEqual([
			{ kind: 'strategy.action', key: `liens/${action}`, value, label: 'Stratégie des liens › Ouvrir des guichets d’accueil', lang: 'fr', path: `/strategy/liens/actions/${action}`, isSample: false }
		]);
		const unknown = [
			`strategy.action:liens/${crypto.randomUUID()}`, // no such node
			`strategy.action:autre/${action}`, // the action under another strategy's name
			`strategy.action:liens/${domain}`, // a domain is not an action
			`strategy.action:cachee/${draftAction}`, // a strategy not published
			'strategy.action:liens', // no action named
			`strategy.action:liens/${action}/x`
		];
		expect(await unknownLinks(app.database.db, [value, ...unknown], 'fr')).toEqual(unknown);
	});
});
