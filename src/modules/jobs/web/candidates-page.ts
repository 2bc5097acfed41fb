// The load of the ranked candidates pages (employer's and counsellor's): who may see which people is
// decided by rankCandidates from the actor (and audited there), so both pages load the same way.
import { getApp } from '../../../platform/app.ts';
import { forPage } from '../../../platform/http/page.ts';
import { requestContext } from '../../../platform/http/request-context.ts';
import { rankCandidates } from '../matching/matching.service.ts';

export async function loadRankedCandidates({ locals, params, url }: { locals: App.Locals; params: { id: string }; url: URL }) {
	const app = await getApp();
	const page = Math.min(500, Math.max(1, Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1));
	return { result: await forPage(rankCandidates(requestContext(app, locals), params.id, { page, pageSize: 20 })) };
}
