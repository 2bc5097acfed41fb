import { getApp } from '#platform/app.ts';
import { apiEndpoint, readQuery } from '#platform/http/api.ts';
import { requestContext } from '#platform/http/request-context.ts';
import { csvResponse } from '#platform/ui/charts/csv.ts';
import { translate } from '#platform/i18n/translator.ts';
import { TreeFilters } from '#modules/strategy/strategy.schemas.ts';
import { actionRows, strategyResource } from '#modules/strategy/strategy.service.ts';
import { actionTable, actionsCsv, actionsXlsx, budgetCsv, budgetTable, structureCsv, structureTable } from '#modules/strategy/strategy-export.ts';
import { budgetLinesOfMany } from '#modules/strategy/budget.service.ts';

/** A strategy's actions, with the tree page's filters, as CSV or XLSX with their budget lines and the structure above them (public for a published strategy). */
export const GET = apiEndpoint(async ({ params, url, locals }) => {
	const app = await getApp();
	const ctx = requestContext(app, locals);
	const filters = readQuery(url, TreeFilters);
	const { detail, rows } = await actionRows(app.database.db, params.slug ?? '', locals.language, filters, { canPlan: (row) => ctx.can('strategy.plan', strategyResource(row)) });
	const table = actionTable(rows, locals.language);
	const lines = await budgetLinesOfMany(app.database.db, rows.map((row) => row.action.id));
	const budget = budgetTable(lines, new Map(rows.map((row) => [row.action.id, row.action.title])));
	const structure = structureTable(detail.tree, locals.language);
	const name = `sharaka-strategie-${detail.slug}-${new Date().toISOString().slice(0, 10)}`;
	if (url.searchParams.get('format') === 'xlsx') {
		const sheet = (key: string, sheetRows: (string | number)[][]) => ({ name: translate(locals.language, key), rows: sheetRows });
		return new Response(new Uint8Array(await actionsXlsx(table, translate(locals.language, 'strategy.col_actions'), locals.language, sheet('strategy.budget_title', budget), sheet('strategy.import_sheet_structure', structure))), {
			headers: {
				'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
				'Content-Disposition': `attachment; filename="${name}.xlsx"`,
				'X-Content-Type-Options': 'nosniff'
			}
		});
	}
	// CSV is one table: the budget lines and the structure are their own files (`table=budget`, `table=structure`)
	if (url.searchParams.get('table') === 'budget') return csvResponse(budgetCsv(budget), `${name}-budget.csv`);
	if (url.searchParams.get('table') === 'structure') return csvResponse(structureCsv(structure), `${name}-structure.csv`);
	return csvResponse(actionsCsv(table), `${name}.csv`);
});
