// Reference data (the strategies the seeds name, with their source) and demo data (a badged sample
// programme of the SNIA, 2015–2027, with 150 actions over the 12 regions: demo-programme.ts).
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { systemContext } from '../../platform/audit/audit.service.ts';
import { organisation, user } from '../../platform/accounts/accounts.table.ts';
import { accessGrant } from '../../platform/accounts/access-grant.table.ts';
import { grantRoleByEmail } from '../../platform/accounts/grant.service.ts';
import { isAppError } from '../../platform/http/app-error.ts';
import type { Db } from '../../platform/db/database.ts';
import { regions } from '../../platform/geo/morocco.ts';
import { createContext, type RequestContext } from '../../platform/kernel/context.ts';
import { NewNode, NewStrategy } from './strategy.schemas.ts';
import { insertNode, insertStrategy } from './strategy.service.ts';
import { actionInitiative, budgetLine, concertationBody, indicator, indicatorValue, indicatorValueEvent, node, nodeRegion, programmeVersion, recommendation, recommendationAction, recommendationEvent, strategy, type StrategyRow } from './strategy.table.ts';
import { takeSnapshot } from './programme-versions.service.ts';
import { fingerprintOf, totalsOf } from './programme-diff.ts';
import { workspaceAnnouncement, workspaceMeeting } from '../../platform/workspace/workspace.table.ts';
import { BodyInput, insertBody } from './concertation.service.ts';
import { concertationWorkspaceKey } from './recommendations.service.ts';
import { realBodies } from './seed/concertation.ts';
import { linkChoices } from '../../platform/kernel/links.ts';
import { NewIndicator, insertIndicator, periodYears } from './results.service.ts';
import { realStrategies, type SeedNode } from './seed/strategies.ts';
import { insertRecosaSample, insertSampleIndicators, insertSampleProgramme, placedProgrammes, sequence } from './demo-programme.ts';
import { SAMPLE_EU_BUDGET, SAMPLE_REGION_BUDGET, SAMPLE_STATE_BUDGET } from './seed/sample-programme.ts';

async function insertTree(ctx: RequestContext, owner: StrategyRow, items: SeedNode[], parentId: string | null, isSample: boolean) {
	for (const item of items) {
		const row = await insertNode(ctx, owner, NewNode.parse({ kind: item.kind, parentId, title: item.title, description: item.description ?? {}, regions: item.regions ?? [], sources: item.sources }), { isSample });
		await insertTree(ctx, owner, item.children ?? [], row.id, isSample);
	}
}

/** The seeds' strategies, added once each (a strategy its planners changed is left as it is). */
export async function ensureStrategyReferenceData(db: Db): Promise<void> {
	await ensureRealRecommendations(db);
	await ensureRealBodies(db);
	const present = new Set((await db.select({ slug: strategy.slug }).from(strategy).where(inArray(strategy.slug, realStrategies.map((entry) => entry.slug)))).map((row) => row.slug));
	const missing = realStrategies.filter((entry) => !present.has(entry.slug));
	if (!missing.length) return;
	const ctx = createContext({ db, actor: null, audit: systemContext() });
	await ctx.transaction(async (tx) => {
		for (const { nodes, ...entry } of missing) {
			const row = await insertStrategy(tx, NewStrategy.parse(entry));
			await insertTree(tx, row, nodes, null, false);
		}
	});
}

/**
 * The seeds' recommendations, followed in the tracker: the research study's (seed 002 §2.11, long term),
 * sourced to the library's document by its link (written as a link only: the library may load after).
 */
const realRecommendations = [
	{
		text: {
			fr: 'Favoriser l’émergence d’une communauté scientifique marocaine autonome autour des migrations, à même d’intervenir dans le débat public.',
			ar: 'تشجيع بروز مجتمع علمي مغربي مستقل حول الهجرة، قادر على المساهمة في النقاش العمومي.',
			en: 'Foster an autonomous Moroccan scientific community on migration, able to take part in the public debate.'
		},
		horizon: 'long' as const,
		source: 'knowledge.document:tendances-recherche-marocaine-migrations',
		sourceCitation: 'Synthèse de l’événement de clôture de SHARAKA, §2.11 « Valorisation de la recherche marocaine sur les migrations » (texte original en français)'
	}
];

async function ensureRealRecommendations(db: Db) {
	for (const entry of realRecommendations) {
		const [present] = await db.select({ id: recommendation.id }).from(recommendation).where(and(eq(recommendation.source, entry.source), eq(recommendation.isSample, false))).limit(1);
		if (present) continue;
		await db.transaction(async (tx) => {
			const [row] = await tx.insert(recommendation).values({ ...entry, originalLanguage: 'fr', status: 'open' }).returning();
			await tx.insert(recommendationEvent).values({ recommendationId: row.id, status: 'open' });
		});
	}
}

/** The concertation bodies the seeds name, added once each by their French name (a body moderators changed is left as it is). */
async function ensureRealBodies(db: Db) {
	const ctx = createContext({ db, actor: null, audit: systemContext() });
	for (const entry of realBodies) {
		const [present] = await db.select({ id: concertationBody.id }).from(concertationBody).where(and(sql`${concertationBody.name}->>'fr' = ${entry.name.fr}`, eq(concertationBody.isSample, false))).limit(1);
		if (present) continue;
		await ctx.transaction((tx) => insertBody(tx, BodyInput.parse(entry)));
	}
}

export const DEMO_PLANNER = 'partner@demo.sharaka.ma';

export const DEMO_REPORTER = 'counsellor@demo.sharaka.ma';
export const DEMO_OWNER = 'moderator@demo.sharaka.ma';

/**
 * The demo partner plans the SNIA, the demo counsellor (ANAPEC) reports on its indicators and the demo
 * moderator owns it (grants limited to it), so that the planning and results pages can be tried.
 */
async function grantDemoPlanner(db: Db) {
	await grantDemo(db, DEMO_PLANNER, 'strategy:planner');
	await grantDemo(db, DEMO_REPORTER, 'strategy:reporter');
	await grantDemo(db, DEMO_OWNER, 'strategy:owner');
}

async function grantDemo(db: Db, email: string, role: string) {
	const [present] = await db.select({ id: accessGrant.id }).from(accessGrant).innerJoin(user, eq(user.id, accessGrant.userId)).where(and(eq(user.email, email), eq(accessGrant.module, 'strategy')));
	if (present) return;
	try {
		await grantRoleByEmail(createContext({ db, actor: null, audit: systemContext() }), email, { role, scope: 'snia' });
	} catch (failure) {
		// no demo partner (a site without the demo accounts): nothing to grant
		if (!isAppError(failure)) throw failure;
	}
}

/**
 * Demo mode: the SNIA's sample programme (badged): under each of the seeds' eight domains a programme 2015–2027 with
 * its objectives, 150 actions over the 12 regions with their budget lines, ~60 indicators with their values
 * (`demo-programme.ts`); then the versions, initiatives, recommendations and concertation samples, and a sample
 * programme on Senegal's RECOSA plan in Senegal's regions.
 */
export async function loadStrategyDemoData(db: Db): Promise<void> {
	const [snia] = await db.select().from(strategy).where(eq(strategy.slug, 'snia'));
	if (!snia) return;
	await grantDemoPlanner(db);
	const [already] = await db.select({ id: node.id }).from(node).where(and(eq(node.strategyId, snia.id), eq(node.isSample, true))).limit(1);
	if (!already) {
		const domains = await db.select().from(node).where(and(eq(node.strategyId, snia.id), eq(node.kind, 'domain')));
		const ctx = createContext({ db, actor: null, audit: systemContext() });
		await ctx.transaction((tx) => insertSampleProgramme(tx, snia, domains));
	}
	await loadResultsDemo(db, snia);
	await loadInitiativesDemo(db, snia);
	await loadRecommendationsDemo(db);
	await loadVersionsDemo(db, snia);
	await loadConcertationDemo(db);
	await loadRecosaDemo(db);
	await loadRecosaConcertationDemo(db);
}

/** Demo mode: the sample programme of one RECOSA country's plan, Senegal's, in Senegal's regions (once). */
async function loadRecosaDemo(db: Db) {
	const [plan] = await db.select().from(strategy).where(eq(strategy.slug, 'recosa-plan-action-senegal'));
	if (!plan) return;
	const [present] = await db.select({ id: node.id }).from(node).where(and(eq(node.strategyId, plan.id), eq(node.isSample, true))).limit(1);
	if (present) return;
	await createContext({ db, actor: null, audit: systemContext() }).transaction((tx) => insertRecosaSample(tx, plan));
}

/**
 * Demo mode: the sample programme with its budget approved as v1 (submitted by the demo planner, approved by the
 * demo owner, badged), then a draft that differs from it — a 2025 line raised, a regional council's line added, an
 * EU line removed, an action's period changed — so that the versions' pages and differences show something.
 * Nothing if SNIA has a version.
 */
async function loadVersionsDemo(db: Db, snia: StrategyRow) {
	const [present] = await db.select({ id: programmeVersion.id }).from(programmeVersion).where(eq(programmeVersion.strategyId, snia.id)).limit(1);
	if (present) return;
	const running = (item: { periodStart: number | null; periodEnd: number | null }) => (item.periodStart ?? 9999) <= 2025 && (item.periodEnd ?? 0) >= 2025;
	const snapshot = await takeSnapshot(db, snia);
	const actions = snapshot.nodes.filter((item) => item.kind === 'action' && item.isSample && running(item)).slice(0, 6);
	if (actions.length < 6) return;
	const [planner] = await db.select({ id: user.id }).from(user).where(eq(user.email, DEMO_PLANNER));
	const [owner] = await db.select({ id: user.id }).from(user).where(eq(user.email, DEMO_OWNER));
	await db.transaction(async (tx) => {
		await tx.insert(programmeVersion).values({
			strategyId: snia.id,
			seq: 1,
			number: 1,
			state: 'approved',
			snapshot,
			fingerprint: fingerprintOf(snapshot),
			actions: snapshot.nodes.filter((item) => item.kind === 'action').length,
			lines: snapshot.lines.length,
			totals: totalsOf(snapshot),
			note: 'Exemple : programmation 2015–2027 du programme d’exemple, approuvée avant la revue de 2025.',
			noteLanguage: 'fr',
			submittedBy: planner?.id ?? null,
			submittedAt: new Date('2025-01-10T10:00:00Z'),
			decidedBy: owner?.id ?? null,
			decidedAt: new Date('2025-01-14T15:00:00Z'),
			isSample: true
		});
		// the draft since: a 2025 line raised, a regional council's line added, an EU line removed, an action's period changed
		await tx
			.update(budgetLine)
			.set({ planned: sql`${budgetLine.planned} + 55000` })
			.where(and(eq(budgetLine.nodeId, actions[1].id), eq(budgetLine.year, 2025), eq(budgetLine.fundingSource, SAMPLE_STATE_BUDGET)));
		const regional = new Set(snapshot.lines.filter((line) => line.year === 2025 && line.fundingSource === SAMPLE_REGION_BUDGET).map((line) => line.actionId));
		const added = actions.find((action) => !regional.has(action.id));
		if (added) await tx.insert(budgetLine).values({ nodeId: added.id, year: 2025, fundingSource: SAMPLE_REGION_BUDGET, currency: 'MAD', planned: 50_000, committed: 50_000, executed: 0, isSample: true });
		const removed = snapshot.lines.find((line) => line.fundingSource === SAMPLE_EU_BUDGET && line.year === 2025);
		if (removed) await tx.delete(budgetLine).where(and(eq(budgetLine.nodeId, removed.actionId), eq(budgetLine.year, removed.year), eq(budgetLine.fundingSource, SAMPLE_EU_BUDGET)));
		const changed = actions[5];
		await tx.update(node).set(changed.periodEnd! < 2027 ? { periodEnd: changed.periodEnd! + 1 } : { periodStart: changed.periodStart! - 1 }).where(eq(node.id, changed.id));
	});
}

/**
 * Demo mode: a sample concertation body in the Oriental (badged) with five member organisations, the demo
 * moderator as its secretariat (a grant limited to it), an announcement, a meeting held with its minutes and two
 * decisions — one followed to done, one under way — and the next meeting. The demo partner's organisation is a
 * member: the partner reads the space and contributes.
 */
async function loadConcertationDemo(db: Db) {
	const [present] = await db.select({ id: concertationBody.id }).from(concertationBody).where(and(eq(concertationBody.isSample, true), eq(concertationBody.country, 'MA'))).limit(1);
	if (present) return;
	const [moderator] = await db.select({ id: user.id, name: user.name }).from(user).where(eq(user.email, DEMO_OWNER));
	const organisations = new Map((await db.select({ id: organisation.id, slug: organisation.slug }).from(organisation).where(inArray(organisation.slug, ['mdcmre', 'migration-et-developpement', 'expertise-france', 'anapec', 'oim']))).map((row) => [row.slug, row.id]));
	if (!moderator || organisations.size < 5) return;
	const org = (slug: string) => organisations.get(slug)!;
	const hour = Math.floor(Date.now() / 3_600_000) * 3_600_000;
	const DAY = 86_400_000;
	const day = (offset: number) => new Date(hour + offset * DAY).toISOString().slice(0, 10);
	const held = new Date(hour - 75 * DAY);
	const ctx = createContext({ db, actor: { userId: moderator.id, role: 'moderator', organisationIds: [] }, audit: systemContext() });
	const body = await ctx.transaction((tx) =>
		insertBody(
			tx,
			BodyInput.parse({
				region: 'MA-02',
				name: { fr: 'Exemple : commission régionale migration et développement de l’Oriental', ar: 'مثال: اللجنة الجهوية للهجرة والتنمية بجهة الشرق', en: 'Example: Oriental regional committee on migration and development' },
				termsOfReference: {
					fr: 'Exemple fictif. La commission suit chaque trimestre la mise en œuvre du volet migratoire du plan de développement régional : elle examine l’avancement des actions, recueille les contributions de ses membres et adopte des décisions dont elle suit la réalisation. Le secrétariat est tenu par le ministère.',
					ar: 'مثال تخيلي. تتتبع اللجنة كل ثلاثة أشهر تنفيذ الشق المتعلق بالهجرة في مخطط التنمية الجهوية: تدرس تقدم الإجراءات، وتجمع مساهمات أعضائها، وتتخذ قرارات تتتبع إنجازها. تتولى الوزارة كتابتها.',
					en: 'Fictional example. Every quarter the committee follows how the migration component of the regional development plan is carried out: it reviews the actions’ progress, gathers its members’ contributions and adopts decisions whose completion it follows. The ministry runs its secretariat.'
				},
				establishedOn: day(-400),
				status: 'active',
				members: [
					{ organisationId: org('mdcmre'), role: 'secretariat', since: day(-400) },
					{ organisationId: org('migration-et-developpement'), role: 'chair', since: day(-400) },
					{ organisationId: org('expertise-france'), role: 'member', since: day(-400) },
					{ organisationId: org('anapec'), role: 'member', since: day(-200) },
					{ organisationId: org('oim'), role: 'observer', since: day(-400) }
				],
				sources: [{ citation: 'Exemple fictif (données de démonstration)' }]
			}),
			{ isSample: true }
		)
	);
	const workspace = concertationWorkspaceKey(body.slug);
	await db.insert(workspaceAnnouncement).values({
		workspace,
		language: 'fr',
		title: 'Exemple — Prochaine réunion : bilan du trimestre',
		body: 'Le secrétariat prépare la prochaine réunion. Les membres peuvent déposer leurs contributions dans l’espace d’ici là.',
		authorId: moderator.id,
		authorLabel: moderator.name,
		publishedAt: new Date(hour - 10 * DAY),
		isSample: true
	});
	const [meeting] = await db
		.insert(workspaceMeeting)
		.values([
			{
				workspace,
				language: 'fr',
				title: 'Exemple — Réunion trimestrielle de la commission',
				startsAt: held,
				mode: 'in_person',
				place: 'Oujda, siège de la Région (exemple)',
				agenda: '1. Avancement du volet migratoire du plan régional\n2. Accueil des MRE de retour\n3. Décisions',
				minutes: 'Exemple de compte rendu : les membres ont fait le point sur les actions en cours. La commission a décidé d’organiser une journée régionale d’information des MRE de retour et de dresser l’inventaire des services d’accueil de la région.',
				attendeeOrganisationIds: ['mdcmre', 'migration-et-developpement', 'expertise-france', 'anapec'].map(org),
				minutesBy: moderator.id,
				minutesAt: new Date(held.getTime() + 2 * DAY),
				createdBy: moderator.id,
				createdAt: new Date(held.getTime() - 30 * DAY),
				isSample: true
			},
			{
				workspace,
				language: 'fr',
				title: 'Exemple — Réunion trimestrielle : bilan et suites',
				startsAt: new Date(hour + 15 * DAY),
				mode: 'hybrid',
				place: 'Oujda, siège de la Région, et en ligne (exemple)',
				agenda: '1. Suivi des décisions de la réunion précédente\n2. Contributions des membres\n3. Calendrier',
				createdBy: moderator.id,
				createdAt: new Date(hour - 10 * DAY),
				isSample: true
			}
		])
		.returning();
	const at = (offset: number) => new Date(held.getTime() + offset * DAY);
	await db.transaction(async (tx) => {
		const [done, ongoing] = await tx
			.insert(recommendation)
			.values([
				{
					text: { fr: 'Exemple : organiser une journée régionale d’information des MRE de retour à Oujda.' },
					horizon: 'short',
					kind: 'decision',
					ownerOrganisationId: org('migration-et-developpement'),
					dueOn: day(-20),
					dueYear: Number(day(-20).slice(0, 4)),
					status: 'done',
					concertationBodyId: body.id,
					meetingId: meeting.id,
					createdBy: moderator.id,
					isSample: true,
					createdAt: at(1),
					updatedAt: at(55)
				},
				{
					text: { fr: 'Exemple : dresser l’inventaire des services d’accueil des migrants dans la région.' },
					horizon: 'medium',
					kind: 'decision',
					ownerOrganisationId: org('mdcmre'),
					dueOn: day(120),
					dueYear: Number(day(120).slice(0, 4)),
					status: 'in_progress',
					concertationBodyId: body.id,
					meetingId: meeting.id,
					createdBy: moderator.id,
					isSample: true,
					createdAt: at(1),
					updatedAt: at(30)
				}
			])
			.returning();
		await tx.insert(recommendationEvent).values([
			{ recommendationId: done.id, status: 'open', actorId: moderator.id, at: at(1) },
			{ recommendationId: done.id, status: 'in_progress', note: 'Exemple : date et lieu retenus, invitations envoyées.', noteLanguage: 'fr', actorId: moderator.id, at: at(30) },
			{ recommendationId: done.id, status: 'done', note: 'Exemple : la journée a réuni 120 participants ; le compte rendu est dans l’espace.', noteLanguage: 'fr', actorId: moderator.id, at: at(55) },
			{ recommendationId: ongoing.id, status: 'open', actorId: moderator.id, at: at(1) },
			{ recommendationId: ongoing.id, status: 'in_progress', note: 'Exemple : questionnaire envoyé aux communes.', noteLanguage: 'fr', actorId: moderator.id, at: at(30) }
		]);
	});
	// the demo moderator runs the sample body's secretariat
	try {
		await grantRoleByEmail(createContext({ db, actor: null, audit: systemContext() }), DEMO_OWNER, { role: 'strategy:secretary', scope: body.slug });
	} catch (failure) {
		if (!isAppError(failure)) throw failure;
	}
}

/**
 * Demo mode: a sample concertation body of a RECOSA partner country (badged): a regional committee in Thiès
 * (Senegal) that follows Senegal's plan, with four member organisations, one meeting held with its minutes and
 * one decision followed to done. Its space is run by the owners and reporters of Senegal's strategies (none in
 * the demo: an administrator gives the grant). Once; nothing without Senegal's plan or the organisations.
 */
async function loadRecosaConcertationDemo(db: Db) {
	const [present] = await db.select({ id: concertationBody.id }).from(concertationBody).where(and(eq(concertationBody.isSample, true), eq(concertationBody.country, 'SN'))).limit(1);
	if (present) return;
	const [plan] = await db.select({ id: strategy.id }).from(strategy).where(eq(strategy.slug, 'recosa-plan-action-senegal'));
	const organisations = new Map((await db.select({ id: organisation.id, slug: organisation.slug }).from(organisation).where(inArray(organisation.slug, ['giz', 'expertise-france', 'oim', 'mdcmre']))).map((row) => [row.slug, row.id]));
	if (!plan || organisations.size < 4) return;
	const org = (slug: string) => organisations.get(slug)!;
	const hour = Math.floor(Date.now() / 3_600_000) * 3_600_000;
	const DAY = 86_400_000;
	const day = (offset: number) => new Date(hour + offset * DAY).toISOString().slice(0, 10);
	const held = new Date(hour - 120 * DAY);
	const at = (offset: number) => new Date(held.getTime() + offset * DAY);
	const ctx = createContext({ db, actor: null, audit: systemContext() });
	await ctx.transaction(async (tx) => {
		const body = await insertBody(
			tx,
			BodyInput.parse({
				country: 'SN',
				region: 'SN-TH',
				name: { fr: 'Exemple : comité régional de concertation sur la migration de Thiès', ar: 'مثال: اللجنة الجهوية للتشاور حول الهجرة في ثيس', en: 'Example: Thiès regional concertation committee on migration' },
				termsOfReference: {
					fr: 'Exemple fictif. Le comité réunit deux fois par an les services régionaux, les partenaires de la coopération Sud-Sud et la société civile de la région de Thiès pour suivre la mise en œuvre régionale du plan d’action du Sénégal : accueil des migrants de retour, information sur la mobilité régulière, mobilisation de la diaspora. Il adopte des décisions dont il suit la réalisation.',
					ar: 'مثال تخيلي. تجمع اللجنة مرتين في السنة المصالح الجهوية وشركاء التعاون جنوب-جنوب والمجتمع المدني في جهة ثيس لتتبع التنفيذ الجهوي لخطة عمل السنغال: استقبال المهاجرين العائدين، والإخبار حول التنقل النظامي، وتعبئة الجالية. وتتخذ قرارات تتتبع إنجازها.',
					en: 'Fictional example. Twice a year the committee brings together the regional services, the South–South cooperation partners and the civil society of the Thiès region to follow how Senegal’s action plan is carried out in the region: reception of returning migrants, information on regular mobility, diaspora mobilisation. It adopts decisions whose completion it follows.'
				},
				establishedOn: day(-500),
				status: 'active',
				strategyId: plan.id,
				members: [
					{ organisationId: org('giz'), role: 'secretariat', since: day(-500) },
					{ organisationId: org('expertise-france'), role: 'member', since: day(-500) },
					{ organisationId: org('oim'), role: 'member', since: day(-300) },
					{ organisationId: org('mdcmre'), role: 'observer', since: day(-500) }
				],
				sources: [{ citation: 'Exemple fictif (données de démonstration)' }]
			}),
			{ isSample: true }
		);
		const [meeting] = await tx.db
			.insert(workspaceMeeting)
			.values({
				workspace: concertationWorkspaceKey(body.slug),
				language: 'fr',
				title: 'Exemple — Réunion semestrielle du comité de Thiès',
				startsAt: held,
				mode: 'in_person',
				place: 'Thiès, gouvernance régionale (exemple)',
				agenda: '1. Avancement régional du plan d’action\n2. Information des jeunes sur la mobilité régulière\n3. Décisions',
				minutes: 'Exemple de compte rendu : le comité a fait le point sur les actions du plan dans la région et a décidé d’organiser une session d’information sur la mobilité régulière dans les lycées de Thiès.',
				attendeeOrganisationIds: ['giz', 'expertise-france', 'oim'].map(org),
				minutesAt: at(3),
				createdAt: at(-30),
				isSample: true
			})
			.returning();
		const [done] = await tx.db
			.insert(recommendation)
			.values({
				text: { fr: 'Exemple : organiser une session d’information sur la mobilité régulière dans les lycées de Thiès.' },
				horizon: 'short',
				kind: 'decision',
				ownerOrganisationId: org('oim'),
				dueOn: day(-30),
				dueYear: Number(day(-30).slice(0, 4)),
				status: 'done',
				concertationBodyId: body.id,
				meetingId: meeting.id,
				isSample: true,
				createdAt: at(2),
				updatedAt: at(80)
			})
			.returning();
		await tx.db.insert(recommendationEvent).values([
			{ recommendationId: done.id, status: 'open', at: at(2) },
			{ recommendationId: done.id, status: 'in_progress', note: 'Exemple : trois lycées volontaires, dates fixées.', noteLanguage: 'fr', at: at(40) },
			{ recommendationId: done.id, status: 'done', note: 'Exemple : trois sessions tenues, 260 élèves informés.', noteLanguage: 'fr', at: at(80) }
		]);
	});
}

/** Demo mode: a recommendation the demo moderator entered and follows (under way), badged as a sample. */
async function loadRecommendationsDemo(db: Db) {
	const [present] = await db.select({ id: recommendation.id }).from(recommendation).where(eq(recommendation.isSample, true)).limit(1);
	if (present) return;
	const [moderator] = await db.select({ id: user.id }).from(user).where(eq(user.email, DEMO_OWNER));
	const [anapec] = await db.select({ id: organisation.id }).from(organisation).where(eq(organisation.slug, 'anapec'));
	if (!moderator) return;
	await db.transaction(async (tx) => {
		const [row] = await tx
			.insert(recommendation)
			.values({
				text: { fr: 'Exemple : ouvrir dans chaque région un guichet d’orientation vers l’emploi pour les migrants régularisés.', ar: 'مثال: فتح شباك للتوجيه نحو الشغل لفائدة المهاجرين المسوّاة وضعيتهم في كل جهة.' },
				horizon: 'short',
				ownerOrganisationId: anapec?.id ?? null,
				dueYear: 2024,
				status: 'in_progress',
				sourceCitation: 'Exemple fictif',
				createdBy: moderator.id,
				isSample: true,
				createdAt: new Date('2023-05-02T09:00:00Z'),
				updatedAt: new Date('2024-02-12T09:00:00Z')
			})
			.returning();
		// carried out by the sample programme's first action in the Oriental
		const [action] = await tx
			.select({ id: node.id })
			.from(node)
			.innerJoin(nodeRegion, eq(nodeRegion.nodeId, node.id))
			.where(and(eq(node.kind, 'action'), eq(node.isSample, true), eq(nodeRegion.region, 'MA-02')))
			.orderBy(asc(node.position))
			.limit(1);
		if (action) await tx.insert(recommendationAction).values({ recommendationId: row.id, nodeId: action.id });
		await tx.insert(recommendationEvent).values([
			{ recommendationId: row.id, status: 'open', actorId: moderator.id, at: new Date('2023-05-02T09:00:00Z') },
			{ recommendationId: row.id, status: 'in_progress', note: 'Exemple : quatre régions pilotes retenues.', noteLanguage: 'fr', actorId: moderator.id, at: new Date('2024-02-12T09:00:00Z') }
		]);
	});
}

/**
 * Demo mode: two real Atlas initiatives on sample actions of the Oriental — one the demo partner proposed
 * and the demo owner accepted, one waiting for the planners (badged as samples). Nothing without the Atlas.
 */
async function loadInitiativesDemo(db: Db, snia: StrategyRow) {
	const [present] = await db.select({ id: actionInitiative.id }).from(actionInitiative).where(eq(actionInitiative.isSample, true)).limit(1);
	if (present) return;
	const choices = (await linkChoices(db, 'atlas.initiative', 'fr')).filter((choice) => !choice.isSample);
	const actions = await db
		.select({ id: node.id })
		.from(node)
		.innerJoin(nodeRegion, eq(nodeRegion.nodeId, node.id))
		.where(and(eq(node.strategyId, snia.id), eq(node.kind, 'action'), eq(node.isSample, true), eq(nodeRegion.region, 'MA-02')))
		.orderBy(asc(node.position))
		.limit(2);
	const people = await db.select({ id: user.id, email: user.email }).from(user).where(inArray(user.email, [DEMO_PLANNER, DEMO_OWNER]));
	const partner = people.find((person) => person.email === DEMO_PLANNER);
	const owner = people.find((person) => person.email === DEMO_OWNER);
	if (choices.length < 2 || actions.length < 2 || !partner || !owner) return;
	const proposedAt = new Date('2025-03-10T10:00:00Z');
	await db.insert(actionInitiative).values([
		{ nodeId: actions[0].id, initiative: choices[0].value, status: 'accepted', note: 'Exemple : l’initiative accueille et oriente les migrants vers l’emploi dans la région.', noteLanguage: 'fr', proposedBy: partner.id, proposedAt, decidedBy: owner.id, decidedAt: new Date('2025-03-17T09:00:00Z'), isSample: true },
		{ nodeId: actions[1].id, initiative: choices[1].value, status: 'proposed', note: 'Exemple : une proposition en attente des planificateurs.', noteLanguage: 'fr', proposedBy: partner.id, proposedAt, isSample: true }
	]);
}

const sampleIndicators = [
	{
		code: 'EX-EMP-1',
		definition: { fr: 'Exemple : migrants orientés vers l’emploi', ar: 'مثال: مهاجرون تم توجيههم نحو الشغل', en: 'Example: migrants guided towards work' },
		unit: { fr: 'personnes', ar: 'أشخاص', en: 'people' },
		level: 'output' as const,
		disaggregations: ['sex', 'region'] as const,
		baseline: 0,
		target: (year: number) => (year - 2015) * 400,
		regional: true
	},
	{
		code: 'EX-EMP-2',
		definition: { fr: 'Exemple : part des migrants orientés en emploi six mois après', ar: 'مثال: نسبة المهاجرين الموجَّهين الذين يشتغلون بعد ستة أشهر', en: 'Example: share of guided migrants in work six months later' },
		unit: { fr: '%', ar: '٪', en: '%' },
		level: 'outcome' as const,
		disaggregations: ['sex', 'nationality'] as const,
		baseline: 18,
		target: (year: number) => Math.min(45, 18 + (year - 2015) * 2.5),
		regional: false
	}
];

/**
 * Demo mode: two badged indicators on the sample employment programme, their targets and approved values over the years
 * (to 2025) and regions, and the ~60 others of the sample programmes (`insertSampleIndicators`).
 */
async function loadResultsDemo(db: Db, snia: StrategyRow) {
	const [present] = await db.select({ id: indicator.id }).from(indicator).where(and(eq(indicator.strategyId, snia.id), eq(indicator.isSample, true))).limit(1);
	if (present) return;
	const placed = await placedProgrammes(db, snia);
	const programme = placed.find((entry) => entry.domain.code === 'EMP')?.programme;
	if (!programme) return;
	const random = sequence(2027);
	const years = periodYears(snia).filter((year) => year > 2015);
	const ctx = createContext({ db, actor: null, audit: systemContext() });
	await ctx.transaction(async (tx) => {
		for (const sample of sampleIndicators) {
			const row = await insertIndicator(
				tx,
				snia,
				NewIndicator.parse({ nodeId: programme.id, code: sample.code, definition: sample.definition, unit: sample.unit, level: sample.level, disaggregations: [...sample.disaggregations], baselineValue: sample.baseline, baselineYear: 2015, targets: years.map((year) => ({ year, value: sample.target(year) })) }),
				{ isSample: true }
			);
			const values: { year: number; region: string; value: number }[] = [];
			for (const year of years.filter((each) => each <= 2025)) {
				if (sample.regional) {
					// about the target, spread unevenly over the regions (some years behind, some ahead)
					const share = sample.target(year) * (0.6 + random() * 0.55);
					const weights = regions.map(() => random());
					const sum = weights.reduce((total, weight) => total + weight, 0);
					regions.forEach((region, index) => values.push({ year, region: region.iso, value: Math.round((share * weights[index]) / sum) }));
				} else values.push({ year, region: '', value: Math.round(sample.target(year) * (0.7 + random() * 0.4) * 10) / 10 });
			}
			if (values.length) {
				const inserted = await tx.db.insert(indicatorValue).values(values.map((value) => ({ ...value, indicatorId: row.id, status: 'approved' as const, isSample: true, createdAt: tx.now(), updatedAt: tx.now() }))).returning({ id: indicatorValue.id });
				await tx.db.insert(indicatorValueEvent).values(inserted.map(({ id }) => ({ valueId: id, kind: 'approved' as const, at: tx.now() })));
			}
		}
		// one value of the current year reported by the demo reporter and waiting for the owner, so that
		// both queues can be tried
		const [reporter] = await tx.db.select({ id: user.id }).from(user).where(eq(user.email, DEMO_REPORTER));
		const [outcome] = await tx.db.select().from(indicator).where(and(eq(indicator.strategyId, snia.id), eq(indicator.code, 'EX-EMP-2')));
		const thisYear = tx.now().getUTCFullYear();
		if (reporter && outcome && periodYears(snia, tx.now()).includes(thisYear)) {
			const [waiting] = await tx.db
				.insert(indicatorValue)
				.values({ indicatorId: outcome.id, year: thisYear, region: '', value: 31.5, comment: 'Exemple : premier semestre', status: 'submitted', reporterId: reporter.id, isSample: true, createdAt: tx.now(), updatedAt: tx.now() })
				.returning({ id: indicatorValue.id });
			await tx.db.insert(indicatorValueEvent).values({ valueId: waiting.id, kind: 'submitted', actorId: reporter.id, value: 31.5, reason: 'Exemple : premier semestre', at: tx.now() });
		}
		// and the other domains' indicators, with values approved, waiting, returned and missing
		await insertSampleIndicators(tx, snia, placed);
	});
}
