import { getApp } from '#platform/app.ts';
import { forPage } from '#platform/http/page.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { surveyResults } from '#modules/knowledge/surveys/survey.service.ts';

/** A survey's results: the editors' at any time, everyone's once closed when the editors made them public. */
export async function load({ locals, params, setHeaders }) {
	const ctx = requestContext(await getApp(), locals);
	const results = await forPage(surveyResults(ctx, params.slug));
	// the editors' view holds free texts: never kept by a shared cache
	if (results.audience === 'editor') setHeaders({ 'cache-control': 'private, no-store' });
	return {
		survey: { slug: results.row.slug, title: results.row.title, anonymous: results.row.anonymous, isSample: results.row.isSample },
		audience: results.audience,
		state: results.state,
		responses: results.responses,
		invited: results.invited,
		invitationsAnswered: results.invitationsAnswered,
		reported: results.reported,
		questions: results.questions.map((entry, index) => ({
			id: entry.question.id,
			number: index + 1,
			kind: entry.question.kind,
			label: entry.question.label,
			conditional: entry.question.condition !== null,
			respondents: entry.respondents,
			options: entry.options.map((option) => ({ value: option.value, label: option.label, count: option.count, percent: option.percent })),
			mean: entry.mean,
			texts: entry.texts,
			reported: entry.reported && entry.reported.percentages.length ? { percentages: entry.reported.percentages, sum: entry.reported.sum, addsUp: entry.reported.addsUp, respondents: entry.reported.respondents, fitCompleteAnswers: entry.reported.fitCompleteAnswers, note: entry.reported.note ?? null } : null,
			reportedNote: entry.reported && !entry.reported.percentages.length ? (entry.reported.note ?? null) : null
		}))
	};
}
