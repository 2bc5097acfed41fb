import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { forPage } from '#platform/http/page.ts';
import { mySpace } from '#platform/accounts/my-space.service.ts';

/** A signed-in person's home: their places in every module, with what waits there. */
export async function load({ locals }) {
	return { space: await forPage(mySpace(requestContext(await getApp(), locals))) };
}
