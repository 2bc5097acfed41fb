// Who manages and runs the regional concertation bodies (issue #13, item 5). Morocco's bodies are the ministry's:
// its moderators and the administrators create and edit them (`strategy.manage_concertation`), and each body's
// secretariat (the grant `strategy:secretary`, limited to the body's slug) runs its space and its decisions. A body
// in a RECOSA partner country (Côte d'Ivoire, Mali, Senegal) is that country's ministry's: the owners and reporters
// of a strategy of that country — grants limited to the strategy's slug, which carry both actions — create, edit and
// run its bodies. A Moroccan strategy's grants give nothing over bodies (Morocco's stay the moderators'), and one
// partner country's grants nothing over another's. Strategy and body slugs never coincide (both services keep them
// apart), so a grant limited to a strategy never reads as one limited to a body.
import { asc, eq, ne } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database.ts';
import type { RequestContext } from '../../platform/kernel/context.ts';
import { mayReach } from '../../platform/policy/policy.ts';
import { STRATEGY_COUNTRIES, type StrategyCountry } from './strategy.model.ts';
import { strategy } from './strategy.table.ts';

export const MANAGE = 'strategy.manage_concertation';
export const SECRETARIAT = 'strategy.concertation_secretariat';
/** The country whose bodies only the ministry's moderators manage. */
export const HOME_COUNTRY = 'MA';

/** The scopes whose grants act on a country's bodies besides their own: abroad, the slugs of that country's strategies. */
export async function countryScopes(db: DbOrTx, country: string): Promise<string[]> {
	if (country === HOME_COUNTRY) return [];
	return (await db.select({ slug: strategy.slug }).from(strategy).where(eq(strategy.country, country)).orderBy(asc(strategy.slug))).map((row) => row.slug);
}

/** Whether the actor creates and edits the bodies of the country whose scopes these are. */
export function managesWith(ctx: RequestContext, scopes: readonly string[]): boolean {
	return ctx.can(MANAGE) || scopes.some((scope) => ctx.can(MANAGE, { scope }));
}

/** Whether the actor creates and edits a country's bodies. */
export async function managesCountry(ctx: RequestContext, country: string): Promise<boolean> {
	return ctx.can(MANAGE) || managesWith(ctx, await countryScopes(ctx.db, country));
}

/** The countries whose bodies the actor manages (the form's choices), in the module's order (Morocco first). */
export async function countriesManaged(ctx: RequestContext): Promise<StrategyCountry[]> {
	if (!ctx.actor || !mayReach(ctx.actor, MANAGE)) return [];
	if (ctx.can(MANAGE)) return [...STRATEGY_COUNTRIES];
	const abroad = await ctx.db.select({ slug: strategy.slug, country: strategy.country }).from(strategy).where(ne(strategy.country, HOME_COUNTRY));
	return STRATEGY_COUNTRIES.filter((country) => abroad.some((row) => row.country === country && ctx.can(MANAGE, { scope: row.slug })));
}

/** Whether the actor runs a body (its space and decisions): its own secretariat, or abroad its country's strategy grants. */
export function runsWith(ctx: RequestContext, slug: string, scopes: readonly string[]): boolean {
	return ctx.can(SECRETARIAT, { scope: slug }) || scopes.some((scope) => ctx.can(SECRETARIAT, { scope }));
}
