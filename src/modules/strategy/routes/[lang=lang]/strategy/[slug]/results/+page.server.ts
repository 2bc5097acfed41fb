import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { strategyBySlug, strategyResource } from '#modules/strategy/strategy.service.ts';
import { resultsByDomain } from '#modules/strategy/results.service.ts';
import { isAppError } from '#platform/http/app-error.ts';

/** Indicators a page: a strategy of hundreds of them reads on a phone as its domains, then a domain's list. */
const PAGE_SIZE = 50;

export async function load({ params, url, locals }) {
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
	const { domains, lines } = await resultsByDomain(app.database.db, row, locals.language);
	// a domain the strategy does not have (an edited address): all of them
	const domain = domains.find((entry) => entry.id === url.searchParams.get('domain')) ?? null;
	const listed = domain ? lines.filter((line) => line.domainId === domain.id) : lines;
	const pages = Math.max(1, Math.ceil(listed.length / PAGE_SIZE));
	const asked = Number(url.searchParams.get('page') ?? '1');
	const page = Number.isInteger(asked) ? Math.min(Math.max(asked, 1), pages) : 1;
	return {
		strategy: { slug: row.slug, titles: row.title as Record<string, string>, isSample: row.isSample },
		domains,
		domain: domain && { id: domain.id, titles: domain.titles },
		indicators: listed.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE),
		total: listed.length,
		page,
		pageSize: PAGE_SIZE,
		canReport: ctx.can('strategy.report', strategyResource(row)),
		canReview: ctx.can('strategy.review', strategyResource(row))
	};
}
