import { PgBoss, fromDrizzle, fromPglite } from 'pg-boss';
import type { JobResult } from 'pg-boss';
import { sql } from 'drizzle-orm';
import type { Database, DbOrTx } from '../db/database.ts';
import type { Logger } from '../log/logger.ts';
import { platformTimeZone } from '../time-zone.ts';

/**
 * Work that must happen even if the process that asked for it stops: e-mails, imports, alerts,
 * expiry, reminders. Jobs live in PostgreSQL (pg-boss, schema `queue`), so every instance of the app
 * on one database shares them; a job whose process died is taken up again by another after its
 * expiry, failures are retried with a growing delay, schedules need no external cron.
 */
export interface JobDefinition<Data = unknown> {
	/** message key of one sentence saying what the job does (administration page) */
	descriptionKey: string;
	run(data: Data): Promise<void>;
	/** cron expression, Morocco time (Africa/Casablanca): the job is queued at those times */
	schedule?: string;
	/** attempts after the first before the job is failed (default 4) */
	retryLimit?: number;
	/** seconds before the first retry, doubled each time (default 30) */
	retryDelay?: number;
	/** seconds a running job may take before another instance takes it up (default 15 minutes) */
	expireInSeconds?: number;
	/**
	 * seconds without a sign of life from the running job's process before another instance takes it up
	 * (≥ 10; workers send one every half of it): for long jobs, whose process may die well before they expire
	 */
	heartbeatSeconds?: number;
	/** seconds a completed job (and its data) is kept (default 7 days) */
	deleteAfterSeconds?: number;
}

export interface SendOptions {
	/** queue only if this transaction commits (and inside it: no second connection is needed) */
	tx?: DbOrTx;
	/** not before this time */
	startAfter?: Date;
	/** at most one job with this key queued at a time */
	singletonKey?: string;
}

/** One queue as the administration page shows it. */
export interface QueueOverview {
	name: string;
	descriptionKey: string;
	schedule: string | null;
	queued: number;
	active: number;
	failed: number;
	/** the latest failed jobs, newest first, with what went wrong */
	failures: { id: string; failedAt: Date | null; attempts: number; error: string }[];
}

export interface JobQueue {
	/** queue a job by its name (`mail`, `<module>.<job>`); answers the job's id */
	send(name: string, data: object, options?: SendOptions): Promise<string | null>;
	/** run every job of these queues that is due now, in this process, until none is left (CLI, tests, shutdown) */
	drain(names?: readonly string[]): Promise<number>;
	overview(): Promise<QueueOverview[]>;
	/** each queue's counts as the queue's monitor last saw them (cheap; for metrics) */
	depths(): Promise<{ name: string; queued: number; active: number; failed: number }[]>;
	/** queue a failed job again */
	retry(name: string, id: string): Promise<void>;
	names(): string[];
	stop(): Promise<void>;
}

const schema = 'queue';

function errorText(output: unknown): string {
	if (output && typeof output === 'object') {
		const message = (output as { message?: unknown }).message;
		if (typeof message === 'string') return message;
	}
	return typeof output === 'string' ? output : JSON.stringify(output ?? null);
}

/**
 * Opens the job queue on the app's database (creating or upgrading its schema) with the given
 * definitions. With `workers`, this process polls every queue, keeps the schedules and takes up
 * the jobs of dead processes (the server); without, jobs run only when `drain` asks (commands, tests).
 */
export async function openJobQueue(
	database: Database,
	logger: Logger,
	definitions: Record<string, JobDefinition<never>>,
	options: { workers: boolean; /** how often expired jobs are looked for (default 60 s; tests) */ superviseIntervalSeconds?: number }
): Promise<JobQueue> {
	const connection = database.connection;
	const common = {
		schema,
		supervise: options.workers,
		schedule: options.workers,
		...(options.superviseIntervalSeconds ? { superviseIntervalSeconds: options.superviseIntervalSeconds } : {})
	};
	const boss =
		'pglite' in connection
			? new PgBoss({ ...common, db: fromPglite(connection.pglite), backend: 'pglite' })
			: new PgBoss({ ...common, connectionString: connection.url, max: options.workers ? 4 : 2, application_name: 'sharaka-queue' });
	boss.on('error', (error) => logger.error({ err: error }, 'job queue error'));
	await boss.start();
	for (const [name, definition] of Object.entries(definitions)) {
		await boss.createQueue(name, {
			retryLimit: definition.retryLimit ?? 4,
			retryDelay: definition.retryDelay ?? 30,
			retryBackoff: true,
			expireInSeconds: definition.expireInSeconds ?? 15 * 60,
			...(definition.heartbeatSeconds ? { heartbeatSeconds: definition.heartbeatSeconds } : {}),
			deleteAfterSeconds: definition.deleteAfterSeconds ?? 7 * 24 * 3600
		});
	}
	const run = (name: string, data: unknown) => (definitions[name] as JobDefinition<unknown>).run(data);

	// this process's worker of each queue, woken when this process queues a job (no wait for its next poll)
	const localWorkers = new Map<string, string>();
	if (options.workers) {
		for (const [name, definition] of Object.entries(definitions)) {
			// Up to ten jobs a fetch, fetched again at once while batches come back full: an announcement's
			// thousand e-mails go out in a burst, not one a second. Each job succeeds or fails (and is retried)
			// on its own, in the order it was queued. A scheduled job (retention, reminders, sweeps) is looked for
			// every 30 seconds, not every second: a score of idle queries a second fewer on every instance; one
			// queued here without a transaction still wakes its worker at once.
			const workId = await boss.work(
				name,
				{ pollingIntervalSeconds: definition.schedule ? 30 : 1, batchSize: 10, burstWhenBatchFull: true, perJobResults: true, includeMetadata: true },
				async (fetched) => {
					const results: JobResult[] = [];
					for (const job of [...fetched].sort((a, b) => a.createdOn.getTime() - b.createdOn.getTime())) {
						try {
							await run(name, job.data);
							results.push({ id: job.id, status: 'completed' });
						} catch (error) {
							logger.warn({ err: error, job: name, jobId: job.id }, 'job failed');
							results.push({ id: job.id, status: 'failed', output: { message: error instanceof Error ? error.message : String(error) } });
						}
					}
					return results;
				}
			);
			localWorkers.set(name, workId);
			if (definition.schedule) await boss.schedule(name, definition.schedule, {}, { tz: platformTimeZone });
			else await boss.unschedule(name);
		}
	}

	return {
		async send(name, data, sendOptions = {}) {
			if (!(name in definitions)) throw new Error(`No job "${name}" is defined`);
			const id = await boss.send(name, data, {
				startAfter: sendOptions.startAfter,
				singletonKey: sendOptions.singletonKey,
				db: sendOptions.tx ? fromDrizzle(sendOptions.tx as Parameters<typeof fromDrizzle>[0], sql) : undefined
			});
			// a job queued inside a transaction is seen once it commits: the next poll finds it
			const worker = localWorkers.get(name);
			if (worker && !sendOptions.tx && !sendOptions.startAfter) boss.notifyWorker(worker);
			return id;
		},

		async drain(names = Object.keys(definitions)) {
			let ran = 0;
			for (const name of names) {
				for (;;) {
					const fetched = await boss.fetch(name, { batchSize: 20, includeMetadata: true });
					if (!fetched.length) break;
					// a batch comes back in no particular order: run it in the order it was queued
					const jobs = fetched.sort((a, b) => a.createdOn.getTime() - b.createdOn.getTime());
					for (const job of jobs) {
						try {
							await run(name, job.data);
							await boss.complete(name, job.id);
						} catch (error) {
							logger.warn({ err: error, job: name, jobId: job.id }, 'job failed');
							await boss.fail(name, job.id, { message: error instanceof Error ? error.message : String(error) });
						}
						ran++;
					}
				}
			}
			return ran;
		},

		async overview() {
			const schedules = new Map((await boss.getSchedules()).map((entry) => [entry.name, entry.cron]));
			const results: QueueOverview[] = [];
			for (const [name, definition] of Object.entries(definitions)) {
				// counted from the stored jobs themselves: the queue's own counters lag behind its monitor
				const stored = await boss.findJobs<unknown>(name, { limit: 10_000 });
				const failed = stored.filter((job) => job.state === 'failed');
				results.push({
					name,
					descriptionKey: definition.descriptionKey,
					schedule: schedules.get(name) ?? definition.schedule ?? null,
					queued: stored.filter((job) => job.state === 'created' || job.state === 'retry').length,
					active: stored.filter((job) => job.state === 'active').length,
					failed: failed.length,
					failures: failed
						.sort((a, b) => (b.completedOn?.getTime() ?? 0) - (a.completedOn?.getTime() ?? 0))
						.slice(0, 10)
						.map((job) => ({ id: job.id, failedAt: job.completedOn ?? null, attempts: job.retryCount + 1, error: errorText(job.output) }))
				});
			}
			return results;
		},

		async depths() {
			const queues = await boss.getQueues(Object.keys(definitions));
			return queues.map((queue) => ({ name: queue.name, queued: queue.queuedCount, active: queue.activeCount, failed: queue.failedCount }));
		},

		async retry(name, id) {
			await boss.retry(name, id);
		},

		names: () => Object.keys(definitions),

		async stop() {
			// running jobs finish (up to 10 s); on PGlite the connection stays the database's to close
			await boss.stop({ graceful: true, close: true, timeout: 10_000 });
		}
	};
}
