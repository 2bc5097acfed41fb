import { getApp } from '#platform/app.ts';
import { apiEndpoint, readQuery } from '#platform/http/api.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { listSchemes } from '#modules/return/schemes/schemes.service.ts';
import { SchemeQuery } from '#modules/return/schemes/schemes.schemas.ts';

/** The assisted-return schemes catalogue (route policy: public). */
export const GET = apiEndpoint(async ({ url, locals }) => {
	const query = readQuery(url, SchemeQuery);
	const items = await listSchemes(requestContext(await getApp(), locals), { country: query.country }, query.lang ?? locals.language);
	return Response.json({
		total: items.length,
		items: items.map(({ editable: _editable, name, eligibility, support, ...rest }) => ({ ...rest, name: name.text, eligibility: eligibility?.text ?? null, support: support?.text ?? null, language: name.lang ?? query.lang ?? locals.language }))
	});
});
