/**
 * Is this failure the database being out of reach (down, restarting, refusing connections, a
 * connection cut) rather than a bug or a bad query? Such failures answer 503 with Retry-After, and
 * what is cached keeps being served, instead of a 500.
 */
const unavailableCodes = new Set([
	// our own AppError, thrown where a check found the database silent
	'database_unavailable',
	// the driver could not reach the server, or lost it
	'ECONNREFUSED',
	'ECONNRESET',
	'ETIMEDOUT',
	'EPIPE',
	'EHOSTUNREACH',
	'ENOTFOUND',
	// PostgreSQL: connection exceptions, shutdown, too many connections
	'08000',
	'08001',
	'08003',
	'08004',
	'08006',
	'57P01',
	'57P02',
	'57P03',
	'53300'
]);
const unavailableMessages = [
	/Connection terminated/i,
	/timeout exceeded when trying to connect/i,
	/Client has encountered a connection error/i,
	/terminating connection/i,
	/the database system is (starting up|shutting down)/i,
	/PGlite is closed/i,
	/Cannot use a pool after calling end/i,
	/is not currently accepting connections/i
];

export function isDatabaseUnavailable(error: unknown): boolean {
	const seen = new Set<unknown>();
	for (let current = error; current && !seen.has(current); current = (current as { cause?: unknown }).cause) {
		seen.add(current);
		const { code, message, errors } = current as { code?: unknown; message?: unknown; errors?: unknown };
		if (unavailableCodes.has(String(code))) return true;
		if (typeof message === 'string' && unavailableMessages.some((pattern) => pattern.test(message))) return true;
		// an AggregateError (every address refused) holds the reasons in `errors`
		if (Array.isArray(errors) && errors.some(isDatabaseUnavailable)) return true;
	}
	return false;
}

/** Seconds a client is asked to wait before trying again while the database is out of reach. */
export const outageRetryAfterSeconds = 30;
