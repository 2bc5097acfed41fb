import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { forPage } from '#platform/http/page.ts';
import { administrationLinks } from '#platform/accounts/my-space.service.ts';

/** The staff home: the platform's administration pages and the modules' ones this person may use. */
export async function load({ locals }) {
	return { links: await forPage(administrationLinks(requestContext(await getApp(), locals))) };
}
