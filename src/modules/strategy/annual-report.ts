// The annual monitoring report of a strategy (issue #13, item 7), national or for one region of Morocco:
// what the ministry's report holds for a year — the budget planned, committed and executed by domain and
// region (each currency apart), the indicators against their targets, the completeness of the year's
// reporting, the initiatives on the ground and the actions none carries yet, the recommendations followed.
// Everything comes from the module's services, as the public pages show it: a published strategy (or one
// the person plans), approved values only, real budget lines only, accepted initiatives only.
import { AppError } from '../../platform/http/app-error.ts';
import { parseOrThrow } from '../../platform/http/validation.ts';
import { isPlaceOf, placeByCode, placeName } from './places.ts';
import { pickText } from '../../platform/i18n/content-language.ts';
import type { RequestContext } from '../../platform/kernel/context.ts';
import { executionRates, type ExecutionRow } from './budget.service.ts';
import { totalInMad, yearAmounts, type TotalInMad } from './budget-conversion.ts';
import { exchangeRates } from '../../platform/money/exchange-rates.ts';
import { acceptedByAction, keepActions } from './initiative-links.service.ts';
import { recommendationsOfStrategy } from './recommendations.service.ts';
import { completenessOf, indicatorsOf, periodYears } from './results.service.ts';
import { AnnualReportQuery, type AnnualReport, type TreeNode } from './strategy.schemas.ts';
import { filterTree, strategyBySlug, strategyDetail, strategyResource } from './strategy.service.ts';
import type { StrategyRow } from './strategy.table.ts';

/** The years a report can be asked for: the strategy's period (this year alone when it has none). */
export function reportYears(row: Pick<StrategyRow, 'periodStart' | 'periodEnd'>, now: Date): number[] {
	const years = periodYears(row, now);
	return years.length ? years : [now.getUTCFullYear()];
}

/** The report shown first: the last complete year of the period, or else the current one, or else the period's last. */
export function defaultReportYear(years: number[], now: Date): number {
	const current = now.getUTCFullYear();
	if (years.includes(current - 1)) return current - 1;
	if (years.includes(current)) return current;
	return years.filter((year) => year < current).at(-1) ?? years[0];
}

const invalid = (path: string, reason: string) => new AppError('invalid_input', { fields: [{ path, messageKey: 'field_choice' }], extra: { reason } });

/** The actions of a tree, each with the domain it sits in. */
function actionsOf(tree: TreeNode[]): { action: TreeNode; domainId: string }[] {
	const found: { action: TreeNode; domainId: string }[] = [];
	for (const domain of tree) {
		const walk = (items: TreeNode[]) => {
			for (const item of items) {
				if (item.kind === 'action') found.push({ action: item, domainId: domain.id });
				else walk(item.children);
			}
		};
		walk(domain.children);
	}
	return found;
}

/** A total in MAD as the report gives it (dates as ISO strings, like the rest of the report). */
const shownInMad = (total: TotalInMad | null) => (total ? { ...total, rates: total.rates.map((rate) => ({ ...rate, checkedAt: rate.checkedAt ? new Date(rate.checkedAt).toISOString() : null })) } : null);

const money = ({ currency, planned, committed, executed, rate }: ExecutionRow) => ({ currency, planned, committed, executed, rate });

/**
 * The annual report of a strategy for a year and, optionally, a region of its country. Refused with the field
 * named: a year outside the strategy's period, a region for a strategy of another country. Not found: an
 * unpublished strategy the person does not plan.
 */
export async function annualReport(ctx: RequestContext, slug: string, input: unknown): Promise<AnnualReport> {
	const query = parseOrThrow(AnnualReportQuery, input);
	const row = await strategyBySlug(ctx.db, slug);
	const canPlan = ctx.can('strategy.plan', strategyResource(row));
	const detail = await strategyDetail(ctx.db, slug, ctx.language, {}, { canPlan: () => canPlan });
	const now = ctx.now();
	const years = reportYears(row, now);
	const year = query.year ?? defaultReportYear(years, now);
	if (!years.includes(year)) throw invalid('year', 'period_outside_strategy');
	if (query.region && !isPlaceOf(query.region, row.country)) throw invalid('region', 'region_of_another_country');
	const place = query.region ? placeByCode(query.region)! : null;
	const language = ctx.language;
	const domainTitle = new Map(detail.tree.map((domain) => [domain.id, pickText(domain.titles, language)]));

	// the budget of the year: real lines only (the budget service leaves samples out)
	const [rates, exchange] = await Promise.all([executionRates(ctx.db, row.id, { year, region: place?.iso }), exchangeRates(ctx.db)]);
	const national = place ? rates.region.filter((entry) => entry.key === 'national') : [];
	const budget = {
		totals: rates.year.map(money),
		byDomain: rates.domain.map((entry) => {
			const title = domainTitle.get(entry.key) ?? { text: '', lang: language };
			return { ...money(entry), domainId: entry.key, domain: title.text, language: title.lang };
		}),
		byRegion: place ? [] : rates.region.map((entry) => ({ ...money(entry), region: entry.key })),
		national: national.map(money),
		// beside the totals per currency, the same converted to MAD at the year's rates (the Atlas's, through the platform)
		inMad: shownInMad(totalInMad(yearAmounts(rates.year), exchange)),
		nationalInMad: shownInMad(totalInMad(national.map((entry) => ({ ...entry, year })), exchange))
	};

	// the indicators: approved values only (the results service reads no other)
	const all = await indicatorsOf(ctx.db, row, language);
	const measured = place ? all.filter((item) => item.disaggregations.includes('region')) : all;
	const indicators = measured.map((item) => {
		const ofYear = item.years.find((entry) => entry.year === year);
		const definition = pickText(item.definitions, language);
		const unit = pickText(item.units, language);
		return {
			id: item.id,
			code: item.code,
			definition: definition.text,
			definitionLanguage: definition.lang,
			unit: unit.text,
			unitLanguage: unit.lang,
			level: item.level as AnnualReport['indicators'][number]['level'],
			isSample: item.isSample,
			baselineValue: item.baselineValue,
			baselineYear: item.baselineYear,
			target: ofYear?.target ?? null,
			actual: ofYear?.actual ?? null,
			light: ofYear?.light ?? ('no_data' as const),
			ratio: ofYear?.ratio ?? null,
			regionsReported: place || !item.disaggregations.includes('region') ? null : (ofYear?.regions.length ?? 0),
			regionValue: place ? (ofYear?.regions.find((entry) => entry.region === place.iso)?.value ?? null) : null
		};
	});

	// completeness: counts for everyone; the reporters are named to those who review the values only
	const completeness = await completenessOf(ctx.db, row, year, { region: place?.iso });
	const reviewer = ctx.can('strategy.review', strategyResource(row));

	// the actions running in the year (in the region, national ones included), their initiatives and the gap
	const inPlace = place ? filterTree(detail.tree, { region: [place.iso] }) : detail.tree;
	const running = keepActions(inPlace, (action) => (action.periodStart ?? -Infinity) <= year && year <= (action.periodEnd ?? Infinity));
	const actions = actionsOf(running);
	const accepted = await acceptedByAction(ctx.db, row.id, language);
	const carried = (id: string) => accepted.has(id);
	const initiatives = new Map<string, AnnualReport['initiatives'][number]>();
	for (const { action } of actions) {
		const title = pickText(action.titles, language);
		for (const entry of accepted.get(action.id) ?? []) {
			const group = initiatives.get(entry.initiative.value) ?? {
				link: entry.initiative.value,
				title: entry.initiative.label,
				language: entry.initiative.lang,
				path: entry.initiative.path,
				isSample: entry.isSample || entry.initiative.isSample,
				actions: []
			};
			group.actions.push({ id: action.id, title: title.text, language: title.lang });
			initiatives.set(entry.initiative.value, group);
		}
	}
	const gap = actions.filter(({ action }) => !carried(action.id));

	// the recommendations the strategy's actions (the region's) carry out, whatever the year
	const recommendations = await recommendationsOfStrategy(ctx.db, row.id, language, place ? { actionIds: actionsOf(inPlace).map(({ action }) => action.id) } : {}, now);

	const title = pickText(detail.titles, language);
	const report: AnnualReport = {
		strategy: {
			slug: row.slug,
			title: title.text,
			titleLanguage: title.lang,
			country: row.country,
			owner: detail.owner,
			periodStart: row.periodStart,
			periodEnd: row.periodEnd,
			status: row.status,
			published: row.published,
			isSample: row.isSample
		},
		year,
		years,
		region: place ? { code: place.iso, name: placeName(place, language).text } : null,
		generatedAt: now.toISOString(),
		budget,
		indicators,
		nationalOnlyIndicators: all.length - measured.length,
		completeness: {
			indicators: completeness.indicators,
			reported: completeness.reported,
			approved: completeness.approved,
			missing: completeness.missing.map((entry) => {
				const definition = pickText(entry.definitions, language);
				return { code: entry.code, definition: definition.text, language: definition.lang };
			}),
			reporters: place
				? null
				: {
						total: completeness.reporters.length,
						notReported: completeness.reporters.filter((person) => !person.values).length,
						people: reviewer ? completeness.reporters.map((person) => ({ name: person.name, values: person.values })) : null
					}
		},
		actions: {
			total: actions.length,
			withoutInitiatives: gap.length,
			byDomain: running.map((domain) => {
				const mine = actions.filter((entry) => entry.domainId === domain.id);
				const shown = domainTitle.get(domain.id) ?? pickText(domain.titles, language);
				return { domainId: domain.id, domain: shown.text, language: shown.lang, actions: mine.length, withoutInitiatives: mine.filter(({ action }) => !carried(action.id)).length };
			}),
			gap: gap.map(({ action, domainId }) => {
				const shown = pickText(action.titles, language);
				return { id: action.id, title: shown.text, language: shown.lang, domainId, isSample: action.isSample };
			})
		},
		initiatives: [...initiatives.values()],
		recommendations: recommendations.map((item) => ({
			id: item.id,
			text: item.text,
			language: item.textLanguage,
			horizon: item.horizon,
			status: item.status,
			owner: item.owner?.name ?? null,
			dueYear: item.dueYear,
			late: item.late,
			isSample: item.isSample
		})),
		hasSamples: false
	};
	report.hasSamples =
		row.isSample ||
		indicators.some((item) => item.isSample) ||
		actions.some(({ action }) => action.isSample) ||
		report.initiatives.some((item) => item.isSample) ||
		report.recommendations.some((item) => item.isSample);
	return report;
}
