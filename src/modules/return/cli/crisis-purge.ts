// `return:crisis-purge`: deletes the registrations of closed crises once their retention period has
// passed (counts kept on the crisis, each deletion audited). Meant to run daily (cron, systemd timer).
import type { Database } from '../../../platform/db/database.ts';
import { runDatabaseCommand } from '../../../platform/cli/entry.ts';
import { createContext } from '../../../platform/kernel/context.ts';
import { purgeClosedCrises } from '../crisis/crisis.service.ts';

/** Returns the exit code: 0 done, 1 failed. `database` and `now` (tests) are used as given. */
export function runCrisisPurge(io: { out(text: string): void; err(text: string): void }, options: { env?: NodeJS.ProcessEnv; database?: Database; now?: () => Date } = {}): Promise<number> {
	return runDatabaseCommand('return:crisis-purge', io, options, async ({ database, context }) => {
		const purged = await purgeClosedCrises(createContext({ db: database.db, actor: null, audit: context, now: options.now }));
		if (purged.length === 0) io.out('No crisis data due for deletion.');
		for (const item of purged) io.out(`${item.slug}: ${item.registrations} registrations deleted, counts kept.`);
		return 0;
	});
}
