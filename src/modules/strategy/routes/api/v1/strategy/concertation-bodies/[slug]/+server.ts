import { getApp } from '#platform/app.ts';
import { apiEndpoint } from '#platform/http/api.ts';
import { bodyDetail } from '#modules/strategy/concertation.service.ts';
import { recommendationForApi } from '#modules/strategy/recommendations.service.ts';

/** A regional concertation body's public summary: terms of reference, members, meetings (no minutes), decisions. */
export const GET = apiEndpoint(async ({ params, locals }) => {
	const app = await getApp();
	const base = app.settings.publicUrl.replace(/\/$/, '');
	const { termsOfReference, meetings, decisions, ...body } = await bodyDetail(app.database.db, params.slug ?? '', locals.language);
	return Response.json(
		{
			...body,
			url: `${base}/${locals.language}/strategy/concertation/${body.slug}`,
			termsOfReference: termsOfReference.text,
			termsOfReferenceLanguage: termsOfReference.lang,
			meetings: meetings.map(({ title, language, startsAt, agenda, held }) => ({ title, language, startsAt, agenda, held })),
			decisions: decisions.map((item) => recommendationForApi(item, base, locals.language))
		},
		{ headers: { 'cache-control': 'public, max-age=60' } }
	);
});
