import cluster from 'node:cluster';
import { metricsRegistry } from './metrics.ts';

/** The message a worker sends its supervisor for every worker's metrics, and the answer's type. */
export const clusterMetricsRequest = 'sharaka:cluster-metrics';
export interface ClusterMetricsReply {
	type: typeof clusterMetricsRequest;
	id: number;
	text?: string;
	error?: string;
}

const waiting = new Map<number, (reply: ClusterMetricsReply) => void>();
let nextId = 0;
let listening = false;

/**
 * What `/metrics` answers: this process's registry, or — when it is one of several workers on one port
 * (scripts/workers.ts) — every worker's, summed by the supervisor, so that a scrape does not depend on which
 * worker took it. Falls back to this worker's own figures if the supervisor does not answer within 5 s.
 */
export async function metricsText(): Promise<string> {
	if (!cluster.isWorker || !process.send) return metricsRegistry.metrics();
	if (!listening) {
		listening = true;
		process.on('message', (message: unknown) => {
			const reply = message as ClusterMetricsReply;
			if (reply?.type !== clusterMetricsRequest) return;
			waiting.get(reply.id)?.(reply);
		});
	}
	const id = ++nextId;
	const reply = await new Promise<ClusterMetricsReply | null>((resolve) => {
		const timer = setTimeout(() => resolve(null), 5_000);
		waiting.set(id, (answer) => {
			clearTimeout(timer);
			resolve(answer);
		});
		process.send!({ type: clusterMetricsRequest, id });
	});
	waiting.delete(id);
	return reply?.text ?? metricsRegistry.metrics();
}
