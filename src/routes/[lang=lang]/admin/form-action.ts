import type { RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import { getApp, type App } from '#platform/app.ts';
import { adminFormFailure } from '#platform/admin/admin-forms.ts';
import { parseForm } from '#platform/http/form.ts';

/**
 * A staff form's action: `act` gets the posted form, read against `schema` when there is one; a
 * refused form or an expected failure comes back with its messages, else `done` redirects.
 */
export async function adminFormAction<T, S extends z.ZodType = z.ZodUndefined>(
	{ request, locals }: Pick<RequestEvent, 'request' | 'locals'>,
	schema: S | undefined,
	act: (app: App, input: z.output<S>, data: FormData) => Promise<T>,
	done: (result: T, data: FormData) => never
) {
	const app = await getApp();
	const data = await request.formData();
	let input = undefined as z.output<S>;
	if (schema) {
		const parsed = parseForm(locals.language, schema, data);
		if (!parsed.ok) return parsed.failure;
		input = parsed.data;
	}
	let result: T;
	try {
		result = await act(app, input, data);
	} catch (failure) {
		return adminFormFailure(locals.language, failure, data);
	}
	done(result, data);
}
