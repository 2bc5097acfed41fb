// The load of the ranked candidates pages (employer's and counsellor's): who may see which people is
// decided by rankCandidates from the actor (and audited there), so both pages load the same way.
import { error } from '@sveltejs/kit';
import { getApp } from '../../../platform/app.ts';
import { isAppError } from '../../../platform/http/app-error.ts';
import { rankCandidates } from './matching.service.ts';

export async function loadRankedCandidates({ locals, params, url }: { locals: App.Locals; params: { id: string }; url: URL }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const app = await getApp();
	const page = Math.min(500, Math.max(1, Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1));
	try {
		return { result: await rankCandidates(app.database.db, locals.audit, locals.actor, params.id, locals.language, { page, pageSize: 20 }) };
	} catch (failure) {
		if (isAppError(failure)) error(failure.status, failure.code);
		throw failure;
	}
}
