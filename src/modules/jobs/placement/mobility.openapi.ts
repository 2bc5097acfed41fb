import { z } from 'zod';
import type { Endpoint } from '../../../platform/openapi/registry.ts';
import { AppointmentInput } from '../../../platform/casework/casework.schemas.ts';
import {
	Caseload,
	CaseloadFilter,
	MobilityAppointment,
	MobilityAppointmentStatus,
	MobilityAppointmentStatusInput,
	MobilityCaseFile,
	MobilityDocument,
	MobilityDocuments,
	MobilityNeed,
	MobilityNeedInput,
	MobilityNeedUpdateInput,
	MobilityNote,
	MobilityNoteInput,
	MobilityReferral,
	MobilityReferralInput
} from './mobility.schemas.ts';

const person = z.object({ id: z.string().describe('the person (account) id, as the list gives it') });
const who = 'The candidate’s counsellor or the division (a token acts with its person’s grants); anyone else gets 404 whatever the id. ';

export const mobilityEndpoints: Endpoint[] = [
	{
		method: 'GET',
		path: '/api/v1/placement/caseload',
		tags: ['Jobs'],
		auth: 'bearer',
		summary: 'A mobility counsellor’s qualified candidates',
		description:
			'Mobility counsellors (grant `jobs:placement_counsellor`) and the international placement division (`jobs:placement_division`). ' +
			'The people in the campaign of an individual offer abroad that the caller follows (`show=mine`, default), that nobody follows (`unassigned`) or, for the division, all of them (`all`; ' +
			'anyone else: `field_choice` on `show`): each opportunity with its stage, the needs open or in progress, how many are done, the next planned appointment, the counsellor. ' +
			'At most 200, by name. An audited read. The same list as CSV or XLSX: `/{lang}/jobs/placement/caseload/export?format=csv|xlsx` with the same filters.',
		query: CaseloadFilter,
		responses: { 200: { description: 'The candidates.', schema: Caseload } },
		errors: [400, 401, 403]
	},
	{
		method: 'GET',
		path: '/api/v1/placement/caseload/{id}',
		tags: ['Jobs'],
		auth: 'bearer',
		summary: 'A qualified candidate’s mobility file',
		description:
			'Who follows the candidate, their qualified opportunities and stages, needs, appointments, private notes and referrals to programmes. ' +
			'Only the candidate’s counsellor and the division; anyone else gets 404 whatever the id. An audited read.',
		params: z.object({ id: z.string().describe('the person (account) id, as the list gives it') }),
		responses: { 200: { description: 'The file.', schema: MobilityCaseFile } },
		errors: [401, 403, 404]
	},
	{
		method: 'POST',
		path: '/api/v1/placement/caseload/{id}/needs',
		tags: ['Jobs'],
		auth: 'bearer',
		summary: 'Add a need to a qualified candidate’s file',
		description:
			who +
			'The checks of the file page’s form: a kind of the caseload (`language_course`, `diploma_recognition`, `documents`, `other`; another is `field_choice` on `kind`), a real day, a note of at most 1000 characters; nothing written on a refusal. ' +
			'Audited (`placement_case_need.create`: kind, status, due date, whether there is a note — never its text). The candidate sees it on their page.',
		params: person,
		body: MobilityNeedInput,
		responses: { 201: { description: 'The need, open.', schema: MobilityNeed } },
		errors: [403, 404]
	},
	{
		method: 'POST',
		path: '/api/v1/placement/caseload/{id}/appointments',
		tags: ['Jobs'],
		auth: 'bearer',
		summary: 'Plan an appointment with a qualified candidate',
		description:
			who +
			'Its date and time in Morocco (not more than a day back: `field_invalid` on `startsAt`), in person, by phone or by video, its purpose. The candidate is e-mailed in their language; audited (`placement_appointment.create`).',
		params: person,
		body: AppointmentInput,
		responses: { 201: { description: 'The appointment, planned.', schema: MobilityAppointment } },
		errors: [403, 404]
	},
	{
		method: 'POST',
		path: '/api/v1/placement/caseload/{id}/notes',
		tags: ['Jobs'],
		auth: 'bearer',
		summary: 'Write a private note on a qualified candidate’s file',
		description: who + 'Never shown to the candidate. Audited (`placement_case_note.create`: that a note was written, never its text).',
		params: person,
		body: MobilityNoteInput,
		responses: { 201: { description: 'The note.', schema: MobilityNote } },
		errors: [403, 404]
	}
,
	{
		method: 'PUT',
		path: '/api/v1/placement/caseload/{id}/needs/{needId}',
		tags: ['Jobs'],
		auth: 'bearer',
		summary: 'Update a need of a qualified candidate’s file',
		description:
			who +
			'The need as it now stands, as the file page’s row form sends it: `status` (`open`, `in_progress`, `done`), `dueOn` and `note` (absent: none). A need of another file is 404. ' +
			'Nothing changed, nothing written; otherwise audited (`placement_case_need.update`: status and due date before and after, whether the note changed — never its text). The candidate sees it on their page.',
		params: person.extend({ needId: z.string().describe('the need id, as the file gives it') }),
		body: MobilityNeedUpdateInput,
		responses: { 200: { description: 'The need as it now stands.', schema: MobilityNeed } },
		errors: [400, 401, 403, 404]
	},
	{
		method: 'PATCH',
		path: '/api/v1/placement/caseload/{id}/appointments/{appointmentId}',
		tags: ['Jobs'],
		auth: 'bearer',
		summary: 'Record how an appointment went, or cancel it',
		description:
			who +
			'`held` or `missed`, `cancelled` (the candidate is e-mailed in their language), or back to `planned`. An appointment of another file is 404. Audited (`placement_appointment.status`, before and after).',
		params: person.extend({ appointmentId: z.string().describe('the appointment id, as the file gives it') }),
		body: MobilityAppointmentStatusInput,
		responses: { 200: { description: 'The status now; `changed` is false when it already was.', schema: MobilityAppointmentStatus } },
		errors: [400, 401, 403, 404]
	},
	{
		method: 'POST',
		path: '/api/v1/placement/caseload/{id}/referrals',
		tags: ['Jobs'],
		auth: 'bearer',
		summary: 'Refer a qualified candidate to a support programme',
		description:
			who +
			'As the file’s referral page: an active programme of the directory (else `field_choice` on `programmeId`), a message the programme and the candidate read, and `agreed: true` — the candidate agreed to be referred and that the programme receives their name and contact details. ' +
			'The candidate is e-mailed; the programme’s partners are told a referral awaits them (`GET /api/v1/referrals`, `source: mobility`). 409 (`details.reason = already_referred`) while a referral of the candidate to this programme is open. ' +
			'Audited (`placement_referral.create`).',
		params: person,
		body: MobilityReferralInput,
		responses: { 201: { description: 'The referral, sent.', schema: MobilityReferral } },
		errors: [400, 401, 403, 404, 409]
	},
	{
		method: 'GET',
		path: '/api/v1/placement/caseload/{id}/documents',
		tags: ['Jobs'],
		auth: 'bearer',
		summary: 'The documents of a qualified candidate’s file',
		description: who + 'Kind, name, type, size, who added them and when, newest first (the files: `GET …/documents/{documentId}`). An audited read (view `team_list`).',
		params: person,
		responses: { 200: { description: 'The documents.', schema: MobilityDocuments } },
		errors: [401, 403, 404]
	},
	{
		method: 'POST',
		path: '/api/v1/placement/caseload/{id}/documents',
		tags: ['Jobs'],
		auth: 'bearer',
		summary: 'Add a document to a qualified candidate’s file',
		description:
			who +
			'A `multipart/form-data` form, as the file page sends it: `kind` (`identity`, `civil_status`, `education`, `employment`, `health`, `social_security`, `support_scheme`, `other`; another is `field_choice` on `kind`) and `file`. ' +
			'The file is checked by its content, whatever its name or declared type: a PDF a reader opens, without active content (scripts, launch actions, embedded files…), or a whole JPEG or PNG picture, at most 5 MB. ' +
			'Otherwise, on the `file` field: 400 (`details.reason = document_empty`, `field_required`), 413 (`document_too_large`), 415 (`document_type` or `document_active_content`); any other body is 415 (`document_multipart`). Nothing is kept on a refusal. ' +
			'Stored outside the web root under a random name; the candidate sees and downloads it on their page. Audited (`case_document.create`: kind, type, size — never the content).',
		params: person,
		responses: { 201: { description: 'The document.', schema: MobilityDocument } },
		errors: [400, 401, 403, 404, 413, 415]
	},
	{
		method: 'GET',
		path: '/api/v1/placement/caseload/{id}/documents/{documentId}',
		tags: ['Jobs'],
		auth: 'bearer',
		summary: 'Download a document of a qualified candidate’s file',
		description: who + 'Always a download (`content-disposition: attachment`, `x-content-type-options: nosniff`, never cached). A document of another file is 404. An audited read (view `team`).',
		params: person.extend({ documentId: z.string().describe('the document id, as the list gives it') }),
		responses: {
			200: { description: 'The file.', contentType: 'application/pdf', schema: z.string().meta({ format: 'binary' }), contentTypes: { 'image/jpeg': null, 'image/png': null } }
		},
		errors: [401, 403, 404]
	},
	{
		method: 'DELETE',
		path: '/api/v1/placement/caseload/{id}/documents/{documentId}',
		tags: ['Jobs'],
		auth: 'bearer',
		summary: 'Remove a document from a qualified candidate’s file',
		description: who + 'Added by mistake or to the wrong file: the row goes, then its file. A document of another file is 404. Audited (`case_document.delete`: kind and size).',
		params: person.extend({ documentId: z.string().describe('the document id, as the list gives it') }),
		responses: { 204: { description: 'The document and its file are gone.' } },
		errors: [401, 403, 404]
	},
	{
		method: 'GET',
		path: '/api/v1/placement/my-documents',
		tags: ['Jobs'],
		auth: 'bearer',
		summary: 'The caller’s own documents kept by their mobility counsellor',
		description: 'The documents of the caller’s mobility file, as their page `/{lang}/jobs/placement/mine` lists them; none is an empty list.',
		responses: { 200: { description: 'The documents.', schema: MobilityDocuments } },
		errors: [401, 403]
	},
	{
		method: 'GET',
		path: '/api/v1/placement/my-documents/{documentId}',
		tags: ['Jobs'],
		auth: 'bearer',
		summary: 'Download one of the caller’s own documents',
		description: 'Always a download, never cached; someone else’s document is 404. An audited read (view `person`).',
		params: z.object({ documentId: z.string().describe('the document id, as the list gives it') }),
		responses: {
			200: { description: 'The file.', contentType: 'application/pdf', schema: z.string().meta({ format: 'binary' }), contentTypes: { 'image/jpeg': null, 'image/png': null } }
		},
		errors: [401, 403, 404]
	}
];
