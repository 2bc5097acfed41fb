import { getApp } from '#platform/app.ts';
import { apiEndpoint, readJson } from '#platform/http/api.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { addNote, listMyNotes, NoteInput } from '#modules/example/example.service.ts';

/** The caller's notes (route policy: 'example.note.keep'). */
export const GET = apiEndpoint(async ({ locals }) => Response.json({ items: await listMyNotes(requestContext(await getApp(), locals)) }, { headers: { 'cache-control': 'no-store' } }));

/** Keeps a note (route policy: 'example.note.keep'). */
export const POST = apiEndpoint(async ({ request, locals }) => {
	const note = await addNote(requestContext(await getApp(), locals), await readJson(request, NoteInput));
	return Response.json(note, { status: 201, headers: { 'cache-control': 'no-store' } });
});
