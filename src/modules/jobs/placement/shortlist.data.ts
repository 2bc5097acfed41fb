// Demo data of the partners' shortlists (issue 10, item 5): a recruiter of the sample Huelva cooperative
// (demo account, the demo password) and a few of its decisions, with feedback, on the sample seasonal
// campaign's candidates, and the demo member's consent to share her identity with it. Everything is a sample; nothing is written when the recruiter is already there.
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { hashPassword } from 'better-auth/crypto';
import type { Db } from '../../../platform/db/database.ts';
import { account, organisation, organisationMember, user } from '../../../platform/accounts/accounts.table.ts';
import { recordAudit, systemContext } from '../../../platform/audit/audit.service.ts';
import { placementCampaign, placementCandidate } from './campaigns.table.ts';
import { SAMPLE_CAMPAIGN_TITLE } from './campaigns.data.ts';
import { placementIdentityConsent, placementPartnerDecision } from './shortlist.table.ts';

export const DEMO_PARTNER_RECRUITER_EMAIL = 'recruiter.huelva@demo.sharaka.ma';

export async function loadShortlistDemoData(db: Db) {
	const [present] = await db.select({ id: user.id }).from(user).where(eq(user.email, DEMO_PARTNER_RECRUITER_EMAIL));
	if (present) return;
	const [cooperative] = await db.select({ id: organisation.id }).from(organisation).where(eq(organisation.slug, 'exemple-cooperative-huelva'));
	const [campaign] = await db.select({ id: placementCampaign.id }).from(placementCampaign).where(and(eq(placementCampaign.isSample, true), eq(placementCampaign.title, SAMPLE_CAMPAIGN_TITLE)));
	if (!cooperative || !campaign) return;
	const { DEMO_PASSWORD } = await import('../../../platform/demo/demo.ts');
	const id = crypto.randomUUID();
	await db.insert(user).values({ id, email: DEMO_PARTNER_RECRUITER_EMAIL, name: 'Lucía Reclutadora (exemple)', role: 'partner', emailVerified: true, locale: 'fr' });
	await db.insert(account).values({ id: crypto.randomUUID(), accountId: id, providerId: 'credential', userId: id, password: await hashPassword(DEMO_PASSWORD) });
	await db.insert(organisationMember).values({ organisationId: cooperative.id, userId: id }).onConflictDoNothing();
	await recordAudit(db, systemContext('system'), { action: 'user.create', resourceType: 'user', resourceId: id, after: { email: DEMO_PARTNER_RECRUITER_EMAIL, role: 'partner', demo: true } });
	// a few decisions on the sample candidates already on the partner's shortlist or further
	const reviewed = await db
		.select({ id: placementCandidate.id, stage: placementCandidate.stage })
		.from(placementCandidate)
		.where(and(eq(placementCandidate.campaignId, campaign.id), eq(placementCandidate.isSample, true), isNull(placementCandidate.exitReason), inArray(placementCandidate.stage, ['shortlisted', 'interview', 'selected'])))
		.orderBy(asc(placementCandidate.id))
		.limit(6);
	const preselected = await db
		.select({ id: placementCandidate.id })
		.from(placementCandidate)
		.where(and(eq(placementCandidate.campaignId, campaign.id), eq(placementCandidate.isSample, true), isNull(placementCandidate.exitReason), eq(placementCandidate.stage, 'preselected')))
		.orderBy(asc(placementCandidate.id))
		.limit(2);
	const decidedAt = new Date(Date.now() - 3 * 86_400_000);
	const rows = [
		...reviewed.map((row, index) => ({
			candidateId: row.id,
			organisationId: cooperative.id,
			outcome: (row.stage === 'shortlisted' ? 'shortlisted' : 'interview') as 'shortlisted' | 'interview',
			feedback: index % 2 === 0 ? 'Exemple : bonne expérience de la récolte, disponible toute la saison.' : null,
			feedbackLang: index % 2 === 0 ? ('fr' as const) : null,
			byUserId: id,
			decidedAt
		})),
		...preselected.map((row, index) => ({
			candidateId: row.id,
			organisationId: cooperative.id,
			outcome: 'not_selected' as const,
			feedback: index === 0 ? 'Ejemplo: un nivel A1 de español ayudaría en el trabajo en equipo.' : 'Exemple : une première expérience en serre aiderait.',
			feedbackLang: index === 0 ? ('es' as const) : ('fr' as const),
			byUserId: id,
			decidedAt
		}))
	];
	if (rows.length) await db.insert(placementPartnerDecision).values(rows).onConflictDoNothing();
	// the demo member, a candidate of the campaign, shares her identity with the cooperative
	const [member] = await db.select({ id: user.id }).from(user).where(eq(user.email, 'member@demo.sharaka.ma'));
	if (member) await db.insert(placementIdentityConsent).values({ userId: member.id, organisationId: cooperative.id, grantedAt: decidedAt }).onConflictDoNothing();
}
