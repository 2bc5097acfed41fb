// `npm run jobs:expire`: persists the expiry of published job offers whose closing date is past
// (the pages and API already treat them as expired at read time), one audit event per offer.
// Run it daily (cron). On the embedded database, stop the server first (one process owns PGlite).
import os from 'node:os';
import { readSettings } from '../config/config.ts';
import { openDatabase, databaseOptionsFrom, type Database } from '../db/database.ts';
import { DataDirLockedError } from '../db/data-dir-lock.ts';
import type { AuditContext } from '../audit/audit.service.ts';
import { expireOffers } from '../jobs/jobs.service.ts';
import { runWhenMain } from './entry.ts';

export interface ExpireIo {
	out(text: string): void;
	err(text: string): void;
}

function cliContext(): AuditContext {
	let who = 'unknown';
	try {
		who = os.userInfo().username;
	} catch {
		// no user name in some containers
	}
	return { actorUserId: null, actorLabel: `cli:${who}@${os.hostname()} jobs:expire`, channel: 'cli' };
}

/** Returns the exit code: 0 done, 1 failed. `database` (tests) is used and left open. */
export async function runJobsExpire(io: ExpireIo, options: { env?: NodeJS.ProcessEnv; database?: Database; now?: Date } = {}): Promise<number> {
	let database = options.database;
	if (!database) {
		try {
			database = await openDatabase(databaseOptionsFrom(readSettings(options.env ?? process.env)));
		} catch (error) {
			io.err(error instanceof DataDirLockedError ? error.message : `Cannot open the database: ${(error as Error).message}`);
			return 1;
		}
	}
	try {
		await database.migrate();
		const count = await expireOffers(database.db, cliContext(), options.now ?? new Date());
		io.out(count === 0 ? 'No job offer to expire.' : `${count} job offer${count === 1 ? '' : 's'} marked expired.`);
		return 0;
	} catch (error) {
		io.err(`jobs:expire failed: ${(error as Error).message}`);
		return 1;
	} finally {
		if (!options.database) await database.close();
	}
}

await runWhenMain(import.meta.url, 'jobs:expire', (_argv, io) => runJobsExpire(io));
