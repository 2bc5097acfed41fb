// What the planning, reporting and review pages share: the strategy checked against the person's
// grants for the page's action (403 otherwise, 404 for a strategy that does not exist).
import { error } from '@sveltejs/kit';
import { isAppError } from '../../platform/http/app-error.ts';
import type { RequestContext } from '../../platform/kernel/context.ts';
import { strategyBySlug, strategyResource } from './strategy.service.ts';

export async function strategyForPage(ctx: RequestContext, slug: string, action: 'strategy.plan' | 'strategy.report' | 'strategy.review' | 'strategy.manage') {
	try {
		const row = await strategyBySlug(ctx.db, slug);
		ctx.require(action, strategyResource(row));
		return row;
	} catch (failure) {
		if (isAppError(failure)) error(failure.status, failure.code);
		throw failure;
	}
}

/** A service's read for a page: a refusal (404 for what the person may not see) becomes the page's error. */
export async function orPageError<T>(work: Promise<T>): Promise<T> {
	try {
		return await work;
	} catch (failure) {
		if (isAppError(failure)) error(failure.status, failure.code);
		throw failure;
	}
}
