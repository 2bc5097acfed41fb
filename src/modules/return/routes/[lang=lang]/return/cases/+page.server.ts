import { error } from '@sveltejs/kit';
import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { countryName } from '#platform/geo/countries.ts';
import { placeNameIn } from '#platform/geo/place-choices.ts';
import { regions } from '#platform/geo/morocco.ts';
import { caseworkerOperators, listReintegrationCases } from '#modules/return/reintegration.ts';

const showing = ['open', 'closed', 'all'] as const;

/** The case worker's caseload: the cases of their operators, open ones by default (an audited read). */
export async function load({ locals, url }) {
	if (locals.denied) error(locals.denied, 'forbidden');
	const ctx = requestContext(await getApp(), locals);
	const wanted = url.searchParams.get('show') ?? 'open';
	const show = (showing as readonly string[]).includes(wanted) ? (wanted as (typeof showing)[number]) : 'open';
	const [operators, cases] = await Promise.all([caseworkerOperators(ctx), listReintegrationCases(ctx)]);
	const region = (code: string) => regions.find((row) => row.iso === code);
	const open = cases.filter((row) => !row.closedAt).length;
	return {
		operators,
		show,
		counts: { open, closed: cases.length - open, all: cases.length },
		cases: cases
			.filter((row) => show === 'all' || (show === 'open') === !row.closedAt)
			.map((row) => ({
				id: row.id,
				personName: row.personName,
				operatorName: row.operatorName,
				returnDate: row.returnDate,
				hostCountry: countryName(row.hostCountry, locals.language),
				region: region(row.regionCode) ? placeNameIn(region(row.regionCode)!, locals.language) : row.regionCode,
				closed: row.closedAt !== null,
				isSample: row.isSample
			}))
	};
}
