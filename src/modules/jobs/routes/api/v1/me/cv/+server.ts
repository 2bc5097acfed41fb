import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { apiEndpoint } from '#platform/http/api.ts';
import { AppError } from '#platform/http/app-error.ts';
import { cvResponse } from '#modules/jobs/seekers/cv-storage.ts';
import { readOwnCv, removeCv, uploadCv } from '#modules/jobs/seekers/seekers.service.ts';

/** The caller's CV, as a download (route policy: 'seekers.profile.manage_own'). */
export const GET = apiEndpoint(async ({ locals }) => {
	const app = await getApp();
	return cvResponse(await readOwnCv(requestContext(app, locals)));
});

/** Reads the uploaded file: the body itself, or the `cv` (or first) file of a multipart form. Its declared type is not trusted. */
async function uploadedBytes(request: Request): Promise<Uint8Array> {
	const type = request.headers.get('content-type') ?? '';
	if (type.startsWith('multipart/form-data')) {
		let data: FormData;
		try {
			data = await request.formData();
		} catch {
			throw new AppError('invalid_input', { fields: [{ path: 'cv', messageKey: 'field_invalid' }] });
		}
		const file = data.get('cv') ?? [...data.values()].find((value) => typeof value !== 'string');
		if (!file || typeof file === 'string') throw new AppError('invalid_input', { fields: [{ path: 'cv', messageKey: 'field_required' }] });
		return new Uint8Array(await file.arrayBuffer());
	}
	return new Uint8Array(await request.arrayBuffer());
}

/** Uploads or replaces the CV: a PDF (checked by content) of at most 5 MB. */
export const PUT = apiEndpoint(async ({ request, locals }) => {
	const app = await getApp();
	const stored = await uploadCv(requestContext(app, locals), await uploadedBytes(request));
	const profile = { cv: { size: stored.size } };
	return Response.json(profile, { headers: { 'cache-control': 'no-store' } });
});

/** Deletes the CV (file and reference). */
export const DELETE = apiEndpoint(async ({ locals }) => {
	const app = await getApp();
	await removeCv(requestContext(app, locals));
	return new Response(null, { status: 204 });
});
