import pino from 'pino';

/** Structured JSON logs on stdout; every request line carries its request id. */
export function createLogger(level: string) {
	return pino({
		level,
		base: { service: 'sharaka' },
		timestamp: pino.stdTimeFunctions.isoTime,
		redact: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.token']
	});
}

export type Logger = ReturnType<typeof createLogger>;
