// Retention of the mobility counsellors' files (issue 10, item 6; the module checklist's retention rule): once
// none of a person's placement opportunities is open and their file has been left alone for
// MOBILITY_FILE_RETENTION_MONTHS, the daily job erases the file — the casework's needs, appointments, notes,
// documents and referrals of caseload `jobs.placement` — and the assignment to a counsellor. Erased, not
// anonymised: a file without its person is notes and needs about nobody, of no use to anyone. The pipeline
// entries themselves follow their own rule (retention.service.ts: 24 months after their campaign closed).
import { inArray, sql } from 'drizzle-orm';
import { recordAudit, systemContext, type AuditContext } from '../../../platform/audit/audit.service.ts';
import { eraseTeamFile } from '../../../platform/casework/casework.personal-data.ts';
import { caseAppointment, caseDocument, caseNeed, caseNote, caseReferral } from '../../../platform/casework/casework.table.ts';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { rowsOf } from '../../../platform/db/rows.ts';
import type { FileStore } from '../../../platform/storage/file-store.ts';
import { placementCampaign, placementCandidate } from './campaigns.table.ts';
import { placementInvitation, placementReturn } from './departure.table.ts';
import { placementFollowUp } from './mobility.caseload.ts';
import { DIVISION_TEAM_ID, MOBILITY_FILE_RETENTION_MONTHS } from './mobility.model.ts';
import { placementCaseAssignment } from './mobility.table.ts';

/**
 * The people whose mobility file is due for erasure at `now`: they have a file (a row of the caseload's
 * division team, or an assignment), nothing was written to it since the limit (a planned appointment counts
 * at its day), and every one of their opportunities closed before the limit — an entry that left the pipeline
 * (at its exit), came back from its season or reached the 12-month follow-up (at that move), did not return
 * (when recorded) or whose campaign closed (when it closed); an invitation to a next season is open while it
 * waits for an answer in an open campaign, else closed when answered (or when its campaign closed).
 */
export async function mobilityFilesDue(db: DbOrTx, now: Date): Promise<string[]> {
	const limit = sql`${now.toISOString()}::timestamptz - make_interval(months => ${MOBILITY_FILE_RETENTION_MONTHS})`;
	const ofFile = (table: typeof caseNote | typeof caseAppointment | typeof caseReferral | typeof caseDocument | typeof caseNeed) =>
		sql`${table.caseload} = ${placementFollowUp.key} and ${table.teamId} = ${DIVISION_TEAM_ID}`;
	const rows = await db.execute<{ person: string }>(sql`
		with written as (
			select ${caseNote.personUserId} as person, ${caseNote.createdAt} as at from ${caseNote} where ${ofFile(caseNote)}
			union all select ${caseAppointment.personUserId}, greatest(${caseAppointment.updatedAt}, ${caseAppointment.startsAt}) from ${caseAppointment} where ${ofFile(caseAppointment)}
			union all select ${caseReferral.personUserId}, greatest(${caseReferral.createdAt}, ${caseReferral.statusChangedAt}) from ${caseReferral} where ${ofFile(caseReferral)}
			union all select ${caseDocument.personUserId}, ${caseDocument.createdAt} from ${caseDocument} where ${ofFile(caseDocument)}
			union all select ${caseNeed.personUserId}, ${caseNeed.updatedAt} from ${caseNeed} where ${ofFile(caseNeed)}
			union all select ${placementCaseAssignment.personUserId}, ${placementCaseAssignment.assignedAt} from ${placementCaseAssignment}
		),
		files as (select person, max(at) as at from written group by person),
		closings as (
			select ${placementCandidate.userId} as person,
				case
					when ${placementCandidate.exitReason} is not null then coalesce(${placementCandidate.exitedAt}, ${placementCandidate.stageChangedAt})
					when ${placementCandidate.stage} in ('returned', 'follow_up_12') then ${placementCandidate.stageChangedAt}
					when ${placementReturn.outcome} = 'did_not_return' then ${placementReturn.recordedAt}
					when ${placementCampaign.status} = 'closed' then coalesce(${placementCampaign.closedAt}, ${placementCampaign.updatedAt})
				end as closed_at
			from ${placementCandidate}
			join ${placementCampaign} on ${placementCampaign.id} = ${placementCandidate.campaignId}
			left join ${placementReturn} on ${placementReturn.candidateId} = ${placementCandidate.id}
			where ${placementCandidate.userId} in (select person from files)
			union all
			select ${placementInvitation.userId},
				case
					when ${placementInvitation.status} <> 'invited' then coalesce(${placementInvitation.answeredAt}, ${placementInvitation.invitedAt})
					when ${placementCampaign.status} = 'closed' then coalesce(${placementCampaign.closedAt}, ${placementCampaign.updatedAt})
				end
			from ${placementInvitation}
			join ${placementCampaign} on ${placementCampaign.id} = ${placementInvitation.campaignId}
			where ${placementInvitation.userId} in (select person from files)
		)
		select files.person from files
		where files.at < ${limit}
			and not exists (select 1 from closings where closings.person = files.person and (closings.closed_at is null or closings.closed_at >= ${limit}))
		order by files.person`);
	return rowsOf<{ person: string }>(rows).map((row) => row.person);
}

/**
 * Erases the mobility files due (see `mobilityFilesDue`) in one transaction, with one audit event per run that
 * erased something (how many files and rows, the period — never who); the documents' files are removed from the
 * store once it has committed. Answers what it did.
 */
export async function eraseClosedMobilityFiles(db: DbOrTx, now: Date, files: FileStore | null, audit: AuditContext = systemContext()) {
	const done = await db.transaction(async (tx) => {
		const people = await mobilityFilesDue(tx, now);
		const counts = { files: people.length, needs: 0, notes: 0, appointments: 0, referrals: 0, documents: 0, assignments: 0 };
		const keys: string[] = [];
		if (!people.length) return { counts, keys };
		for (const person of people) {
			const erased = await eraseTeamFile(tx, placementFollowUp, person, DIVISION_TEAM_ID);
			counts.needs += erased.needs;
			counts.notes += erased.notes;
			counts.appointments += erased.appointments;
			counts.referrals += erased.referrals;
			counts.documents += erased.documents;
			keys.push(...erased.documentFiles);
		}
		counts.assignments = (
			await tx.delete(placementCaseAssignment).where(inArray(placementCaseAssignment.personUserId, people)).returning({ id: placementCaseAssignment.personUserId })
		).length;
		await recordAudit(tx, audit, {
			action: 'placement_case_file.retention',
			resourceType: 'placement_case_file',
			after: { ...counts, months: MOBILITY_FILE_RETENTION_MONTHS }
		});
		return { counts, keys };
	});
	for (const key of done.keys) await files?.delete(key);
	return done.counts;
}
