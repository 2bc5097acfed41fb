import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { error } from '@sveltejs/kit';
import { isAppError } from '#platform/http/app-error.ts';
import { cvResponse } from '#modules/jobs/seekers/cv-storage.ts';
import { readOwnCv } from '#modules/jobs/seekers/seekers.service.ts';

/** The person's own CV, as a download (route policy: 'seekers.profile.manage_own'). */
export async function GET({ locals }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	try {
		return cvResponse(await readOwnCv(requestContext(app, locals)));
	} catch (failure) {
		if (isAppError(failure)) error(failure.status, failure.code);
		throw failure;
	}
}
