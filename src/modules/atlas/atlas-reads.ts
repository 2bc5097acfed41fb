import type { App } from '../../platform/app.ts';
import type { InitiativeFilters, InitiativeQuery } from './atlas.schemas.ts';
import { atlasCache } from './atlas-cache.ts';
import { atlasStats, searchInitiatives } from './initiative.service.ts';

/**
 * The public Atlas's reads of one request, as pages and the API make them: through the revision cache
 * (atlas-cache.ts), the revision read once for all of them. Services stay uncached — writes and tests
 * read the database directly.
 */
export async function atlasReads(app: App) {
	const db = app.database.db;
	const cache = await atlasCache(db, app.settings.atlasCache).snapshot();
	return {
		db,
		search: (query: InitiativeQuery & { lang?: 'fr' | 'ar' | 'en' }) =>
			cache.read(`search ${JSON.stringify(query)}`, () => searchInitiatives(db, query)),
		stats: (by: 'region' | 'theme' | 'year' | 'funder', filters: Partial<InitiativeFilters> = {}) =>
			cache.read(`stats ${by} ${JSON.stringify(filters)}`, () => atlasStats(db, by, filters)),
		/** any other read of Atlas data (a page's composition of several queries), by a key naming it and its inputs */
		read: <T>(key: string, compute: () => Promise<T>) => cache.read(key, compute)
	};
}
