// Demo data of the networks' discussions: a few threads and replies in French, Arabic and English by sample
// talents of two sample networks (the digital one, which the demo member joins, and the health one), a pinned
// welcome by the network's coordinator, a post hidden by the coordinator, a report waiting. Everything is badged.
import { and, asc, eq, like, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { user } from '../../platform/accounts/accounts.table.ts';
import { accessGrant } from '../../platform/accounts/access-grant.table.ts';
import { discussionFollow, discussionPost, discussionReport, discussionThread } from '../../platform/discussion/discussion.table.ts';
import { network, networkMember } from './talents.table.ts';
import { SAMPLE_TALENT_DOMAIN } from './generate.ts';
import { NETWORK_DISCUSSION } from './network-discussion.ts';

type Language = 'fr' | 'ar' | 'en';
/** `by`: an index into the network's sample members; -1 its coordinator; 'member' the demo member */
type Author = number | 'member';
interface DemoPost {
	by: Author;
	language: Language;
	body: string;
	days: number;
	hidden?: string;
	reportedBy?: number;
	reason?: string;
}
interface DemoThread {
	network: string;
	title: string;
	language: Language;
	pinned?: boolean;
	posts: DemoPost[];
	/** the demo member follows it and has not read its last reply */
	memberFollows?: boolean;
}

const threads: DemoThread[] = [
	{
		network: 'exemple-numerique',
		title: 'Bienvenue : comment nous échangeons ici',
		language: 'fr',
		pinned: true,
		posts: [
			{
				by: -1,
				language: 'fr',
				body: 'Bienvenue dans la discussion du réseau. Présentez-vous, posez vos questions, proposez votre aide.\nÉcrivez en français, en arabe ou en anglais : chacun lit la langue de l’autre à son rythme. Pas de publicité, pas de coordonnées personnelles dans les messages.',
				days: 40
			}
		]
	},
	{
		network: 'exemple-numerique',
		title: 'Mentorat à distance pour des étudiants en informatique au Maroc',
		language: 'fr',
		memberFollows: true,
		posts: [
			{ by: 0, language: 'fr', body: 'Une école d’ingénieurs de Rabat cherche des professionnels pour suivre à distance des projets de fin d’études (une heure tous les quinze jours). Qui serait partant ?', days: 12 },
			{ by: 1, language: 'ar', body: 'أنا مستعد لمواكبة مشروع أو مشروعين في تطوير تطبيقات الهاتف. هل هناك جدول زمني محدد؟', days: 11 },
			{ by: 'member', language: 'fr', body: 'Partante aussi, plutôt pour l’enseignement du numérique. Je peux prendre un projet à partir du mois prochain.', days: 10 },
			{ by: 2, language: 'en', body: 'Count me in for data engineering topics. Evenings Central European time work best for me.', days: 2 }
		]
	},
	{
		network: 'exemple-numerique',
		title: 'تجارب العمل عن بعد مع شركات ناشئة مغربية',
		language: 'ar',
		posts: [
			{ by: 3, language: 'ar', body: 'أعمل منذ سنتين مع شركة ناشئة في الدار البيضاء من ألمانيا. أشارككم ما تعلمته: عقد واضح، واجتماع أسبوعي ثابت، وأدوات مشتركة.', days: 20 },
			{ by: 4, language: 'fr', body: 'Merci pour ce retour. Comment gérez-vous la facturation et la fiscalité entre les deux pays ?', days: 19 },
			{ by: 5, language: 'ar', body: 'زوروا موقعي لشراء دورات تدريبية بأثمنة مخفضة!', days: 18, hidden: 'Publicité : hors de l’objet de la discussion.', reportedBy: 3, reason: 'Message publicitaire' },
			{ by: 3, language: 'ar', body: 'بالنسبة للفوترة، أشتغل كمقاول ذاتي في ألمانيا وأصدر فواتير بالأورو. استشيروا خبيرًا في الضرائب قبل البدء.', days: 17 }
		]
	},
	{
		network: 'exemple-numerique',
		title: 'Open-source tools for municipal services in Morocco',
		language: 'en',
		posts: [
			{ by: 2, language: 'en', body: 'Several communes are digitising their civil registry appointments. Has anyone worked with open-source booking tools that handle Arabic and French?', days: 6 },
			{ by: 0, language: 'fr', body: 'Oui, sur un projet en Belgique. L’essentiel est de prévoir dès le départ l’affichage de droite à gauche.', days: 5, reportedBy: 4, reason: 'Hors sujet ? Le projet n’était pas au Maroc.' }
		]
	},
	{
		network: 'exemple-sante',
		title: 'الاعتراف بالشهادات الطبية عند العودة إلى المغرب',
		language: 'ar',
		posts: [
			{ by: 0, language: 'ar', body: 'هل مر أحدكم بمسطرة معادلة شهادة طبية حصل عليها في فرنسا؟ ما الوثائق المطلوبة وكم استغرقت المدة؟', days: 9 },
			{ by: 1, language: 'fr', body: 'Oui, il y a deux ans : comptez plusieurs mois. Le plus long a été la traduction certifiée des relevés de notes.', days: 8 }
		]
	}
];

const day = 86_400_000;

/** Does nothing when sample threads exist already (or the sample networks do not). */
export async function loadDiscussionDemoData(db: Db): Promise<void> {
	const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(discussionThread).where(and(eq(discussionThread.discussion, NETWORK_DISCUSSION), eq(discussionThread.isSample, true)));
	if (n > 0) return;
	const [member] = await db.select({ id: user.id }).from(user).where(eq(user.email, 'member@demo.sharaka.ma'));
	const now = Date.now();
	await db.transaction(async (tx) => {
		const people = new Map<string, { members: string[]; coordinator: string | null }>();
		for (const slug of new Set(threads.map((thread) => thread.network))) {
			const [found] = await tx.select({ id: network.id }).from(network).where(eq(network.slug, slug));
			if (!found) continue;
			const members = await tx
				.select({ id: user.id })
				.from(networkMember)
				.innerJoin(user, eq(user.id, networkMember.userId))
				.where(and(eq(networkMember.networkId, found.id), eq(networkMember.status, 'member'), like(user.email, `%@${SAMPLE_TALENT_DOMAIN}`)))
				.orderBy(asc(user.email))
				.limit(7);
			const [coordinator] = await tx.select({ id: accessGrant.userId }).from(accessGrant).where(and(eq(accessGrant.module, 'talents'), eq(accessGrant.role, 'coordinator'), eq(accessGrant.scope, slug)));
			people.set(slug, { members: members.map((entry) => entry.id).slice(1), coordinator: coordinator?.id ?? members[0]?.id ?? null });
			// the demo member takes part in the digital network's discussion
			if (member && slug === 'exemple-numerique') await tx.insert(networkMember).values({ networkId: found.id, userId: member.id, status: 'member', requestedAt: new Date(now - 30 * day), decidedAt: new Date(now - 30 * day) }).onConflictDoNothing();
		}
		for (const demo of threads) {
			const found = people.get(demo.network);
			if (!found || found.members.length < 6) continue;
			const who = (by: Author) => (by === 'member' ? (member?.id ?? null) : by === -1 ? found.coordinator : found.members[by]);
			const at = (days: number) => new Date(now - days * day);
			const first = demo.posts[0];
			const last = demo.posts[demo.posts.length - 1];
			const [thread] = await tx
				.insert(discussionThread)
				.values({
					discussion: NETWORK_DISCUSSION,
					scope: demo.network,
					title: demo.title,
					language: demo.language,
					authorId: who(first.by),
					createdAt: at(first.days),
					updatedAt: at(first.days),
					lastActivityAt: at(last.days),
					replyCount: demo.posts.length - 1,
					pinned: demo.pinned ?? false,
					isSample: true
				})
				.returning();
			for (const [index, post] of demo.posts.entries()) {
				const [row] = await tx
					.insert(discussionPost)
					.values({
						threadId: thread.id,
						opening: index === 0,
						authorId: who(post.by),
						language: post.language,
						body: post.body,
						createdAt: at(post.days),
						hiddenAt: post.hidden ? at(post.days - 0.5) : null,
						hiddenBy: post.hidden ? found.coordinator : null,
						hiddenReason: post.hidden ?? null,
						isSample: true
					})
					.returning();
				if (post.reportedBy !== undefined) {
					const resolved = post.hidden ? { resolvedAt: at(post.days - 0.5), resolvedBy: found.coordinator, outcome: 'hidden' as const } : {};
					await tx.insert(discussionReport).values({ postId: row.id, reporterId: found.members[post.reportedBy], reason: post.reason ?? '', createdAt: at(post.days - 0.25), ...resolved });
				}
			}
			// each author follows what they wrote in, having read it then
			const followers = new Map<string, number>();
			for (const post of demo.posts) {
				const id = who(post.by);
				if (id) followers.set(id, post.days);
			}
			if (demo.memberFollows && member) followers.set(member.id, Math.min(...demo.posts.map((post) => post.days).filter((days) => days > last.days)));
			await tx
				.insert(discussionFollow)
				.values([...followers].map(([userId, days]) => ({ threadId: thread.id, userId, followedAt: at(days), seenAt: at(days) })))
				.onConflictDoNothing();
		}
	});
}
