import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { strategyBySlug, strategyResource } from '#modules/strategy/strategy.service.ts';
import { evidenceDocuments, indicatorsOf } from '#modules/strategy/results.service.ts';
import { labelledParts } from '#modules/strategy/value-parts.ts';

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
	if (!row.published && !ctx.can('strategy.plan', strategyResource(row))) error(404, 'not_found');
	const [indicator] = await indicatorsOf(app.database.db, row, locals.language, { code: params.code });
	if (!indicator) error(404, 'not_found');
	// the parts of each year's national total and of each region's value, named in the page's language
	const breakdowns = indicator.years.flatMap((year) => [
		...(year.parts.length && year.actual != null ? [{ year: year.year, region: null, total: year.actual, parts: labelledParts(locals.language, year.parts) }] : []),
		...year.regions.filter((region) => region.parts.length).map((region) => ({ year: year.year, region: region.region, total: region.value, parts: labelledParts(locals.language, region.parts) }))
	]);
	// the library documents the approved values give as evidence, by year: each its title linking to it
	const documents = await evidenceDocuments(app.database.db, indicator.years.flatMap((year) => year.evidence), locals.language);
	const evidence = Object.fromEntries(
		indicator.years.map((year) => [year.year, year.evidence.flatMap((link) => (documents.has(link) ? [{ label: documents.get(link)!.label, path: documents.get(link)!.path, lang: documents.get(link)!.lang ?? null }] : []))])
	);
	return { strategy: { slug: row.slug, titles: row.title as Record<string, string> }, indicator, breakdowns, evidence };
}
