import { getApp } from '#platform/app.ts';
import { readQuery } from '#platform/http/api.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { placeChoices } from '#modules/strategy/places.ts';
import { TreeFilters } from '#modules/strategy/strategy.schemas.ts';
import { countActions, foldActions, strategyResource } from '#modules/strategy/strategy.service.ts';
import { NODE_STATUSES } from '#modules/strategy/strategy.model.ts';
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
	const { detail: found, accepted, execution, inMad, approvedVersions, facts } = await strategyDashboard(app.database.db, params.slug, locals.language, filters, { canPlan });
	const carries = (action: { id: string }) => Boolean(accepted[action.id]);
	// the gap view: only the actions no initiative on the ground carries yet
	const withoutInitiatives = url.searchParams.get('without') === 'initiatives';
	const kept = withoutInitiatives ? keepActions(found.tree, (action) => !carries(action)) : found.tree;
	const actions = countActions(kept);
	const open = url.searchParams.get('open');
	const shown = actions > ACTIONS_SHOWN_WHOLE ? foldActions(kept, open && NODE_ID.test(open) ? open : null) : { tree: kept, folded: {} };
	const detail = { ...found, tree: shown.tree, actions };
	return {
		detail,
		folded: shown.folded,
		open: Object.keys(shown.folded).length && open && NODE_ID.test(open) ? open : null,
		initiativeCounts: accepted,
		// the whole tree's counts and gaps, whatever the filters (the read model keeps them per data revision)
		carried: { actions: facts.actions, without: facts.actions - facts.carried },
		withoutInitiatives,
		execution,
		inMad,
		gaps: facts.gaps,
		invalid,
		canPlan: canPlan(detail),
		approvedVersions,
		values: { region: filters.region?.[0] ?? '', domain: filters.domain?.[0] ?? '', status: filters.status?.[0] ?? '' },
		choices: { regions: placeChoices(detail.country, locals.language), statuses: NODE_STATUSES },
		filtered: Boolean(filters.region || filters.domain || filters.status || withoutInitiatives)
	};
}
