// Demo data of the mentoring: offers by sample talents with a public card (those whose contributions include
// remote mentoring, teaching or business creation), sample young members in Morocco (accounts that cannot sign
// in, on the reserved domain) and their requests in every state, the accepted and ended ones with a few messages of
// their conversation. Everything is badged; nothing is presented as real.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.ts';
import { user } from '../../../platform/accounts/accounts.table.ts';
import { talentProfile } from '../talents.table.ts';
import { SAMPLE_TALENT_DOMAIN } from '../generate.ts';
import type { MentoringStatus } from '../talents.model.ts';
import { mentoringMessage, mentoringOffer, mentoringRequest } from './mentoring.table.ts';

const OFFERS = 24;

const abouts = [
	{ language: 'fr', text: 'Je peux vous aider à choisir une formation, préparer un entretien ou relire un dossier de candidature.' },
	{ language: 'ar', text: 'يمكنني مساعدتكم في اختيار التكوين، والتحضير لمقابلة، ومراجعة ملف الترشيح.' },
	{ language: 'en', text: 'I can help you choose a course, prepare for an interview or review an application.' },
	{ language: 'fr', text: 'Créer une petite entreprise au Maroc : le plan d’affaires, les premiers clients, les dispositifs d’appui.' }
] as const;

const youngPeople = [
	{ name: 'Zineb Amrani (exemple)', locale: 'ar' },
	{ name: 'Ayoub Mansouri (exemple)', locale: 'fr' },
	{ name: 'Hajar Bakkali (exemple)', locale: 'ar' },
	{ name: 'Soufiane Rami (exemple)', locale: 'fr' },
	{ name: 'Douae Lamrani (exemple)', locale: 'en' },
	{ name: 'Marouane Kabbaj (exemple)', locale: 'ar' }
] as const;

/** a conversation's messages, in turn from the member and the talent (the member writes first) */
type Conversation = readonly string[];
const conversations: Record<number, Conversation> = {
	1: ['Merci d’avoir accepté ! Je vous envoie la maquette de l’application cette semaine.', 'Avec plaisir. Regardons ensemble les besoins de deux coopératives avant de coder : mardi à 19 h, heure de Rabat ?', 'Mardi me convient, merci.'],
	3: ['Merci pour vos conseils sur les candidatures.', 'Bonne chance pour le stage, tenez-moi au courant.'],
	5: ['شكرا على قبول طلبي. أرسلت لكم وصف المشروع.', 'قرأته، الفكرة جيدة. لنبدأ بدراسة السوق في المنطقة.']
};

const requests: { offer: number; young: number; status: MentoringStatus; message: string; reason?: string; days: number }[] = [
	{ offer: 0, young: 0, status: 'requested', message: 'أدرس الإعلاميات في وجدة وأرغب في نصائح لاختيار الماستر.', days: 2 },
	{ offer: 0, young: 1, status: 'accepted', message: 'Je prépare un projet d’application mobile pour les coopératives : pouvez-vous m’accompagner ?', days: 20 },
	{ offer: 1, young: 2, status: 'declined', message: 'أبحث عن مواكبة لإنشاء مقاولة صغيرة في الفلاحة.', reason: 'Je n’ai plus de disponibilité avant septembre.', days: 12 },
	{ offer: 2, young: 3, status: 'ended', message: 'J’aimerais des conseils pour un stage en ingénierie à l’étranger.', reason: 'Stage trouvé, merci pour tout.', days: 60 },
	{ offer: 3, young: 4, status: 'withdrawn', message: 'I would like guidance on studying nursing in Europe.', days: 8 },
	{ offer: 4, young: 5, status: 'accepted', message: 'أريد تطوير مشروعي في السياحة القروية بجهة درعة تافيلالت.', days: 30 }
];

/** Does nothing when sample offers exist already. */
export async function loadMentoringDemoData(db: Db): Promise<void> {
	const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(mentoringOffer).where(eq(mentoringOffer.isSample, true));
	if (n > 0) return;
	const mentors = await db
		.select({ profile: talentProfile })
		.from(talentProfile)
		.innerJoin(user, eq(user.id, talentProfile.userId))
		.where(and(eq(talentProfile.isSample, true), eq(talentProfile.consentLevel, 'public'), sql`${talentProfile.contributions} && array['remote_mentoring', 'teaching', 'business_creation']::text[]`, sql`${user.email} like ${`%@${SAMPLE_TALENT_DOMAIN}`}`))
		.orderBy(asc(user.email))
		.limit(OFFERS);
	if (!mentors.length) return;
	const now = Date.now();
	await db.transaction(async (tx) => {
		const offers = await tx
			.insert(mentoringOffer)
			.values(
				mentors.map(({ profile }, index) => {
					const about = abouts[index % abouts.length]!;
					return {
						mentorUserId: profile.userId,
						skills: profile.skills.slice(0, 2),
						occupationCode: profile.occupationCode,
						languages: [...new Set(['ary', ...profile.languages.map((entry) => entry.language)])].slice(0, 4),
						remote: index % 5 !== 4,
						hoursPerMonth: 2 + (index % 5) * 2,
						capacity: 1 + (index % 3),
						about: about.text,
						aboutLanguage: about.language,
						status: index === OFFERS - 1 ? ('closed' as const) : ('open' as const),
						isSample: true,
						createdAt: new Date(now - (90 - index) * 86_400_000),
						updatedAt: new Date(now - (30 - (index % 30)) * 86_400_000)
					};
				})
			)
			.returning({ id: mentoringOffer.id, mentorUserId: mentoringOffer.mentorUserId });
		const young = await tx
			.insert(user)
			.values(youngPeople.map((person, index) => ({ id: crypto.randomUUID(), email: `jeune-${index}@${SAMPLE_TALENT_DOMAIN}`, name: person.name, role: 'member' as const, emailVerified: false, locale: person.locale })))
			.onConflictDoNothing()
			.returning({ id: user.id });
		if (young.length !== youngPeople.length) return;
		const chosen = requests.filter((entry) => offers[entry.offer]);
		const created = await tx
			.insert(mentoringRequest)
			.values(
				chosen.map((entry) => {
					const asked = new Date(now - entry.days * 86_400_000);
					const answered = entry.status === 'requested' || entry.status === 'withdrawn' ? null : new Date(asked.getTime() + 2 * 86_400_000);
					const ended = entry.status === 'ended' ? new Date(now - 5 * 86_400_000) : entry.status === 'withdrawn' ? new Date(asked.getTime() + 86_400_000) : null;
					return {
						offerId: offers[entry.offer]!.id,
						mentorUserId: offers[entry.offer]!.mentorUserId,
						menteeUserId: young[entry.young]!.id,
						message: entry.message,
						status: entry.status,
						reason: entry.reason ?? null,
						endedBy: entry.status === 'ended' ? ('mentee' as const) : null,
						isSample: true,
						createdAt: asked,
						answeredAt: answered,
						endedAt: ended,
						updatedAt: ended ?? answered ?? asked
					};
				})
			)
			.returning();
		const messages = created.flatMap((request, index) =>
			(conversations[requests.indexOf(chosen[index]!)] ?? []).map((body, turn) => ({
				requestId: request.id,
				authorUserId: turn % 2 === 0 ? request.menteeUserId : request.mentorUserId,
				fromMentor: turn % 2 === 1,
				body,
				isSample: true,
				createdAt: new Date(request.answeredAt!.getTime() + (turn + 1) * 3_600_000)
			}))
		);
		if (messages.length) await tx.insert(mentoringMessage).values(messages);
	});
}
