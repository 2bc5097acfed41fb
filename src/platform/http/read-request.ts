import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The GET or HEAD request being served, as far as the platform's caches need it: when it started. A read
 * request does not write what the revision caches cover (cache/revision-cache.ts), so a revision read from
 * the database *after* it started is as good as one read now: its reads — and those of the requests
 * served at the same time — share one counter query instead of one each.
 */
const readRequests = new AsyncLocalStorage<{ startedAt: number }>();

/** Runs `serve` as a read request started at `startedAt` (performance.now()). */
export function servingReadRequest<T>(startedAt: number, serve: () => T): T {
	return readRequests.run({ startedAt }, serve);
}

/** When the read request being served started, or undefined outside one (writes, commands, jobs, tests). */
export function readRequestStartedAt(): number | undefined {
	return readRequests.getStore()?.startedAt;
}
