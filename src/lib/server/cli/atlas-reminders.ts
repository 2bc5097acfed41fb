// `npm run jobs:reminders`: e-mails the members of every organisation taking part in Atlas initiatives
// not verified for 12 months (samples left out), one message per person listing them; recorded in the
// audit trail. Run it monthly (cron). On the embedded database, stop the server first (one process owns PGlite).
import os from 'node:os';
import path from 'node:path';
import { readSettings } from '../config/config.ts';
import { openDatabase, databaseOptionsFrom, type Database } from '../db/database.ts';
import { DataDirLockedError } from '../db/data-dir-lock.ts';
import { createMailer, type Mailer } from '../mail/mailer.ts';
import type { AuditContext } from '../audit/audit.service.ts';
import { sendStaleReminders } from '../atlas/moderation/moderation.service.ts';
import { runWhenMain } from './entry.ts';

export interface RemindersIo {
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
	return { actorUserId: null, actorLabel: `cli:${who}@${os.hostname()} jobs:reminders`, channel: 'cli' };
}

/** Returns the exit code: 0 done, 1 failed. `database` and `mailer` (tests) are used as given. */
export async function runReminders(
	io: RemindersIo,
	options: { env?: NodeJS.ProcessEnv; database?: Database; mailer?: Mailer; now?: Date } = {}
): Promise<number> {
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
		const failures: unknown[] = [];
		const result = await sendStaleReminders(
			database.db,
			cliContext(),
			{ mailer, publicUrl: settings.publicUrl.replace(/\/$/, ''), onError: (error) => failures.push(error) },
			options.now ?? new Date()
		);
		io.out(
			result.emails === 0 && result.organisations === 0
				? `No initiative left unverified since ${result.cutoff}: no reminder to send.`
				: `${result.emails} reminder e-mail${result.emails === 1 ? '' : 's'} sent to the members of ${result.organisations} organisation${result.organisations === 1 ? '' : 's'} (initiatives not verified since ${result.cutoff}).`
		);
		if (failures.length) {
			io.err(`${failures.length} e-mail${failures.length === 1 ? '' : 's'} could not be sent: ${(failures[0] as Error).message}`);
			return 1;
		}
		return 0;
	} catch (error) {
		io.err(`jobs:reminders failed: ${(error as Error).message}`);
		return 1;
	} finally {
		if (!options.database) await database.close();
	}
}

await runWhenMain(import.meta.url, 'jobs:reminders', (_argv, io) => runReminders(io));
