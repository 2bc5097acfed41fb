import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { forPage } from '#platform/http/page.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { cvResponse } from '#modules/jobs/seekers/cv-storage.ts';
import { readFollowedSeekerCv } from '#modules/jobs/counsellors/follow-up.service.ts';

/** A followed person's CV, for their agency's counsellor only while they consent; the read is audited. */
export async function GET({ locals, params }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	return cvResponse(await forPage(readFollowedSeekerCv(requestContext(app, locals), params.id)), 'cv.pdf');
}
