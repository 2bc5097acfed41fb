import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { cvResponse } from '#modules/jobs/seekers/cv-storage.ts';
import { seekerEnvOf } from '#modules/jobs/seekers/seekers.service.ts';
import { readFollowedSeekerCv } from '#modules/jobs/counsellors/follow-up.service.ts';

/** A followed person's CV, for their agency's counsellor only while they consent; the read is audited. */
export async function GET({ locals, params }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	try {
		return cvResponse(await readFollowedSeekerCv(app.database.db, locals.audit, locals.actor, seekerEnvOf(app), params.id), 'cv.pdf');
	} catch (failure) {
		if (isAppError(failure)) error(failure.status === 403 ? 403 : 404, failure.code);
		throw failure;
	}
}
