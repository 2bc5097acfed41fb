// The Atlas's initiatives as something other modules link to (a support programme's initiative,
// a strategy action's contributions…), by slug, without importing this module.
import { asc, inArray, sql } from 'drizzle-orm';
import type { LinkTarget, LinkedRecord } from '../../platform/kernel/manifest.ts';
import { pickText } from '../../platform/i18n/content-language.ts';
import { initiative } from './atlas.table.ts';
import { rowsOf } from '../../platform/db/rows.ts';
import type { DbOrTx } from '../../platform/db/database.ts';
import { revisionCache } from '../../platform/cache/revision-cache.ts';

export const initiativeLinks: LinkTarget = {
	titleKey: 'atlas.link_target_initiative',
	async choices(db, language) {
		const rows = await db
			.select({ slug: initiative.slug, title: initiative.title, isSample: initiative.isSample })
			.from(initiative)
			// real initiatives first: a form's list should not bury them under samples
			.orderBy(asc(initiative.isSample), asc(sql`lower(coalesce(${initiative.title}->>${language}, ${initiative.title}->>'fr'))`));
		return rows.map((row) => ({
			value: row.slug,
			label: pickText(row.title, language).text || row.slug,
			lang: pickText(row.title, language).lang,
			keywords: Object.values(row.title).filter(Boolean).join(' '),
			isSample: row.isSample
		}));
	},
	/** kept per Atlas revision: pages name the same initiatives on every request (the library's facet of linked records) */
	async resolve(db, keys, language) {
		if (keys.length === 0) return new Map();
		const asked = [...new Set(keys)].sort();
		const named = await revisionCache(db, 'atlas_revision').read(`initiative-names:${language}:${asked.join(' ')}`, async () => {
			const rows = await db
				.select({ slug: initiative.slug, title: initiative.title, isSample: initiative.isSample })
				.from(initiative)
				.where(inArray(initiative.slug, asked));
			return rows.map((row): [string, LinkedRecord] => {
				const title = pickText(row.title, language);
				return [row.slug, { label: title.text || row.slug, lang: title.lang, path: `/atlas/initiatives/${row.slug}`, isSample: row.isSample }];
			});
		});
		return new Map(named.map(([slug, record]) => [slug, { ...record }]));
	},
	/**
	 * the programmes an initiative is part of (a component's programme, a pilot's component and its programme…), nearest
	 * first; kept per Atlas revision: the library asks it for the same links on every search
	 */
	async wholes(db, keys) {
		if (keys.length === 0) return new Map();
		const asked = [...new Set(keys)].sort();
		const pairs = await revisionCache(db, 'atlas_revision').read(`initiative-wholes:${asked.join(' ')}`, () => wholesOf(db, asked));
		return new Map(pairs.map(([slug, wholes]) => [slug, [...wholes]]));
	}
};

async function wholesOf(db: DbOrTx, slugs: string[]): Promise<[string, string[]][]> {
	const rows = rowsOf<{ slug: string; whole: string }>(
		await db.execute(sql`with recursive up(slug, parent_id, depth) as (
			select i.slug, i.parent_id, 1 from ${initiative} i where i.slug in ${slugs} and i.parent_id is not null
			union all
			select up.slug, p.parent_id, up.depth + 1 from up join ${initiative} p on p.id = up.parent_id where p.parent_id is not null and up.depth < 20
		) select up.slug, w.slug as whole from up join ${initiative} w on w.id = up.parent_id order by up.slug, up.depth`)
	);
	const found = new Map<string, string[]>();
	for (const row of rows) {
		const list = found.get(row.slug) ?? [];
		// a loop (refused when written) would only repeat the same programmes
		if (!list.includes(row.whole) && row.whole !== row.slug) list.push(row.whole);
		found.set(row.slug, list);
	}
	return [...found];
}
