import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { cvResponse } from '#modules/jobs/seekers/cv-storage.ts';
import { readApplicationCv } from '#modules/jobs/seekers/seekers.service.ts';

/** An applicant's CV for the offer's employer, only when shared for this application; the read is audited. */
export async function GET({ locals, params }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	try {
		return cvResponse(await readApplicationCv(requestContext(app, locals), params.id), `cv-${params.id.slice(0, 8)}.pdf`);
	} catch (failure) {
		if (isAppError(failure)) error(failure.status === 403 ? 403 : 404, failure.code);
		throw failure;
	}
}
