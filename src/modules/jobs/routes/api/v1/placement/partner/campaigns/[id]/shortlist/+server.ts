import { getApp } from '#platform/app.ts';
import { apiEndpoint } from '#platform/http/api.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { partnerAccess, partnerShortlist } from '#modules/jobs/placement/shortlist.service.ts';

/** One page of the partner's shortlist: pseudonymous cards (identity only with the candidate's consent); audited. */
export const GET = apiEndpoint(async ({ locals, params, url }) => {
	const ctx = requestContext(await getApp(), locals);
	const access = await partnerAccess(ctx, params.id ?? '');
	const { cards, next } = await partnerShortlist(ctx, access, Object.fromEntries(url.searchParams));
	return Response.json({ partner: { id: access.partner.id, name: access.partner.name }, items: cards, next }, { headers: { 'cache-control': 'no-store' } });
});
