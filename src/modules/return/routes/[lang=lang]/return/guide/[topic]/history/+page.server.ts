import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { loadContentHistory } from '#platform/content/content-pages.web.ts';
import { guidePages } from '#modules/return/guide.ts';

export async function load({ locals, params }) {
	return loadContentHistory(requestContext(await getApp(), locals), guidePages, params.topic);
}
