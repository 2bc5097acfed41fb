import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { aPerson, contextFor } from '../testing/people.ts';
import { auditEvent } from '../audit/audit-event.table.ts';
import { createLogger } from '../log/logger.ts';
import { openJobQueue, type JobQueue } from './job-queue.ts';
import { jobQueueOverview, retryFailedJob } from './queue.service.ts';

let app: TestApp;
let queue: JobQueue;
beforeAll(async () => {
	app = await createTestApp();
	queue = await openJobQueue(app.database, createLogger('silent'), {
		// a queue of this test only: the app's own `mail` queue retries eight times
		'probe.mail': { descriptionKey: 'queue.job_mail', retryLimit: 0, run: async () => Promise.reject(new Error('SMTP refused')) }
	}, { workers: false });
});
afterAll(async () => {
	await queue.stop();
	await app.close();
});

describe('the background work page', () => {
	it('shows administrators each queue in their language, and no one else', async () => {
		const administrator = await aPerson(app.database.db, { role: 'administrator' });
		const [mail] = await jobQueueOverview(contextFor(app.database.db, administrator, { language: 'ar' }), queue);
		expect(mail.description).toContain('رسالة');
		const moderator = await aPerson(app.database.db, { role: 'moderator' });
		await expect(jobQueueOverview(contextFor(app.database.db, moderator), queue)).rejects.toMatchObject({ code: 'forbidden' });
	});

	it('runs a failed job again, in the audit trail; an unknown job is not found', async () => {
		const administrator = await aPerson(app.database.db, { role: 'administrator' });
		const ctx = contextFor(app.database.db, administrator);
		await queue.send('probe.mail', { to: 'x@example.ma', subject: 's', text: 't' });
		await queue.drain();
		const [{ failures }] = await jobQueueOverview(ctx, queue);
		expect(failures).toHaveLength(1);
		await retryFailedJob(ctx, queue, 'probe.mail', failures[0].id);
		expect((await jobQueueOverview(ctx, queue))[0]).toMatchObject({ queued: 1, failed: 0 });
		const [event] = await app.database.db.select().from(auditEvent).where(eq(auditEvent.resourceId, failures[0].id));
		expect(event).toMatchObject({ action: 'job.retry', actorUserId: administrator.actor.userId });
		await expect(retryFailedJob(ctx, queue, 'probe.mail', crypto.randomUUID())).rejects.toMatchObject({ code: 'not_found' });
		await expect(retryFailedJob(ctx, queue, 'nothing', failures[0].id)).rejects.toMatchObject({ code: 'not_found' });
	});
});
