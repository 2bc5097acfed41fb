/** Expected failures, thrown by services and mapped to HTTP in one place (`errorStatus`). */
export type ErrorCode =
	| 'invalid_input'
	| 'unauthenticated'
	| 'forbidden'
	| 'not_found'
	| 'method_not_allowed'
	| 'conflict'
	| 'payload_too_large'
	| 'unsupported_media_type'
	| 'rate_limited'
	| 'database_unavailable'
	| 'internal';

export const errorStatus: Record<ErrorCode, number> = {
	invalid_input: 400,
	unauthenticated: 401,
	forbidden: 403,
	not_found: 404,
	method_not_allowed: 405,
	conflict: 409,
	payload_too_large: 413,
	unsupported_media_type: 415,
	rate_limited: 429,
	database_unavailable: 503,
	internal: 500
};

export interface FieldProblem {
	/** dotted path of the field, e.g. `budget.amount` or `items.2.title` */
	path: string;
	/** message key in the `errors` namespace, e.g. `field_required` */
	messageKey: string;
	values?: Record<string, string | number>;
}

export class AppError extends Error {
	readonly code: ErrorCode;
	/** values for the localised message, e.g. `{ minutes: 5 }` */
	readonly values: Record<string, string | number>;
	readonly fields: FieldProblem[];
	/** extra machine-readable details returned to API clients (e.g. the current version on a 409) */
	readonly extra: Record<string, unknown> | undefined;

	constructor(
		code: ErrorCode,
		options: { values?: Record<string, string | number>; fields?: FieldProblem[]; extra?: Record<string, unknown>; cause?: unknown } = {}
	) {
		super(code, { cause: options.cause });
		this.name = 'AppError';
		this.code = code;
		this.values = options.values ?? {};
		this.fields = options.fields ?? [];
		this.extra = options.extra;
	}

	get status(): number {
		return errorStatus[this.code];
	}
}

export function isAppError(error: unknown): error is AppError {
	return error instanceof AppError;
}
