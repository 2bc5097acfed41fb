import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { placeChoices } from '#modules/strategy/places.ts';
import { annualReport } from '#modules/strategy/annual-report.ts';

export async function load({ params, url, locals }) {
	const ctx = requestContext(await getApp(), locals);
	const asked = Object.fromEntries(url.searchParams);
	let report;
	let invalid = false;
	try {
		report = await annualReport(ctx, params.slug, asked);
	} catch (failure) {
		if (!isAppError(failure)) throw failure;
		if (failure.code !== 'invalid_input') error(failure.status, failure.code);
		// a year or a region the pickers never offer (an edited address): the default report, and a notice
		invalid = true;
		report = await annualReport(ctx, params.slug, {});
	}
	return {
		report,
		invalid,
		// the regions of the strategy's country, by name in the page's language
		regions: placeChoices(report.strategy.country, locals.language).map(({ value, label }) => ({ value, label }))
	};
}
