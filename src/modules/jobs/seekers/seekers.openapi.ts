import { z } from 'zod';
import type { Endpoint } from '../../../platform/openapi/registry.ts';
import { ApplicationInput, EmployerApplication, MyApplication, ProfilePut, SeekerProfile } from './seekers.schemas.ts';

const offerId = z.object({ id: z.string().describe('the offer id (UUID)') });
const privacy =
	'Personal data: the profile is seen only by the person, by counsellors when the person consented, and by the ' +
	'employer of an offer the person applied to (for that application only). The audit trail records field names, never content.';

export const seekersEndpoints: Endpoint[] = [
	{
		method: 'GET',
		path: '/api/v1/me/profile',
		tags: ['Jobs'],
		auth: 'bearer',
		summary: 'The caller’s job-seeker profile',
		description: `Members only. 404 while the caller has no profile. ${privacy}`,
		responses: { 200: { description: 'The profile, the consent choice and its date, and the CV’s size and date (never its file).', schema: SeekerProfile } },
		errors: [403, 404]
	},
	{
		method: 'PUT',
		path: '/api/v1/me/profile',
		tags: ['Jobs'],
		auth: 'bearer',
		summary: 'Create or replace the caller’s job-seeker profile',
		description:
			'Members only. Occupations are ISCO-08 unit groups (4 digits); places are ISO 3166-2:MA region or province codes; ' +
			'nationality is ISO 3166-1 alpha-2; languages carry CEFR levels. `consent` (optional) gives, changes or withdraws (null) ' +
			`consent; every choice is kept with its date. ${privacy}`,
		body: ProfilePut,
		responses: { 200: { description: 'The profile as saved.', schema: SeekerProfile } },
		errors: [403]
	},
	{
		method: 'GET',
		path: '/api/v1/me/cv',
		tags: ['Jobs'],
		auth: 'bearer',
		summary: 'Download the caller’s CV',
		description: 'Always a download (`content-disposition: attachment`, `x-content-type-options: nosniff`).',
		responses: { 200: { description: 'The PDF.', contentType: 'application/pdf', schema: z.string().meta({ format: 'binary' }) } },
		errors: [403, 404]
	},
	{
		method: 'PUT',
		path: '/api/v1/me/cv',
		tags: ['Jobs'],
		auth: 'bearer',
		summary: 'Upload or replace the caller’s CV',
		description:
			'The PDF as the request body, or a `multipart/form-data` form with a `cv` file. The file is checked by its content, ' +
			'whatever its name or declared type: a PDF whose structure a PDF reader opens, with at least one page, without active ' +
			'content (scripts, launch actions, embedded files, rich media, XFA forms), at most 5 MB. Otherwise 415 ' +
			'(`details.reason = cv_not_pdf` or `cv_active_content`) or 413 (`cv_too_large`), and nothing is stored. 409 (`profile_missing`) without a profile. ' +
			'Stored outside the web root under a random name.',
		responses: { 200: { description: 'The CV’s size.', schema: z.object({ cv: z.object({ size: z.number().int() }) }) } },
		errors: [400, 403, 409, 413, 415]
	},
	{
		method: 'DELETE',
		path: '/api/v1/me/cv',
		tags: ['Jobs'],
		auth: 'bearer',
		summary: 'Delete the caller’s CV',
		responses: { 204: { description: 'The file and its reference are gone.' } },
		errors: [403, 404]
	},
	{
		method: 'GET',
		path: '/api/v1/me/applications',
		tags: ['Jobs'],
		auth: 'bearer',
		summary: 'The caller’s applications and their statuses',
		description: 'Statuses: submitted, viewed, shortlisted, interview, rejected, hired, withdrawn; each with its history. The person is e-mailed at each change.',
		responses: { 200: { description: 'Newest first.', schema: z.object({ items: z.array(MyApplication) }) } },
		errors: [403]
	},
	{
		method: 'POST',
		path: '/api/v1/job-offers/{id}/applications',
		tags: ['Jobs'],
		auth: 'bearer',
		summary: 'Apply to a published offer',
		description:
			'Members with a profile. Sends the profile, the CV and the message to the offer’s employer; `share: true` records the ' +
			'person’s agreement. 409 with `details.reason` `profile_missing` or `already_applied`; 404 for an offer that is not published.',
		params: offerId,
		body: ApplicationInput,
		responses: { 201: { description: 'The application.', schema: z.object({ id: z.string(), offerId: z.string(), status: z.string(), createdAt: z.string() }) } },
		errors: [403, 404, 409]
	},
	{
		method: 'GET',
		path: '/api/v1/job-offers/{id}/applications',
		tags: ['Jobs'],
		auth: 'bearer',
		summary: 'Applications to one of the caller’s offers',
		description: 'Partners who are members of the offer’s employer organisation; 404 for anyone else’s offer. A withdrawn application shows no applicant.',
		params: offerId,
		responses: { 200: { description: 'Newest first.', schema: z.object({ items: z.array(EmployerApplication) }) } },
		errors: [403, 404]
	}
];
