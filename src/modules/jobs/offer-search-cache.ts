import type { DbOrTx } from '../../platform/db/database.ts';
import { revisionCache, type RevisionCache } from '../../platform/cache/revision-cache.ts';

/**
 * Public offer searches memoised per jobs data revision (`cache.jobs_revision`, bumped by every write to
 * offers, employers, organisations and occupations; migration 0015): see cache/revision-cache.ts. The
 * day (offers expire at midnight, Morocco time) is part of the caller's key.
 */
export function offerSearchCache(db: DbOrTx): RevisionCache {
	return revisionCache(db, 'jobs_revision');
}
