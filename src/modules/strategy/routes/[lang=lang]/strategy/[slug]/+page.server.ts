import { getApp } from '#platform/app.ts';
import { readQuery } from '#platform/http/api.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { regionChoices } from '#platform/geo/place-choices.ts';
import { TreeFilters } from '#modules/strategy/strategy.schemas.ts';
import { countActions, foldActions, strategyResource } from '#modules/strategy/strategy.service.ts';
import { NODE_STATUSES } from '#modules/strategy/strategy.model.ts';
import { regionsWithoutActions } from '#modules/strategy/results.service.ts';
import { keepActions } from '#modules/strategy/initiative-links.service.ts';
import { strategyDashboard } from '#modules/strategy/strategy-read-model.ts';

/** Up to this many actions, the tree shows them all; beyond, each objective's open on demand (`?open=`). */
const ACTIONS_SHOWN_WHOLE = 200;
const NODE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

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
	const { detail: found, whole, accepted, execution, inMad, approvedVersions } = await strategyDashboard(app.database.db, params.slug, locals.language, filters, { canPlan });
	const carries = (action: { id: string }) => Boolean(accepted[action.id]);
	// the gap view: only the actions no initiative on the ground carries yet
	const withoutInitiatives = url.searchParams.get('without') === 'initiatives';
	const kept = withoutInitiatives ? keepActions(found.tree, (action) => !carries(action)) : found.tree;
	const actions = countActions(kept);
	const open = url.searchParams.get('open');
	const shown = actions > ACTIONS_SHOWN_WHOLE ? foldActions(kept, open && NODE_ID.test(open) ? open : null) : { tree: kept, folded: {} };
	const detail = { ...found, tree: shown.tree, actions };
	const wholeActions = countActions(whole);
	return {
		detail,
		folded: shown.folded,
		open: Object.keys(shown.folded).length && open && NODE_ID.test(open) ? open : null,
		initiativeCounts: accepted,
		carried: { actions: wholeActions, without: wholeActions - countActions(keepActions(whole, carries)) },
		withoutInitiatives,
		execution,
		inMad,
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
