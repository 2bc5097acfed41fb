import { z } from 'zod';
import { getApp } from '#platform/app.ts';
import { apiEndpoint, readQuery } from '#platform/http/api.ts';
import { listPensionAgreements } from '#modules/return/pension.service.ts';

const Query = z.object({ lang: z.enum(['fr', 'ar', 'en']).optional() });

/** The pension portability table (route policy: public). */
export const GET = apiEndpoint(async ({ url, locals }) => {
	const app = await getApp();
	const language = readQuery(url, Query).lang ?? locals.language;
	const items = (await listPensionAgreements(app.database.db, language)).map((row) => ({
		...row,
		agreement: row.agreement?.text ?? null,
		transfers: row.transfers?.text ?? null,
		whereToAsk: row.whereToAsk?.text ?? null
	}));
	return Response.json({ total: items.length, items });
});
