import { getApp } from '#platform/app.ts';
import { apiEndpoint, readQuery } from '#platform/http/api.ts';
import { translate } from '#platform/i18n/translator.ts';
import { platformDay } from '#platform/time-zone.ts';
import { toCsv } from '#platform/ui/charts/csv.ts';
import { toXlsx } from '#platform/ui/charts/xlsx.ts';
import { listRecommendations, RecommendationFilters } from '#modules/strategy/recommendations.service.ts';

/** The tracker's recommendations (the page's filters) as CSV or XLSX, in the page's language (public). */
export const GET = apiEndpoint(async ({ url, locals }) => {
	const app = await getApp();
	const language = locals.language;
	const { items } = await listRecommendations(app.database.db, readQuery(url, RecommendationFilters), language);
	const header = ['recommendation_text', 'recommendation_horizon', 'recommendation_status', 'recommendation_owner', 'recommendation_due_year', 'recommendation_source', 'recommendation_citation', 'recommendation_actions', 'recommendation_kind', 'recommendation_body', 'recommendation_meeting', 'recommendation_due_on'].map((key) => translate(language, `strategy.${key}`));
	const rows = items.map((item) => [
		item.text,
		translate(language, `strategy.horizon_${item.horizon}`),
		translate(language, `strategy.recommendation_status_${item.status}`),
		item.owner?.name ?? '',
		item.dueYear ?? '',
		item.source?.label ?? '',
		item.sourceCitation ?? '',
		item.actions.map((action) => action.title).join(' | '),
		translate(language, `strategy.kind_item_${item.kind}`),
		item.body?.name ?? '',
		item.meeting ? platformDay(new Date(item.meeting.startsAt)) : '',
		item.dueOn ?? ''
	]);
	const headers = { 'cache-control': 'public, max-age=60' };
	if (url.searchParams.get('format') === 'xlsx') {
		return new Response(new Uint8Array(await toXlsx([header, ...rows], { sheet: translate(language, 'strategy.recommendations_title'), rightToLeft: language === 'ar' })), {
			headers: { ...headers, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'content-disposition': 'attachment; filename="recommandations.xlsx"' }
		});
	}
	return new Response(toCsv([header, ...rows]), { headers: { ...headers, 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="recommandations.csv"' } });
});
