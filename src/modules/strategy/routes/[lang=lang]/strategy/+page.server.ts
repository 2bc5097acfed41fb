import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { listStrategies, strategiesPlannedBy } from '#modules/strategy/strategy.service.ts';

export async function load({ locals }) {
	const app = await getApp();
	const ctx = requestContext(app, locals);
	// the strategies one owns or plans (unpublished ones too), and the administrators' way to create one
	const mine = ctx.actor ? await strategiesPlannedBy(app.database.db, ctx.actor, locals.language) : [];
	return { strategies: await listStrategies(app.database.db, locals.language), mine, canCreate: ctx.can('strategy.manage') };
}
