import { getApp } from '#platform/app.ts';
import { apiEndpoint, readJson } from '#platform/http/api.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { NoteInput } from '#platform/casework/casework.schemas.ts';
import { addCaseNote } from '#platform/casework/casework.service.ts';
import { placementFollowUp } from '#modules/jobs/placement/mobility.caseload.ts';

/** A private note on a qualified candidate's file (their counsellor or the division; else 404); the audit trail says it was written, never its text. */
export const POST = apiEndpoint(async ({ locals, request, params }) => {
	const { body } = await readJson(request, NoteInput);
	const note = await addCaseNote(requestContext(await getApp(), locals), placementFollowUp, params.id ?? '', { body });
	return Response.json({ id: note.id, body: note.body, author: note.authorLabel, createdAt: note.createdAt.toISOString() }, { status: 201 });
});
