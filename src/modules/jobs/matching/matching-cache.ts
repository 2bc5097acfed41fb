import type { DbOrTx } from '../../../platform/db/database.ts';
import { revisionCache, type RevisionCache } from '../../../platform/cache/revision-cache.ts';

/**
 * Ranked candidates memoised per matching data revision (`cache.matching_revision`, bumped by every
 * write to profiles — consent included —, people, offers, applications and occupations; migration
 * 0017): see cache/revision-cache.ts. Ranking a common trade's pool takes tens of milliseconds of
 * database time, while the same offer's list is asked again and again (an employer paging, a
 * counsellor coming back). The key always names the viewer kind: an employer's entry (people who
 * consented to employers, pseudonymous) is never served to a counsellor, nor the reverse.
 */
export function matchingCache(db: DbOrTx): RevisionCache {
	return revisionCache(db, 'matching_revision');
}
