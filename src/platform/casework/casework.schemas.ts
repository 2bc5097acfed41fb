import { z } from 'zod';
import { platformTimeZone } from '../time-zone.ts';
import { appointmentModes, appointmentStatuses, caseDocumentKinds, needStatuses, referralKinds } from './casework.model.ts';

const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);

export const NoteInput = z.object({ body: z.string().trim().min(1).max(4000) });

/** A wall-clock date and time in Morocco (as a datetime-local field sends it). */
const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

export const AppointmentInput = z
	.object({
		startsAt: z
			.string()
			.trim()
			.regex(LOCAL_DATE_TIME)
			.refine((value) => !Number.isNaN(Date.parse(`${value}:00Z`)))
			.describe(`date and time in Morocco (${platformTimeZone}), YYYY-MM-DDTHH:MM`),
		mode: z.enum(appointmentModes).describe('in_person (at the team’s place), phone or video'),
		purpose: z.string().trim().min(1).max(300)
	})
	.meta({ id: 'AppointmentInput' });
export const AppointmentStatusInput = z.object({ status: z.enum(appointmentStatuses) });

/** A referral: the entry, the message it receives (the person sees it too), and the person's agreement. */
export const ReferralInput = z.object({
	entryId: uuid,
	kind: z.enum(referralKinds).default('employment'),
	message: z.string().trim().min(1).max(2000),
	agreed: z.literal(true)
});

/** The referral form: the person comes from the page's address, the agreement from a checkbox. */
export const ReferralForm = z.object({
	entryId: uuid,
	kind: z.enum(referralKinds).default('employment'),
	message: z.string().trim().min(1).max(2000),
	agreed: z.literal('yes')
});

export const ReferralStatusInput = z.object({ status: z.enum(['accepted', 'declined', 'completed']) }).meta({ id: 'ReferralStatusInput' });

/** A document added to a person's file: its kind (the file itself is checked by its content). */
export const DocumentInput = z.object({ kind: z.enum(caseDocumentKinds) });

const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
/** A day (YYYY-MM-DD) that exists. */
const day = z
	.string()
	.trim()
	.regex(/^\d{4}-\d{2}-\d{2}$/)
	.refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value));

/** A need added to a person's file: its kind (checked against the caseload's list by the service), due date, note. */
export const NeedInput = z
	.object({
		kind: z.string().trim().min(1).max(60),
		dueOn: z.preprocess(blankToUndefined, day.optional()),
		note: z.preprocess((value) => value ?? '', z.string().trim().max(1000))
	})
	.meta({ id: 'NeedInput' });

/** A need moves on: its status, due date and note as they now stand. */
export const NeedUpdateInput = z
	.object({
		status: z.enum(needStatuses),
		dueOn: z.preprocess(blankToUndefined, day.optional()),
		note: z.preprocess((value) => value ?? '', z.string().trim().max(1000))
	})
	.meta({ id: 'NeedUpdateInput' });
