import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { createLogger } from '../log/logger.ts';
import { rowsOf } from '../db/rows.ts';
import { openJobQueue, type JobDefinition, type JobQueue } from './job-queue.ts';

let app: TestApp;
beforeAll(async () => {
	app = await createTestApp();
});
afterAll(() => app.close());

/** A second queue on the app's database, with this test's jobs (as another instance would have). */
async function queueWith(definitions: Record<string, JobDefinition<never>>, workers = false): Promise<JobQueue> {
	return openJobQueue(app.database, createLogger('silent'), definitions, { workers, superviseIntervalSeconds: 1 });
}

describe('the job queue', () => {
	it('delivers a queued e-mail once, when the process works the queue', async () => {
		const before = (await app.outbox()).length;
		await app.mailer.send({ to: 'queued@example.ma', subject: 'Bonjour', text: 'Un message en file' });
		const after = await app.outbox(); // settles: the queued e-mail is delivered
		expect(after).toHaveLength(before + 1);
		expect(after.at(-1)).toContain('queued@example.ma');
		expect(await app.queue.drain(['mail'])).toBe(0);
	});

	it('keeps a job queued inside a transaction only if the transaction commits', async () => {
		const seen: string[] = [];
		const queue = await queueWith({ 'probe.tx': { descriptionKey: 'probe', run: async (data: { word: string }) => void seen.push(data.word) } });
		try {
			await app.database.db.transaction(async (tx) => {
				await queue.send('probe.tx', { word: 'kept' }, { tx });
			});
			await app.database.db
				.transaction(async (tx) => {
					await queue.send('probe.tx', { word: 'rolled back' }, { tx });
					await tx.execute(sql`select 1 / 0`);
				})
				.catch(() => {});
			expect(await queue.drain()).toBe(1);
			expect(seen).toEqual(['kept']);
		} finally {
			await queue.stop();
		}
	});

	it('retries a failing job and shows it failed, with the reason, once its attempts are spent', async () => {
		let attempts = 0;
		const queue = await queueWith({
			'probe.flaky': {
				descriptionKey: 'probe.fails',
				retryLimit: 1,
				retryDelay: 1,
				run: async () => {
					attempts++;
					throw new Error('mail server refused');
				}
			}
		});
		try {
			await queue.send('probe.flaky', {});
			await queue.drain();
			expect(attempts).toBe(1);
			// the retry waits for its delay (1 s, with backoff): run the queue again after it
			await new Promise((resolve) => setTimeout(resolve, 2500));
			await queue.drain();
			expect(attempts).toBe(2);
			const [overview] = await queue.overview();
			expect(overview).toMatchObject({ name: 'probe.flaky', failed: 1, queued: 0 });
			expect(overview.failures[0]).toMatchObject({ attempts: 2, error: 'mail server refused' });
			await queue.retry('probe.flaky', overview.failures[0].id);
			await queue.drain();
			expect(attempts).toBe(3);
		} finally {
			await queue.stop();
		}
	});

	it('lets an instance with workers run what another instance queued', async () => {
		const seen: string[] = [];
		const definitions = { 'probe.shared': { descriptionKey: 'probe', run: async (data: { from: string }) => void seen.push(data.from) } };
		const sender = await queueWith(definitions);
		const worker = await queueWith(definitions, true);
		try {
			await sender.send('probe.shared', { from: 'the other instance' });
			for (let waited = 0; !seen.length && waited < 10_000; waited += 200) await new Promise((resolve) => setTimeout(resolve, 200));
			expect(seen).toEqual(['the other instance']);
		} finally {
			await worker.stop();
			await sender.stop();
		}
	});

	it('works a backlog in bursts, in the order queued, a failing job failing alone', async () => {
		const seen: number[] = [];
		const definitions = {
			'probe.backlog': {
				descriptionKey: 'probe',
				retryLimit: 0,
				run: async (data: { n: number }) => {
					if (data.n === 7) throw new Error('job seven fails');
					seen.push(data.n);
				}
			}
		};
		const sender = await queueWith(definitions);
		for (let n = 0; n < 45; n++) await sender.send('probe.backlog', { n });
		const started = Date.now();
		const worker = await queueWith(definitions, true);
		try {
			// one job a poll (1 s) would take 45 s; a loaded machine may be slow, so the bound is generous and the
			// batches are checked from the jobs themselves: each fetch marks its jobs started in one statement
			for (let waited = 0; seen.length < 44 && waited < 40_000; waited += 200) await new Promise((resolve) => setTimeout(resolve, 200));
			expect(seen, `jobs run after ${Date.now() - started} ms`).toEqual([...Array(45).keys()].filter((n) => n !== 7));
			let overview = (await sender.overview())[0]!;
			for (let waited = 0; overview.active + overview.queued > 0 && waited < 20_000; waited += 200) {
				await new Promise((resolve) => setTimeout(resolve, 200));
				overview = (await sender.overview())[0]!;
			}
			expect(overview, 'the queue once the backlog is worked').toMatchObject({ failed: 1, queued: 0, active: 0 });
			expect(overview.failures[0]!.error).toBe('job seven fails');
			const fetches = rowsOf<{ jobs: number }>(
				await app.database.db.execute(
					sql`select count(*)::int as jobs from queue.job where name = 'probe.backlog' group by started_on order by started_on`
				)
			).map((fetch) => fetch.jobs);
			expect(fetches.length, `jobs a fetch: ${fetches.join(', ')}`).toBeLessThanOrEqual(5);
		} finally {
			await worker.stop();
			await sender.stop();
		}
	}, 120_000);

	it('finishes on another instance a job whose process stopped in the middle of it', async () => {
		const finishedBy: string[] = [];
		const job = (instance: string, hang: boolean) => ({
			'probe.orphan': {
				descriptionKey: 'probe',
				expireInSeconds: 1,
				retryDelay: 1,
				run: () => (hang ? new Promise<void>(() => {}) : Promise.resolve(void finishedBy.push(instance)))
			}
		});
		const dying = await queueWith(job('the dying instance', true));
		await dying.send('probe.orphan', {});
		void dying.drain(); // takes the job and never finishes it: its process is gone
		await new Promise((resolve) => setTimeout(resolve, 300));
		const survivor = await queueWith(job('the survivor', false), true);
		try {
			for (let waited = 0; !finishedBy.length && waited < 20_000; waited += 250) await new Promise((resolve) => setTimeout(resolve, 250));
			expect(finishedBy).toEqual(['the survivor']);
		} finally {
			await survivor.stop();
			await dying.stop();
		}
	}, 30_000);
});

describe('the modules’ scheduled work', () => {
	it('is queued by the platform under <module>.<job>, with its schedule, and runs', async () => {
		const overview = await app.queue.overview();
		const byName = new Map(overview.map((queue) => [queue.name, queue]));
		expect(byName.get('jobs.expire')?.schedule).toBe('5 0 * * *');
		expect(byName.get('jobs.alerts')?.schedule).toBe('0 7 * * *');
		expect(byName.get('atlas.reminders')?.schedule).toBe('0 9 1 * *');
		for (const name of ['jobs.expire', 'jobs.alerts', 'atlas.reminders']) await app.queue.send(name, {});
		expect(await app.queue.drain(['jobs.expire', 'jobs.alerts', 'atlas.reminders'])).toBe(3);
		const after = new Map((await app.queue.overview()).map((queue) => [queue.name, queue]));
		for (const name of ['jobs.expire', 'jobs.alerts', 'atlas.reminders']) expect(after.get(name)?.failed, name).toBe(0);
	});
});
