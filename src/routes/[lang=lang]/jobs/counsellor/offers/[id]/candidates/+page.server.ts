import { error } from '@sveltejs/kit';
import { getApp } from '#lib/server/app.ts';
import { isAppError } from '#lib/server/http/app-error.ts';
import { rankCandidates } from '#lib/server/jobs/matching/matching.service.ts';

/** A counsellor's ranked candidates of any offer (people who consented to counsellors or employers; audited). */
export async function load({ locals, params, url }) {
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
