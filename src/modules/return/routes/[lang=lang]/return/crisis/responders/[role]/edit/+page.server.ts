import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { loadContentEdit, saveContentEdit } from '#platform/content/content-pages.web.ts';
import { isResponderRole } from '#modules/return/crisis/crisis.model.ts';
import { responderGuide } from '#modules/return/crisis/responders.ts';

/** The cell publishes a new version of a responder's page (its steps are the checklist). */
export async function load({ locals, params }) {
	if (!isResponderRole(params.role)) error(404, 'not_found');
	return loadContentEdit(requestContext(await getApp(), locals), responderGuide, params.role);
}

export const actions = {
	default: async ({ request, locals, params }) => {
		if (!isResponderRole(params.role)) error(404, 'not_found');
		return saveContentEdit(requestContext(await getApp(), locals), responderGuide, params.role, await request.formData());
	}
};
