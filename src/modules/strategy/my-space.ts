import type { RequestContext } from '../../platform/kernel/context.ts';
import type { SpaceLink } from '../../platform/kernel/manifest.ts';
import { strategiesPlannedBy } from './strategy.service.ts';

/** The strategies a person owns or plans (through grants): straight to the planning page when there is one. */
export async function strategySpace(ctx: RequestContext): Promise<SpaceLink[]> {
	if (!ctx.actor) return [];
	const planned = await strategiesPlannedBy(ctx.db, ctx.actor, ctx.language);
	if (!planned.length) return [];
	return [
		{
			path: planned.length === 1 ? `/strategy/${planned[0].slug}/plan` : '/strategy',
			titleKey: 'strategy.space_plan',
			textKey: 'strategy.space_plan_text',
			waiting: { count: planned.length, key: 'strategy.space_count' }
		}
	];
}
