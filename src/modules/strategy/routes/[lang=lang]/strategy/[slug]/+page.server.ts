import { getApp } from '#platform/app.ts';
import { readQuery } from '#platform/http/api.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { regionChoices } from '#platform/geo/place-choices.ts';
import { TreeFilters } from '#modules/strategy/strategy.schemas.ts';
import { strategyDetail, strategyResource } from '#modules/strategy/strategy.service.ts';
import { NODE_STATUSES } from '#modules/strategy/strategy.model.ts';
import { executionRates } from '#modules/strategy/budget.service.ts';
import { regionsWithoutActions } from '#modules/strategy/results.service.ts';
import { treeOf } from '#modules/strategy/strategy.service.ts';

export async function load({ params, url, locals }) {
	const app = await getApp();
	const ctx = requestContext(app, locals);
	let filters;
	let invalid = false;
	try {
		filters = readQuery(url, TreeFilters);
	} catch (failure) {
		// a filter the page never offers (an edited address): the whole tree, and a notice
		if (!isAppError(failure)) throw failure;
		filters = {};
		invalid = true;
	}
	const canPlan = (row: { slug: string }) => ctx.can('strategy.plan', strategyResource(row));
	const detail = await strategyDetail(app.database.db, params.slug, locals.language, filters, { canPlan });
	return {
		detail,
		execution: await executionRates(app.database.db, detail.id),
		// on the whole tree, whatever the filters: where each domain has nothing yet
		gaps: regionsWithoutActions(await treeOf(app.database.db, detail.id, locals.language)),
		invalid,
		canPlan: canPlan(detail),
		values: { region: filters.region?.[0] ?? '', domain: filters.domain?.[0] ?? '', status: filters.status?.[0] ?? '' },
		choices: { regions: regionChoices(locals.language), statuses: NODE_STATUSES },
		filtered: Boolean(filters.region || filters.domain || filters.status)
	};
}
