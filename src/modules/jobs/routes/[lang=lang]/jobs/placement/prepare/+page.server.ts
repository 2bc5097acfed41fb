import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { loadContentList } from '#platform/content/content-pages.web.ts';
import { predeparturePages } from '#modules/jobs/placement/predeparture-pages.ts';

export async function load({ locals }) {
	return loadContentList(requestContext(await getApp(), locals), predeparturePages);
}
