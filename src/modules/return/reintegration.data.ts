// Demo data of followed reintegration: 300 fictional returnees (badged samples, accounts nobody can
// sign in to) followed by the 40 sample RAMre operators, with needs, plans and some closed cases; the
// demo member is followed by the first operator, whose case worker is the demo partner.
import { and, eq, inArray, like, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../platform/db/database.ts';
import { organisation, user } from '../../platform/accounts/accounts.table.ts';
import { accessGrant } from '../../platform/accounts/access-grant.table.ts';
import { grantRoleByEmail } from '../../platform/accounts/grant.service.ts';
import { recordAudit, systemContext } from '../../platform/audit/audit.service.ts';
import { isAppError } from '../../platform/http/app-error.ts';
import { createContext } from '../../platform/kernel/context.ts';
import { regions } from '../../platform/geo/morocco.ts';
import { caseCloseReasons, needDimensions, needLevels, type NeedDimension, type PlanActionStatus } from './return.model.ts';
import { networkMember, reintegrationAction, reintegrationCase, reintegrationSurvey } from './return.table.ts';
import { assistedReturnScheme } from './schemes/schemes.table.ts';
import { NOT_APPLICABLE, roundDueDate, surveyIndicators, surveyRounds, surveyScores, type SurveyAnswers } from './survey.model.ts';

/** The reserved domain of the sample returnees' addresses (RFC 2606: never delivered). */
export const SAMPLE_RETURNEE_DOMAIN = 'retour.sample.sharaka.invalid';
/** The demo account that works as the first sample operator's case worker. */
export const DEMO_CASEWORKER = 'partner@demo.sharaka.ma';
const SAMPLE_COUNT = 300;

const firstNames = ['Karim', 'Nadia', 'Rachid', 'Samira', 'Mohamed', 'Fatima', 'Hassan', 'Khadija', 'Youssef', 'Naima', 'Abdelaziz', 'Latifa', 'Mustapha', 'Zineb', 'Omar', 'Malika', 'Driss', 'Souad', 'Hamid', 'Amal'];
const lastNames = ['Alaoui', 'Bennani', 'El Idrissi', 'Tazi', 'Amrani', 'Chraibi', 'Berrada', 'Ouazzani', 'Fassi', 'El Ouardi', 'Ziani', 'Haddad', 'Benjelloun', 'Lahlou', 'Bouzid'];
/** Host countries the seeds name for assisted return (Germany, Belgium, France, Switzerland) and the large communities (Spain, Italy, the Netherlands). */
const hostCountries = ['FR', 'BE', 'ES', 'IT', 'DE', 'NL', 'CH', 'FR', 'ES', 'BE'];

/** The catalogue's first scheme of each country (reference data: the seeds' four countries). */
async function catalogueSchemes(db: DbOrTx): Promise<Map<string, string>> {
	const rows = await db.select({ id: assistedReturnScheme.id, country: assistedReturnScheme.country }).from(assistedReturnScheme).where(eq(assistedReturnScheme.archived, false)).orderBy(assistedReturnScheme.slug);
	const byCountry = new Map<string, string>();
	for (const row of rows) if (!byCountry.has(row.country)) byCountry.set(row.country, row.id);
	return byCountry;
}
const sampleActions: Record<NeedDimension, string[]> = {
	economic: ['Exemple : monter un dossier de micro-projet', 'Exemple : inscription à l’ANAPEC', 'Exemple : formation de courte durée', 'Exemple : recherche d’un local commercial'],
	social: ['Exemple : inscription scolaire des enfants', 'Exemple : affiliation à l’assurance maladie', 'Exemple : recherche d’un logement', 'Exemple : renouvellement des papiers d’état civil'],
	psychosocial: ['Exemple : entretien avec une psychologue', 'Exemple : groupe de parole des personnes de retour', 'Exemple : visite à domicile']
};

/** A small deterministic sequence, so the sample is the same on every machine. */
function sequence(seed: number) {
	let state = seed;
	return () => {
		state = (state * 1103515245 + 12345) % 2147483648;
		return state / 2147483648;
	};
}

const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);

export async function loadReintegrationDemoData(db: Db): Promise<void> {
	await grantDemoCaseworker(db);
	await loadDemoMemberCase(db);
	await loadSampleCases(db);
}

/** The demo partner follows the first sample operator's returnees (a grant limited to it). */
async function grantDemoCaseworker(db: Db) {
	const [operator] = await db.select({ id: organisation.id }).from(organisation).where(eq(organisation.slug, 'exemple-ramre-01'));
	if (!operator) return;
	const [present] = await db
		.select({ id: accessGrant.id })
		.from(accessGrant)
		.innerJoin(user, eq(user.id, accessGrant.userId))
		.where(and(eq(user.email, DEMO_CASEWORKER), eq(accessGrant.module, 'return'), eq(accessGrant.role, 'caseworker')));
	if (present) return;
	try {
		await grantRoleByEmail(createContext({ db, actor: null, audit: systemContext() }), DEMO_CASEWORKER, { role: 'return:caseworker', organisationId: operator.id });
	} catch (failure) {
		// a site without the demo accounts: nothing to grant
		if (!isAppError(failure)) throw failure;
	}
}

/** The demo member is followed by the first sample operator: a badged case with needs and one action. */
async function loadDemoMemberCase(db: Db) {
	const [member] = await db.select({ id: user.id }).from(user).where(eq(user.email, 'member@demo.sharaka.ma'));
	const [operator] = await db.select({ id: organisation.id }).from(organisation).where(eq(organisation.slug, 'exemple-ramre-01'));
	if (!member || !operator) return;
	const schemes = await catalogueSchemes(db);
	await db.transaction(async (tx) => {
		const [created] = await tx
			.insert(reintegrationCase)
			.values({
				operatorOrganisationId: operator.id,
				personUserId: member.id,
				consentPurpose: 'Exemple : suivi de la réintégration et orientation vers les services du réseau',
				consentAt: new Date('2026-09-20T10:00:00Z'),
				returnDate: '2026-09-15',
				hostCountry: 'BE',
				schemeId: schemes.get('BE') ?? null,
				regionCode: regions[0].iso,
				householdSize: 3,
				needs: {
					economic: { level: 'high', notes: 'Exemple : pas de revenu depuis le retour' },
					social: { level: 'medium', notes: 'Exemple : inscription scolaire des enfants' },
					psychosocial: { level: 'low', notes: '' }
				},
				isSample: true
			})
			.onConflictDoNothing()
			.returning();
		if (created) await tx.insert(reintegrationAction).values({ caseId: created.id, dimension: 'economic', action: 'Exemple : monter un dossier de micro-projet', owner: 'La personne et son opérateur', dueDate: '2026-12-31' });
	});
}

/**
 * 300 sample returnees over the 40 sample operators (each in its region), back from seven host
 * countries over the last two and a half years; a quarter of the older cases closed.
 */
async function loadSampleCases(db: Db) {
	const [{ count }] = await db.select({ count: sql<number>`count(*)::int` }).from(user).where(like(user.email, `%@${SAMPLE_RETURNEE_DOMAIN}`));
	if (count > 0) return;
	await insertSampleCases(db, { count: SAMPLE_COUNT, firstIndex: 0, seed: 2020 });
}

/**
 * `count` sample returnees (numbered from `firstIndex`, so several batches never share an e-mail) with
 * their cases, plans and survey rounds, over the sample operators: the demo's 300, or a benchmark's
 * tens of thousands. Nothing when the sample network is not there.
 */
export async function insertSampleCases(db: Db, { count, firstIndex, seed }: { count: number; firstIndex: number; seed: number }): Promise<number> {
	const operators = await db
		.select({ id: organisation.id, slug: organisation.slug })
		.from(organisation)
		.innerJoin(networkMember, eq(networkMember.organisationId, organisation.id))
		.where(and(eq(networkMember.isSample, true), eq(networkMember.status, 'member')))
		.orderBy(organisation.slug);
	if (operators.length === 0) return 0;
	const schemes = await catalogueSchemes(db);
	const random = sequence(seed);
	const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
	const today = Date.UTC(2026, 11, 1);
	const day = 86_400_000;
	const context = systemContext('system');
	return db.transaction(async (tx) => {
		const people = Array.from({ length: count }, (_, offset) => {
			const index = firstIndex + offset;
			const name = `${firstNames[index % firstNames.length]} ${lastNames[Math.floor(index / firstNames.length) % lastNames.length]}`;
			const local = name.toLowerCase().replace(/[^a-z]+/g, '.');
			return { id: crypto.randomUUID(), email: `${local}.${index + 1}@${SAMPLE_RETURNEE_DOMAIN}`, name: `${name} (exemple)`, role: 'member' as const, emailVerified: false, locale: 'fr' as const };
		});
		// no credential account: nobody can sign in as a sample returnee
		for (let start = 0; start < people.length; start += 1000) await tx.insert(user).values(people.slice(start, start + 1000));
		const cases = people.map((person, offset) => {
			const index = firstIndex + offset;
			// the sample operators are numbered in region order (see the network samples): index mod 12
			const operatorIndex = index % operators.length;
			const region = regions[operatorIndex % regions.length];
			const returned = today - Math.floor(30 + random() * 870) * day;
			const country = pick(hostCountries);
			const closed = returned < today - 365 * day && random() < 0.35;
			return {
				operatorOrganisationId: operators[operatorIndex].id,
				personUserId: person.id,
				consentPurpose: 'Exemple : suivi de la réintégration et orientation vers les services du réseau',
				consentAt: new Date(returned + 10 * day),
				returnDate: isoDay(returned),
				hostCountry: country,
				// six in ten left with a scheme: the catalogue's for its countries, else one written by hand
				...(random() < 0.6 ? (schemes.has(country) ? { schemeId: schemes.get(country)! } : { scheme: `Exemple : dispositif d’aide au retour (${country})` }) : {}),
				regionCode: region.iso,
				householdSize: 1 + Math.floor(random() * 5),
				needs: Object.fromEntries(needDimensions.map((dimension) => [dimension, { level: pick(needLevels), notes: '' }])),
				closedAt: closed ? new Date(returned + Math.floor(200 + random() * 150) * day) : null,
				closeReason: closed ? pick(caseCloseReasons) : null,
				isSample: true,
				createdAt: new Date(returned + 10 * day),
				updatedAt: new Date(returned + 20 * day)
			};
		});
		const inserted: { id: string; closedAt: Date | null; returnDate: string }[] = [];
		for (let start = 0; start < cases.length; start += 100) {
			inserted.push(...(await tx.insert(reintegrationCase).values(cases.slice(start, start + 100)).returning({ id: reintegrationCase.id, closedAt: reintegrationCase.closedAt, returnDate: reintegrationCase.returnDate })));
		}
		const plans = inserted.flatMap((row) => samplePlan(row, random, today));
		for (let start = 0; start < plans.length; start += 1000) await tx.insert(reintegrationAction).values(plans.slice(start, start + 1000));
		const surveys = inserted.flatMap((row) => sampleSurveys(row, random, today));
		for (let start = 0; start < surveys.length; start += 200) await tx.insert(reintegrationSurvey).values(surveys.slice(start, start + 200));
		await recordAudit(tx, context, { action: 'return_case.samples', resourceType: 'return_case', resourceId: null, after: { cases: inserted.length } });
		return inserted.length;
	});
}

/** One to three actions per case; the older the return, the further along (a closed case's plan is done or dropped). */
function samplePlan(row: { id: string; closedAt: Date | null; returnDate: string }, random: () => number, today: number) {
	const count = 1 + Math.floor(random() * 3);
	const age = (today - Date.parse(row.returnDate)) / 86_400_000;
	return Array.from({ length: count }, (_, index) => {
		const dimension = needDimensions[(index + Math.floor(random() * 3)) % needDimensions.length];
		const actions = sampleActions[dimension];
		const progress = random();
		const status: PlanActionStatus = row.closedAt ? (progress < 0.8 ? 'done' : 'dropped') : age > 180 && progress < 0.5 ? 'done' : age > 60 && progress < 0.7 ? 'in_progress' : 'planned';
		return {
			caseId: row.id,
			dimension,
			action: actions[Math.floor(random() * actions.length)],
			owner: index === 0 ? 'La personne et son opérateur' : 'Membre du réseau RAMre',
			dueDate: new Date(Date.parse(row.returnDate) + (60 + index * 90) * 86_400_000).toISOString().slice(0, 10),
			status
		};
	});
}

/**
 * The rounds already due of a sample case, about three in four answered (online or on paper); each
 * returnee has a situation that tends to get better from one round to the next.
 */
function sampleSurveys(row: { id: string; closedAt: Date | null; returnDate: string }, random: () => number, today: number) {
	const situation = 0.25 + random() * 0.5;
	return surveyRounds.flatMap((round, index) => {
		const due = Date.parse(roundDueDate(row.returnDate, round));
		if (due > today || (row.closedAt && due > row.closedAt.getTime()) || random() > 0.75) return [];
		const level = Math.min(0.95, situation + index * 0.08);
		const answers: SurveyAnswers = Object.fromEntries(
			surveyIndicators.map((indicator) => {
				if (indicator.canNotApply && random() < 0.3) return [indicator.key, NOT_APPLICABLE];
				const choices = Object.keys(indicator.answers);
				// answers are listed best first: a better situation picks nearer the start
				const position = Math.min(choices.length - 1, Math.max(0, Math.floor((1 - level + (random() - 0.5) * 0.5) * choices.length)));
				return [indicator.key, choices[position]];
			})
		);
		const scores = surveyScores(answers);
		const answeredAt = new Date(due + Math.floor(random() * 20) * 86_400_000);
		return [
			{
				caseId: row.id,
				round,
				invitedAt: new Date(due),
				answers,
				channel: random() < 0.6 ? ('online' as const) : ('paper' as const),
				answeredAt,
				economicScore: scores.economic,
				socialScore: scores.social,
				psychosocialScore: scores.psychosocial,
				overallScore: scores.overall,
				isSample: true,
				createdAt: new Date(due)
			}
		];
	});
}

/** The sample returnees' accounts go with the samples (their cases first). */
export async function removeSampleReturnees(tx: DbOrTx): Promise<number> {
	const people = await tx.select({ id: user.id }).from(user).where(like(user.email, `%@${SAMPLE_RETURNEE_DOMAIN}`));
	if (people.length === 0) return 0;
	const ids = people.map((row) => row.id);
	await tx.delete(reintegrationCase).where(inArray(reintegrationCase.personUserId, ids));
	await tx.delete(user).where(inArray(user.id, ids));
	return ids.length;
}
