import { error, redirect } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { formFailureFrom } from '#platform/http/form.ts';
import { addNote, countNotes, listMyNotes } from '#modules/example/example.service.ts';

export async function load({ locals, url }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const ctx = requestContext(await getApp(), locals);
	return {
		count: await countNotes(ctx),
		notes: ctx.can('example.note.keep') ? await listMyNotes(ctx) : null,
		added: url.searchParams.has('added')
	};
}

export const actions = {
	default: async ({ request, locals }) => {
		const data = await request.formData();
		try {
			await addNote(requestContext(await getApp(), locals), { body: data.get('body') ?? '' });
		} catch (failure) {
			return formFailureFrom(locals.language, failure, data);
		}
		redirect(303, `/${locals.language}/example?added`);
	}
};
