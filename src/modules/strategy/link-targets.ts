// The actions of the published strategies as other modules' records name them (`strategy.action:<strategy
// slug>/<node id>`, ADR 0003): a library document names the actions it comes from or serves, and the
// action's page lists what links to it (the platform's backlinks), without either module importing the other.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { pickText } from '../../platform/i18n/content-language.ts';
import type { Language } from '../../platform/i18n/languages.ts';
import { translate } from '../../platform/i18n/translator.ts';
import type { LinkTarget } from '../../platform/kernel/manifest.ts';
import { node, strategy, type Translated } from './strategy.table.ts';

/** The kind of record a strategy's action is, for other modules' links. */
export const ACTION_KIND = 'strategy.action';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An action's key: its strategy's slug and its id (the action's page is `/strategy/<slug>/actions/<id>`). */
export const actionKey = (strategySlug: string, nodeId: string) => `${strategySlug}/${nodeId}`;

function parseKey(key: string): { slug: string; id: string } | null {
	const [slug, id, ...rest] = key.split('/');
	return slug && id && !rest.length && UUID.test(id) ? { slug, id: id.toLowerCase() } : null;
}

const columns = {
	id: node.id,
	title: node.title,
	isSample: node.isSample,
	strategySlug: strategy.slug,
	strategyTitle: strategy.title,
	strategySample: strategy.isSample
};
type Row = { id: string; title: Translated; isSample: boolean; strategySlug: string; strategyTitle: Translated; strategySample: boolean };

/** "strategy › action", each title in the page's language (or the language it stands in). */
function named(row: Row, language: Language) {
	const title = pickText(row.title as Record<string, string>, language);
	const owner = pickText(row.strategyTitle as Record<string, string>, language);
	return {
		label: translate(language, 'strategy.link_action_label', { strategy: owner.text || row.strategySlug, action: title.text || row.id }),
		lang: title.lang,
		isSample: row.isSample || row.strategySample
	};
}

/** Only the actions of published strategies: a draft strategy's are not linked to from public records. */
const publishedActions = and(eq(node.kind, 'action'), eq(strategy.published, true));

export const actionLinks: LinkTarget = {
	titleKey: 'strategy.link_target_action',
	async choices(db, language) {
		const rows = await db
			.select(columns)
			.from(node)
			.innerJoin(strategy, eq(strategy.id, node.strategyId))
			.where(publishedActions)
			// real strategies first, then strategy by strategy, real actions first, by title
			.orderBy(asc(strategy.isSample), asc(strategy.slug), asc(node.isSample), asc(sql`lower(coalesce(${node.title}->>${language}, ${node.title}->>'fr', ${node.title}->>'ar', ${node.title}->>'en'))`))
			.limit(5000);
		return rows.map((row) => ({
			value: actionKey(row.strategySlug, row.id),
			...named(row, language),
			// the picker's filter finds an action by its title or its strategy's in any language
			keywords: [...Object.values(row.title), ...Object.values(row.strategyTitle)].filter(Boolean).join(' ')
		}));
	},
	async resolve(db, keys, language) {
		const wanted = new Map(keys.flatMap((key) => (parseKey(key) ? [[key, parseKey(key)!] as const] : [])));
		if (!wanted.size) return new Map();
		const rows = await db
			.select(columns)
			.from(node)
			.innerJoin(strategy, eq(strategy.id, node.strategyId))
			.where(and(publishedActions, inArray(node.id, [...new Set([...wanted.values()].map((entry) => entry.id))])));
		const byId = new Map(rows.map((row) => [row.id, row]));
		return new Map(
			[...wanted].flatMap(([key, { slug, id }]) => {
				const row = byId.get(id);
				// an action moved to another strategy (or a key naming the wrong one) is not this link's
				if (!row || row.strategySlug !== slug) return [];
				return [[key, { ...named(row, language), path: `/strategy/${row.strategySlug}/actions/${row.id}` }] as const];
			})
		);
	}
};
