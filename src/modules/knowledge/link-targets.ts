// The library's documents as other modules' records name them (`knowledge.document:<slug>`, ADR 0003): a
// strategy's recommendation names the study it comes from, and the document's page counts them back.
import { asc, inArray, sql } from 'drizzle-orm';
import { pickText } from '../../platform/i18n/content-language.ts';
import type { LinkTarget } from '../../platform/kernel/manifest.ts';
import { document } from './knowledge.table.ts';

export const documentLinks: LinkTarget = {
	titleKey: 'knowledge.link_target_document',
	async choices(db, language) {
		const rows = await db
			.select({ slug: document.slug, title: document.title, isSample: document.isSample })
			.from(document)
			// real documents first: a form's list should not bury them under samples
			.orderBy(asc(document.isSample), asc(sql`lower(coalesce(${document.title}->>${language}, ${document.title}->>'fr', ${document.title}->>'ar', ${document.title}->>'en'))`))
			.limit(5000);
		return rows.map((row) => {
			const title = pickText(row.title as Record<string, string>, language);
			return { value: row.slug, label: title.text || row.slug, lang: title.lang, keywords: Object.values(row.title).filter(Boolean).join(' '), isSample: row.isSample };
		});
	},
	async resolve(db, keys, language) {
		if (keys.length === 0) return new Map();
		const rows = await db.select({ slug: document.slug, title: document.title, isSample: document.isSample }).from(document).where(inArray(document.slug, [...keys]));
		return new Map(
			rows.map((row) => {
				const title = pickText(row.title as Record<string, string>, language);
				return [row.slug, { label: title.text || row.slug, lang: title.lang, path: `/knowledge/documents/${row.slug}`, isSample: row.isSample }];
			})
		);
	}
};
