// Jobs records other modules may point at (a reintegration plan's action → a support programme or a
// job offer), through the platform's links: programmes are few and listed in a picker; offers are many,
// found from the address of their page (or their id) pasted in a field.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { LinkTarget } from '../../platform/kernel/manifest.ts';
import { directoryEntry } from '../../platform/directory/directory.table.ts';
import { pickText } from '../../platform/i18n/content-language.ts';
import { supportProgrammes } from './programmes.ts';
import { jobOffer } from './job-offer.table.ts';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

export const programmeLinks: LinkTarget = {
	titleKey: 'support.link_target_programme',
	async choices(db, language) {
		const rows = await db
			.select({ id: directoryEntry.id, name: directoryEntry.name, isSample: directoryEntry.isSample })
			.from(directoryEntry)
			.where(and(eq(directoryEntry.collection, supportProgrammes.key), eq(directoryEntry.status, 'active')))
			.orderBy(asc(directoryEntry.isSample), asc(sql`lower(coalesce(${directoryEntry.name}->>${language}, ${directoryEntry.name}->>'fr'))`));
		return rows.map((row) => ({ value: row.id, label: pickText(row.name, language).text, lang: pickText(row.name, language).lang, keywords: Object.values(row.name).join(' '), isSample: row.isSample }));
	},
	async resolve(db, keys, language) {
		const ids = keys.filter((key) => UUID.test(key));
		if (ids.length === 0) return new Map();
		const rows = await db
			.select({ id: directoryEntry.id, name: directoryEntry.name, isSample: directoryEntry.isSample })
			.from(directoryEntry)
			.where(and(eq(directoryEntry.collection, supportProgrammes.key), inArray(directoryEntry.id, ids)));
		return new Map(rows.map((row) => [row.id, { label: pickText(row.name, language).text, lang: pickText(row.name, language).lang, path: `/jobs/programmes/${row.id}`, isSample: row.isSample }]));
	}
};

export const offerLinks: LinkTarget = {
	titleKey: 'jobs.link_target_offer',
	// tens of thousands: never listed, found from the offer's address
	async choices() {
		return [];
	},
	async resolve(db, keys) {
		const ids = keys.filter((key) => UUID.test(key) && key.length === 36);
		if (ids.length === 0) return new Map();
		const rows = await db.select({ id: jobOffer.id, title: jobOffer.title, isSample: jobOffer.isSample }).from(jobOffer).where(inArray(jobOffer.id, ids));
		// an offer's title is in the language its employer wrote it in, unknown: French stands for it
		return new Map(rows.map((row) => [row.id, { label: row.title, lang: 'fr', path: `/jobs/offers/${row.id}`, isSample: row.isSample }]));
	},
	async find(db, text) {
		const id = UUID.exec(text)?.[0]?.toLowerCase();
		if (!id) return null;
		// a draft or an offer waiting for validation is nobody's to point at yet
		const [row] = await db.select({ id: jobOffer.id }).from(jobOffer).where(and(eq(jobOffer.id, id), inArray(jobOffer.status, ['published', 'filled', 'closed', 'expired'])));
		return row?.id ?? null;
	}
};
