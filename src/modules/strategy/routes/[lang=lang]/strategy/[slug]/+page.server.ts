import { getApp } from '#platform/app.ts';
import { readQuery } from '#platform/http/api.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { regionChoices } from '#platform/geo/place-choices.ts';
import { TreeFilters } from '#modules/strategy/strategy.schemas.ts';
import { strategyResource, strategyWithTree } from '#modules/strategy/strategy.service.ts';
import { NODE_STATUSES } from '#modules/strategy/strategy.model.ts';
import { executionRates } from '#modules/strategy/budget.service.ts';
import { regionsWithoutActions } from '#modules/strategy/results.service.ts';
import { countActions } from '#modules/strategy/strategy.service.ts';
import { acceptedCounts, keepActions } from '#modules/strategy/initiative-links.service.ts';
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
	const { detail: found, whole } = await strategyWithTree(app.database.db, params.slug, locals.language, filters, { canPlan });
	const [accepted, execution, approvedVersions] = await Promise.all([
		acceptedCounts(app.database.db, found.id),
		executionRates(app.database.db, found.id),
		approvedVersionCount(app.database.db, found.id)
	]);
	// the gap view: only the actions no initiative on the ground carries yet
	const withoutInitiatives = url.searchParams.get('without') === 'initiatives';
	const tree = withoutInitiatives ? keepActions(found.tree, (action) => !accepted.has(action.id)) : found.tree;
	const detail = { ...found, tree, actions: countActions(tree) };
	return {
		detail,
		initiativeCounts: Object.fromEntries(accepted),
		carried: { actions: countActions(whole), without: countActions(keepActions(whole, (action) => !accepted.has(action.id))) },
		withoutInitiatives,
		execution,
		// on the whole tree, whatever the filters: where each domain has nothing yet
		gaps: regionsWithoutActions(whole),
		invalid,
		canPlan: canPlan(detail),
		approvedVersions,
		values: { region: filters.region?.[0] ?? '', domain: filters.domain?.[0] ?? '', status: filters.status?.[0] ?? '' },
		choices: { regions: regionChoices(locals.language), statuses: NODE_STATUSES },
		filtered: Boolean(filters.region || filters.domain || filters.status || withoutInitiatives)
	};
}
