import { z } from 'zod';
import type { Endpoint } from '../../../platform/openapi/registry.ts';
import { ApplyBody, FieldConflictDecisions, FieldConflictsDecided, ImportCreated, ImportDetail, ImportQuery, ImportSummary } from './import.schemas.ts';

const importId = z.object({ id: z.uuid().describe('The import’s id') });

/** Atlas imports, for the registry in `openapi/registry.ts`. */
export const importEndpoints: Endpoint[] = [
	{
		method: 'POST',
		path: '/api/v1/imports/iati',
		tags: ['Atlas'],
		auth: 'bearer',
		summary: 'Read an IATI activity file and preview its activities',
		description:
			'The IATI activity XML (2.01–2.03, or an aggregator download whose root has no version) as the request body ' +
			'(`application/xml`, `text/xml` or `application/octet-stream`; `?name=` gives the file name), or as the `file` of a ' +
			'`multipart/form-data` form. At most 50 MB and 20,000 activities, read as a stream. A file declaring a DTD or entities ' +
			'(`<!DOCTYPE>`, `<!ENTITY>`: external entities, "billion laughs"), XML that is not well formed, another root than ' +
			'`iati-activities`, IATI 1.x or another encoding than UTF-8 is refused as a whole with 400 and `details.reason` ' +
			'(`xml_doctype`, `xml_malformed`, `xml_root`, `iati_version`, `encoding`, `no_activities`, `too_many_activities`) and a ' +
			'clear `details.message`; a larger body gets 413 (`file_too_large`). Nothing is stored then. Otherwise every activity is ' +
			'listed: `state` new or known (an initiative with the same IATI identifier), whether it concerns Morocco, its problems ' +
			'(critical: skipped; error: imported without that field; warning), critical first. Partners and moderators.',
		responses: { 201: { description: 'The import and every activity of the file.', schema: ImportCreated } },
		errors: [400, 403, 413, 415]
	},
	{
		method: 'GET',
		path: '/api/v1/imports/{id}',
		tags: ['Atlas'],
		auth: 'bearer',
		summary: 'An import’s progress and results',
		description:
			'Status (`previewed`, `applying`, `done`, `failed`; `interrupted` when a restart stopped it), progress, counts and one page ' +
			'of activities with their outcome (`created`, `updated`, `proposed`, `unchanged`, `failed`) and the initiative or proposal ' +
			'made, `organisationMatches`: organisations matched by name only, proposed for a moderator’s confirmation, and ' +
			'`fieldConflicts`: fields of known initiatives that someone changed on the platform since their last import and that ' +
			'the file changes too (the Atlas kept its value; a moderator decides). One’s own ' +
			'imports; moderators see all.',
		params: importId,
		query: ImportQuery,
		responses: { 200: { description: 'The import.', schema: ImportDetail } },
		errors: [404]
	},
	{
		method: 'POST',
		path: '/api/v1/imports/{id}/apply',
		tags: ['Atlas'],
		auth: 'bearer',
		summary: 'Apply the chosen activities (in the background)',
		description:
			'With `identifiers` (or `positions`), exactly those activities are taken; without a body, the current choice. From a ' +
			'partner they become proposals (a known activity: a change proposal on its current version); from a moderator they are ' +
			'published at once (new initiatives, or new versions of known ones), attributed and audited. Runs in the server’s ' +
			'background: follow it with `GET /api/v1/imports/{id}`. Idempotent: applying again never makes the same initiative or ' +
			'proposal twice, and continues an interrupted import. A moderator’s import is refused with 409 ' +
			'(`details.reason: organisation_matches_undecided`) while organisations matched by name only wait for a decision: ' +
			'send them as `organisationMatches` (confirmed: the file’s identifier is bound to the organisation; rejected: the ' +
			'file’s organisation is created as its own).',
		params: importId,
		body: ApplyBody,
		responses: { 202: { description: 'Applying has started (or goes on).', schema: ImportSummary } },
		errors: [404, 409]
	},
	{
		method: 'POST',
		path: '/api/v1/imports/{id}/conflicts',
		tags: ['Atlas'],
		auth: 'bearer',
		summary: 'Decide the fields both the platform and the file changed',
		description:
			'A re-import compares each field with what the last import of the initiative left: a field only the file changed is ' +
			'taken, a field only the platform changed is kept, and a field both changed keeps the Atlas’s value and is listed in ' +
			'`fieldConflicts` of `GET /api/v1/imports/{id}`. For each (`position`, `field`): `atlas` keeps the value, `file` ' +
			'writes a new version with the file’s (attributed and audited). All or nothing: an unknown conflict is 400; a field that ' +
			'changed again in the Atlas since the import is 409 (`details.reason: field_changed_since`). Moderators.',
		params: importId,
		body: FieldConflictDecisions,
		responses: { 200: { description: 'How many decisions changed something, and the import’s conflicts now.', schema: FieldConflictsDecided } },
		errors: [400, 403, 404, 409]
	}
];
