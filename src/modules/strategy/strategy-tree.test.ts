// The strategy's tree as the dashboard renders it: a node's period and sources said once, where they differ
// from its parent's; an action one line; the folded objective's link to its actions; no scoping class on the
// nodes (the tree's styles reach them through its root).
import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import StrategyTree from './routes/[lang=lang]/strategy/StrategyTree.svelte';
import { i18nContext } from '../../platform/i18n/context.ts';
import { createTranslator } from '../../platform/i18n/translator.ts';
import type { TreeNode } from './strategy.schemas.ts';

const source = [{ citation: 'Plan d’action 2023' }];
let next = 0;
const node = (kind: TreeNode['kind'], title: string, more: Partial<TreeNode> = {}, children: TreeNode[] = []): TreeNode => ({
	id: `00000000-0000-4000-8000-${String(++next).padStart(12, '0')}`,
	kind,
	position: next,
	title,
	titles: { fr: title },
	description: '',
	lead: null,
	leadOrganisationId: null,
	partners: [],
	partnerIds: [],
	periodStart: 2015,
	periodEnd: 2026,
	status: 'ongoing',
	national: false,
	regions: [],
	gcm: [],
	sdg: [],
	isSample: false,
	sources: source,
	children,
	...more
});

const objective = node('objective', 'Former', { periodStart: 2020 });
const tree = [node('domain', 'Emploi', {}, [node('programme', 'Insertion', { lead: 'ANAPEC' }, [node('objective', 'Accompagner', {}, [node('action', 'Ateliers', { regions: ['MA-01'] })]), objective])])];
const show = (props: Record<string, unknown>) => render(StrategyTree, { props: { tree, actionPath: '/fr/strategy/snia/actions', compact: true, ...props }, context: i18nContext(createTranslator('fr')) }).body;

describe('the strategy’s tree', () => {
	it('says a period and sources once, where they differ from the level above', () => {
		const html = show({});
		expect(html.match(/2015–2026/g)).toHaveLength(1);
		expect(html).toContain('2020–2026');
		expect(html.match(/Plan d’action 2023/g)).toHaveLength(1);
		expect(html).toContain('ANAPEC');
		expect(html).toContain('Une période ou des sources non répétées sont celles du niveau au-dessus.');
	});

	it('keeps an action to one line linking to its page, and a folded objective’s link to its actions', () => {
		const folded = show({ folded: { [objective.id]: 3 }, openHref: (id: string) => `?open=${id}` });
		expect(folded).toMatch(/<a class="tree-node__title" href="\/fr\/strategy\/snia\/actions\/[0-9a-f-]+"/);
		expect(folded).toContain(`href="?open=${objective.id}"`);
		expect(folded).toContain('Voir ses 3 actions');
		expect(folded).not.toMatch(/class="tree-node[^"]*svelte-/);
	});
});
