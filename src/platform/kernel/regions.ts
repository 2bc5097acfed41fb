import type { DbOrTx } from '../db/database.ts';
import type { Language } from '../i18n/languages.ts';
import { regions } from '../geo/morocco.ts';
import type { RegionContribution, RegionContributionItem } from './manifest.ts';
import { installedModules } from './modules.ts';
import { resolveLinks, type ResolvedLink } from './links.ts';

/**
 * What the modules add to a region's page (manifest `regionContributions`): the Atlas's region page lists
 * them without importing any module (the missions completed there by talents of the diaspora…). Sections
 * with nothing in the region are left out; the links of each item are resolved to the records they name
 * (a link whose module or record is gone is left out).
 */
export interface RegionSection extends Omit<RegionContribution, 'items'> {
	module: string;
	items: (Omit<RegionContributionItem, 'links'> & { linked: ResolvedLink[] })[];
}

/** The region's ISO 3166-2 code as written in Sharaka (`MA-01`), or null when it names no region of Morocco. */
export function regionCode(text: string): string | null {
	const code = text.trim().toUpperCase();
	return regions.some((region) => region.iso === code) ? code : null;
}

export async function regionContributions(db: DbOrTx, region: string, language: Language): Promise<RegionSection[]> {
	const code = regionCode(region);
	if (!code) return [];
	const sections: RegionSection[] = [];
	for (const manifest of installedModules()) {
		if (!manifest.regionContributions) continue;
		for (const contribution of await manifest.regionContributions(db, code, language)) {
			if (contribution.count <= 0) continue;
			// every item's links resolved at once (one read per kind of record)
			const wanted = [...new Set(contribution.items.flatMap((item) => item.links ?? []))];
			const found = new Map((wanted.length ? await resolveLinks(db, wanted, language) : []).map((link) => [link.value, link]));
			const items = contribution.items.map(({ links, ...item }) => ({ ...item, linked: (links ?? []).flatMap((value) => (found.has(value) ? [found.get(value)!] : [])) }));
			sections.push({ ...contribution, module: manifest.slug, items });
		}
	}
	return sections;
}
