import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CliIo } from './io.ts';
import { readSettings, type Settings } from '../config/config.ts';
import { openDatabase, databaseOptionsFrom, type Database } from '../db/database.ts';
import { DataDirLockedError } from '../db/data-dir-lock.ts';
import { createMailer, type Mailer } from '../mail/mailer.ts';
import type { AuditContext } from '../audit/audit.service.ts';

type ConsoleIo = Pick<CliIo, 'out' | 'err'>;

/**
 * Runs a command file when Node runs it directly (`node src/platform/cli/x.ts`, as the npm scripts
 * do) and does nothing when it is imported (tests): checks the Node version, wires the console, sets
 * the exit code.
 */
export async function runWhenMain(
	moduleUrl: string,
	script: string,
	command: (argv: string[], io: ConsoleIo) => Promise<number>
): Promise<void> {
	if (!process.argv[1] || fileURLToPath(moduleUrl) !== process.argv[1]) return;
	const major = Number(process.versions.node.split('.')[0]);
	if (major < 24) {
		console.error(`Sharaka needs Node.js 24 (found ${process.versions.node}): run it through npm (npm run ${script}).`);
		process.exit(1);
	}
	process.exitCode = await command(process.argv.slice(2), {
		out: (text) => console.log(text),
		err: (text) => console.error(text)
	});
}

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
