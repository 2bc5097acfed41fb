import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { countryName } from '#platform/geo/countries.ts';
import { placeNameIn } from '#platform/geo/place-choices.ts';
import { regions } from '#platform/geo/morocco.ts';
import { reintegrationStatistics, sampleCaseCount, SMALL_COUNT } from '#modules/return/reintegration.ts';
import { surveyStatistics } from '#modules/return/survey.ts';
import { schemeNamesBySlug } from '#modules/return/schemes/schemes.service.ts';

/** The joint platform's pooled statistics across operators, small counts suppressed. */
export async function load({ locals, url }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const ctx = requestContext(await getApp(), locals);
	// the fictional sample cases only when asked for (`?samples=include`)
	const samples = url.searchParams.get('samples') === 'include';
	const [statistics, survey, schemes, sampleCases] = await Promise.all([
		reintegrationStatistics(ctx, { samples }),
		surveyStatistics(ctx, { samples }),
		schemeNamesBySlug(ctx.db, locals.language),
		sampleCaseCount(ctx.db)
	]);
	const collator = new Intl.Collator(locals.language);
	const named = <Row extends { key: string; label: string }>(rows: Row[], name: (row: Row) => string) =>
		rows.map((row) => ({ ...row, label: name(row) })).sort((a, b) => collator.compare(a.label, b.label));
	return {
		samples,
		sampleCases,
		smallCount: SMALL_COUNT,
		total: statistics.total,
		byRegion: named(statistics.byRegion, (row) => {
			const region = regions.find((item) => item.iso === row.key);
			return region ? placeNameIn(region, locals.language) : row.key;
		}),
		byHostCountry: named(statistics.byHostCountry, (row) => countryName(row.key, locals.language)),
		byOperator: statistics.byOperator,
		survey: {
			answered: survey.answered,
			byRound: survey.byRound,
			byRegion: named(survey.byRegion.map((row) => ({ ...row, label: row.key })), (row) => {
				const region = regions.find((item) => item.iso === row.key);
				return region ? placeNameIn(region, locals.language) : row.key;
			}),
			// a catalogue scheme by its name in the page's language, another as written
			byScheme: survey.byScheme.map((row) => ({ ...row, label: schemes.get(row.key) ?? row.key })).sort((a, b) => collator.compare(a.label, b.label))
		}
	};
}
