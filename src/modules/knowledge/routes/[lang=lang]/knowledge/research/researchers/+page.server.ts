import { getApp } from '#platform/app.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { listResearchers } from '#modules/knowledge/research/research.service.ts';
import { documentThemes } from '#modules/knowledge/knowledge.model.ts';

/** The researchers who chose to appear, by name; filter by theme. */
export async function load({ locals, url }) {
	const ctx = requestContext(await getApp(), locals);
	const wanted = url.searchParams.get('theme') ?? '';
	const theme = (documentThemes as readonly string[]).includes(wanted) ? wanted : undefined;
	return { theme: theme ?? '', researchers: await listResearchers(ctx.db, { theme }) };
}
