// The mobility counsellors' caseload as CSV or XLSX (issue 10, item 6): the list as the page filters it, every
// row (not only the page's first 200), an audited read like the list. Written with the platform's tabular
// helpers (csv.ts, xlsx.ts) as the Return module's caseload export is.
import { countryName } from '../../../platform/geo/countries.ts';
import { translate } from '../../../platform/i18n/translator.ts';
import type { RequestContext } from '../../../platform/kernel/context.ts';
import { instantToLocalDateTime } from '../../../platform/time-zone.ts';
import type { CsvCell } from '../../../platform/ui/charts/csv.ts';
import { listCaseload } from './mobility.service.ts';

/** The header and one line per candidate; several opportunities or needs in one cell, separated by "; ". */
export async function caseloadExportRows(ctx: RequestContext, raw: unknown): Promise<{ show: string; rows: CsvCell[][] }> {
	const language = ctx.language;
	const t = (key: string, values?: Record<string, string | number>) => translate(language, key, values);
	const list = await listCaseload(ctx, raw, { purpose: 'export' });
	const header = ['col_candidate', 'col_opportunities', 'col_needs', 'col_needs_done', 'col_next_appointment', 'col_counsellor', 'col_sample'].map((key) => t(`mobility.${key}`));
	const rows = list.items.map((item) => [
		item.name,
		item.opportunities
			.map((row) => `${row.title} (${countryName(row.hostCountry, language)}) — ${row.exitReason ? t('mobility.exited', { reason: t(`campaigns.exit_${row.exitReason}`) }) : t(`campaigns.stage_${row.stage}`)}`)
			.join('; '),
		item.needs.map((need) => `${t(`mobility.need_kind_${need.kind}`)} — ${t(`casework.need_status_${need.status}`)}${need.dueOn ? ` (${need.dueOn})` : ''}`).join('; '),
		item.needsDone,
		// Morocco's wall clock, as the page shows it
		item.nextAppointment ? instantToLocalDateTime(new Date(item.nextAppointment)).replace('T', ' ') : '',
		item.counsellor?.name ?? t('mobility.unassigned'),
		item.isSample ? t('casework.sample_badge') : ''
	]);
	return { show: list.show, rows: [header, ...rows] };
}
