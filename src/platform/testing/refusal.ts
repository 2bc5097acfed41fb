import { isAppError, type AppError } from '../http/app-error.ts';

/** The code a service call is refused with (`forbidden`, `not_found`, `conflict`…), or 'resolved' when it was not. */
export async function refusalOf(promise: Promise<unknown>): Promise<string> {
	try {
		await promise;
	} catch (failure) {
		if (isAppError(failure)) return failure.code;
		throw failure;
	}
	return 'resolved';
}

/**
 * 'ok' when the call resolved, else `<code>:<why>`: the conflict's reason when it gives one
 * (`conflict:already_referred`), else the refused fields' paths (`invalid_input:title,year`).
 */
export async function refusalWithReason(promise: Promise<unknown>): Promise<string> {
	try {
		await promise;
	} catch (failure) {
		if (isAppError(failure)) return `${failure.code}:${String(failure.extra?.reason ?? failure.fields.map((field) => field.path).join(','))}`;
		throw failure;
	}
	return 'ok';
}

/** The error a service call is refused with (its fields, values and extra), for a test that reads them; a call that resolved fails. */
export async function appErrorOf(promise: Promise<unknown>): Promise<AppError> {
	try {
		await promise;
	} catch (failure) {
		if (isAppError(failure)) return failure;
		throw failure;
	}
	throw new Error('the call was expected to be refused, it resolved');
}
