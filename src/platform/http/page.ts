import { error } from '@sveltejs/kit';
import { isAppError } from './app-error.ts';

/**
 * Runs a page load's service call and turns its expected refusals (AppError: 403 forbidden, 404 not
 * found, 409…) into SvelteKit's error page with the same status and code, which the language layout
 * shows localised. Anything else stays an unexpected 500. Services stay free of SvelteKit.
 */
export async function forPage<T>(work: Promise<T> | (() => Promise<T>)): Promise<T> {
	try {
		return await (typeof work === 'function' ? work() : work);
	} catch (failure) {
		if (isAppError(failure) && failure.status < 500) error(failure.status, failure.code);
		throw failure;
	}
}
