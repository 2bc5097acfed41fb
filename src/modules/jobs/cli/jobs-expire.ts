// `npm run jobs:expire`: persists the expiry of published job offers whose closing date is past
// (the pages and API already treat them as expired at read time), one audit event per offer.
// Run it daily (cron). On the embedded database, stop the server first (one process owns PGlite).
import type { Database } from '../../../platform/db/database.ts';
import { expireOffers } from '../jobs.service.ts';
import { runDatabaseCommand } from '../../../platform/cli/entry.ts';

export interface ExpireIo {
	out(text: string): void;
	err(text: string): void;
}

/** Returns the exit code: 0 done, 1 failed. `database` (tests) is used and left open. */
export function runJobsExpire(io: ExpireIo, options: { env?: NodeJS.ProcessEnv; database?: Database; now?: Date } = {}): Promise<number> {
	return runDatabaseCommand('jobs:expire', io, options, async ({ database, context }) => {
		const count = await expireOffers(database.db, context, options.now ?? new Date());
		io.out(count === 0 ? 'No job offer to expire.' : `${count} job offer${count === 1 ? '' : 's'} marked expired.`);
		return 0;
	});
}

