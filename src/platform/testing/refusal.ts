import { isAppError } from '../http/app-error.ts';

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
