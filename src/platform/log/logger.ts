import pino from 'pino';

/** Structured JSON logs on stdout; every request line carries its request id. */
export function createLogger(level: string, destination?: pino.DestinationStream) {
	return pino(
		{
			level,
			base: { service: 'sharaka' },
			timestamp: pino.stdTimeFunctions.isoTime,
			redact: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.token'],
			serializers: { err: errorWithoutParameters, error: errorWithoutParameters }
		},
		destination
	);
}

export type Logger = ReturnType<typeof createLogger>;

/**
 * better-auth's own log (it reports a failed session lookup with the driver's error, parameters
 * included) as lines of `logger`, errors through the same serializer; plain values are kept.
 */
export function betterAuthLog(logger: Logger) {
	return (level: 'debug' | 'info' | 'warn' | 'error', message: string, ...args: unknown[]) => {
		const err = args.find(isErrorLike);
		const rest = args.filter((arg) => arg !== err && (typeof arg === 'string' || typeof arg === 'number' || typeof arg === 'boolean'));
		logger[level]({ ...(err ? { err } : {}), ...(rest.length ? { args: rest } : {}) }, `better-auth: ${message}`);
	};
}

/**
 * Query parameters carry secrets (the session token of the cookie, token hashes, e-mail addresses,
 * passwords' hashes…): an error is logged without them. Dropped from the error and its causes: the
 * `params`/`parameters` (and `queryOptions`, `bindings`) that drivers attach, the `params: …` line
 * drizzle writes into its "Failed query" message (and so into the stack), and the row values a
 * PostgreSQL `detail` quotes. The query text itself has placeholders ($1…) and is kept.
 */
export function errorWithoutParameters(err: unknown): unknown {
	return pino.stdSerializers.err(withoutParameters(err, new Map()) as Error);
}

const DROPPED = new Set(['params', 'parameters', 'queryOptions', 'bindings']);
const REDACTED = '[redacted]';

interface ErrorLike {
	message: string;
	stack?: unknown;
	cause?: unknown;
	errors?: unknown;
	[key: string]: unknown;
}

const isErrorLike = (value: unknown): value is ErrorLike =>
	typeof value === 'object' && value !== null && typeof (value as { message?: unknown }).message === 'string';

/** drizzle: "Failed query: <sql>\nparams: <values>" — the values are the rest of the message */
function messageWithoutParameters(message: string): string {
	const at = message.indexOf('\nparams:');
	return at === -1 ? message : `${message.slice(0, at)}\nparams: ${REDACTED}`;
}

/** PostgreSQL details quote values: `Key (token)=(…) already exists.`, `Failing row contains (…).` */
function detailWithoutValues(detail: string): string {
	return detail.replace(/\)=\(.*\)/s, `)=(${REDACTED})`).replace(/(row contains )\(.*\)/s, `$1(${REDACTED})`);
}

/** a stack quotes the message (and its causes' messages): the params line goes up to the first frame */
function stackWithoutParameters(stack: string, message: string, cleaned: string): string {
	const quoted = message === cleaned ? stack : stack.replace(message, cleaned);
	return quoted.replace(/\nparams: [\s\S]*?(?=\n\s+at |\ncaused by: |$)/g, `\nparams: ${REDACTED}`);
}

/** A copy of `err` without parameters; `copies` maps each error met to its copy (shared causes, cycles). */
function withoutParameters(err: unknown, copies: Map<unknown, unknown>): unknown {
	if (!isErrorLike(err)) return err;
	if (copies.has(err)) return copies.get(err);
	const copy = Object.create(Object.getPrototypeOf(err) as object) as ErrorLike;
	copies.set(err, copy);
	for (const key of Object.keys(err)) {
		if (DROPPED.has(key)) continue;
		const value = err[key];
		copy[key] = isErrorLike(value) ? withoutParameters(value, copies) : value; // e.g. better-auth's APIError.body
	}
	const message = messageWithoutParameters(err.message);
	const stack = typeof err.stack === 'string' ? stackWithoutParameters(err.stack, err.message, message) : undefined;
	Object.defineProperty(copy, 'message', { value: message, enumerable: false, writable: true, configurable: true });
	Object.defineProperty(copy, 'stack', { value: stack, enumerable: false, writable: true, configurable: true });
	if (typeof copy.detail === 'string') copy.detail = detailWithoutValues(copy.detail);
	if ('cause' in err) {
		Object.defineProperty(copy, 'cause', { value: withoutParameters(err.cause, copies), enumerable: false, writable: true, configurable: true });
	}
	if (Array.isArray(err.errors)) copy.errors = err.errors.map((inner: unknown) => withoutParameters(inner, copies));
	return copy;
}
