import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { strategyBySlug, strategyResource } from '#modules/strategy/strategy.service.ts';
import { indicatorsOf } from '#modules/strategy/results.service.ts';
import { isAppError } from '#platform/http/app-error.ts';

export async function load({ params, locals }) {
	const app = await getApp();
	const ctx = requestContext(app, locals);
	let row;
	try {
		row = await strategyBySlug(app.database.db, params.slug);
	} catch (failure) {
		if (isAppError(failure)) error(404, 'not_found');
		throw failure;
	}
	const canPlan = ctx.can('strategy.plan', strategyResource(row));
	if (!row.published && !canPlan) error(404, 'not_found');
	// one line per indicator: its latest year with an approved value (the years and regions are on its page)
	const indicators = (await indicatorsOf(app.database.db, row, locals.language, { latest: true })).map((item) => {
		const latest = item.years.findLast((year) => year.actual != null) ?? null;
		return { id: item.id, code: item.code, definitions: item.definitions, units: item.units, level: item.level, isSample: item.isSample, latest: latest && { year: latest.year, target: latest.target, actual: latest.actual, light: latest.light, ratio: latest.ratio } };
	});
	return {
		strategy: { slug: row.slug, titles: row.title as Record<string, string>, isSample: row.isSample },
		indicators,
		canReport: ctx.can('strategy.report', strategyResource(row)),
		canReview: ctx.can('strategy.review', strategyResource(row))
	};
}
