import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import { cacheReads } from '../metrics/metrics.ts';
import { readRequestStartedAt } from '../http/read-request.ts';

/**
 * Reads memoised per *data revision*: a counter in the `cache` schema that triggers bump in every
 * transaction writing the tables a module's public reads depend on (migrations 0015 and 0016).
 *
 * Why: the public pages (the Atlas's list and dashboard, the job offer search) are read far more than
 * written, and their facets read every row — at 50 concurrent readers on two cores the database, not the
 * network, set the latency (`npm run bench:atlas`, `npm run bench:jobs`).
 *
 * Correctness: the counter is bumped inside the writer's transaction, so a reader that sees revision R
 * sees at least the data committed with R; results are cached under R and dropped as soon as another
 * value is read. Every read checks the counter (one one-row query), so a change by any process — the
 * server, a command, an import, a restore (the counters are not in backups, and a restore's own writes
 * bump them) — shows in the very next read. Within a GET or HEAD request (http/read-request.ts) a counter
 * query sent after that request started is reused — by its later reads and by the requests served meanwhile —,
 * so a busy server sends one such query per round trip, not one per read. Identical concurrent reads share
 * one computation; a failure is not kept. Results are frozen, so one caller cannot alter what the next one gets.
 */
export interface RevisionCache {
	/**
	 * `freeze: false` for values that must stay mutable (byte buffers, lazily filled fields); `weigh` for
	 * large values (whole responses): their bytes count against the cache's byte budget
	 */
	read<T>(key: string, compute: () => Promise<T>, options?: ReadOptions<T>): Promise<T>;
	/**
	 * The counter read once for the several reads of one request (one query instead of one per read).
	 * Its reads use the cache while no other revision has been seen since; after that they compute
	 * afresh and keep nothing, so what they return is never older than the revision checked.
	 */
	snapshot(): Promise<Pick<RevisionCache, 'read'>>;
	/**
	 * The entry held for the last revision seen, without asking the database: what may still be served,
	 * marked as possibly outdated, while the database is out of reach. Never for a normal read.
	 */
	lastKnown<T>(key: string): Promise<T> | undefined;
	/** entries currently held (for tests) */
	readonly size: number;
}

/** The revision counters, one per module whose reads are cached (each a table of the `cache` schema). */
export type RevisionCounter = 'atlas_revision' | 'jobs_revision' | 'knowledge_revision' | 'matching_revision' | 'strategy_revision';

export interface ReadOptions<T> {
	freeze?: boolean;
	weigh?: (value: T) => number;
}

const MAX_ENTRIES = 500;
/**
 * What the weighed entries of one cache may hold in all (whole responses with their compressed forms):
 * a busy server asked many different addresses keeps its memory bounded, the oldest going first.
 */
const MAX_WEIGHED_BYTES = 48 * 1024 * 1024;

class CounterCache implements RevisionCache {
	#revision: number | null = null;
	/** the last counter query: when it was sent, and its answer (or the promise of it) */
	#lastQuery: { sentAt: number; revision: Promise<number> } | null = null;
	readonly #entries = new Map<string, Promise<unknown>>();
	readonly #weights = new Map<string, number>();
	#weighedBytes = 0;
	readonly #db: DbOrTx;
	readonly #counter: RevisionCounter;

	constructor(db: DbOrTx, counter: RevisionCounter) {
		this.#db = db;
		this.#counter = counter;
	}

	get size() {
		return this.#entries.size;
	}

	async read<T>(key: string, compute: () => Promise<T>, { freeze = true, weigh }: ReadOptions<T> = {}): Promise<T> {
		await this.#check();
		return this.#held(key, compute, freeze, weigh);
	}

	async snapshot(): Promise<Pick<RevisionCache, 'read'>> {
		const revision = await this.#check();
		return {
			read: <T>(key: string, compute: () => Promise<T>, { freeze = true, weigh }: ReadOptions<T> = {}) =>
				this.#revision === revision ? this.#held(key, compute, freeze, weigh) : freeze ? compute().then(deepFreeze) : compute()
		};
	}

	lastKnown<T>(key: string): Promise<T> | undefined {
		return this.#entries.get(key) as Promise<T> | undefined;
	}

	revision(): Promise<number> {
		return this.#check();
	}

	/**
	 * The counter, from a query sent after the read request being served started (one in flight or answered),
	 * else from a new one; another value than the one held drops every entry.
	 */
	#check(): Promise<number> {
		const since = readRequestStartedAt();
		const last = this.#lastQuery;
		if (since !== undefined && last && last.sentAt >= since) return last.revision;
		const query = { sentAt: performance.now(), revision: this.#query() };
		this.#lastQuery = query;
		query.revision.catch(() => {
			if (this.#lastQuery === query) this.#lastQuery = null;
		});
		return query.revision;
	}

	async #query(): Promise<number> {
		const result = (await this.#db.execute(sql`select revision from ${sql.identifier('cache')}.${sql.identifier(this.#counter)} where id = 1`)) as unknown as {
			rows: { revision: string | number }[];
		};
		const revision = Number(result.rows[0]?.revision ?? 0);
		if (revision !== this.#revision) {
			// Other data. (A reader whose counter query raced a commit may report the previous value once
			// more: that costs one flush, never stale data.)
			this.#revision = revision;
			this.#entries.clear();
			this.#weights.clear();
			this.#weighedBytes = 0;
		}
		return revision;
	}

	/** The entry of the revision held (called right after the counter was read), computed when missing. */
	#held<T>(key: string, compute: () => Promise<T>, freeze: boolean, weigh?: (value: T) => number): Promise<T> {
		const cached = this.#entries.get(key) as Promise<T> | undefined;
		if (cached) {
			cacheReads.inc({ cache: this.#counter, result: 'hit' });
			// least recently used last: re-insert on every hit
			this.#entries.delete(key);
			this.#entries.set(key, cached);
			return cached;
		}
		cacheReads.inc({ cache: this.#counter, result: 'miss' });
		const pending = freeze ? compute().then(deepFreeze) : compute();
		this.#entries.set(key, pending);
		pending.then(
			(value) => {
				if (!weigh || this.#entries.get(key) !== pending) return;
				const bytes = weigh(value);
				this.#weights.set(key, bytes);
				this.#weighedBytes += bytes;
				this.#evictWhile(() => this.#weighedBytes > MAX_WEIGHED_BYTES, key);
			},
			() => {
				if (this.#entries.get(key) === pending) this.#forget(key);
			}
		);
		this.#evictWhile(() => this.#entries.size > MAX_ENTRIES, key);
		return pending;
	}

	/** Drops the least recently used entries (never `keep`, the one just added) while `over()`. */
	#evictWhile(over: () => boolean, keep: string) {
		for (const oldest of this.#entries.keys()) {
			if (!over()) return;
			if (oldest !== keep) this.#forget(oldest);
		}
	}

	#forget(key: string) {
		this.#entries.delete(key);
		this.#weighedBytes -= this.#weights.get(key) ?? 0;
		this.#weights.delete(key);
	}
}

/** Pass-through, for measuring the queries themselves (ATLAS_CACHE=false). */
export const noCache: RevisionCache = { read: (_key, compute) => compute(), snapshot: async () => noCache, lastKnown: () => undefined, size: 0 };

const caches = new WeakMap<object, Map<RevisionCounter, CounterCache>>();

/** The cache of one database handle (one per app; a transaction, which sees its own writes, has its own) for one counter. */
export function revisionCache(db: DbOrTx, counter: RevisionCounter): RevisionCache {
	return counterCache(db, counter);
}

/**
 * The counter itself, checked as the cache's reads check it (within a read request, one query shared with the
 * requests served meanwhile): for a module's own in-memory structures kept per revision.
 */
export function currentRevision(db: DbOrTx, counter: RevisionCounter): Promise<number> {
	return counterCache(db, counter).revision();
}

function counterCache(db: DbOrTx, counter: RevisionCounter): CounterCache {
	let byCounter = caches.get(db);
	if (!byCounter) caches.set(db, (byCounter = new Map()));
	let cache = byCounter.get(counter);
	if (!cache) byCounter.set(counter, (cache = new CounterCache(db, counter)));
	return cache;
}

function deepFreeze<T>(value: T): T {
	if (value && typeof value === 'object' && !Object.isFrozen(value)) {
		Object.freeze(value);
		for (const child of Object.values(value)) deepFreeze(child);
	}
	return value;
}
