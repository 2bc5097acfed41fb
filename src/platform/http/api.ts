import type { z } from 'zod';
import type { RequestEvent } from '@sveltejs/kit';
import { translate } from '../i18n/translator.ts';
import type { Language } from '../i18n/languages.ts';
import { AppError, isAppError, type ErrorCode } from './app-error.ts';
import { parseOrThrow } from './validation.ts';
import { isDatabaseUnavailable, outageRetryAfterSeconds } from '../db/outage.ts';

/** The one error shape of the API: `{ error: { code, message, details } }`, message in the request's language. */
export function errorResponse(
	language: Language,
	code: ErrorCode,
	options: { status?: number; values?: Record<string, string | number>; details?: unknown; headers?: HeadersInit } = {}
): Response {
	const status = options.status ?? new AppError(code).status;
	return Response.json(
		{ error: { code, message: translate(language, `errors.${code}`, options.values), details: options.details ?? null } },
		{ status, headers: options.headers }
	);
}

/** 503 while the database is out of reach, with the time to wait before trying again. */
export function unavailableResponse(language: Language): Response {
	return errorResponse(language, 'database_unavailable', { headers: { 'retry-after': String(outageRetryAfterSeconds), 'cache-control': 'no-store' } });
}

export function appErrorResponse(language: Language, error: AppError): Response {
	if (error.code === 'database_unavailable') return unavailableResponse(language);
	const details = error.fields.length
		? {
				fields: error.fields.map((field) => ({
					path: field.path,
					message: translate(language, `errors.${field.messageKey}`, field.values)
				})),
				...error.extra
			}
		: (error.extra ?? null);
	const headers: Record<string, string> = {};
	if (error.code === 'rate_limited' && error.values.seconds) headers['retry-after'] = String(error.values.seconds);
	return errorResponse(language, error.code, { status: error.status, values: error.values, details, headers });
}

type Handler = (event: RequestEvent) => Promise<Response> | Response;

/**
 * Wraps an API endpoint: expected failures (AppError, from services or validation) become the
 * JSON error shape; anything else is logged and answered as a 500 without a stack trace.
 */
export function apiEndpoint(handler: Handler): Handler {
	return async (event) => {
		try {
			return await handler(event);
		} catch (error) {
			if (isAppError(error)) return appErrorResponse(event.locals.language, error);
			if (isBadValueForDatabase(error)) return errorResponse(event.locals.language, 'invalid_input');
			if (isDatabaseUnavailable(error)) return unavailableResponse(event.locals.language);
			throw error; // handled by handleError + the hook, which answer with the JSON 500 shape
		}
	};
}

/**
 * PostgreSQL errors caused by the caller's value rather than by us: text with a NUL byte (22021),
 * a malformed uuid or number (22P02), a value out of range (22003, 22008). A backstop: validation
 * should catch them first.
 */
const badValueCodes = new Set(['22021', '22P02', '22P05', '22003', '22008', '22007']);
export function isBadValueForDatabase(error: unknown): boolean {
	for (let current: unknown = error; current; current = (current as { cause?: unknown }).cause) {
		if (badValueCodes.has(String((current as { code?: unknown }).code))) return true;
	}
	return false;
}

/** Reads and validates a JSON body; a body that is not JSON is invalid input, not a crash. */
export async function readJson<S extends z.ZodType>(request: Request, schema: S): Promise<z.output<S>> {
	const type = request.headers.get('content-type') ?? '';
	if (!type.includes('application/json')) throw new AppError('unsupported_media_type');
	let body: unknown;
	try {
		// PostgreSQL text cannot hold a NUL character: refuse it here with the other bad input.
		body = JSON.parse(await request.text(), (_key, value) => {
			if (typeof value === 'string' && value.includes('\u0000')) throw new Error('NUL character');
			return value;
		});
	} catch {
		throw new AppError('invalid_input', { fields: [{ path: '', messageKey: 'field_invalid' }] });
	}
	return parseOrThrow(schema, body);
}

/** Validates query parameters (single values; repeated keys become arrays). */
export function readQuery<S extends z.ZodType>(url: URL, schema: S): z.output<S> {
	const query: Record<string, string | string[]> = {};
	for (const key of new Set(url.searchParams.keys())) {
		const values = url.searchParams.getAll(key);
		query[key] = values.length > 1 ? values : values[0];
	}
	return parseOrThrow(schema, query);
}
