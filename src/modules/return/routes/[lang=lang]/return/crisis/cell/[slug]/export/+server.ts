import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { forPage } from '#platform/http/page.ts';
import { translate } from '#platform/i18n/translator.ts';
import { countryName } from '#platform/geo/countries.ts';
import { csvResponse, toCsv } from '#platform/ui/charts/csv.ts';
import { toXlsx, xlsxResponse } from '#platform/ui/charts/xlsx.ts';
import { registrationsForExport } from '#modules/return/crisis/crisis.service.ts';

const columns = ['reference', 'name', 'people', 'phone', 'email', 'country', 'city', 'needs', 'status', 'relay', 'safe', 'registered'] as const;

/** The list as CSV (or XLSX with `format=xlsx`) for the consulates, with the page's filters (the cell; an audited read). */
export async function GET({ locals, params, url }) {
	const ctx = requestContext(await getApp(), locals);
	const query = Object.fromEntries(['status', 'need', 'city', 'relay'].map((name) => [name, url.searchParams.get(name) ?? undefined]));
	const { crisis, items } = await forPage(registrationsForExport(ctx, params.slug, query));
	const language = ctx.language;
	const rows = [
		columns.map((column) => translate(language, `return.crisis_col_${column}`)),
		...items.map((item) => [
			item.reference,
			item.name,
			item.peopleCount,
			item.phone ?? '',
			item.email ?? '',
			countryName(item.country, language),
			item.city,
			item.needs.map((need) => translate(language, `return.crisis_need_${need}`)).join('; '),
			translate(language, `return.crisis_status_${item.status}`),
			item.relayName ?? '',
			item.lastSafeAt?.toISOString() ?? '',
			item.createdAt.toISOString()
		])
	];
	const headers = { 'cache-control': 'no-store' };
	if (url.searchParams.get('format') === 'xlsx') {
		return xlsxResponse(await toXlsx(rows, { sheet: crisis.slug, rightToLeft: language === 'ar' }), `${crisis.slug}-registrations.xlsx`, { headers });
	}
	return csvResponse(toCsv(rows), `${crisis.slug}-registrations.csv`, { headers });
}
