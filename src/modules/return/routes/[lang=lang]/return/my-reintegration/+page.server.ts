import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { countryName } from '#platform/geo/countries.ts';
import { placeNameIn } from '#platform/geo/place-choices.ts';
import { regions } from '#platform/geo/morocco.ts';
import { loadMyCasework } from '#platform/casework/casework.web.ts';
import { myReintegrationCases, reintegrationFollowUp } from '#modules/return/reintegration.ts';
import { mySurveyRounds } from '#modules/return/survey.ts';

/** The returnee's own follow-up: their cases (facts, needs levels, plan), appointments and referrals; never the case workers' notes. */
export async function load({ locals }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const ctx = requestContext(await getApp(), locals);
	const [cases, casework] = await Promise.all([myReintegrationCases(ctx), loadMyCasework(ctx, reintegrationFollowUp)]);
	const surveys = await mySurveyRounds(ctx.db, cases);
	return {
		cases: cases.map((row) => {
			const region = regions.find((item) => item.iso === row.regionCode);
			return {
				...row,
				consentAt: row.consentAt.toISOString(),
				closedAt: row.closedAt?.toISOString() ?? null,
				hostCountryName: countryName(row.hostCountry, locals.language),
				regionName: region ? placeNameIn(region, locals.language) : row.regionCode,
				surveys: (surveys.get(row.id) ?? []).filter((round) => round.scores)
			};
		}),
		...casework
	};
}
