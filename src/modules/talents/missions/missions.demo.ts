// Demo data of the missions: three fictional Moroccan institutions (named "(exemple)"), the demo institution
// account (institution@demo.sharaka.ma, a member of the fictional regional council), seven sample missions in
// every state (the completed one in a real Atlas initiative of its region, PRIMO in the Oriental), two proposals
// (one waiting for a moderator, one returned with a reason), and the talents' part:
// interests, a contact request to the demo member, selected talents, a conversation, mutual feedback and
// views of profiles. Everything is badged as a sample; nothing is presented as real.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { hashPassword } from 'better-auth/crypto';
import type { Db } from '../../../platform/db/database.ts';
import { account, organisation, organisationMember, user } from '../../../platform/accounts/accounts.table.ts';
import { recordAudit, systemContext } from '../../../platform/audit/audit.service.ts';
import { createContext, type RequestContext } from '../../../platform/kernel/context.ts';
import { unknownLinks } from '../../../platform/kernel/links.ts';
import { moderationProposal } from '../../../platform/moderation/moderation.table.ts';
import type { OrganisationType } from '../../../platform/accounts/accounts.model.ts';
import { talentProfile } from '../talents.table.ts';
import type { MissionStatus } from '../talents.model.ts';
import type { MissionData } from './missions.schemas.ts';
import { changeStatus, insertMission, MISSIONS_COLLECTION } from './missions.service.ts';
import { mission, missionCandidate, missionFeedback, missionMessage, talentProfileView } from './missions.table.ts';

export const DEMO_INSTITUTION_EMAIL = 'institution@demo.sharaka.ma';
/** The Atlas's real initiative the demo's completed mission belongs to: PRIMO, SHARAKA's pilot in the Oriental (reference data). */
export const DEMO_MISSION_INITIATIVE = 'atlas.initiative:primo-oriental';

const institutions: { slug: string; name: string; acronym: string; type: OrganisationType }[] = [
	{ slug: 'exemple-conseil-regional', name: 'Conseil régional (exemple)', acronym: 'CR', type: 'local_authority' },
	{ slug: 'exemple-chu', name: 'Centre hospitalier universitaire (exemple)', acronym: 'CHU', type: 'public_agency' },
	{ slug: 'exemple-universite', name: 'Université (exemple)', acronym: 'UE', type: 'university' }
];

type Sample = Omit<MissionData, 'organisationId' | 'startsOn' | 'endsOn'> & { organisation: number; status: MissionStatus; startsIn: number; days: number };

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000);
const isoDay = (offset: number) => day(offset).toISOString().slice(0, 10);

const samples: Sample[] = [
	{
		organisation: 0,
		status: 'open',
		title: { fr: 'Former les agents de la région aux outils numériques', ar: 'تكوين موظفي الجهة على الأدوات الرقمية' },
		context: {
			fr: 'Le conseil régional dématérialise ses démarches. Il cherche un ou une spécialiste du numérique pour former une trentaine d’agents, à distance puis pendant une semaine sur place.',
			ar: 'يعمل المجلس الجهوي على رقمنة مساطره. ويبحث عن متخصص في المجال الرقمي لتكوين حوالي ثلاثين موظفًا، عن بعد ثم لمدة أسبوع حضوريًا.'
		},
		region: 'MA-02',
		sector: 'digital_economy',
		skills: ['digital', 'teaching'],
		occupationCode: '2512',
		languages: [{ language: 'fr', level: 'B2' }],
		mode: 'hybrid',
		durationDays: 5,
		remoteHoursPerMonth: 4,
		travelCovered: true,
		stayCovered: true,
		conditions: { fr: 'Indemnité journalière selon le barème du conseil.' },
		startsIn: 45,
		days: 60
	},
	{
		organisation: 1,
		status: 'open',
		title: { fr: 'Mettre en place la télé-expertise en cardiologie' },
		context: { fr: 'Le service de cardiologie veut relier quatre hôpitaux provinciaux pour l’avis à distance sur les électrocardiogrammes.' },
		region: 'MA-05',
		sector: 'health',
		skills: ['health', 'digital'],
		occupationCode: '2212',
		languages: [
			{ language: 'fr', level: 'C1' },
			{ language: 'ary', level: 'B1' }
		],
		mode: 'on_site',
		durationDays: 10,
		remoteHoursPerMonth: null,
		travelCovered: true,
		stayCovered: false,
		conditions: {},
		startsIn: 30,
		days: 20
	},
	{
		organisation: 2,
		status: 'open',
		title: { en: 'Co-supervise doctoral students in water engineering', fr: 'Co-encadrer des doctorants en ingénierie de l’eau' },
		context: {
			en: 'The university looks for researchers abroad to co-supervise three PhD theses on irrigation efficiency, with monthly video meetings.',
			fr: 'L’université cherche des chercheurs à l’étranger pour co-encadrer trois thèses sur l’efficience de l’irrigation, avec une réunion en ligne par mois.'
		},
		region: 'MA-06',
		sector: 'water',
		skills: ['research', 'engineering'],
		occupationCode: '2142',
		languages: [{ language: 'en', level: 'C1' }],
		mode: 'remote',
		durationDays: null,
		remoteHoursPerMonth: 6,
		travelCovered: false,
		stayCovered: false,
		conditions: {},
		startsIn: 20,
		days: 365
	},
	{
		organisation: 0,
		status: 'matched',
		title: { fr: 'Audit énergétique des bâtiments régionaux' },
		context: { fr: 'Un audit des consommations de douze bâtiments publics, et un plan de rénovation priorisé.' },
		region: 'MA-02',
		sector: 'energy',
		skills: ['energy_environment', 'engineering'],
		occupationCode: '2149',
		languages: [{ language: 'fr', level: 'B2' }],
		mode: 'on_site',
		durationDays: 15,
		remoteHoursPerMonth: null,
		travelCovered: true,
		stayCovered: true,
		conditions: {},
		startsIn: 10,
		days: 30
	},
	{
		organisation: 2,
		status: 'ongoing',
		title: { fr: 'Accompagner l’incubateur de l’université' },
		context: { fr: 'Coacher les porteurs de projets de l’incubateur, à distance, pendant une saison.' },
		region: 'MA-06',
		sector: 'education',
		skills: ['entrepreneurship', 'management'],
		occupationCode: null,
		languages: [],
		mode: 'remote',
		durationDays: null,
		remoteHoursPerMonth: 8,
		travelCovered: false,
		stayCovered: false,
		conditions: {},
		startsIn: -20,
		days: 90
	},
	{
		organisation: 0,
		status: 'completed',
		title: { fr: 'Plan régional de gestion des déchets agricoles', ar: 'المخطط الجهوي لتدبير النفايات الفلاحية' },
		// a real initiative of the Atlas in the same region (the Oriental): the region page and the initiative's page show the sample with it
		initiative: DEMO_MISSION_INITIATIVE,
		context: { fr: 'Diagnostic et plan d’action pour la valorisation des déchets agricoles de la région.', ar: 'تشخيص وخطة عمل لتثمين النفايات الفلاحية بالجهة.' },
		region: 'MA-02',
		sector: 'agriculture',
		skills: ['agriculture', 'energy_environment'],
		occupationCode: null,
		languages: [{ language: 'fr', level: 'B2' }],
		mode: 'hybrid',
		durationDays: 8,
		remoteHoursPerMonth: 6,
		travelCovered: true,
		stayCovered: true,
		conditions: {},
		startsIn: -120,
		days: 60
	},
	{
		organisation: 1,
		status: 'cancelled',
		title: { fr: 'Former les sages-femmes à l’échographie' },
		context: { fr: 'Une formation pratique de deux semaines à l’échographie obstétricale.' },
		region: 'MA-05',
		sector: 'health',
		skills: ['health', 'teaching'],
		occupationCode: '2222',
		languages: [{ language: 'fr', level: 'B2' }],
		mode: 'on_site',
		durationDays: 10,
		remoteHoursPerMonth: null,
		travelCovered: true,
		stayCovered: true,
		conditions: {},
		startsIn: 15,
		days: 14
	}
];

async function ensureInstitutions(db: Db) {
	const context = systemContext('system');
	const created = await db
		.insert(organisation)
		.values(institutions.map((entry) => ({ ...entry, country: 'MA' })))
		.onConflictDoNothing({ target: organisation.slug })
		.returning();
	for (const row of created) await recordAudit(db, context, { action: 'organisation.create', resourceType: 'organisation', resourceId: row.id, after: { ...row, sample: true } });
	const rows = await db.select({ id: organisation.id, slug: organisation.slug }).from(organisation).where(inArray(organisation.slug, institutions.map((entry) => entry.slug)));
	return institutions.map((entry) => rows.find((row) => row.slug === entry.slug)!.id);
}

async function ensureInstitutionAccount(db: Db, councilId: string) {
	const [existing] = await db.select({ id: user.id }).from(user).where(eq(user.email, DEMO_INSTITUTION_EMAIL));
	let id = existing?.id;
	if (!id) {
		const { DEMO_PASSWORD } = await import('../../../platform/demo/demo.ts');
		id = crypto.randomUUID();
		await db.insert(user).values({ id, email: DEMO_INSTITUTION_EMAIL, name: 'Nadia Institution (exemple)', role: 'partner', emailVerified: true, locale: 'fr' });
		await db.insert(account).values({ id: crypto.randomUUID(), accountId: id, providerId: 'credential', userId: id, password: await hashPassword(DEMO_PASSWORD) });
		await recordAudit(db, systemContext('system'), { action: 'user.create', resourceType: 'user', resourceId: id, after: { email: DEMO_INSTITUTION_EMAIL, role: 'partner', demo: true } });
	}
	await db.insert(organisationMember).values({ organisationId: councilId, userId: id }).onConflictDoNothing();
	return id;
}

/** Loads the missions' demo data once (nothing when sample missions exist). */
export async function loadMissionsDemoData(db: Db): Promise<void> {
	const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(mission).where(eq(mission.isSample, true));
	if (n > 0) return;
	const organisationIds = await ensureInstitutions(db);
	const clerkId = await ensureInstitutionAccount(db, organisationIds[0]);
	const [moderator] = await db.select({ id: user.id }).from(user).where(eq(user.email, 'moderator@demo.sharaka.ma'));
	const [member] = await db.select({ id: user.id }).from(user).where(eq(user.email, 'member@demo.sharaka.ma'));
	// sample talents who may be ranked, for the selected talents and their feedback
	const talents = (
		await db
			.select({ userId: talentProfile.userId })
			.from(talentProfile)
			.where(and(eq(talentProfile.isSample, true), inArray(talentProfile.consentLevel, ['public', 'institutions']), member ? sql`${talentProfile.userId} <> ${member.id}` : undefined))
			.orderBy(talentProfile.userId)
			.limit(6)
	).map((row) => row.userId);

	const clerk = { userId: clerkId, role: 'partner' as const, organisationIds: [organisationIds[0]] };

	await db.transaction(async (tx) => {
		// the council's missions are its demo account's doing; the other organisations have no account in the demo
		const inTx = (offset: number, ours = true): RequestContext =>
			createContext({ db: tx, actor: ours ? clerk : null, audit: { ...systemContext('system'), actorUserId: ours ? clerkId : null }, now: () => day(offset) });
		const published: { id: string; status: MissionStatus }[] = [];
		// the initiative only where the Atlas holds it (reference data of every database; a link to nothing is left out)
		const initiativeKnown = !(await unknownLinks(tx, [DEMO_MISSION_INITIATIVE], 'fr')).length;
		for (const [index, sample] of samples.entries()) {
			const { organisation: owner, status, startsIn, days, initiative, ...rest } = sample;
			const data: MissionData = { ...rest, ...(initiative && initiativeKnown ? { initiative } : {}), organisationId: organisationIds[owner], startsOn: isoDay(startsIn), endsOn: isoDay(startsIn + days) };
			const postedAt = Math.min(-5, startsIn - 30) - index;
			const created = await insertMission(inTx(postedAt, owner === 0), data, { userId: owner === 0 ? clerkId : null, organisationId: organisationIds[owner], comment: null }, { isSample: true, at: day(postedAt) });
			const steps: MissionStatus[] = status === 'matched' ? ['matched'] : status === 'ongoing' ? ['matched', 'ongoing'] : status === 'completed' ? ['matched', 'ongoing', 'completed'] : status === 'cancelled' ? ['cancelled'] : [];
			let offset = postedAt;
			for (const step of steps) {
				offset = step === 'ongoing' ? startsIn : step === 'completed' ? startsIn + days : offset + 3;
				const [row] = await tx.select().from(mission).where(eq(mission.id, created.id));
				await changeStatus(inTx(Math.min(offset, -1), owner === 0), row, step, {
					note: step === 'cancelled' ? 'Le financement de la formation n’a pas été reconduit (exemple).' : null,
					report:
						step === 'completed'
							? {
									language: 'fr',
									results: 'Un diagnostic de 14 communes et un plan d’action en six mesures adopté par la commission (exemple).',
									deliverables: 'Rapport de diagnostic ; plan d’action ; deux ateliers avec les coopératives.',
									followUp: 'Une deuxième mission sur le compostage est envisagée (exemple).'
								}
							: undefined
				});
			}
			published.push({ id: created.id, status });
		}

		// the talents' part
		const candidate = (missionId: string, talentUserId: string, values: Partial<typeof missionCandidate.$inferInsert>, offset: number) =>
			tx.insert(missionCandidate).values({ missionId, talentUserId, createdAt: day(offset), updatedAt: day(offset), ...values }).onConflictDoNothing();
		const [digital, , , audit, incubator, waste] = published;
		if (member) {
			await candidate(digital.id, member.id, { interested: true, interestNote: 'J’ai formé des équipes municipales à Cologne ; disponible en août.', interestAt: day(-3), contact: 'requested', contactAt: day(-1) }, -3);
			await tx.insert(missionMessage).values({ missionId: digital.id, talentUserId: member.id, fromTalent: false, authorUserId: clerkId, body: 'Bonjour, votre profil correspond à notre besoin. Pouvons-nous en parler ?', createdAt: day(-1) });
			await tx.insert(talentProfileView).values([
				{ talentUserId: member.id, missionId: digital.id, kind: 'ranking', views: 3, firstAt: day(-4), lastAt: day(-1) },
				{ talentUserId: member.id, missionId: digital.id, kind: 'details', views: 1, firstAt: day(-1), lastAt: day(-1) }
			]);
		}
		const chosen = [
			[audit, talents[0]],
			[incubator, talents[1]],
			[waste, talents[2]]
		] as const;
		for (const [entry, talentUserId] of chosen) {
			if (!talentUserId) continue;
			await candidate(entry.id, talentUserId, { interested: true, interestNote: 'Intéressé·e (exemple).', interestAt: day(-40), shortlisted: true, shortlistedAt: day(-38), contact: 'accepted', contactAt: day(-37), contactAnsweredAt: day(-36), selected: true, selectedAt: day(-35) }, -40);
			await tx.insert(missionMessage).values([
				{ missionId: entry.id, talentUserId, fromTalent: false, authorUserId: clerkId, body: 'Bonjour, seriez-vous disponible pour cette mission ? (exemple)', createdAt: day(-37) },
				{ missionId: entry.id, talentUserId, fromTalent: true, authorUserId: talentUserId, body: 'Oui, avec plaisir. (exemple)', createdAt: day(-36) }
			]);
			await tx.insert(talentProfileView).values({ talentUserId, missionId: entry.id, kind: 'details', views: 2, firstAt: day(-38), lastAt: day(-36) }).onConflictDoNothing();
		}
		if (talents[2]) {
			await tx.insert(missionFeedback).values([
				{ missionId: waste.id, talentUserId: talents[2], fromTalent: false, authorUserId: clerkId, rating: 5, comment: 'Travail rigoureux, bien reçu par les coopératives (exemple).', createdAt: day(-50) },
				{ missionId: waste.id, talentUserId: talents[2], fromTalent: true, authorUserId: talents[2], rating: 4, comment: 'Équipe disponible ; prévoir plus de temps sur le terrain (exemple).', createdAt: day(-49) }
			]);
		}
		for (const talentUserId of talents.slice(3)) await candidate(digital.id, talentUserId, { interested: true, interestNote: null, interestAt: day(-2) }, -2);

		// two proposals: one waiting for a moderator, one returned with a reason
		const proposal = (data: MissionData, values: Partial<typeof moderationProposal.$inferInsert>) =>
			tx.insert(moderationProposal).values({ collection: MISSIONS_COLLECTION, data, proposerUserId: clerkId, proposerOrganisationId: data.organisationId, ...values });
		const base = { region: 'MA-02', languages: [{ language: 'fr' as const, level: 'B2' as const }], travelCovered: true, stayCovered: true, conditions: {}, occupationCode: null, remoteHoursPerMonth: null };
		await proposal(
			{ ...base, organisationId: organisationIds[0], title: { fr: 'Schéma régional de mobilité durable' }, context: { fr: 'Appui à l’élaboration du schéma régional de mobilité : diagnostic des déplacements et scénarios.' }, sector: 'public_administration', skills: ['architecture_urbanism', 'engineering'], mode: 'on_site', startsOn: isoDay(60), endsOn: isoDay(90), durationDays: 12 },
			{ comment: 'Mission attendue par la commission de l’aménagement (exemple).', createdAt: day(-1) }
		);
		await proposal(
			{ ...base, organisationId: organisationIds[0], title: { fr: 'Appui juridique aux coopératives' }, context: { fr: 'Conseil aux coopératives.' }, sector: 'social', skills: ['law'], mode: 'remote', startsOn: null, endsOn: null, durationDays: null, remoteHoursPerMonth: 4 },
			{ status: 'changes_requested', reviewReason: 'Précisez le nombre de coopératives, les sujets juridiques et la durée attendue (exemple).', reviewerUserId: moderator?.id ?? null, reviewedAt: day(-2), createdAt: day(-4) }
		);
	});
}
