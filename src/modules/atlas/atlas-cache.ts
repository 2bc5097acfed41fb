import type { Db } from '../../platform/db/database.ts';
import { noCache, revisionCache, type RevisionCache } from '../../platform/cache/revision-cache.ts';

/**
 * The public Atlas's reads (list, facets, stats, dashboard, anonymous pages) memoised per Atlas data
 * revision (`cache.atlas_revision`, bumped by every write to initiatives, their regions, provinces and
 * organisations, organisations and exchange rates): see cache/revision-cache.ts.
 */
export function atlasCache(db: Db, enabled = true): RevisionCache {
	return enabled ? revisionCache(db, 'atlas_revision') : noCache;
}
