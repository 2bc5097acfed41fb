import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import type { BetterAuthPlugin } from 'better-auth';
import { readSettings, type Settings } from './config/config.ts';
import { openDatabase, databaseOptionsFrom, type Database, type DatabaseOptions } from './db/database.ts';
import { createAuth, sessionSettingsOf, type Auth } from './auth/auth.ts';
import type { SessionSettings } from './accounts/session-reader.ts';
import { createMailer, type Mailer } from './mail/mailer.ts';
import { createLogger, type Logger } from './log/logger.ts';
import { createRateLimiter, type RateLimiter } from './security/rate-limit.ts';
import { loadDemoDataIfEmpty } from './demo/demo.ts';
import { ensureReferenceData } from './reference-data.ts';
import { openJobQueue, type JobDefinition, type JobQueue } from './queue/job-queue.ts';
import { installedModules, isInstalled } from './kernel/modules.ts';
import type { JobHost } from './kernel/manifest.ts';
import type { MailMessage } from './mail/mailer.ts';
import { openFileStore, type FileStore } from './storage/file-store.ts';
import packageJson from '../../package.json' with { type: 'json' };

export const version: string = packageJson.version;

/** Everything a request, a CLI command or a job needs, wired once. */
export interface App {
	settings: Settings;
	database: Database;
	auth: Auth;
	/** better-auth's cookie names, secret and ages, for the one-query session reader */
	sessionSettings: SessionSettings;
	mailer: Mailer;
	logger: Logger;
	rateLimiter: RateLimiter;
	/** e-mails, scheduled work and the modules' jobs, shared by every instance on the database */
	queue: JobQueue;
	/** uploaded files: `$DATA_DIR/uploads` or an S3-compatible bucket */
	files: FileStore;
	/**
	 * resolves once every background task started so far has finished and, in a process without
	 * job workers (commands, tests), once the e-mails queued so far have been delivered
	 */
	settle(): Promise<void>;
	close(): Promise<void>;
}

export interface CreateAppOptions {
	settings?: Settings;
	/** override the database the settings name (tests use an in-memory PGlite) */
	databaseOptions?: DatabaseOptions;
	authPlugins?: BetterAuthPlugin[];
	/** run migrations (default true) */
	migrate?: boolean;
	/** load demo data into an empty database when the settings ask for it (default false) */
	demo?: boolean;
	/** make sure every module's reference data is there (default true; tests of the platform alone skip it) */
	referenceData?: boolean;
	/** this process runs queued jobs and keeps the schedules (the server; default false) */
	jobWorkers?: boolean;
}

/** The queue's jobs: the platform's delivery of e-mails, then each module's as `<slug>.<job>`. */
function jobDefinitions(deliver: (message: MailMessage) => Promise<void>, host: Promise<JobHost>): Record<string, JobDefinition<never>> {
	const definitions: Record<string, JobDefinition<never>> = {
		mail: {
			descriptionKey: 'queue.job_mail',
			run: (message: MailMessage) => deliver(message),
			retryLimit: 8,
			retryDelay: 60,
			// a delivered message (addresses, contents) is not kept longer than a day
			deleteAfterSeconds: 24 * 3600
		}
	};
	for (const manifest of isInstalled() ? installedModules() : []) {
		for (const [name, job] of Object.entries(manifest.jobs ?? {})) {
			definitions[`${manifest.slug}.${name}`] = { ...job, run: async (data: Record<string, unknown>) => job.run(data ?? {}, await host) };
		}
	}
	return definitions;
}

/** AUTH_SECRET, or one generated once and kept in the data directory. */
function authSecret(settings: Settings): string {
	if (settings.authSecret) return settings.authSecret;
	if (settings.production) throw new Error('AUTH_SECRET must be set (32 characters or more) in production.');
	const file = path.join(settings.dataDir, 'auth-secret');
	try {
		return fs.readFileSync(file, 'utf8').trim();
	} catch {
		fs.mkdirSync(settings.dataDir, { recursive: true });
		const secret = crypto.randomBytes(32).toString('base64url');
		fs.writeFileSync(file, secret, { mode: 0o600 });
		return secret;
	}
}

export async function createApp(options: CreateAppOptions = {}): Promise<App> {
	const settings = options.settings ?? readSettings();
	const logger = createLogger(settings.logLevel);
	const database = await openDatabase(options.databaseOptions ?? databaseOptionsFrom(settings));
	let queue: JobQueue | undefined;
	try {
		if (options.migrate !== false) await database.migrate();
		if (options.referenceData !== false) await ensureReferenceData(database.db);
		const transport = createMailer({
			from: settings.mailFrom,
			smtp: settings.smtp,
			outboxDir: path.join(settings.dataDir, 'outbox')
		});
		const background = new Set<Promise<unknown>>();
		const runInBackground = (task: Promise<unknown>) => {
			const tracked = task
				.catch((error: unknown) => logger.error({ err: error }, 'background task failed'))
				.finally(() => background.delete(tracked));
			background.add(tracked);
		};
		// the workers start polling as the queue opens: a job already due (a schedule, a dead process's job)
		// waits until the mailer it may need exists
		let hostReady!: (host: JobHost) => void;
		const host = new Promise<JobHost>((resolve) => (hostReady = resolve));
		queue = await openJobQueue(
			database,
			logger,
			jobDefinitions((message) => transport.send(message), host),
			{ workers: options.jobWorkers ?? false }
		);
		// Sending is queueing: the caller never waits for a mail server (nor, on PGlite, for the one
		// connection its own transaction holds), and a message outlives the process that wrote it.
		const opened = queue;
		// the queues this process sent jobs to: a process without workers runs them when it settles
		const queuedHere = new Set<string>(['mail']);
		const jobs: JobQueue = {
			...opened,
			send(name, data, sendOptions) {
				queuedHere.add(name);
				return opened.send(name, data, sendOptions);
			}
		};
		// queued one after the other, so that messages go out in the order they were written
		let lastQueued: Promise<unknown> = Promise.resolve();
		const mailer: Mailer = {
			async send(message) {
				lastQueued = lastQueued.catch(() => {}).then(() => jobs.send('mail', message));
				runInBackground(lastQueued);
			}
		};
		hostReady({ database, settings, mailer, logger });
		const files = await openFileStore(settings);
		const settle = async () => {
			// a job may start others (an import's e-mails): until nothing of this process's is left to do
			for (;;) {
				while (background.size) await Promise.all([...background]);
				if (options.jobWorkers || (await jobs.drain([...queuedHere])) === 0) return;
			}
		};
		const auth = createAuth({
			db: database.db,
			mailer,
			secret: authSecret(settings),
			publicUrl: settings.publicUrl,
			production: settings.production,
			plugins: options.authPlugins,
			runInBackground,
			logger
		});
		if (options.demo && settings.demoData) {
			const loaded = await loadDemoDataIfEmpty(database.db, { files });
			if (loaded) logger.info('demo data loaded into the empty database');
		}
		// counters in the database: every instance of the app on it shares them
		const rateLimiter = createRateLimiter(database.db, settings.rateLimit);
		return {
			settings,
			database,
			auth,
			sessionSettings: await sessionSettingsOf(auth),
			mailer,
			logger,
			rateLimiter,
			queue: jobs,
			files,
			settle,
			async close() {
				await settle(); // e-mails in flight go out (or into the queue) before the database closes
				await jobs.stop();
				await database.close();
			}
		};
	} catch (error) {
		await queue?.stop();
		await database.close();
		throw error;
	}
}

// One instance per process, kept on globalThis so dev-server module reloads reuse it (PGlite has no lock).
const holder = globalThis as typeof globalThis & { __sharakaApp?: Promise<App> };

export function startApp(options: CreateAppOptions): Promise<App> {
	holder.__sharakaApp ??= createApp(options);
	return holder.__sharakaApp;
}

export function getApp(): Promise<App> {
	if (!holder.__sharakaApp) throw new Error('The app has not been started (startApp).');
	return holder.__sharakaApp;
}

export async function stopApp(): Promise<void> {
	const app = holder.__sharakaApp;
	holder.__sharakaApp = undefined;
	if (app) await (await app).close();
}
