import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readSettings, type Settings } from '../config/config.ts';
import { openDatabase, databaseOptionsFrom, type Database } from '../db/database.ts';
import { DataDirLockedError } from '../db/data-dir-lock.ts';
import { roles } from '../accounts/accounts.model.ts';
import { setUserRoleByEmail } from '../accounts/user.service.ts';
import { grantableRoles, grantRoleByEmail } from '../accounts/grant.service.ts';
import { organisation } from '../accounts/accounts.table.ts';
import { eq } from 'drizzle-orm';
import { createContext } from '../kernel/context.ts';
import type { AuditContext } from '../audit/audit.service.ts';
import { isAppError } from '../http/app-error.ts';
import { createMailer, type Mailer } from '../mail/mailer.ts';
import { appliedMigrations, backupDatabase, readBackupHeader, restoreDatabase, BackupError } from '../backup/backup.ts';
import { CliCancelled, type CliIo } from './io.ts';
import { openFileStore } from '../storage/file-store.ts';
import { storedFileReferences } from '../storage/stored-files.ts';
import { fromModules, mergeOwned } from '../kernel/modules.ts';
import type { ModuleCommand } from '../kernel/manifest.ts';
import { createTokenForEmail, createUserAccount, isRole, looksLikeEmail, normaliseEmail, passwordProblem } from './users.ts';

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

const PLATFORM_USAGE = `Sharaka administration

Usage: npm run admin -- <command> [options]

Commands:
  create-user --email E --role R [--name N]
        Create an account that can sign in at once (its e-mail counts as verified).
        The password is asked twice without echo, or read from the first line of stdin
        when it is piped: echo "$PASSWORD" | npm run admin -- create-user ...
  set-role --email E --role R
        Give an account another role.
  grant --email E --role MODULE:ROLE [--organisation SLUG]
        Give the account a role in one module (e.g. atlas:moderator); see the roles with
        npm run admin -- grant --list.
  create-token --email E --name N
        Create a personal API token for the account; it is printed once, on stdout.
  migrate
        Apply the pending database migrations (also: npm run db:migrate).
  backup FILE
        Write a backup of the whole database to FILE (also: npm run backup -- FILE).
  restore FILE [--yes]
        Replace ALL the data of the database with the backup in FILE
        (also: npm run restore -- FILE). On a terminal it asks first, unless --yes.
  help
        Show this help.

Roles: ${roles.join(', ')}.
The database is the server's: PostgreSQL when DATABASE_URL is set, else the embedded
database in DATA_DIR (default ./data), which only one process may open: stop the server first.
Exit codes: 0 done, 1 failed, 2 wrong usage.`;

/** The commands of the installed modules (manifest `commands`), one owner each. */
const moduleCommands = fromModules((manifests) =>
	mergeOwned<ModuleCommand>('Command', manifests.map((manifest) => [`module ${manifest.slug}`, manifest.commands]))
);

/** The help: the platform's commands, then each module's. */
export function usage(): string {
	const modules = Object.entries(moduleCommands()).map(
		([name, command]) => `  ${name}${command.arguments ? ` ${command.arguments}` : ''}\n        ${command.description}`
	);
	return modules.length ? `${PLATFORM_USAGE}\n\nModule commands (npm run admin -- <command>):\n${modules.join('\n')}` : PLATFORM_USAGE;
}

type Values = Record<string, string | boolean | undefined>;

interface CommandContext {
	database: Database;
	io: CliIo;
	values: Values;
	positionals: string[];
	settings: Settings;
	audit: AuditContext;
	mailer: Mailer;
	/** where the database is, in words */
	where: string;
	migrationsBefore: number;
}

interface Command {
	options: Record<string, { type: 'string' | 'boolean' }>;
	/** a usage problem with the arguments, or null */
	check(values: Values, positionals: string[]): string | null;
	run(context: CommandContext): Promise<number>;
}

/** Expected failures: printed as they are, exit code 1. */
class CliFailure extends Error {}

const requireOptions =
	(...names: string[]) =>
	(values: Values, positionals: string[]): string | null => {
		const missing = names.filter((name) => typeof values[name] !== 'string' || (values[name] as string).trim() === '');
		if (missing.length) return `needs ${missing.map((name) => `--${name}`).join(' and ')}`;
		if (positionals.length) return `does not take ${positionals.join(' ')}`;
		if ('email' in values && !looksLikeEmail(normaliseEmail(String(values.email)))) return `--email ${String(values.email)} is not an e-mail address`;
		if ('role' in values && !isRole(values.role)) return `--role must be one of: ${roles.join(', ')}`;
		return null;
	};

const oneFile = (values: Values, positionals: string[]): string | null =>
	positionals.length === 1 ? null : positionals.length === 0 ? 'needs a FILE' : 'takes one FILE';

function formatBytes(bytes: number): string {
	if (bytes < 1024) return `${bytes} B`;
	if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
	return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

async function readNewPassword(io: CliIo): Promise<string> {
	if (!io.terminal) {
		const line = await io.readSecret('');
		if (line === null || line === '') throw new CliFailure('No password on stdin: pipe it as the first line, or run the command at a terminal.');
		return line.replace(/\r$/, '');
	}
	const first = await io.readSecret('Password: ');
	const problem = passwordProblem(first ?? '');
	if (problem) throw new CliFailure(problem);
	const second = await io.readSecret('Password again: ');
	if (first !== second) throw new CliFailure('The two passwords differ; nothing was created.');
	return first!;
}

const commands: Record<string, Command> = {
	grant: {
		options: { email: { type: 'string' }, role: { type: 'string' }, organisation: { type: 'string' }, list: { type: 'boolean' } },
		// --role here names a module's role, not a platform role: checked when granting
		check: (values, positionals) => {
			if (values.list) return null;
			if (positionals.length) return `does not take ${positionals.join(' ')}`;
			if (typeof values.email !== 'string' || !looksLikeEmail(normaliseEmail(values.email))) return 'needs --email and an e-mail address';
			return typeof values.role === 'string' && values.role.trim() ? null : 'needs --role MODULE:ROLE';
		},
		async run({ database, io, values, audit }) {
			if (values.list) {
				for (const role of grantableRoles()) io.out(`${role.key}${role.limit === 'none' ? '' : ` (limited to one ${role.limit})`}`);
				return EXIT_OK;
			}
			const email = normaliseEmail(String(values.email));
			let organisationId: string | undefined;
			try {
				const ctx = createContext({ db: database.db, actor: null, audit });
				if (typeof values.organisation === 'string') {
					const [found] = await database.db.select({ id: organisation.id }).from(organisation).where(eq(organisation.slug, values.organisation.trim()));
					if (!found) throw new CliFailure(`No organisation has the slug ${values.organisation}.`);
					organisationId = found.id;
				}
				const grant = await grantRoleByEmail(ctx, email, { role: String(values.role), organisationId });
				io.out(`${email} now holds ${grant.key}.`);
				return EXIT_OK;
			} catch (error) {
				if (isAppError(error) && error.code === 'not_found') throw new CliFailure(`No account has the e-mail ${email}.`);
				if (isAppError(error) && error.code === 'conflict') throw new CliFailure(`${email} already holds ${String(values.role)}; nothing changed.`);
				if (isAppError(error) && error.code === 'invalid_input' && error.fields.some((field) => field.path === 'organisationId')) {
					throw new CliFailure(`${String(values.role)} is ${organisationId ? 'not limited to an organisation: leave out --organisation' : 'limited to one organisation: add --organisation SLUG'}.`);
				}
				if (isAppError(error) && error.code === 'invalid_input') throw new CliFailure(`${String(values.role)} is not a role a module grants alone. The roles: ${grantableRoles().map((role) => role.key).join(', ')}.`);
				throw error;
			}
		}
	},
	'create-user': {
		options: { email: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' } },
		check: requireOptions('email', 'role'),
		async run({ database, io, values, audit }) {
			const email = normaliseEmail(String(values.email));
			const password = await readNewPassword(io);
			const problem = passwordProblem(password);
			if (problem) throw new CliFailure(problem);
			try {
				const created = await createUserAccount(database.db, audit, {
					email,
					role: values.role as (typeof roles)[number],
					name: typeof values.name === 'string' ? values.name : undefined,
					password
				});
				io.out(`Created ${created.email} (${created.name}) with the role ${created.role}; id ${created.id}. They can sign in now.`);
				return EXIT_OK;
			} catch (error) {
				if (isAppError(error) && error.code === 'conflict') throw new CliFailure(`An account with the e-mail ${email} already exists.`);
				throw error;
			}
		}
	},
	'set-role': {
		options: { email: { type: 'string' }, role: { type: 'string' } },
		check: requireOptions('email', 'role'),
		async run({ database, io, values, audit, mailer }) {
			const email = normaliseEmail(String(values.email));
			const role = values.role as (typeof roles)[number];
			try {
				const change = await setUserRoleByEmail(database.db, audit, email, role, { mailer });
				if (!change.changed) io.out(`${change.user.email} already has the role ${role}; nothing changed.`);
				else {
					io.out(`${change.user.email} now has the role ${role} (was ${change.previousRole}).`);
					if (change.notified) io.err('An e-mail tells them.');
				}
				return EXIT_OK;
			} catch (error) {
				if (isAppError(error) && error.code === 'not_found') throw new CliFailure(`No account has the e-mail ${email}.`);
				if (isAppError(error) && error.code === 'conflict') {
					throw new CliFailure(`${email} is the last administrator: give another account the administrator role first.`);
				}
				throw error;
			}
		}
	},
	'create-token': {
		options: { email: { type: 'string' }, name: { type: 'string' } },
		check: requireOptions('email', 'name'),
		async run({ database, io, values, audit }) {
			const email = normaliseEmail(String(values.email));
			try {
				const { token, record, user } = await createTokenForEmail(database.db, audit, email, String(values.name));
				io.err(`Token "${record.name}" created for ${user.email}. Copy it now: it is shown only this once.`);
				io.out(token);
				return EXIT_OK;
			} catch (error) {
				if (isAppError(error) && error.code === 'not_found') throw new CliFailure(`No account has the e-mail ${email}.`);
				throw error;
			}
		}
	},
	migrate: {
		options: {},
		check: (values, positionals) => (positionals.length ? `does not take ${positionals.join(' ')}` : null),
		async run({ database, io, where, migrationsBefore }) {
			const now = (await appliedMigrations(database.db)).length;
			const applied = now - migrationsBefore;
			io.out(
				applied > 0
					? `Applied ${applied} migration${applied === 1 ? '' : 's'} to ${where}; ${now} in all.`
					: `The database (${where}) is up to date: ${now} migrations.`
			);
			return EXIT_OK;
		}
	},
	backup: {
		options: {},
		check: oneFile,
		async run({ database, io, positionals, where, settings, migrationsBefore }) {
			// an empty database (a wrong DATA_DIR or DATABASE_URL) is not backed up as if it were the data
			if (migrationsBefore === 0) throw new CliFailure(`There is no Sharaka database at ${where}: check DATA_DIR or DATABASE_URL. No backup was written.`);
			const { file, header } = await backupDatabase(database, positionals[0], await openFileStore(settings));
			const rows = header.tables.reduce((sum, table) => sum + table.rowCount, 0);
			io.out(
				`Backup of ${where} written to ${file}: ${header.tables.length} tables, ${rows} rows, ${header.files ?? 0} stored files, ${formatBytes(fs.statSync(file).size)}.`
			);
			return EXIT_OK;
		}
	},
	restore: {
		options: { yes: { type: 'boolean' } },
		check: oneFile,
		async run({ database, io, values, positionals, where, settings }) {
			const file = path.resolve(positionals[0]);
			if (!fs.existsSync(file)) throw new CliFailure(`No such file: ${file}`);
			const header = await readBackupHeader(file);
			const rows = header.tables.reduce((sum, table) => sum + table.rowCount, 0);
			io.err(`Backup made ${header.createdAt} by Sharaka ${header.appVersion} (${header.databaseKind}): ${header.tables.length} tables, ${rows} rows.`);
			if (io.terminal && values.yes !== true) {
				const answer = await io.ask(`This replaces ALL the data of ${where} with this backup. Type "yes" to go on: `);
				if (answer?.trim().toLowerCase() !== 'yes') throw new CliFailure('Nothing was changed.');
			}
			const summary = await restoreDatabase(database, file, { files: await openFileStore(settings), references: storedFileReferences() });
			const restored = summary.tables.reduce((sum, table) => sum + table.rows, 0);
			io.out(`Restored ${file} into ${where}: ${summary.tables.length} tables, ${restored} rows, ${summary.files} stored files.`);
			if (summary.missingFiles.length) {
				io.err(`Warning: this backup (made before backups held files) refers to ${summary.missingFiles.length} files the store does not have, e.g. ${summary.missingFiles[0]}. Copy them into the store.`);
			}
			return EXIT_OK;
		}
	}
};

function describeDatabase(database: Database, settings: Settings, injected: boolean): string {
	if (injected) return `the ${database.kind} database`;
	if (database.kind === 'pglite') return `the embedded database in ${settings.dataDir}`;
	try {
		const url = new URL(settings.databaseUrl ?? '');
		return `PostgreSQL ${url.host}${url.pathname}`;
	} catch {
		return 'PostgreSQL';
	}
}

function cliActor(): AuditContext {
	let who = 'unknown';
	try {
		who = os.userInfo().username;
	} catch {
		// no user name in some containers
	}
	return { actorUserId: null, actorLabel: `cli:${who}@${os.hostname()}`, channel: 'cli' };
}

export interface RunOptions {
	env?: NodeJS.ProcessEnv;
	/** an open database to use instead of the one the settings name (tests); left open */
	database?: Database;
}

/** Runs one command; returns the exit code (0 done, 1 failed, 2 wrong usage). */
export async function runCli(argv: string[], io: CliIo, options: RunOptions = {}): Promise<number> {
	const [command, ...args] = argv;
	if (command === undefined) {
		io.err(usage());
		return EXIT_USAGE;
	}
	if (command === 'help' || command === '--help' || command === '-h') {
		io.out(usage());
		return EXIT_OK;
	}
	const moduleCommand = Object.hasOwn(moduleCommands(), command) ? moduleCommands()[command] : undefined;
	if (moduleCommand) return moduleCommand.run(args, io);
	const spec = Object.hasOwn(commands, command) ? commands[command] : undefined;
	if (!spec) {
		io.err(`Unknown command: ${command}. Run "npm run admin -- help" for the list.`);
		return EXIT_USAGE;
	}
	let values: Values;
	let positionals: string[];
	try {
		({ values, positionals } = parseArgs({ args, options: spec.options, allowPositionals: true, strict: true }));
	} catch (error) {
		io.err(`${command}: ${(error as Error).message}`);
		io.err('Run "npm run admin -- help" for the usage.');
		return EXIT_USAGE;
	}
	const problem = spec.check(values, positionals);
	if (problem) {
		io.err(`${command} ${problem}. Run "npm run admin -- help" for the usage.`);
		return EXIT_USAGE;
	}

	let settings: Settings;
	try {
		settings = readSettings(options.env ?? process.env);
	} catch (error) {
		io.err(`The settings are not valid: ${(error as Error).message}`);
		return EXIT_FAILURE;
	}

	let database = options.database;
	if (!database && command === 'backup' && !settings.databaseUrl && !fs.existsSync(path.join(settings.dataDir, 'pglite', 'PG_VERSION'))) {
		// opening would create an empty database there: a wrong DATA_DIR must not give an empty backup
		io.err(`There is no Sharaka database in DATA_DIR=${settings.dataDir}: check DATA_DIR. No backup was written.`);
		return EXIT_FAILURE;
	}
	if (!database) {
		try {
			database = await openDatabase(databaseOptionsFrom(settings));
		} catch (error) {
			// PGlite in use by the server (or another command): refuse without touching the data.
			if (error instanceof DataDirLockedError) io.err(error.message);
			else io.err(`Cannot open the database: ${(error as Error).message}`);
			return EXIT_FAILURE;
		}
	}
	try {
		const migrationsBefore = (await appliedMigrations(database.db)).length;
		await database.migrate();
		return await spec.run({
			database,
			io,
			values,
			positionals,
			settings,
			audit: cliActor(),
			mailer: createMailer({ from: settings.mailFrom, smtp: settings.smtp, outboxDir: path.join(settings.dataDir, 'outbox') }),
			where: describeDatabase(database, settings, options.database !== undefined),
			migrationsBefore
		});
	} catch (error) {
		if (error instanceof CliFailure || error instanceof BackupError) io.err(error.message);
		else if (error instanceof CliCancelled) io.err('Cancelled; nothing was changed.');
		else {
			io.err(`${command} failed: ${(error as Error).message ?? String(error)}`);
			if ((options.env ?? process.env).DEBUG) io.err(String((error as Error).stack));
		}
		return EXIT_FAILURE;
	} finally {
		if (!options.database) await database.close();
	}
}
