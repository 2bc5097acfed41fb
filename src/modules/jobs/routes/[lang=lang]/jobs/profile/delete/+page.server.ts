import { error, fail } from '@sveltejs/kit';
import { requestContext } from '#platform/http/request-context.ts';
import { getApp } from '#platform/app.ts';
import { translate } from '#platform/i18n/translator.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { formFailureFrom } from '#platform/http/form.ts';
import { can } from '#platform/policy/policy.ts';
import { deleteMyAccount, isStaffRole } from '#platform/accounts/personal-data.service.ts';

export async function load({ locals }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	return { staff: isStaffRole(locals.user?.role), seeker: can(locals.actor, 'seekers.profile.manage_own') };
}

export const actions = {
	default: async ({ request, locals, cookies }) => {
		const app = await getApp();
		const data = await request.formData();
		if (data.get('confirm') !== 'yes') {
			return fail(400, { errors: { confirm: translate(locals.language, 'errors.field_required') } });
		}
		try {
			await deleteMyAccount(requestContext(app, locals), app);
		} catch (failure) {
			if (isAppError(failure) && failure.code === 'conflict') return fail(409, { errors: { '': translate(locals.language, 'seekers.delete_staff') } });
			return formFailureFrom(locals.language, failure, data);
		}
		// the session is gone from the database; forget its cookies too
		for (const { name } of cookies.getAll()) {
			if (name.includes('better-auth')) cookies.delete(name, { path: '/' });
		}
		return { deleted: true };
	}
};
