import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { loadContentEdit, saveContentEdit } from '#platform/content/content-pages.web.ts';
import { guidePages } from '#modules/return/guide.ts';

export async function load({ locals, params }) {
	return loadContentEdit(requestContext(await getApp(), locals), guidePages, params.topic);
}

export const actions = {
	default: async ({ request, locals, params }) => saveContentEdit(requestContext(await getApp(), locals), guidePages, params.topic, await request.formData())
};
