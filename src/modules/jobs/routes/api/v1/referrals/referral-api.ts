import type { CaseReferral } from '#platform/casework/casework.service.ts';

/**
 * A referral as the Jobs API has always shown it: the platform's entry, team and staff are the programme,
 * agency and counsellor here, and the team's side of its history is the counsellor's; `source` says whether an
 * agency's counsellor or a mobility counsellor (whose team is the division) referred.
 */
export function referralApiView(item: CaseReferral & { person?: { id: string; name: string; email: string; phone: string | null } | null; source?: 'agency' | 'mobility' }) {
	return {
		id: item.id,
		status: item.status,
		source: item.source ?? 'agency',
		programme: { id: item.entry.id, name: item.entry.name, organisation: item.entry.organisation },
		agency: item.team,
		counsellor: item.staff,
		message: item.message,
		...(item.person === undefined ? {} : { person: item.person }),
		createdAt: item.createdAt,
		statusChangedAt: item.statusChangedAt,
		history: item.history.map((step) => ({ status: step.status, side: step.side === 'team' ? 'counsellor' : step.side, at: step.at }))
	};
}
