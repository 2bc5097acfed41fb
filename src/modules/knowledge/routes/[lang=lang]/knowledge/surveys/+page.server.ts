import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { listSurveys } from '#modules/knowledge/surveys/survey.service.ts';

/** The surveys: the published ones for everyone, every one with its number of answers for the editors. */
export async function load({ locals }) {
	const ctx = requestContext(await getApp(), locals);
	const canEdit = ctx.can('knowledge.edit_surveys');
	const surveys = await listSurveys(ctx);
	return {
		canEdit,
		surveys: surveys.map(({ row, state, responses, event }) => ({
			slug: row.slug,
			title: row.title,
			state,
			opensAt: row.opensAt?.toISOString() ?? null,
			closesAt: row.closesAt?.toISOString() ?? null,
			anonymous: row.anonymous,
			resultsShown: row.resultsPublic && state === 'closed',
			isSample: row.isSample,
			reportedOnly: row.reported !== null,
			responses: canEdit ? responses : null,
			event: event ? { slug: event.slug, title: event.title } : null
		}))
	};
}
