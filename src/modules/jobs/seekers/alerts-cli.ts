// `npm run jobs:alerts`: the daily digest of saved offer searches — one e-mail per person listing the
// offers published since the previous digest. Run it daily (cron). On the embedded database, stop the
// server first (one process owns PGlite).
import type { Database } from '../../../platform/db/database.ts';
import type { Mailer } from '../../../platform/mail/mailer.ts';
import { sendSearchAlerts } from './saved-searches.ts';
import { runDatabaseCommand } from '../../../platform/cli/entry.ts';

export interface AlertsIo {
	out(text: string): void;
	err(text: string): void;
}

/** Returns the exit code: 0 done, 1 failed. `database` and `mailer` (tests) are used and left open. */
export function runJobsAlerts(io: AlertsIo, options: { env?: NodeJS.ProcessEnv; database?: Database; mailer?: Mailer; now?: Date } = {}): Promise<number> {
	return runDatabaseCommand('jobs:alerts', io, options, async ({ settings, database, context, mailer }) => {
		const sent = await sendSearchAlerts(database.db, context, { mailer: mailer(), publicUrl: settings.publicUrl }, options.now ?? new Date());
		io.out(sent === 0 ? 'No alert to send.' : `${sent} alert e-mail${sent === 1 ? '' : 's'} sent.`);
		return 0;
	});
}

