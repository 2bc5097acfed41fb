// Mobility counsellors' caseload (issue 10, item 6): the list's filters (page, export, API) and the API's shapes.
import { z } from 'zod';
import { appointmentModes, appointmentStatuses, caseDocumentKinds, needStatuses, referralKinds, referralStatuses } from '../../../platform/casework/casework.model.ts';
import { NeedInput, NeedUpdateInput, NoteInput } from '../../../platform/casework/casework.schemas.ts';
import { exitReasons, pipelineStages } from './campaigns.model.ts';
import { assignmentWays, caseloadViews, mobilityNeedKinds } from './mobility.model.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const blank = (value: unknown) => (value === '' || value === null ? undefined : value);

/** The caseload's filters (each optional; an unknown value is a field error). */
export const CaseloadFilter = z.object({
	show: z.preprocess(blank, z.enum(caseloadViews).optional()).describe('`mine` (default): the caller’s candidates; `unassigned`: those nobody follows; `all`: every qualified candidate (the division only)'),
	need: z.preprocess(blank, z.enum(mobilityNeedKinds).optional()).describe('only those with this need open or in progress'),
	stage: z.preprocess(blank, z.enum(pipelineStages).optional()).describe('only those at this stage of a qualified opportunity (still in)'),
	offer: z.preprocess(blank, z.string().regex(UUID).optional()).describe('only the candidates of this qualified campaign (its id)'),
	/** `week`: only the candidates with an appointment planned in the coming 7 days */
	appointments: z.preprocess(blank, z.enum(['week']).optional()).describe('`week`: only those with an appointment planned within 7 days')
});
export type CaseloadFilter = z.infer<typeof CaseloadFilter>;

const Opportunity = z.object({
	candidateId: z.string().describe('the pipeline entry'),
	campaignId: z.string(),
	title: z.string(),
	lang: z.string().describe('the language of the title'),
	hostCountry: z.string().describe('ISO 3166-1 alpha-2'),
	stage: z.enum(pipelineStages),
	exitReason: z.enum(exitReasons).nullable().describe('set when the candidate left the pipeline (at `stage`)'),
	isSample: z.boolean()
});
const Counsellor = z.object({ id: z.string(), name: z.string() }).nullable().describe('null: nobody follows the candidate');

export const CaseloadItem = z
	.object({
		id: z.string().describe('the person (account) id: the file’s address'),
		name: z.string(),
		opportunities: z.array(Opportunity).describe('the qualified (individual offer) campaigns the person is in'),
		needs: z.array(z.object({ kind: z.enum(mobilityNeedKinds), status: z.enum(needStatuses), dueOn: z.string().nullable() })).describe('the open and in-progress needs, nearest due first'),
		needsDone: z.number().int().describe('how many needs are done (closed)'),
		nextAppointment: z.string().nullable().describe('the next planned appointment (ISO 8601)'),
		counsellor: Counsellor,
		way: z.enum(assignmentWays).nullable().describe('`division`: assigned by the division; `taken`: taken by the counsellor; `offer`: the offer’s own mobility counsellor, when the candidate was shortlisted'),
		isSample: z.boolean()
	})
	.meta({ id: 'MobilityCaseloadItem' });

export const Caseload = z.object({
	show: z.enum(caseloadViews),
	more: z.boolean().describe('true when more than 200 matched (narrow with the filters)'),
	items: z.array(CaseloadItem)
});

export const MobilityCaseFile = z
	.object({
		person: z.object({ id: z.string(), name: z.string(), email: z.string() }),
		counsellor: Counsellor,
		way: z.enum(assignmentWays).nullable(),
		mine: z.boolean().describe('the caller is the candidate’s counsellor'),
		opportunities: z.array(Opportunity),
		needs: z.array(
			z.object({ id: z.string(), kind: z.enum(mobilityNeedKinds), status: z.enum(needStatuses), dueOn: z.string().nullable(), note: z.string().describe('seen by the candidate too'), by: z.string(), isSample: z.boolean(), updatedAt: z.string() })
		),
		appointments: z.array(z.object({ id: z.string(), startsAt: z.string(), mode: z.enum(appointmentModes), purpose: z.string(), status: z.enum(appointmentStatuses), staff: z.string(), isSample: z.boolean() })),
		notes: z.array(z.object({ id: z.string(), body: z.string(), author: z.string(), mine: z.boolean(), isSample: z.boolean(), createdAt: z.string() })).describe('private notes: never shown to the candidate on their page'),
		referrals: z.array(
			z.object({
				id: z.string(),
				status: z.enum(referralStatuses),
				kind: z.enum(referralKinds),
				programme: z.object({ id: z.string(), name: z.string(), organisation: z.string() }),
				staff: z.string(),
				message: z.string(),
				createdAt: z.string(),
				statusChangedAt: z.string(),
				history: z.array(z.object({ status: z.enum(referralStatuses), side: z.string(), at: z.string() }))
			})
		)
	})
	.meta({ id: 'MobilityCaseFile' });

// ---------- writing to a file through the API (the pages' forms, the same services) ----------

/** A need of the mobility caseload: one of its kinds (another is `field_choice` on `kind`), a due date, a note the candidate sees. */
export const MobilityNeedInput = NeedInput.extend({
	kind: z.enum(mobilityNeedKinds).describe('what the candidate needs'),
	note: NeedInput.shape.note.describe('seen by the candidate on their page (private remarks go in a note)')
}).meta({ id: 'MobilityNeedInput' });
export const MobilityNeed = z
	.object({ id: z.string(), kind: z.enum(mobilityNeedKinds), status: z.enum(needStatuses), dueOn: z.string().nullable(), note: z.string(), createdAt: z.string(), updatedAt: z.string() })
	.meta({ id: 'MobilityNeed' });

/** A need as it now stands (the file page's row form): its status, due date and note — an absent due date or note clears it. */
export const MobilityNeedUpdateInput = NeedUpdateInput.extend({
	status: NeedUpdateInput.shape.status.describe('`open`, `in_progress` or `done`'),
	dueOn: NeedUpdateInput.shape.dueOn.describe('YYYY-MM-DD; absent: no due date'),
	note: NeedUpdateInput.shape.note.describe('seen by the candidate; absent: no note')
}).meta({ id: 'MobilityNeedUpdateInput' });

export const MobilityAppointmentStatusInput = z
	.object({ status: z.enum(appointmentStatuses).describe('`held` or `missed` once it took place (or not), `cancelled` (the candidate is e-mailed), back to `planned`') })
	.meta({ id: 'MobilityAppointmentStatusInput' });
export const MobilityAppointmentStatus = z
	.object({ id: z.string(), status: z.enum(appointmentStatuses), changed: z.boolean().describe('false when it already had this status (nothing written)') })
	.meta({ id: 'MobilityAppointmentStatus' });

/** A referral of the candidate to a support programme of the directory, with their agreement (the file page's referral form). */
export const MobilityReferralInput = z
	.object({
		programmeId: z.string().regex(UUID).describe('an active support programme of the directory (`GET /api/v1/programmes`)'),
		kind: z.enum(referralKinds).default('employment').describe('what the referral is for'),
		message: z.string().trim().min(1).max(2000).describe('what the programme should know; the candidate sees it too'),
		agreed: z.literal(true).describe('the candidate agreed to be referred and that the programme receives their name and contact details')
	})
	.meta({ id: 'MobilityReferralInput' });
export const MobilityReferral = z
	.object({ id: z.string(), status: z.enum(referralStatuses), kind: z.enum(referralKinds), programmeId: z.string(), message: z.string(), createdAt: z.string() })
	.meta({ id: 'MobilityReferral' });

export const MobilityAppointment = z
	.object({ id: z.string(), startsAt: z.string().describe('ISO 8601'), mode: z.enum(appointmentModes), purpose: z.string(), status: z.enum(appointmentStatuses), staff: z.string().describe('who planned it') })
	.meta({ id: 'MobilityAppointment' });

export const MobilityNoteInput = NoteInput.extend({ body: NoteInput.shape.body.describe('the private note (never shown to the candidate; the audit trail does not keep it)') }).meta({ id: 'MobilityNoteInput' });
export const MobilityNote = z.object({ id: z.string(), body: z.string(), author: z.string(), createdAt: z.string() }).meta({ id: 'MobilityNote' });

/** A document of a mobility file (the casework's): its kind, the name it was sent with, its type and size, who added it. */
export const MobilityDocument = z
	.object({
		id: z.string(),
		kind: z.enum(caseDocumentKinds),
		fileName: z.string(),
		mediaType: z.enum(['application/pdf', 'image/jpeg', 'image/png']),
		bytes: z.number().int(),
		addedBy: z.string().describe('the staff member’s name when adding it'),
		createdAt: z.string()
	})
	.meta({ id: 'MobilityDocument' });
export const MobilityDocuments = z.object({ items: z.array(MobilityDocument).describe('newest first') });
