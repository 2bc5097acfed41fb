import { z } from 'zod';
import type { Endpoint } from '../openapi/registry.ts';

const QueueSchema = z
	.object({
		name: z.string().describe('`mail`, or `<module>.<job>`'),
		description: z.string(),
		schedule: z.string().nullable().describe('cron expression, Morocco time, when the job runs by itself'),
		queued: z.number().int().describe('waiting to run, retries included'),
		active: z.number().int().describe('running now'),
		failed: z.number().int().describe('failed after every attempt, still kept'),
		failures: z.array(
			z.object({ id: z.string(), failedAt: z.iso.datetime().nullable(), attempts: z.number().int(), error: z.string().describe('what went wrong') })
		)
	})
	.meta({ id: 'JobQueue', description: 'One queue of background work and its state.' });

/** The job queue's API, for the registry in `openapi/registry.ts`. */
export const queueEndpoints: Endpoint[] = [
	{
		method: 'GET',
		path: '/api/v1/jobs',
		tags: ['Jobs queue'],
		auth: 'bearer',
		summary: 'See the background work',
		description: 'Each queue (e-mails, the modules’ scheduled work) with its waiting, running and failed jobs and the latest failures. Administrators only.',
		responses: { 200: { description: 'Every queue.', schema: z.object({ items: z.array(QueueSchema) }) } },
		errors: [403]
	},
	{
		method: 'POST',
		path: '/api/v1/jobs/{queue}/{id}/retry',
		tags: ['Jobs queue'],
		auth: 'bearer',
		summary: 'Run a failed job again',
		description: 'Queues a failed job once more; recorded in the audit trail. Administrators only.',
		params: z.object({ queue: z.string(), id: z.string() }),
		responses: { 204: { description: 'Queued again.' } },
		errors: [403, 404]
	}
];
