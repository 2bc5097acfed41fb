import os from 'node:os';
import path from 'node:path';
import type { CliIo } from './io.ts';
import { readSettings, type Settings } from '../config/config.ts';
import { openDatabase, databaseOptionsFrom, type Database } from '../db/database.ts';
import { DataDirLockedError } from '../db/data-dir-lock.ts';
import { createMailer, type Mailer } from '../mail/mailer.ts';
import type { AuditContext } from '../audit/audit.service.ts';

type ConsoleIo = Pick<CliIo, 'out' | 'err'>;

/** Who a command acts as in the audit trail: the system user and host, and the command. */
export function commandContext(command: string): AuditContext {
	let who = 'unknown';
	try {
		who = os.userInfo().username;
	} catch {
		// no user name in some containers
	}
	return { actorUserId: null, actorLabel: `cli:${who}@${os.hostname()} ${command}`, channel: 'cli' };
}

export interface CommandRun {
	settings: Settings;
	database: Database;
	context: AuditContext;
	/** the given mailer (tests), else the configured one (SMTP, or .eml files in the outbox) */
	mailer(): Mailer;
}

/**
 * The frame of a command that works on the database: opens it (or uses `options.database`, left open —
 * tests) and migrates it, runs `work`, reports a failure as "<command> failed: …", closes what it opened.
 * Returns the exit code: `work`'s, or 1 when the database cannot be opened or `work` throws.
 */
export async function runDatabaseCommand(
	command: string,
	io: ConsoleIo,
	options: { env?: NodeJS.ProcessEnv; database?: Database; mailer?: Mailer },
	work: (run: CommandRun) => Promise<number>
): Promise<number> {
	const settings = readSettings(options.env ?? process.env);
	let database = options.database;
	if (!database) {
		try {
			database = await openDatabase(databaseOptionsFrom(settings));
			await database.migrate();
		} catch (error) {
			io.err(error instanceof DataDirLockedError ? error.message : `Cannot open the database: ${(error as Error).message}`);
			if (database) await database.close();
			return 1;
		}
	}
	try {
		return await work({
			settings,
			database,
			context: commandContext(command),
			mailer: () => options.mailer ?? createMailer({ from: settings.mailFrom, smtp: settings.smtp, outboxDir: path.join(settings.dataDir, 'outbox') })
		});
	} catch (error) {
		io.err(`${command} failed: ${(error as Error).message}`);
		return 1;
	} finally {
		if (!options.database) await database.close();
	}
}
