// The case workers' caseload as CSV or XLSX (the operators' own cases only, an audited read like the list):
// who, when and where from, the scheme, where they settled, and whether the case is open.
import type { RequestContext } from '../../platform/kernel/context.ts';
import { translate } from '../../platform/i18n/translator.ts';
import { countryName } from '../../platform/geo/countries.ts';
import { placeNameIn } from '../../platform/geo/place-choices.ts';
import { provinces, regions } from '../../platform/geo/morocco.ts';
import { listReintegrationCases } from './reintegration.ts';
import { schemeNames } from './schemes/schemes.service.ts';

export const caseloadShows = ['open', 'closed', 'all'] as const;
export type CaseloadShow = (typeof caseloadShows)[number];

export async function caseloadRows(ctx: RequestContext, show: CaseloadShow): Promise<(string | number)[][]> {
	const language = ctx.language;
	const t = (key: string) => translate(language, key);
	const cases = (await listReintegrationCases(ctx)).filter((row) => show === 'all' || (show === 'open') === !row.closedAt);
	const schemes = await schemeNames(ctx.db, cases.flatMap((row) => (row.schemeId ? [row.schemeId] : [])), language);
	const place = (list: readonly (Parameters<typeof placeNameIn>[0] & { iso: string })[], code: string | null) => {
		const found = code ? list.find((row) => row.iso === code) : undefined;
		return found ? placeNameIn(found, language) : (code ?? '');
	};
	return [
		['case_person', 'case_operator', 'case_return_date', 'case_host_country', 'case_scheme', 'case_region', 'case_province', 'case_commune', 'case_household', 'case_status', 'case_close_reason'].map((key) => t(`return.${key}`)),
		...cases.map((row) => [
			row.personName,
			row.operatorName,
			row.returnDate,
			countryName(row.hostCountry, language),
			(row.schemeId ? schemes.get(row.schemeId)?.name : null) ?? row.scheme ?? '',
			place(regions, row.regionCode),
			place(provinces, row.provinceCode),
			row.commune ?? '',
			row.householdSize,
			t(row.closedAt ? 'return.case_closed' : 'return.case_open'),
			row.closeReason ? t(`return.close_reason_${row.closeReason}`) : ''
		])
	];
}
