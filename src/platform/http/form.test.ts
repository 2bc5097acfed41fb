import { describe, expect, it } from 'vitest';
import { isHttpError } from '@sveltejs/kit';
import { AppError } from './app-error.ts';
import { formAction } from './form.ts';

const sent = () => {
	const data = new FormData();
	data.append('title', 'Réunion');
	data.append('attendees', 'a');
	data.append('attendees', 'b');
	return data;
};
const conflicts = { meeting_not_held: 'workspace.error_meeting_not_held' };

describe('a form action', () => {
	it('answers what `done` makes of the result', async () => {
		expect(await formAction('fr', sent(), async () => ({ sent: 3 }), { done: (result) => ({ done: 'announced', sent: result.sent }) })).toEqual({ done: 'announced', sent: 3 });
	});

	it('turns a record out of reach into a 404 page', async () => {
		const refused = await formAction('fr', sent(), async () => Promise.reject(new AppError('not_found')), { done: () => ({}) }).catch((failure: unknown) => failure);
		expect(isHttpError(refused) && refused.status).toBe(404);
	});

	it('says a known conflict in plain words, with what was typed (lists included)', async () => {
		const refused = await formAction('ar', sent(), async () => Promise.reject(new AppError('conflict', { extra: { reason: 'meeting_not_held' } })), { done: () => ({}), conflicts });
		expect(refused).toMatchObject({ status: 409, data: { values: { title: 'Réunion' }, lists: { attendees: ['a', 'b'] }, errors: { '': 'يُحرَّر المحضر بعد انعقاد الاجتماع.' } } });
	});

	it('names each refused field in the language, and lets the page reword one', async () => {
		const refused = await formAction('fr', sent(), async () => Promise.reject(new AppError('invalid_input', { fields: [{ path: 'title', messageKey: 'field_required' }, { path: 'offer', messageKey: 'field_invalid' }] })), {
			done: () => ({}),
			adjust(errors) {
				errors.offer = 'Collez l’adresse de la page de l’offre.';
			}
		});
		expect(refused).toMatchObject({ status: 400, data: { errors: { title: expect.any(String), offer: 'Collez l’adresse de la page de l’offre.' } } });
	});
});
