import { error, fail } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { translate } from '#platform/i18n/translator.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { formFailureFrom } from '#platform/http/form.ts';
import { getOwnProfile, profileView, removeCv, uploadCv } from '#modules/jobs/seekers/seekers.service.ts';

export async function load({ locals }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	const row = await getOwnProfile(requestContext(app, locals));
	return { hasProfile: !!row, cv: row ? profileView(row).cv : null };
}

/** The message a person reads for a refused file. */
function cvProblem(language: App.Locals['language'], failure: unknown): string | null {
	if (!isAppError(failure)) return null;
	const reason = (failure.extra as { reason?: string } | undefined)?.reason;
	if (reason === 'cv_not_pdf') return translate(language, 'seekers.cv_error_not_pdf');
	if (reason === 'cv_active_content') return translate(language, 'seekers.cv_error_active_content');
	if (reason === 'cv_too_large') return translate(language, 'seekers.cv_error_too_large');
	if (reason === 'cv_empty') return translate(language, 'seekers.cv_error_empty');
	if (reason === 'profile_missing') return translate(language, 'seekers.cv_needs_profile');
	return null;
}

export const actions = {
	upload: async ({ request, locals }) => {
		const app = await getApp();
		let data: FormData;
		try {
			data = await request.formData();
		} catch {
			return fail(400, { errors: { cv: translate(locals.language, 'seekers.cv_error_empty') } });
		}
		const file = data.get('cv');
		if (!file || typeof file === 'string' || file.size === 0) return fail(400, { errors: { cv: translate(locals.language, 'seekers.cv_error_empty') } });
		try {
			await uploadCv(requestContext(app, locals), new Uint8Array(await file.arrayBuffer()));
		} catch (failure) {
			const message = cvProblem(locals.language, failure);
			if (message) return fail(isAppError(failure) ? failure.status : 400, { errors: { cv: message } });
			return formFailureFrom(locals.language, failure, new FormData());
		}
		return { done: 'cv_uploaded' };
	},
	remove: async ({ locals }) => {
		const app = await getApp();
		try {
			await removeCv(requestContext(app, locals));
		} catch (failure) {
			return formFailureFrom(locals.language, failure, new FormData());
		}
		return { done: 'cv_removed' };
	}
};
