import type { RequestContext } from '../kernel/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { AppError } from '../http/app-error.ts';
import { translate } from '../i18n/translator.ts';
import type { JobQueue, QueueOverview } from './job-queue.ts';

/** Every queue with what waits, runs and failed, and the latest failures, described in the reader's language (administrators). */
export async function jobQueueOverview(ctx: RequestContext, queue: JobQueue): Promise<(QueueOverview & { description: string })[]> {
	ctx.require('queue.manage');
	return (await queue.overview()).map((entry) => ({ ...entry, description: translate(ctx.language, entry.descriptionKey) }));
}

/** Queues a failed job again; recorded in the audit trail. */
export async function retryFailedJob(ctx: RequestContext, queue: JobQueue, name: string, id: string): Promise<void> {
	ctx.require('queue.manage');
	if (!queue.names().includes(name)) throw new AppError('not_found');
	const overview = (await queue.overview()).find((entry) => entry.name === name);
	if (!overview?.failures.some((failure) => failure.id === id)) throw new AppError('not_found');
	await queue.retry(name, id);
	await recordAudit(ctx.db, ctx.audit, { action: 'job.retry', resourceType: 'job', resourceId: id, after: { queue: name } });
}
