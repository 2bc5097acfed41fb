import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import type { BetterAuthPlugin } from 'better-auth';
import { readSettings, type Settings } from './config/config.ts';
import { openDatabase, databaseOptionsFrom, type Database, type DatabaseOptions } from './db/database.ts';
import { createAuth, type Auth } from './auth/auth.ts';
import { createMailer, type Mailer } from './mail/mailer.ts';
import { createLogger, type Logger } from './log/logger.ts';
import { createRateLimiter, type RateLimiter } from './security/rate-limit.ts';
import { loadDemoDataIfEmpty } from './demo/demo.ts';
import { ensureReferenceData } from './reference-data.ts';
import packageJson from '../../package.json' with { type: 'json' };

export const version: string = packageJson.version;

/** Everything a request, a CLI command or a job needs, wired once. */
export interface App {
	settings: Settings;
	database: Database;
	auth: Auth;
	mailer: Mailer;
	logger: Logger;
	rateLimiter: RateLimiter;
	/** resolves once every background task started so far (e-mails) has finished */
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
	try {
		if (options.migrate !== false) await database.migrate();
		if (options.referenceData !== false) await ensureReferenceData(database.db);
		const mailer = createMailer({
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
		const settle = async () => {
			while (background.size) await Promise.all([...background]);
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
			const loaded = await loadDemoDataIfEmpty(database.db);
			if (loaded) logger.info('demo data loaded into the empty database');
		}
		// counters in the database: every instance of the app on it shares them
		const rateLimiter = createRateLimiter(database.db, settings.rateLimit);
		return {
			settings,
			database,
			auth,
			mailer,
			logger,
			rateLimiter,
			settle,
			async close() {
				await settle(); // e-mails in flight go out before the database closes
				await database.close();
			}
		};
	} catch (error) {
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
