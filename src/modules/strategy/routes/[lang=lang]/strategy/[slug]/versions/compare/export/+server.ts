import { getApp } from '#platform/app.ts';
import { apiEndpoint } from '#platform/http/api.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { csvResponse } from '#platform/ui/charts/csv.ts';
import { translate } from '#platform/i18n/translator.ts';
import { compareVersions } from '#modules/strategy/programme-versions.service.ts';
import { diffCsv, diffTable, diffXlsx } from '#modules/strategy/programme-diff-export.ts';

/** The differences between two programme versions (or a version and the draft) as CSV or XLSX, for those who may compare them. */
export const GET = apiEndpoint(async ({ params, url, locals }) => {
	const ctx = requestContext(await getApp(), locals);
	const query = { from: url.searchParams.get('from') ?? undefined, to: url.searchParams.get('to') ?? undefined };
	const comparison = await compareVersions(ctx, params.slug ?? '', query);
	const rows = diffTable(comparison.diff);
	const name = `sharaka-strategie-${comparison.strategy.slug}-differences-${comparison.from.ref}-${comparison.to.ref}`;
	if (url.searchParams.get('format') === 'xlsx') {
		return new Response(new Uint8Array(await diffXlsx(rows, translate(locals.language, 'strategy.compare_sheet'), locals.language)), {
			headers: {
				'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
				'Content-Disposition': `attachment; filename="${name}.xlsx"`,
				'X-Content-Type-Options': 'nosniff'
			}
		});
	}
	return csvResponse(diffCsv(rows), `${name}.csv`);
});
