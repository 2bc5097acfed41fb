// Demo: the network space with something in it — an announcement, a past meeting with its minutes, the
// next meeting, two contributions of sample members (one answered). All samples (titles say "Exemple"),
// removed with the sample network. The demo partner sees the space once its organisation has joined.
import { and, eq, like } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { organisation, user } from '../../platform/accounts/accounts.table.ts';
import { workspaceAnnouncement, workspaceContribution, workspaceMeeting } from '../../platform/workspace/workspace.table.ts';
import { networkSpace } from './network-space.ts';

const DAY = 86_400_000;

export async function loadNetworkSpaceDemoData(db: Db): Promise<void> {
	const [existing] = await db.select({ id: workspaceAnnouncement.id }).from(workspaceAnnouncement).where(and(eq(workspaceAnnouncement.workspace, networkSpace.key), eq(workspaceAnnouncement.isSample, true))).limit(1);
	if (existing) return;
	const samples = await db.select({ id: organisation.id }).from(organisation).where(like(organisation.slug, 'exemple-ramre-0%')).orderBy(organisation.slug).limit(3);
	const [secretary] = await db.select({ id: user.id, name: user.name }).from(user).where(eq(user.email, 'moderator@demo.sharaka.ma'));
	if (!secretary || samples.length < 3) return;
	// whole hours, as people set meetings
	const now = Math.floor(Date.now() / 3_600_000) * 3_600_000;
	const workspace = networkSpace.key;
	await db.insert(workspaceAnnouncement).values({
		workspace,
		language: 'fr',
		title: 'Exemple — Appel à contributions pour la stratégie des MRE de retour',
		body: 'Le secrétariat réunit les propositions des membres pour la prochaine révision de la stratégie. Déposez vos contributions dans l’espace avant la prochaine réunion.',
		authorId: secretary.id,
		authorLabel: secretary.name,
		publishedAt: new Date(now - 3 * DAY),
		isSample: true
	});
	await db.insert(workspaceMeeting).values([
		{
			workspace,
			language: 'fr',
			title: 'Exemple — Réunion du réseau : bilan du semestre',
			startsAt: new Date(now - 20 * DAY),
			mode: 'hybrid',
			place: 'Rabat (exemple), et en ligne',
			agenda: '1. Tour de table des membres\n2. Retours sur le guide du retour\n3. Préparation des contributions à la stratégie',
			minutes: 'Les membres présents ont partagé les difficultés rencontrées à l’arrivée (documents, scolarité). Le secrétariat a proposé un appel à contributions ; il est lancé.',
			attendeeOrganisationIds: samples.map((item) => item.id),
			minutesBy: secretary.id,
			minutesAt: new Date(now - 18 * DAY),
			createdBy: secretary.id,
			isSample: true
		},
		{
			workspace,
			language: 'fr',
			title: 'Exemple — Réunion du réseau : contributions à la stratégie',
			startsAt: new Date(now + 14 * DAY),
			mode: 'online',
			place: 'En ligne (lien envoyé aux membres, exemple)',
			agenda: '1. Lecture des contributions reçues\n2. Réponses du secrétariat\n3. Calendrier',
			createdBy: secretary.id,
			isSample: true
		}
	]);
	await db.insert(workspaceContribution).values([
		{
			workspace,
			organisationId: samples[1].id,
			topic: 'economic',
			language: 'fr',
			title: 'Exemple — Accompagner les projets des MRE de retour dans les régions rurales',
			body: 'Exemple de contribution : les personnes de retour dans les régions rurales ont besoin d’un accompagnement de proximité pour leurs projets ; nous proposons de relier les services du réseau aux centres régionaux d’investissement.',
			authorId: null,
			authorLabel: 'Exemple',
			submittedAt: new Date(now - 10 * DAY),
			status: 'partly_retained',
			answer: 'Exemple de réponse : retenue pour le chapitre sur la réintégration économique ; le lien avec les centres régionaux d’investissement sera étudié.',
			answerLanguage: 'fr',
			answeredBy: secretary.id,
			answeredByLabel: secretary.name,
			answeredAt: new Date(now - 5 * DAY),
			isSample: true
		},
		{
			workspace,
			organisationId: samples[0].id,
			topic: 'arrival',
			language: 'ar',
			title: 'مثال — استقبال الأسر العائدة في المطارات',
			body: 'مثال لمساهمة: نقترح نقطة استقبال وإخبار للأسر العائدة في المطارات الرئيسية بتنسيق مع أعضاء الشبكة.',
			authorId: null,
			authorLabel: 'Exemple',
			submittedAt: new Date(now - 2 * DAY),
			isSample: true
		}
	]);
}

/** The sample network space's rows (run with the sample network's removal). */
export async function removeNetworkSpaceSamples(db: Pick<Db, 'delete'>) {
	const workspace = networkSpace.key;
	await db.delete(workspaceAnnouncement).where(and(eq(workspaceAnnouncement.workspace, workspace), eq(workspaceAnnouncement.isSample, true)));
	await db.delete(workspaceMeeting).where(and(eq(workspaceMeeting.workspace, workspace), eq(workspaceMeeting.isSample, true)));
	await db.delete(workspaceContribution).where(and(eq(workspaceContribution.workspace, workspace), eq(workspaceContribution.isSample, true)));
}
