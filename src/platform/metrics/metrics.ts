import cluster from 'node:cluster';
import client from 'prom-client';

/**
 * What an operator watches, in Prometheus's format at `/metrics`: request durations per route, the
 * database pool, the job queue, the caches, and the process itself (memory, CPU, event-loop lag).
 * One registry per process; every instance is scraped on its own (the workers of one instance answer together).
 */
export const metricsRegistry = new client.Registry();
client.collectDefaultMetrics({ register: metricsRegistry, prefix: 'sharaka_' });
// With several workers on one port (scripts/workers.ts) the supervisor sums the workers' registries.
if (cluster.isWorker) {
	client.AggregatorRegistry.setRegistries([metricsRegistry]);
	// constructing one installs the worker's answer to the supervisor's requests (prom-client's only way)
	new client.AggregatorRegistry();
}

export const requestDuration = new client.Histogram({
	name: 'sharaka_http_request_duration_seconds',
	help: 'Time to answer a request, by route (SvelteKit route id), method and status',
	labelNames: ['route', 'method', 'status'] as const,
	buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.5, 1, 2, 5],
	registers: [metricsRegistry]
});

export const cacheReads = new client.Counter({
	name: 'sharaka_cache_reads_total',
	help: 'Reads of the per-revision caches, answered from the cache (hit) or computed (miss)',
	labelNames: ['cache', 'result'] as const,
	registers: [metricsRegistry]
});

/** What the running app reports when scraped (read at that moment, not kept). */
export interface MetricsSources {
	pool(): { total: number; idle: number; waiting: number } | null;
	queues(): Promise<{ name: string; queued: number; active: number; failed: number }[]>;
}

let sources: MetricsSources | null = null;

/** The running app hands over what it can report (the server, once started). */
export function reportFrom(app: MetricsSources): void {
	sources = app;
}

new client.Gauge({
	name: 'sharaka_db_pool_connections',
	help: 'PostgreSQL pool connections by state (absent on the embedded database)',
	labelNames: ['state'] as const,
	registers: [metricsRegistry],
	collect() {
		const pool = sources?.pool();
		if (!pool) return;
		this.set({ state: 'total' }, pool.total);
		this.set({ state: 'idle' }, pool.idle);
		this.set({ state: 'waiting' }, pool.waiting);
	}
});

new client.Gauge({
	name: 'sharaka_queue_jobs',
	help: 'Jobs of each queue by state (queued includes retries; failed are those still kept)',
	labelNames: ['queue', 'state'] as const,
	// every worker reads the same shared queue: summing them would count each job once per worker
	aggregator: 'max',
	registers: [metricsRegistry],
	async collect() {
		for (const queue of (await sources?.queues().catch(() => [])) ?? []) {
			this.set({ queue: queue.name, state: 'queued' }, queue.queued);
			this.set({ queue: queue.name, state: 'active' }, queue.active);
			this.set({ queue: queue.name, state: 'failed' }, queue.failed);
		}
	}
});
