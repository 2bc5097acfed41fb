import { getApp } from '#platform/app.ts';
import { apiEndpoint } from '#platform/http/api.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { translate } from '#platform/i18n/translator.ts';
import { toCsv } from '#platform/ui/charts/csv.ts';
import { toXlsx } from '#platform/ui/charts/xlsx.ts';
import { eventRegistrations } from '#modules/knowledge/events/registration.service.ts';

/** The organisers' list as CSV or XLSX, in the page's language (route policy: the events' editors). */
export const GET = apiEndpoint(async ({ url, locals, params }) => {
	const ctx = requestContext(await getApp(), locals);
	const language = locals.language;
	const list = await eventRegistrations(ctx, params.slug ?? '');
	const header = ['col_name', 'col_email', 'register_organisation', 'register_category', 'registration_status', 'registration_code', 'col_checked_in', 'col_registered'].map((key) => translate(language, `events.${key}`));
	const rows = list.registrations.map((entry) => [
		entry.name,
		entry.email,
		entry.organisationName ?? '',
		translate(language, `events.category_${entry.category}`),
		translate(language, `events.registration_status_label_${entry.status}`),
		entry.status === 'confirmed' ? entry.code : '',
		entry.checkedInAt ?? '',
		entry.registeredAt
	]);
	const name = `inscriptions-${list.row.slug}`;
	// personal data: never kept by a cache
	const headers = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };
	if (url.searchParams.get('format') === 'xlsx') {
		return new Response(new Uint8Array(await toXlsx([header, ...rows], { sheet: translate(language, 'events.registrations_list'), rightToLeft: language === 'ar' })), {
			headers: { ...headers, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'content-disposition': `attachment; filename="${name}.xlsx"` }
		});
	}
	return new Response(toCsv([header, ...rows]), { headers: { ...headers, 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}.csv"` } });
});
