// The Atlas's initiatives as something other modules link to (a support programme's initiative,
// a strategy action's contributions…), by slug, without importing this module.
import { asc, inArray, sql } from 'drizzle-orm';
import type { LinkTarget } from '../../platform/kernel/manifest.ts';
import { pickText } from '../../platform/i18n/content-language.ts';
import { initiative } from './atlas.table.ts';

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
	async resolve(db, keys, language) {
		if (keys.length === 0) return new Map();
		const rows = await db
			.select({ slug: initiative.slug, title: initiative.title, isSample: initiative.isSample })
			.from(initiative)
			.where(inArray(initiative.slug, [...keys]));
		return new Map(
			rows.map((row) => {
				const title = pickText(row.title, language);
				return [row.slug, { label: title.text || row.slug, lang: title.lang, path: `/atlas/initiatives/${row.slug}`, isSample: row.isSample }];
			})
		);
	}
};
