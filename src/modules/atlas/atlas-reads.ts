import type { App } from '../../platform/app.ts';
import type { InitiativeFilters, InitiativeQuery, StatsDimension } from './atlas.schemas.ts';
import { atlasCache } from './atlas-cache.ts';
import { AtlasReadModel, normalisedWords } from './atlas-read-model.ts';
import { atlasStats, searchInitiatives } from './initiative.service.ts';

/**
 * The public Atlas's reads of one request, as pages and the API make them: through the revision cache
 * (atlas-cache.ts), the revision read once for all of them. The list and the statistics are computed
 * from the in-memory read model of that revision (atlas-read-model.ts, ADR 0012), so a filter never
 * asked before is answered in milliseconds. Services stay uncached — writes and tests read the database
 * directly; with the cache turned off (ATLAS_CACHE=false, to measure the queries themselves) so are these.
 */
export async function atlasReads(app: App) {
	const db = app.database.db;
	const enabled = app.settings.atlasCache;
	const atlas = atlasCache(db, enabled);
	const cache = await atlas.snapshot();
	// one model per revision, shared by every request: read from the cache itself (the newest revision), so
	// that a request whose snapshot a write overtook uses the new model instead of loading one of its own
	const model = () => atlas.read('read model', () => AtlasReadModel.load(db), { freeze: false });
	return {
		db,
		search: (query: InitiativeQuery & { lang?: 'fr' | 'ar' | 'en' }) =>
			cache.read(`search ${JSON.stringify(query)}`, async () =>
				enabled ? (await model()).search(query, await normalisedWords(db, query.q)) : searchInitiatives(db, query)
			),
		stats: (by: StatsDimension, filters: Partial<InitiativeFilters> = {}) =>
			cache.read(`stats ${by} ${JSON.stringify(filters)}`, async () =>
				enabled ? (await model()).stats(by, filters, await normalisedWords(db, filters.q)) : atlasStats(db, by, filters)
			),
		/** any other read of Atlas data (a page's composition of several queries), by a key naming it and its inputs */
		read: <T>(key: string, compute: () => Promise<T>) => cache.read(key, compute)
	};
}
