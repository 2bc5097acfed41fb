import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { listPensionAgreements } from '#modules/return/pension.service.ts';

/** The pension portability table, by host country; moderators get the link to keep it. */
export async function load({ locals, url }) {
	const ctx = requestContext(await getApp(), locals);
	return {
		rows: await listPensionAgreements(ctx.db, ctx.language),
		highlight: url.searchParams.get('country')?.toUpperCase() ?? null,
		canEdit: ctx.can('return.pension.manage'),
		saved: url.searchParams.get('saved')
	};
}
