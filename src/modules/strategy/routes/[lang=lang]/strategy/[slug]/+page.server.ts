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
import { countActions, treeOf } from '#modules/strategy/strategy.service.ts';
import { acceptedByAction, keepActions } from '#modules/strategy/initiative-links.service.ts';
import { approvedVersionCount } from '#modules/strategy/programme-versions.service.ts';

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
	const found = await strategyDetail(app.database.db, params.slug, locals.language, filters, { canPlan });
	const whole = await treeOf(app.database.db, found.id, locals.language);
	const accepted = await acceptedByAction(app.database.db, found.id, locals.language);
	// the gap view: only the actions no initiative on the ground carries yet
	const withoutInitiatives = url.searchParams.get('without') === 'initiatives';
	const tree = withoutInitiatives ? keepActions(found.tree, (action) => !accepted.has(action.id)) : found.tree;
	const detail = { ...found, tree, actions: countActions(tree) };
	return {
		detail,
		initiativeCounts: Object.fromEntries([...accepted].map(([id, list]) => [id, list.length])),
		carried: { actions: countActions(whole), without: countActions(keepActions(whole, (action) => !accepted.has(action.id))) },
		withoutInitiatives,
		execution: await executionRates(app.database.db, detail.id),
		// on the whole tree, whatever the filters: where each domain has nothing yet
		gaps: regionsWithoutActions(whole),
		invalid,
		canPlan: canPlan(detail),
		approvedVersions: await approvedVersionCount(app.database.db, detail.id),
		values: { region: filters.region?.[0] ?? '', domain: filters.domain?.[0] ?? '', status: filters.status?.[0] ?? '' },
		choices: { regions: regionChoices(locals.language), statuses: NODE_STATUSES },
		filtered: Boolean(filters.region || filters.domain || filters.status || withoutInitiatives)
	};
}
