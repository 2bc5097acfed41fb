import { getApp } from '#platform/app.ts';
import { forPage } from '#platform/http/page.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { bodyDetail, mayEnterSpace, spaceOf } from '#modules/strategy/concertation.service.ts';
import { managesCountry } from '#modules/strategy/concertation-access.ts';

/** A concertation body's public summary: terms of reference, members and roles, meetings, decisions and where they stand. */
export async function load({ locals, params, url }) {
	const app = await getApp();
	const ctx = requestContext(app, locals);
	const body = await forPage(bodyDetail(app.database.db, params.body, locals.language));
	return {
		body,
		// Morocco's bodies: the moderators; a partner country's: also the owners and reporters of its strategies
		canManage: await managesCountry(ctx, body.country),
		canAppoint: ctx.can('user.manage'),
		canEnter: await mayEnterSpace(ctx, await spaceOf(app.database.db, params.body)),
		saved: url.searchParams.get('saved') === '1'
	};
}
