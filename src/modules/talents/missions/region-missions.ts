// The missions completed in a region, for the Atlas's region page (manifest `regionContributions`): the
// contributions of the diaspora's talents to the region, each linked to its Atlas initiative when it has one.
// The Atlas never imports this module: the platform asks every module for its part of a region's page.
import { and, count, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { organisation } from '../../../platform/accounts/accounts.table.ts';
import type { Language } from '../../../platform/i18n/languages.ts';
import { createTranslator } from '../../../platform/i18n/translator.ts';
import { isolate, pickText } from '../../../platform/i18n/content-language.ts';
import type { Backlink, RegionContribution } from '../../../platform/kernel/manifest.ts';
import { parseLink } from '../../../platform/kernel/links.ts';
import { INITIATIVE_KIND } from './missions.service.ts';
import { mission } from './missions.table.ts';

/** How many of a region's completed missions its page lists (newest first); the count is of all of them. */
export const REGION_MISSIONS_SHOWN = 10;

export async function missionsInRegion(db: DbOrTx, region: string, language: Language): Promise<RegionContribution[]> {
	const where = and(eq(mission.region, region), eq(mission.status, 'completed'));
	const [total] = await db.select({ n: count() }).from(mission).where(where);
	if (!total.n) return [];
	const rows = await db
		.select({ slug: mission.slug, title: mission.title, initiative: mission.initiative, isSample: mission.isSample, completedAt: mission.statusAt, organisation: organisation.name })
		.from(mission)
		.innerJoin(organisation, eq(organisation.id, mission.organisationId))
		.where(where)
		.orderBy(desc(mission.statusAt), desc(mission.id))
		.limit(REGION_MISSIONS_SHOWN);
	const { t, date } = createTranslator(language);
	return [
		{
			titleKey: 'missions_more.region_title',
			textKey: 'missions_more.region_text',
			count: total.n,
			path: `/talents/missions?region=${region}&status=completed`,
			pathKey: 'missions_more.region_all',
			items: rows.map((row) => {
				const title = pickText(row.title, language);
				return {
					label: title.text,
					lang: title.lang,
					path: `/talents/missions/${row.slug}`,
					// the organisation's name, in whatever language it is written, set apart from the sentence (U+2068…U+2069)
					detail: t('missions_more.region_item', { organisation: isolate(row.organisation), date: date(row.completedAt, { month: 'long', year: 'numeric' }) }),
					isSample: row.isSample,
					links: row.initiative ? [row.initiative] : []
				};
			})
		}
	];
}

/** On an Atlas initiative's page: the published missions that belong to it (any status), with the list's address. */
export async function missionsLinkingTo(db: DbOrTx, value: string): Promise<Backlink[]> {
	const link = parseLink(value);
	if (link?.kind !== INITIATIVE_KIND) return [];
	const [row] = await db.select({ n: count() }).from(mission).where(eq(mission.initiative, value));
	return [{ titleKey: 'missions_more.of_initiative', count: row.n, path: `/talents/missions?initiative=${encodeURIComponent(link.key)}&status=all` }];
}
