// What the planning pages share: the strategy checked against the person's grants (403 otherwise).
import { error } from '@sveltejs/kit';
import { isAppError } from '../../platform/http/app-error.ts';
import type { RequestContext } from '../../platform/kernel/context.ts';
import { strategyBySlug, strategyResource } from './strategy.service.ts';

export async function plannedStrategy(ctx: RequestContext, slug: string) {
	try {
		const row = await strategyBySlug(ctx.db, slug);
		ctx.require('strategy.plan', strategyResource(row));
		return row;
	} catch (failure) {
		if (isAppError(failure)) error(failure.status, failure.code);
		throw failure;
	}
}
