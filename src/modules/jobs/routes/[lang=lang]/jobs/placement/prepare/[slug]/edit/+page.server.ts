import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { loadContentEdit, saveContentEdit } from '#platform/content/content-pages.web.ts';
import { predeparturePages } from '#modules/jobs/placement/predeparture-pages.ts';

export async function load({ locals, params }) {
	return loadContentEdit(requestContext(await getApp(), locals), predeparturePages, params.slug);
}

export const actions = {
	default: async ({ request, locals, params }) =>
		saveContentEdit(requestContext(await getApp(), locals), predeparturePages, params.slug, await request.formData())
};
