import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { isAppError } from '#platform/http/app-error.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { regionChoices } from '#platform/geo/place-choices.ts';
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
		// Morocco's regions, by name in the page's language (a strategy of another country has no region reports)
		regions: report.strategy.country === 'MA' ? regionChoices(locals.language).map(({ value, label }) => ({ value, label })) : []
	};
}
