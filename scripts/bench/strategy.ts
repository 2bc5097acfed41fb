// `npm run bench:strategy`: a strategy at issue #13's scale — its dashboard, its results, a region's page and
// the XLSX import of its whole programme (issue #13, Performance: "500 actions × 12 regions × 12 years of
// budget lines and 200 indicators × 12 regions × 12 periods: the strategy dashboard and a region page p95 ≤
// 100 ms at 20 connections uncached; XLSX import of the whole programme ≤ 10 s").
//
// The fill (a fresh database; PGlite, or PostgreSQL when DATABASE_URL is set, dropped after), in bulk — chunked
// multi-row inserts through drizzle, the rows the services would write (strategy.service.ts, budget.service.ts,
// results.service.ts, initiative-links.service.ts) without their audit events:
//  - one published strategy of Morocco over 12 years (2015–2026), badged as a sample, with 10 domains → 3
//    programmes each → 3 objectives each → N actions (500 by default) spread over the objectives, each carried
//    out in 1–3 of Morocco's 12 regions (one in ten national), with a lead body, partners, GCM/SDG tags, a period
//    and a status;
//  - budget lines: the model's lines have no region (an action's lines count whole in each of its regions, a
//    national action's apart — budget.service.ts), so "500 actions × 12 regions × 12 years" is read as every
//    action funded every year of the 12 by 2 to S of six funding sources (S = 4 by default: about 3 sources,
//    so ~36 lines an action, ~18,000 in all) in MAD, EUR or USD — which, counted in the actions' regions, gives
//    every one of the 12 regions lines in each of the 12 years (~34,000 region-year-lines: the rates by region
//    and year, the region pages). Past years committed ≤ planned and executed ≤ committed, except one line in
//    thirty executed above committed *with a note* (the module's rule); the current year part-executed;
//  - 200 indicators (on objectives and actions, broken down by region) with a target per year, and an approved
//    actual value per region and year (12 × 12 = 144 each, 28,800 in all), each with its history (submitted by
//    the strategy's reporter, approved by its owner), as `submitValue` and `reviewValue` leave them;
//  - 60 generated Atlas initiatives (samples) and accepted links to them from about a quarter of the actions.
// The strategy, its indicators, values and initiative links are samples; its actions and budget lines are not:
// the execution rates leave samples out (budget.service.ts), so sample lines would leave the dashboard and the
// region pages nothing to total — the database is the bench's own and is dropped after.
//
// Then, timed from scratch as a planner of the strategy (a context with a planner grant and a local file store):
// the programme's export (the functions `/{lang}/strategy/{slug}/export?format=xlsx` runs: actions, budget lines
// and the structure), changed on every budget line as in a spreadsheet (executed + 1 where it stays ≤ committed,
// else planned + 1), read back with `previewProgrammeImport` and written with `applyProgrammeImport` — target:
// preview + apply ≤ 10 s; then the same workbook without its identifiers imported into a new empty strategy
// (a strategy started from a spreadsheet: its 130 domains, programmes and objectives, its actions and its lines
// all created from the file, by title), same target, the strategy removed after.
//
// Then the built server on 127.0.0.1 and autocannon at C connections (20) for D seconds (≤ 120) on:
//  - the strategy's dashboard, `/{lang}/strategy/{slug}` — what a person calls the strategy dashboard: the
//    budget execution by domain, region and year, the gap views (regions without actions by domain, actions
//    without initiatives) and the tree of actions with their initiatives;
//  - its results page, `/{lang}/strategy/{slug}/results` — the indicators' dashboard: the indicators counted by
//    domain and traffic light, and the first 50 with their latest year's target, approved value and light (the
//    others a domain or a page away; one indicator's years and regions on its page) — the page's weight is also
//    given for one domain's list (`?domain=`);
//  - a region's page, `/{lang}/strategy/regions/{code}` — the region's actions, budget, initiatives and progress.
// Every request is one never asked before: the dashboard with filters of its own (a set of regions — half of
// them all 12 in a new order, the whole tree —, domains, statuses, the gap view) in one of the three languages;
// the results and region pages (which take only the language and the region) in the three languages and the 12
// regions, with a parameter they ignore (`v`) so that no address is repeated. None of these pages is cached: the
// Strategy module declares no `publicCaches` (src/platform/cache/public-response-cache.ts answers only the
// routes modules declare) and reads no revision cache; every request reads the database and renders.
// Prints p50/p95/p99, requests/s, errors and PASS/FAIL against 100 ms, then each page's one-caller p50 against
// the same services called through the driver (the ratio: the app's overhead over its queries), with the p50 of
// each service call (where the time goes).
// Options: --actions N (500), --indicators N (200), --sources S (2–6, 4), --duration S (≤ 120, 20),
// --connections C (20), --skip-load (the fill and the import only), --cpu-prof DIR (the server writes a V8 CPU
// profile there when it stops), --pages DIR (no load: the HTML of one request of each page written there, with
// its size by section, then 30 requests of each page by one caller — with --cpu-prof, a profile of just those).
import '../../src/compose.ts';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import ExcelJS from 'exceljs';
import { eq, sql } from 'drizzle-orm';
import { systemContext } from '../../src/platform/audit/audit.service.ts';
import { createUserAccount } from '../../src/platform/cli/users.ts';
import { grantRoleByEmail } from '../../src/platform/accounts/grant.service.ts';
import { organisation } from '../../src/platform/accounts/accounts.table.ts';
import type { Db } from '../../src/platform/db/database.ts';
import { regions } from '../../src/platform/geo/morocco.ts';
import type { Language } from '../../src/platform/i18n/languages.ts';
import { translate } from '../../src/platform/i18n/translator.ts';
import { createContext } from '../../src/platform/kernel/context.ts';
import { linkChoices } from '../../src/platform/kernel/links.ts';
import type { Actor } from '../../src/platform/policy/policy.ts';
import { localFileStore } from '../../src/platform/storage/file-store.ts';
import { generateInitiatives } from '../../src/modules/atlas/generate.ts';
import { GCM_OBJECTIVES, SDG_TARGETS } from '../../src/modules/strategy/codelists.ts';
import { NODE_STATUSES, type NodeStatus } from '../../src/modules/strategy/strategy.model.ts';
import type { TreeFilters } from '../../src/modules/strategy/strategy.schemas.ts';
import { actionRows, actionsInRegion, countActions, strategyBySlug, strategyResource, strategyWithTree } from '../../src/modules/strategy/strategy.service.ts';
import { budgetInRegion, budgetLinesOfMany, executionRates } from '../../src/modules/strategy/budget.service.ts';
import { indicatorsOf, progressInRegion, regionsWithoutActions } from '../../src/modules/strategy/results.service.ts';
import { acceptedCounts, initiativesInRegion, keepActions } from '../../src/modules/strategy/initiative-links.service.ts';
import { actionsXlsx, actionTable, budgetTable, structureTable } from '../../src/modules/strategy/strategy-export.ts';
import { applyProgrammeImport, planProgrammeImport, previewProgrammeImport } from '../../src/modules/strategy/programme-import.ts';
import { readWorkbook } from '../../src/platform/tabular/spreadsheet.ts';
import { rowsOf } from '../../src/platform/db/rows.ts';
import {
	actionInitiative,
	budgetLine,
	indicator,
	indicatorTarget,
	indicatorValue,
	indicatorValueEvent,
	node,
	nodePartner,
	nodeRegion,
	nodeTag,
	strategy,
	type Translated
} from '../../src/modules/strategy/strategy.table.ts';
import { percentile } from './page-weight.ts';
import { measure, oneCallerP50, P95_NOTE, printLoadTable, startBenchServer, type LoadRow } from './load.ts';

const { values } = parseArgs({
	options: {
		actions: { type: 'string', default: '500' },
		indicators: { type: 'string', default: '200' },
		sources: { type: 'string', default: '4' },
		duration: { type: 'string', default: '20' },
		connections: { type: 'string', default: '20' },
		'skip-load': { type: 'boolean', default: false },
		'cpu-prof': { type: 'string' },
		pages: { type: 'string' }
	}
});
const actionCount = Number(values.actions);
const indicatorCount = Number(values.indicators);
const maxSources = Number(values.sources);
const duration = Number(values.duration);
const connections = Number(values.connections);
if (![actionCount, indicatorCount, maxSources, duration, connections].every((n) => Number.isInteger(n) && n > 0) || duration > 120 || maxSources < 2 || maxSources > 6 || actionCount > 5000 || indicatorCount > 2000) {
	console.error('Usage: npm run bench:strategy [-- --actions N (≤ 5000) --indicators N (≤ 2000) --sources S (2–6) --duration S (≤ 120) --connections C --skip-load --cpu-prof DIR --pages DIR]');
	process.exit(2);
}

const SLUG = 'exemple-programme-mesure';
const FIRST_YEAR = 2015;
const YEARS = Array.from({ length: 12 }, (_, index) => FIRST_YEAR + index);
const LAST_YEAR = YEARS.at(-1)!;
const TARGET_MS = 100;
const IMPORT_TARGET_SECONDS = 10;
const languages: Language[] = ['fr', 'ar', 'en'];
const PLANNER = { email: 'planificateur@bench.sharaka.invalid', password: 'bench-strategy-2026' };
const REPORTER = { email: 'rapporteur@bench.sharaka.invalid', password: 'bench-strategy-2026' };
const OWNER = { email: 'responsable@bench.sharaka.invalid', password: 'bench-strategy-2026' };
const SAMPLE_SOURCE = [{ citation: 'Exemple fictif (données de mesure)' }];

/** A small deterministic sequence (the same strategy on every run). */
function sequence(seed: number) {
	let state = seed;
	return () => {
		state = (state * 1103515245 + 12345) % 2147483648;
		return state / 2147483648;
	};
}
const random = sequence(2026);
const pickOf = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
/** k distinct items of the list, in a random order. */
function some<T>(list: readonly T[], k: number): T[] {
	const pool = [...list];
	for (let index = pool.length - 1; index > 0; index--) {
		const other = Math.floor(random() * (index + 1));
		[pool[index], pool[other]] = [pool[other], pool[index]];
	}
	return pool.slice(0, Math.min(k, pool.length));
}
const money = (value: number) => Math.round(value * 100) / 100;

async function chunked<R>(rows: R[], size: number, write: (chunk: R[]) => Promise<unknown>) {
	for (let start = 0; start < rows.length; start += size) await write(rows.slice(start, start + size));
}

const domainThemes: Translated[] = [
	{ fr: 'Éducation et culture', ar: 'التربية والثقافة', en: 'Education and culture' },
	{ fr: 'Santé', ar: 'الصحة', en: 'Health' },
	{ fr: 'Logement', ar: 'السكن', en: 'Housing' },
	{ fr: 'Protection sociale', ar: 'الحماية الاجتماعية', en: 'Social protection' },
	{ fr: 'Emploi', ar: 'الشغل', en: 'Employment' },
	{ fr: 'Lutte contre la traite des êtres humains', ar: 'محاربة الاتجار بالبشر', en: 'Fighting trafficking in human beings' },
	{ fr: 'Coopération internationale', ar: 'التعاون الدولي', en: 'International cooperation' },
	{ fr: 'Gouvernance', ar: 'الحكامة', en: 'Governance' },
	{ fr: 'Formation professionnelle', ar: 'التكوين المهني', en: 'Vocational training' },
	{ fr: 'Assistance humanitaire', ar: 'المساعدة الإنسانية', en: 'Humanitarian assistance' }
];
const actionKinds: Translated[] = [
	{ fr: 'Atelier d’orientation', ar: 'ورشة توجيه', en: 'Guidance workshop' },
	{ fr: 'Session de formation', ar: 'دورة تكوينية', en: 'Training session' },
	{ fr: 'Permanence d’accueil', ar: 'مداومة للاستقبال', en: 'Drop-in desk' },
	{ fr: 'Campagne de sensibilisation', ar: 'حملة تحسيسية', en: 'Awareness campaign' },
	{ fr: 'Accompagnement individuel', ar: 'مواكبة فردية', en: 'One-to-one support' },
	{ fr: 'Étude régionale', ar: 'دراسة جهوية', en: 'Regional study' }
];
const fundingSources = [
	{ name: 'Budget général de l’État', currency: 'MAD' },
	{ name: 'Appui budgétaire de l’Union européenne', currency: 'EUR' },
	{ name: 'Coopération allemande (GIZ)', currency: 'EUR' },
	{ name: 'Conseil régional', currency: 'MAD' },
	{ name: 'Agence française de développement', currency: 'EUR' },
	{ name: 'Organisation internationale pour les migrations', currency: 'USD' }
];
const measures: { definition: Translated; unit: Translated; level: 'output' | 'outcome'; scale: number }[] = [
	{ definition: { fr: 'migrants accompagnés', ar: 'مهاجرون تمت مواكبتهم', en: 'migrants supported' }, unit: { fr: 'personnes', ar: 'أشخاص', en: 'people' }, level: 'output', scale: 2400 },
	{ definition: { fr: 'sessions tenues', ar: 'دورات منظمة', en: 'sessions held' }, unit: { fr: 'sessions', ar: 'دورات', en: 'sessions' }, level: 'output', scale: 180 },
	{ definition: { fr: 'part des bénéficiaires en emploi six mois après', ar: 'نسبة المستفيدين الذين يشتغلون بعد ستة أشهر', en: 'share of beneficiaries in work six months later' }, unit: { fr: '%', ar: '٪', en: '%' }, level: 'outcome', scale: 420 },
	{ definition: { fr: 'structures d’accueil ouvertes', ar: 'بنيات استقبال مفتوحة', en: 'reception facilities open' }, unit: { fr: 'structures', ar: 'بنيات', en: 'facilities' }, level: 'output', scale: 60 }
];

const titled = (prefix: Translated, text: Translated, suffix: Translated = {}): Translated => ({
	fr: `Exemple : ${prefix.fr ?? ''}${text.fr}${suffix.fr ?? ''}`,
	ar: `مثال: ${prefix.ar ?? ''}${text.ar}${suffix.ar ?? ''}`,
	en: `Example: ${prefix.en ?? ''}${text.en}${suffix.en ?? ''}`
});

// ---- what the fill leaves for the requests ----
let domainIds: string[] = [];
const counts: Record<string, number> = {};
let fillSeconds = NaN;
let exportSeconds = NaN;
let exportBytes = 0;
let previewSeconds = NaN;
let applySeconds = NaN;
let importOutcome = '';
let importOk = false;
let importBreakdown = '';
let freshPreviewSeconds = NaN;
let freshApplySeconds = NaN;
let freshOutcome = '';
let freshOk = false;
const direct: Record<string, { total: number[]; steps: Map<string, number[]> }> = {};

/** The bench's strategy at scale, in bulk; returns the planner's id. */
async function fill(db: Db): Promise<string> {
	const cli = systemContext('cli');
	const people: Record<string, string> = {};
	for (const [key, account, name] of [
		['planner', PLANNER, 'Planificatrice (mesure)'],
		['reporter', REPORTER, 'Rapporteur régional (mesure)'],
		['owner', OWNER, 'Responsable de la stratégie (mesure)']
	] as const) {
		people[key] = (await createUserAccount(db, cli, { email: account.email, name, role: 'member', password: account.password })).id;
	}
	const orgs = (await db.select({ id: organisation.id }).from(organisation).orderBy(organisation.slug).limit(40)).map((row) => row.id);
	const now = new Date();
	const currentYear = now.getUTCFullYear();

	const strategyId = crypto.randomUUID();
	await db.insert(strategy).values({
		id: strategyId,
		slug: SLUG,
		title: titled({}, { fr: `programme national de mesure (${actionCount} actions)`, ar: `البرنامج الوطني للقياس (${actionCount} إجراء)`, en: `national measurement programme (${actionCount} actions)` }),
		summary: titled({}, { fr: 'stratégie fictive remplie pour mesurer les pages à l’échelle de l’issue #13.', ar: 'استراتيجية وهمية لقياس الصفحات.', en: 'a fictional strategy filled to measure the pages at scale.' }),
		country: 'MA',
		ownerOrganisationId: orgs[0] ?? null,
		periodStart: FIRST_YEAR,
		periodEnd: LAST_YEAR,
		status: 'active',
		published: true,
		sources: SAMPLE_SOURCE,
		isSample: true,
		createdBy: people.planner,
		createdAt: now,
		updatedAt: now
	});
	for (const [role, key] of [['strategy:planner', PLANNER], ['strategy:reporter', REPORTER], ['strategy:owner', OWNER]] as const) {
		await grantRoleByEmail(createContext({ db, actor: null, audit: cli }), key.email, { role, scope: SLUG });
	}

	// ── the tree ──
	type NodeInsert = typeof node.$inferInsert;
	const nodes: NodeInsert[] = [];
	const regionRows: { nodeId: string; region: string }[] = [];
	const partnerRows: { nodeId: string; organisationId: string }[] = [];
	const tagRows: { nodeId: string; scheme: 'gcm' | 'sdg'; code: string }[] = [];
	const objectives: string[] = [];
	const nodeBase = { strategyId, originalLanguage: 'fr', sources: SAMPLE_SOURCE, isSample: false, createdAt: now, updatedAt: now, description: {} };
	domainIds = [];
	domainThemes.forEach((theme, d) => {
		const domainId = crypto.randomUUID();
		domainIds.push(domainId);
		nodes.push({ ...nodeBase, id: domainId, parentId: null, kind: 'domain', position: d, title: titled({}, theme), periodStart: FIRST_YEAR, periodEnd: LAST_YEAR, status: 'ongoing' });
		for (let p = 0; p < 3; p++) {
			const programmeId = crypto.randomUUID();
			const programmeTitle = titled({ fr: `programme ${d + 1}.${p + 1} — `, ar: `البرنامج ${d + 1}.${p + 1} — `, en: `programme ${d + 1}.${p + 1} — ` }, theme);
			nodes.push({ ...nodeBase, id: programmeId, parentId: domainId, kind: 'programme', position: p, title: programmeTitle, leadOrganisationId: orgs.length ? pickOf(orgs) : null, periodStart: FIRST_YEAR, periodEnd: LAST_YEAR, status: 'ongoing' });
			for (let o = 0; o < 3; o++) {
				const objectiveId = crypto.randomUUID();
				objectives.push(objectiveId);
				nodes.push({
					...nodeBase,
					id: objectiveId,
					parentId: programmeId,
					kind: 'objective',
					position: o,
					title: titled({ fr: `objectif ${d + 1}.${p + 1}.${o + 1} — `, ar: `الهدف ${d + 1}.${p + 1}.${o + 1} — `, en: `objective ${d + 1}.${p + 1}.${o + 1} — ` }, theme),
					periodStart: FIRST_YEAR,
					periodEnd: LAST_YEAR,
					status: 'ongoing'
				});
			}
		}
	});
	const actions: { id: string; national: boolean; regions: string[] }[] = [];
	const positions = new Map<string, number>();
	for (let index = 0; index < actionCount; index++) {
		const id = crypto.randomUUID();
		const parentId = objectives[index % objectives.length];
		const position = positions.get(parentId) ?? 0;
		positions.set(parentId, position + 1);
		const national = random() < 0.1;
		const places = national ? [] : some(regions, 1 + Math.floor(random() * 3)).map((region) => region.iso);
		const first = regions.find((region) => region.iso === places[0]);
		const kind = pickOf(actionKinds);
		const status: NodeStatus = pickOf(['ongoing', 'ongoing', 'ongoing', 'done', 'planned', 'suspended'] as const);
		nodes.push({
			...nodeBase,
			id,
			parentId,
			kind: 'action',
			position,
			title: titled({}, kind, first ? { fr: ` n° ${index + 1} — ${first.nameFr}`, ar: ` رقم ${index + 1} — ${first.nameAr}`, en: ` no. ${index + 1} — ${first.nameEn}` } : { fr: ` n° ${index + 1} — national`, ar: ` رقم ${index + 1} — وطني`, en: ` no. ${index + 1} — national` }),
			description: titled({}, { fr: 'action fictive de la mesure, avec ses lignes budgétaires sur douze ans.', ar: 'إجراء وهمي للقياس بخطوط ميزانيته على مدى اثنتي عشرة سنة.', en: 'a fictional action of the measurement, with twelve years of budget lines.' }),
			leadOrganisationId: orgs.length ? pickOf(orgs) : null,
			periodStart: FIRST_YEAR,
			periodEnd: LAST_YEAR,
			status,
			national
		});
		for (const region of places) regionRows.push({ nodeId: id, region });
		for (const organisationId of some(orgs, Math.floor(random() * 3))) partnerRows.push({ nodeId: id, organisationId });
		for (const code of some(GCM_OBJECTIVES, 1 + Math.floor(random() * 2))) tagRows.push({ nodeId: id, scheme: 'gcm', code });
		if (random() < 0.5) tagRows.push({ nodeId: id, scheme: 'sdg', code: pickOf(SDG_TARGETS) });
		actions.push({ id, national, regions: places });
	}
	// parents before children (the foreign key): domains, programmes, objectives, then actions
	await chunked(nodes, 500, (chunk) => db.insert(node).values(chunk));
	await chunked(regionRows, 2000, (chunk) => db.insert(nodeRegion).values(chunk));
	await chunked(partnerRows, 2000, (chunk) => db.insert(nodePartner).values(chunk));
	await chunked(tagRows, 2000, (chunk) => db.insert(nodeTag).values(chunk));

	// ── budget lines: every action, every year, 2 to S funding sources ──
	const lines: (typeof budgetLine.$inferInsert)[] = [];
	for (const action of actions) {
		const sources = some(fundingSources, 2 + Math.floor(random() * (maxSources - 1)));
		for (const source of sources) {
			const yearly = 50_000 + Math.floor(random() * 40) * 25_000;
			for (const year of YEARS) {
				const planned = money(yearly * (0.8 + random() * 0.4));
				let committed = 0;
				let executed = 0;
				let note: string | null = null;
				if (year < currentYear) {
					committed = money(planned * (0.6 + random() * 0.4));
					if (random() < 1 / 30) {
						executed = money(committed * 1.05);
						note = 'Exemple : dépassement couvert par un engagement complémentaire en fin d’exercice.';
					} else executed = money(committed * (0.4 + random() * 0.6));
				} else if (year === currentYear) {
					committed = money(planned * (0.3 + random() * 0.4));
					executed = money(committed * random() * 0.8);
				}
				lines.push({ nodeId: action.id, year, fundingSource: source.name, currency: source.currency, planned, committed, executed, note, isSample: false, createdAt: now, updatedAt: now });
			}
		}
	}
	await chunked(lines, 1000, (chunk) => db.insert(budgetLine).values(chunk));

	// ── indicators, targets, approved regional values and their history ──
	const indicatorRows: (typeof indicator.$inferInsert)[] = [];
	const targetRows: (typeof indicatorTarget.$inferInsert)[] = [];
	const valueRows: (typeof indicatorValue.$inferInsert)[] = [];
	const eventRows: (typeof indicatorValueEvent.$inferInsert)[] = [];
	for (let index = 0; index < indicatorCount; index++) {
		const id = crypto.randomUUID();
		const measure = measures[index % measures.length];
		const theme = domainThemes[index % domainThemes.length];
		// on an objective, or one action in three
		const nodeId = index % 3 === 2 ? actions[index % actions.length].id : objectives[index % objectives.length];
		const perRegion = measure.scale * (0.5 + random());
		indicatorRows.push({
			id,
			strategyId,
			nodeId,
			code: `EX-${String(index + 1).padStart(3, '0')}`,
			definition: titled({}, measure.definition, { fr: ` (${theme.fr})`, ar: ` (${theme.ar})`, en: ` (${theme.en})` }),
			unit: measure.unit,
			level: measure.level,
			disaggregations: index % 2 ? ['sex', 'region'] : ['region'],
			baselineValue: Math.round(perRegion * 2),
			baselineYear: FIRST_YEAR,
			isSample: true,
			createdAt: now,
			updatedAt: now
		});
		for (const year of YEARS) {
			const target = Math.round(perRegion * regions.length * (1 + (year - FIRST_YEAR) * 0.08));
			targetRows.push({ indicatorId: id, year, value: target });
			for (const region of regions) {
				const valueId = crypto.randomUUID();
				const value = Math.round((target / regions.length) * (0.55 + random() * 0.65));
				const submittedAt = new Date(Date.UTC(year, 10, 2 + Math.floor(random() * 10), 9));
				const approvedAt = new Date(submittedAt.getTime() + (2 + Math.floor(random() * 10)) * 86_400_000);
				const evidenceUrl = random() < 0.5 ? `https://exemple.invalid/rapports/${year}/${region.iso}/EX-${index + 1}.pdf` : null;
				valueRows.push({ id: valueId, indicatorId: id, year, region: region.iso, value, comment: 'Exemple : valeur consolidée par la direction régionale.', evidenceUrl, status: 'approved', reporterId: people.reporter, isSample: true, createdAt: submittedAt, updatedAt: approvedAt });
				eventRows.push({ valueId, kind: 'submitted', actorId: people.reporter, value, reason: 'Exemple : valeur consolidée par la direction régionale.', at: submittedAt });
				eventRows.push({ valueId, kind: 'approved', actorId: people.owner, value: null, reason: null, at: approvedAt });
			}
		}
	}
	await chunked(indicatorRows, 500, (chunk) => db.insert(indicator).values(chunk));
	await chunked(targetRows, 2000, (chunk) => db.insert(indicatorTarget).values(chunk));
	await chunked(valueRows, 1000, (chunk) => db.insert(indicatorValue).values(chunk));
	await chunked(eventRows, 2000, (chunk) => db.insert(indicatorValueEvent).values(chunk));

	// ── Atlas initiatives on the ground, accepted for about a quarter of the actions ──
	await generateInitiatives(createContext({ db, actor: null, audit: cli }), 60, { prefix: 'mesure-strategie' });
	const initiatives = (await linkChoices(db, 'atlas.initiative', 'fr')).map((choice) => choice.value);
	const links: (typeof actionInitiative.$inferInsert)[] = [];
	for (const action of actions) {
		if (random() >= 0.25 || !initiatives.length) continue;
		for (const initiative of some(initiatives, 1 + Math.floor(random() * 2))) {
			const proposedAt = new Date(Date.UTC(2020 + Math.floor(random() * 6), Math.floor(random() * 12), 10));
			links.push({ nodeId: action.id, initiative, status: 'accepted', note: 'Exemple : l’initiative contribue à l’action dans la région.', noteLanguage: 'fr', proposedBy: people.planner, proposedAt, decidedBy: people.owner, decidedAt: new Date(proposedAt.getTime() + 7 * 86_400_000), isSample: true });
		}
	}
	await chunked(links, 1000, (chunk) => db.insert(actionInitiative).values(chunk));

	const placesOf = new Map(actions.map((action) => [action.id, action.regions.length]));
	Object.assign(counts, {
		nodes: nodes.length,
		actions: actions.length,
		'action regions': regionRows.length,
		'national actions': actions.filter((action) => action.national).length,
		'budget lines': lines.length,
		'region-year-lines (a national action\'s once)': lines.reduce((sum, line) => sum + Math.max(1, placesOf.get(line.nodeId)!), 0),
		indicators: indicatorRows.length,
		targets: targetRows.length,
		'approved values': valueRows.length,
		'value events': eventRows.length,
		'accepted initiative links': links.length
	});
	return people.planner;
}

/** A database in service has been vacuumed since its rows came (autovacuum); right after a bulk load it has not. */
const vacuum = (db: Db) => db.execute(sql`VACUUM ANALYZE strategy.strategy, strategy.node, strategy.node_region, strategy.node_partner, strategy.node_tag, strategy.budget_line, strategy.indicator, strategy.indicator_target, strategy.indicator_value, strategy.indicator_value_event, strategy.action_initiative`);

/** The export as the plan page offers it (the route's functions), changed on every budget line, then previewed and applied as the planner. */
async function timeImport(db: Db, plannerId: string) {
	const planner: Actor = { userId: plannerId, role: 'member', organisationIds: [], grants: [{ module: 'strategy', role: 'planner', organisationId: null, scope: SLUG }] };
	const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sharaka-bench-strategy-files-'));
	try {
		const ctxOf = () => createContext({ db, actor: planner, language: 'fr', audit: { actorUserId: plannerId, actorLabel: 'bench', channel: 'web' }, files: localFileStore(filesDir) });
		const ctx = ctxOf();
		let started = performance.now();
		const { detail, rows } = await actionRows(db, SLUG, 'fr', {}, { canPlan: (row) => ctx.can('strategy.plan', strategyResource(row)) });
		const lines = await budgetLinesOfMany(db, rows.map((row) => row.action.id));
		const table = actionTable(rows, 'fr');
		const budget = budgetTable(lines, new Map(rows.map((row) => [row.action.id, row.action.title])));
		const named = (key: string, sheetRows: (string | number)[][]) => ({ name: translate('fr', key), rows: sheetRows });
		const exported = await actionsXlsx(table, translate('fr', 'strategy.col_actions'), 'fr', named('strategy.budget_title', budget), named('strategy.import_sheet_structure', structureTable(detail.tree, 'fr')));
		exportSeconds = (performance.now() - started) / 1000;
		exportBytes = exported.byteLength;

		// the planner's spreadsheet: every budget line changed
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load(exported as unknown as ArrayBuffer);
		const sheet = workbook.worksheets[1];
		const header = (sheet.getRow(1).values as unknown[]).map((cell) => String(cell ?? ''));
		const [plannedAt, committedAt, executedAt] = ['planned', 'committed', 'executed'].map((name) => header.indexOf(name));
		let changed = 0;
		for (let index = 2; index <= sheet.rowCount; index++) {
			const row = sheet.getRow(index);
			const executed = Number(row.getCell(executedAt).value);
			if (executed + 1 <= Number(row.getCell(committedAt).value)) row.getCell(executedAt).value = executed + 1;
			else row.getCell(plannedAt).value = Number(row.getCell(plannedAt).value) + 1;
			changed++;
		}
		const edited = new Uint8Array(await workbook.xlsx.writeBuffer());

		// timed from scratch: a new context, the file read, checked, stored; then read again and written
		started = performance.now();
		const preview = await previewProgrammeImport(ctxOf(), SLUG, edited);
		previewSeconds = (performance.now() - started) / 1000;
		started = performance.now();
		const applied = await applyProgrammeImport(ctxOf(), SLUG, preview);
		applySeconds = (performance.now() - started) / 1000;
		importOk = preview.problems.length === 0 && applied.lines === lines.length && changed === lines.length;
		// where the time goes: reading the workbook and checking it against the programme, which the preview
		// and the apply each do once (the apply's rest: the programme's state, the writes and the audit event)
		started = performance.now();
		const sheets = (await readWorkbook(edited, { maxRows: 100_000 }))!;
		const readSeconds = (performance.now() - started) / 1000;
		started = performance.now();
		await planProgrammeImport(db, await strategyBySlug(db, SLUG), sheets);
		const planSeconds = (performance.now() - started) / 1000;
		const [audit] = rowsOf<{ stored: number; text: number }>(
			await db.execute(sql`select pg_column_size(after)::int as stored, length(after::text)::int as text from audit_event where action = 'strategy_programme.import' order by occurred_at desc limit 1`)
		);
		importBreakdown = `reading the workbook ${readSeconds.toFixed(2)} s and checking it against the programme ${planSeconds.toFixed(2)} s (each done by the preview and again by the apply); the import's audit event holds ${(audit.text / 1024 / 1024).toFixed(1)} MB of JSON (${(audit.stored / 1024 / 1024).toFixed(1)} MB stored)`;
		importOutcome = `${preview.unchangedNodes} domains, programmes and objectives (unchanged), ${rows.length} actions (${preview.unchangedActions} unchanged), ${lines.length} budget lines, ${changed} changed in the file; preview: ${preview.budget.length} changes, ${preview.problems.length} problems; applied: ${applied.lines} lines`;
		await timeFreshImport(db, plannerId, workbook, { nodes: preview.unchangedNodes, actions: rows.length, lines: lines.length }, filesDir);
	} finally {
		fs.rmSync(filesDir, { recursive: true, force: true });
	}
}

/**
 * A strategy started from a spreadsheet: the same workbook without identifiers — each domain, programme and
 * objective under its parent's title, each action under its objective's, each budget line naming its action by
 * title — imported into a new empty strategy (every node and line created), previewed and applied as its planner;
 * the strategy removed after (the pages measured are the first one's).
 */
async function timeFreshImport(db: Db, plannerId: string, workbook: ExcelJS.Workbook, expected: { nodes: number; actions: number; lines: number }, filesDir: string) {
	const slug = `${SLUG}-tableur`;
	const now = new Date();
	const [created] = await db
		.insert(strategy)
		.values({ slug, title: { fr: 'programme de mesure partie d’un tableur' }, country: 'MA', periodStart: FIRST_YEAR, periodEnd: LAST_YEAR, status: 'draft', published: false, sources: SAMPLE_SOURCE, isSample: true, createdAt: now, updatedAt: now })
		.returning({ id: strategy.id });
	try {
		const [actions, budget, structure] = workbook.worksheets;
		const blank = (sheet: ExcelJS.Worksheet, names: string[]) => {
			const header = (sheet.getRow(1).values as unknown[]).map((cell) => String(cell ?? ''));
			for (let index = 2; index <= sheet.rowCount; index++) for (const name of names) sheet.getRow(index).getCell(header.indexOf(name)).value = null;
		};
		blank(structure, ['id', 'parent_id']);
		blank(actions, ['id', 'objective_id']);
		blank(budget, ['action_id']);
		const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
		const planner: Actor = { userId: plannerId, role: 'member', organisationIds: [], grants: [{ module: 'strategy', role: 'planner', organisationId: null, scope: slug }] };
		const ctxOf = () => createContext({ db, actor: planner, language: 'fr', audit: { actorUserId: plannerId, actorLabel: 'bench', channel: 'web' }, files: localFileStore(filesDir) });
		let started = performance.now();
		const preview = await previewProgrammeImport(ctxOf(), slug, bytes);
		freshPreviewSeconds = (performance.now() - started) / 1000;
		started = performance.now();
		const applied = preview.problems.length ? null : await applyProgrammeImport(ctxOf(), slug, preview);
		freshApplySeconds = (performance.now() - started) / 1000;
		freshOk = !!applied && applied.nodes === expected.nodes && applied.created === expected.actions && applied.lines === expected.lines;
		freshOutcome = `preview: ${preview.newNodes.length} new domains, programmes and objectives, ${preview.newActions.length} new actions, ${preview.budget.length} new lines, ${preview.problems.length} problems${preview.problems.length ? ` (first: ${JSON.stringify(preview.problems[0])})` : ''}; applied: ${applied ? `${applied.nodes} nodes, ${applied.created} actions, ${applied.lines} lines` : 'no'}`;
	} finally {
		await db.delete(strategy).where(eq(strategy.id, created.id));
	}
}

/** Bytes of a page by section: before <main>, then each part of <main> from one h2 to the next, then after. */
function sectionSizes(html: string): string {
	const kb = (text: string) => `${(Buffer.byteLength(text) / 1024).toFixed(1)} KB`;
	const start = html.indexOf('<main');
	const end = html.indexOf('</main>');
	if (start < 0 || end < 0) return kb(html);
	const main = html.slice(start, end);
	const parts = main.split(/(?=<h2[\s>])/);
	return [`head and header ${kb(html.slice(0, start))}`, ...parts.map((part) => `${(/<h2[^>]*>([\s\S]*?)<\/h2>/.exec(part)?.[1] ?? 'top').replace(/<[^>]+>/g, '').trim().slice(0, 40)} ${kb(part)}`), `footer ${kb(html.slice(end))}`].join('; ');
}

// ---- requests never asked before ----
const seen = new Set<string>();
let draw = 0;
const next = (make: (n: number) => string): string => {
	for (;;) {
		const made = make(draw++);
		if (!seen.has(made)) {
			seen.add(made);
			return made;
		}
	}
};

interface DashboardAsk {
	language: Language;
	filters: TreeFilters;
	without: boolean;
}
/** Filters of their own: half the time all 12 regions in a new order (the whole tree), else a few regions, domains and statuses. */
function dashboardAsk(): DashboardAsk {
	let ask: DashboardAsk = { language: 'fr', filters: {}, without: false };
	next((n) => {
		const language = languages[n % 3];
		const whole = n % 2 === 0;
		const region = (whole ? some(regions, 12) : some(regions, Math.floor(random() * 4))).map((entry) => entry.iso);
		const domain = whole ? [] : some(domainIds, Math.floor(random() * 3));
		const status = whole ? [] : some(NODE_STATUSES, Math.floor(random() * 3));
		const without = random() < 0.2;
		ask = { language, filters: { region: region.length ? region : undefined, domain: domain.length ? domain : undefined, status: status.length ? [...status] : undefined }, without };
		return dashboardPath(ask);
	});
	return ask;
}
function dashboardPath(ask: DashboardAsk): string {
	const query = new URLSearchParams();
	for (const value of ask.filters.region ?? []) query.append('region', value);
	for (const value of ask.filters.domain ?? []) query.append('domain', value);
	for (const value of ask.filters.status ?? []) query.append('status', value);
	if (ask.without) query.set('without', 'initiatives');
	const search = query.toString();
	return `/${ask.language}/strategy/${SLUG}${search ? `?${search}` : ''}`;
}
/** The results page's first page of all indicators, in the three languages in turn, each address with a parameter it ignores. */
function resultsAsk(): { language: Language; path: string } {
	let ask = { language: 'fr' as Language, path: '' };
	next((n) => {
		ask = { language: languages[n % 3], path: `/${languages[n % 3]}/strategy/${SLUG}/results?v=${n}` };
		return ask.path;
	});
	return ask;
}
/** The region page takes its language and region: the 36 in turn, each address with a parameter it ignores. */
function regionAsk(): { language: Language; region: string; path: string } {
	let ask = { language: 'fr' as Language, region: '', path: '' };
	next((n) => {
		const language = languages[n % 3];
		const region = regions[Math.floor(n / 3) % regions.length].iso;
		ask = { language, region, path: `/${language}/strategy/regions/${region}?v=${n}` };
		return ask.path;
	});
	return ask;
}

// ---- the pages' work through the services, one caller (as the pages' load functions run it) ----
async function timedSteps(name: string, runs: number, work: (step: <T>(label: string, call: () => Promise<T> | T) => Promise<T>) => Promise<void>) {
	const entry: { total: number[]; steps: Map<string, number[]> } = { total: [], steps: new Map() };
	direct[name] = entry;
	for (let run = 0; run < runs; run++) {
		const times = new Map<string, number>();
		const step = async <T>(label: string, call: () => Promise<T> | T): Promise<T> => {
			const started = performance.now();
			const result = await call();
			times.set(label, (times.get(label) ?? 0) + performance.now() - started);
			return result;
		};
		const started = performance.now();
		await work(step);
		if (run < 3) continue; // warming up
		entry.total.push(performance.now() - started);
		for (const [label, ms] of times) entry.steps.set(label, [...(entry.steps.get(label) ?? []), ms]);
	}
}

async function timeServices(db: Db) {
	await timedSteps('dashboard', 23, async (step) => {
		const ask = dashboardAsk();
		const { detail: found, whole } = await step('strategyWithTree (the tree read once, filtered)', () => strategyWithTree(db, SLUG, ask.language, ask.filters, { canPlan: () => false }));
		const accepted = await step('acceptedCounts', () => acceptedCounts(db, found.id));
		await step('counts and gaps (in memory)', () => {
			const tree = ask.without ? keepActions(found.tree, (action) => !accepted.has(action.id)) : found.tree;
			countActions(tree);
			countActions(keepActions(whole, (action) => !accepted.has(action.id)));
			regionsWithoutActions(whole);
		});
		await step('executionRates', () => executionRates(db, found.id));
	});
	await timedSteps('results', 23, async (step) => {
		const ask = resultsAsk();
		const row = await step('strategyBySlug', () => strategyBySlug(db, SLUG));
		await step('indicatorsOf', () => indicatorsOf(db, row, ask.language));
	});
	await timedSteps('region', 23, async (step) => {
		const ask = regionAsk();
		await step('actionsInRegion', () => actionsInRegion(db, ask.region, ask.language));
		await step('progressInRegion', () => progressInRegion(db, ask.region, ask.language));
		await step('initiativesInRegion', () => initiativesInRegion(db, ask.region, ask.language));
		await step('budgetInRegion', () => budgetInRegion(db, ask.region, ask.language));
	});
}

const serverEnv: Record<string, string> = { DEMO_DATA: 'false', LOG_LEVEL: 'warn', RATE_LIMIT_MAX_PER_IP: '10000000' };
if (values['cpu-prof']) {
	fs.mkdirSync(values['cpu-prof'], { recursive: true });
	serverEnv.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --cpu-prof --cpu-prof-dir=${path.resolve(values['cpu-prof'])}`.trim();
}
const server = await startBenchServer({ env: serverEnv, timeout: 3_600_000 }, async (db) => {
	let started = performance.now();
	const plannerId = await fill(db);
	await vacuum(db);
	fillSeconds = (performance.now() - started) / 1000;
	console.log(`filled in ${fillSeconds.toFixed(1)} s: ${Object.entries(counts).map(([name, n]) => `${n} ${name}`).join(', ')}`);
	started = performance.now();
	await timeImport(db, plannerId);
	console.log(`programme import: export ${exportSeconds.toFixed(2)} s, preview ${previewSeconds.toFixed(2)} s, apply ${applySeconds.toFixed(2)} s; into a new strategy: preview ${freshPreviewSeconds.toFixed(2)} s, apply ${freshApplySeconds.toFixed(2)} s`);
	// the import rewrote every line: vacuumed again, as autovacuum would
	await vacuum(db);
	await timeServices(db);
});

const rows: LoadRow[] = [];
const oneCaller: Record<string, number> = {};
const weights: Record<string, string> = {};
let loadBefore = NaN;
const engine = server.database === 'postgresql' ? 'PostgreSQL' : 'PGlite';
try {
	if (!values['skip-load']) {
		// what each page weighs (its HTML), one new address each
		const wholeTree = next(() => dashboardPath({ language: 'fr', filters: { region: some(regions, 12).map((region) => region.iso) }, without: false }));
		for (const [name, address] of [['dashboard (whole tree)', wholeTree], ['results', resultsAsk().path], ['region', regionAsk().path], ['results-domain (a domain\'s indicators)', `${resultsAsk().path}&domain=${domainIds[0]}`]] as const) {
			const response = await fetch(server.baseUrl + address, { headers: { 'accept-encoding': 'identity' } });
			const html = await response.text();
			weights[name] = `${name} ${Math.round(Buffer.byteLength(html) / 1024)} KB (${response.status})`;
			if (values.pages) {
				fs.mkdirSync(values.pages, { recursive: true });
				fs.writeFileSync(path.join(values.pages, `${name.split(' ')[0]}.html`), html);
				console.log(`${weights[name]}: ${sectionSizes(html)}`);
			}
		}
		// one caller first (the ratio), then the load; every address a new one
		oneCaller.dashboard = await oneCallerP50(server.baseUrl, 30, () => dashboardPath(dashboardAsk()));
		oneCaller.results = await oneCallerP50(server.baseUrl, 30, () => resultsAsk().path);
		oneCaller.region = await oneCallerP50(server.baseUrl, 30, () => regionAsk().path);
		const targets = [
			{ name: 'strategy dashboard, new filters', path: () => dashboardPath(dashboardAsk()) },
			{ name: 'results (indicators), new address', path: () => resultsAsk().path },
			{ name: 'region page, new address', path: () => regionAsk().path }
		];
		loadBefore = os.loadavg()[0];
		if (values.pages) targets.length = 0;
		for (const target of targets) {
			// a slow page's requests are waited for (up to 2 minutes each) rather than counted as errors after 10 s
			rows.push(await measure(server.baseUrl, { ...target, p95Target: TARGET_MS, timeout: 120 }, connections, duration));
			// the requests still running when the run ended (not counted) are let finish before the next target
			await fetch(server.baseUrl + target.path()).then((response) => response.arrayBuffer());
		}
	}
} finally {
	await server.stop();
}

console.log(`\nStrategy benchmark on ${engine} — ${os.cpus().length} cores; load average (1 min) ${loadBefore.toFixed(2)} before the load runs, ${os.loadavg()[0].toFixed(2)} at the end`);
console.log(`one strategy, ${YEARS[0]}–${LAST_YEAR}, filled in ${fillSeconds.toFixed(1)} s:`);
console.log(`  ${Object.entries(counts).map(([name, n]) => `${n} ${name}`).join(', ')}`);
const importTotal = previewSeconds + applySeconds;
console.log(`\nXLSX import of the whole programme, as a planner, from scratch (${(exportBytes / 1024 / 1024).toFixed(1)} MB; the export took ${exportSeconds.toFixed(2)} s):`);
console.log(`  preview ${previewSeconds.toFixed(2)} s + apply ${applySeconds.toFixed(2)} s = ${importTotal.toFixed(2)} s (target ≤ ${IMPORT_TARGET_SECONDS} s: ${importTotal <= IMPORT_TARGET_SECONDS && importOk ? 'PASS' : 'FAIL'})`);
console.log(`  ${importOutcome}${importOk ? '' : ' — NOT as expected'}`);
console.log(`  where the time goes: ${importBreakdown}`);
const freshTotal = freshPreviewSeconds + freshApplySeconds;
console.log('XLSX import of the same programme into a new empty strategy (every domain, programme, objective, action and line created from the file):');
console.log(`  preview ${freshPreviewSeconds.toFixed(2)} s + apply ${freshApplySeconds.toFixed(2)} s = ${freshTotal.toFixed(2)} s (target ≤ ${IMPORT_TARGET_SECONDS} s: ${freshTotal <= IMPORT_TARGET_SECONDS && freshOk ? 'PASS' : 'FAIL'})`);
console.log(`  ${freshOutcome}${freshOk ? '' : ' — NOT as expected'}`);
if (rows.length) {
	console.log(`\n${connections} connections, ${duration} s per target; every request an address never asked before, no cache (the Strategy pages keep none)\n`);
	printLoadTable(rows, 36);
	console.log(`responses received in the runs: ${rows.map((row) => `${row.name.split(',')[0]} ${row.completed}`).join(', ')}`);
	console.log('\nThe strategy dashboard is the strategy\'s page (/{lang}/strategy/{slug}: budget execution by domain, region and year, gap views, the tree);');
	console.log('the results page (/{lang}/strategy/{slug}/results) is the indicators\' dashboard (by domain and traffic light, then 50 indicators a page with their latest target, approved value and light).');
	console.log(`\nHTML of one request each: ${Object.values(weights).join('; ')}`);
	console.log('\nOne caller: page p50 (HTTP) / the same services through the driver p50 = ratio (app overhead: render, serialise, compress)');
	for (const name of ['dashboard', 'results', 'region'] as const) {
		const services = percentile(direct[name].total, 0.5);
		const steps = [...direct[name].steps].map(([label, samples]) => `${label} ${percentile(samples, 0.5).toFixed(1)}`).join(', ');
		console.log(`  ${name.padEnd(10)} ${oneCaller[name].toFixed(1).padStart(7)} ms / ${services.toFixed(1).padStart(7)} ms = ${(oneCaller[name] / services).toFixed(2)}   (p50 ms of each call: ${steps})`);
	}
	console.log(P95_NOTE);
}
