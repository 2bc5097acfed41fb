// `npm run jobs:alerts`: the daily digest of saved offer searches — one e-mail per person listing the
// offers published since the previous digest. Run it daily (cron). On the embedded database, stop the
// server first (one process owns PGlite).
import os from 'node:os';
import path from 'node:path';
import { readSettings } from '../../config/config.ts';
import { openDatabase, databaseOptionsFrom, type Database } from '../../db/database.ts';
import { DataDirLockedError } from '../../db/data-dir-lock.ts';
import { createMailer, type Mailer } from '../../mail/mailer.ts';
import type { AuditContext } from '../../audit/audit.service.ts';
import { sendSearchAlerts } from './saved-searches.ts';
import { runWhenMain } from '../../cli/entry.ts';

export interface AlertsIo {
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
	return { actorUserId: null, actorLabel: `cli:${who}@${os.hostname()} jobs:alerts`, channel: 'cli' };
}

/** Returns the exit code: 0 done, 1 failed. `database` and `mailer` (tests) are used and left open. */
export async function runJobsAlerts(io: AlertsIo, options: { env?: NodeJS.ProcessEnv; database?: Database; mailer?: Mailer; now?: Date } = {}): Promise<number> {
	const settings = readSettings(options.env ?? process.env);
	let database = options.database;
	if (!database) {
		try {
			database = await openDatabase(databaseOptionsFrom(settings));
		} catch (error) {
			io.err(error instanceof DataDirLockedError ? error.message : `Cannot open the database: ${(error as Error).message}`);
			return 1;
		}
	}
	try {
		await database.migrate();
		const mailer = options.mailer ?? createMailer({ from: settings.mailFrom, smtp: settings.smtp, outboxDir: path.join(settings.dataDir, 'outbox') });
		const sent = await sendSearchAlerts(database.db, cliContext(), { dataDir: settings.dataDir, mailer, publicUrl: settings.publicUrl }, options.now ?? new Date());
		io.out(sent === 0 ? 'No alert to send.' : `${sent} alert e-mail${sent === 1 ? '' : 's'} sent.`);
		return 0;
	} catch (error) {
		io.err(`jobs:alerts failed: ${(error as Error).message}`);
		return 1;
	} finally {
		if (!options.database) await database.close();
	}
}

await runWhenMain(import.meta.url, 'jobs:alerts', (_argv, io) => runJobsAlerts(io));
