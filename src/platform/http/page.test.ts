import { describe, expect, it } from 'vitest';
import { isHttpError } from '@sveltejs/kit';
import { AppError } from './app-error.ts';
import { forPage } from './page.ts';

describe('forPage', () => {
	it('gives the page what the service answered', async () => {
		await expect(forPage(async () => 42)).resolves.toBe(42);
	});

	it.each([
		['forbidden', 403],
		['not_found', 404],
		['conflict', 409]
	] as const)('shows a refused %s as the error page with status %i', async (code, status) => {
		const failure = await forPage(Promise.reject(new AppError(code))).catch((thrown: unknown) => thrown);
		expect(isHttpError(failure) && failure.status).toBe(status);
		expect(isHttpError(failure) && failure.body.message).toBe(code);
	});

	it('leaves an unexpected failure unexpected', async () => {
		const failure = new TypeError('bug');
		await expect(forPage(Promise.reject(failure))).rejects.toBe(failure);
		await expect(forPage(Promise.reject(new AppError('internal')))).rejects.toBeInstanceOf(AppError);
	});
});
