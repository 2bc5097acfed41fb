// Several server processes on one port (`WEB_CONCURRENCY`, node:cluster), so that one machine's cores all
// answer requests: each worker is a whole Sharaka instance on the shared PostgreSQL, as two machines would
// run (sessions, rate limits, the caches' revisions and the job queue already live in the database; the
// embedded database is one process's, so the setting needs DATABASE_URL). This process only supervises.
import cluster, { type Worker } from 'node:cluster';
import { clusterMetricsRequest, type ClusterMetricsReply } from '../src/platform/metrics/cluster-metrics.ts';

const log = (msg: string, level = 30) => console.log(JSON.stringify({ level, msg }));

/** Restarts allowed within a minute before giving up: a worker that cannot start would loop for ever. */
const RESTARTS_PER_MINUTE = 5;

export async function superviseWorkers(count: number): Promise<void> {
	const { AggregatorRegistry } = await import('prom-client');
	const aggregator = new AggregatorRegistry();
	let stopping = false;
	let exitCode = 0;
	const restarts: number[] = [];

	const fork = (): Worker => {
		const worker = cluster.fork();
		// `/metrics` asked of one worker answers for all of them: the worker asks here, the registries are summed
		worker.on('message', (message: unknown) => {
			if ((message as { type?: string })?.type !== clusterMetricsRequest) return;
			const { id } = message as { id: number };
			aggregator
				.clusterMetrics()
				.then((text) => worker.send({ type: clusterMetricsRequest, id, text } satisfies ClusterMetricsReply))
				.catch((error: Error) => worker.send({ type: clusterMetricsRequest, id, error: error.message } satisfies ClusterMetricsReply));
		});
		return worker;
	};

	// The first worker starts alone: it runs the migrations and the first start's demo data before listening.
	const first = fork();
	await new Promise<void>((resolve) => {
		const failed = (code: number | null) => {
			log(`the first worker stopped (exit code ${code}) before listening`, 60);
			process.exit(1);
		};
		first.once('exit', failed);
		first.once('listening', () => {
			first.off('exit', failed);
			resolve();
		});
	});
	const others = Array.from({ length: count - 1 }, fork);
	await Promise.all(others.map((worker) => new Promise((resolve) => worker.once('listening', resolve))));
	log(`${count} workers answer on one port`);

	cluster.on('exit', (worker, code, signal) => {
		if (stopping) {
			if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(exitCode);
			return;
		}
		const now = Date.now();
		restarts.push(now);
		while (restarts[0] < now - 60_000) restarts.shift();
		if (restarts.length > RESTARTS_PER_MINUTE) {
			log(`workers stopped ${restarts.length} times within a minute: giving up`, 60);
			stop('SIGTERM', 1);
			return;
		}
		log(`worker ${worker.process.pid} stopped (${signal ?? `exit code ${code}`}): starting another`, 40);
		const replacement = fork();
		replacement.once('listening', () => log(`worker ${replacement.process.pid} answers in place of ${worker.process.pid}`));
	});

	function stop(signal: NodeJS.Signals, code = 0) {
		if (stopping) return;
		stopping = true;
		exitCode = code;
		const running = Object.values(cluster.workers ?? {});
		if (running.length === 0) process.exit(exitCode);
		// each worker finishes its in-flight requests and closes its database (scripts/serve.ts)
		for (const worker of running) worker?.process.kill(signal);
	}
	process.on('SIGTERM', () => stop('SIGTERM'));
	process.on('SIGINT', () => stop('SIGINT'));
}
