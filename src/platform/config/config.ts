import { z } from 'zod';
import path from 'node:path';

/** Every setting the platform reads from the environment; `.env.example` documents each one. */
const settingsSchema = z.object({
	NODE_ENV: z.string().default('development'),
	PORT: z.coerce.number().int().min(1).max(65535).default(3000),
	HOST: z.string().default('0.0.0.0'),
	PUBLIC_URL: z.string().url().optional(),
	DATA_DIR: z.string().default('./data'),
	DATABASE_URL: z.string().optional(),
	DATABASE_POOL_MAX: z.coerce.number().int().min(1).default(10),
	WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(1),
	DEMO_DATA: z.enum(['true', 'false', '1', '0', 'on', 'off']).optional(),
	ATLAS_CACHE: z.enum(['true', 'false', '1', '0', 'on', 'off']).default('true'),
	AUTH_SECRET: z.string().min(32).optional(),
	SMTP_HOST: z.string().optional(),
	SMTP_PORT: z.coerce.number().int().default(587),
	SMTP_SECURE: z.enum(['true', 'false']).default('false'),
	SMTP_USER: z.string().optional(),
	SMTP_PASSWORD: z.string().optional(),
	MAIL_FROM: z.string().default('Sharaka <no-reply@sharaka.local>'),
	BODY_SIZE_LIMIT: z.coerce.number().int().min(1024).default(1_048_576),
	UPLOAD_SIZE_LIMIT: z.coerce.number().int().min(1024).default(6_291_456),
	LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
	RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).default(900),
	RATE_LIMIT_MAX_PER_IP: z.coerce.number().int().min(1).default(100),
	RATE_LIMIT_MAX_PER_ACCOUNT: z.coerce.number().int().min(1).default(10),
	METRICS_TOKEN: z.string().min(16).optional(),
	FILE_STORE: z.enum(['local', 's3']).default('local'),
	S3_BUCKET: z.string().optional(),
	S3_REGION: z.string().default('us-east-1'),
	S3_ENDPOINT: z.url().optional(),
	S3_ACCESS_KEY_ID: z.string().optional(),
	S3_SECRET_ACCESS_KEY: z.string().optional(),
	S3_FORCE_PATH_STYLE: z.enum(['true', 'false']).default('true'),
	S3_PREFIX: z.string().default('')
});

export type Settings = ReturnType<typeof readSettings>;

let dotEnvLoaded = false;

/** Reads `.env` from the working directory once, if present; real environment variables win. */
function loadDotEnv() {
	if (dotEnvLoaded) return;
	dotEnvLoaded = true;
	try {
		process.loadEnvFile(path.resolve('.env'));
	} catch {
		// no .env file: the environment alone decides
	}
}

export function readSettings(env: NodeJS.ProcessEnv = process.env) {
	if (env === process.env) loadDotEnv();
	const raw = settingsSchema.parse(
		Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''))
	);
	const production = raw.NODE_ENV === 'production';
	const demoFlag = raw.DEMO_DATA;
	return {
		production,
		port: raw.PORT,
		host: raw.HOST,
		publicUrl: raw.PUBLIC_URL ?? `http://localhost:${raw.PORT}`,
		dataDir: path.resolve(raw.DATA_DIR),
		databaseUrl: raw.DATABASE_URL,
		databasePoolMax: raw.DATABASE_POOL_MAX,
		/** server processes on one port (scripts/workers.ts): one per core the app may use */
		workers: raw.WEB_CONCURRENCY,
		// Demo data is on by default for a first start, off in production unless asked for.
		demoData: demoFlag === undefined ? !production : ['true', '1', 'on'].includes(demoFlag),
		authSecret: raw.AUTH_SECRET,
		/** memoise the public Atlas's reads per data revision (atlas/atlas-cache.ts); off only to measure the queries */
		atlasCache: ['true', '1', 'on'].includes(raw.ATLAS_CACHE),
		smtp: raw.SMTP_HOST
			? {
					host: raw.SMTP_HOST,
					port: raw.SMTP_PORT,
					secure: raw.SMTP_SECURE === 'true',
					user: raw.SMTP_USER,
					password: raw.SMTP_PASSWORD
				}
			: undefined,
		mailFrom: raw.MAIL_FROM,
		bodySizeLimit: raw.BODY_SIZE_LIMIT,
		uploadSizeLimit: raw.UPLOAD_SIZE_LIMIT,
		logLevel: raw.LOG_LEVEL,
		/** bearer token a Prometheus scraper sends to /metrics; without it, only this machine may read them */
		metricsToken: raw.METRICS_TOKEN,
		/** uploaded files: `$DATA_DIR/uploads`, or an S3-compatible bucket (storage/file-store.ts) */
		fileStore: raw.FILE_STORE,
		s3: raw.S3_BUCKET
			? {
					bucket: raw.S3_BUCKET,
					region: raw.S3_REGION,
					endpoint: raw.S3_ENDPOINT,
					accessKeyId: raw.S3_ACCESS_KEY_ID,
					secretAccessKey: raw.S3_SECRET_ACCESS_KEY,
					forcePathStyle: raw.S3_FORCE_PATH_STYLE === 'true',
					prefix: raw.S3_PREFIX
				}
			: undefined,
		/** failed sign-ins (and e-mail requests: sign-up, reset, verification) per window, per IP and per account (security/rate-limit.ts) */
		rateLimit: {
			windowSeconds: raw.RATE_LIMIT_WINDOW_SECONDS,
			maxPerIp: raw.RATE_LIMIT_MAX_PER_IP,
			maxPerAccount: raw.RATE_LIMIT_MAX_PER_ACCOUNT
		}
	};
}
