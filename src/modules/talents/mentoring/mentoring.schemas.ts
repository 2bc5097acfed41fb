// The mentoring's input and output shapes: forms, services, API and OpenAPI share them.
import { z } from 'zod';
import { spokenLanguages } from '../../../platform/i18n/spoken-languages.ts';
import { mentoringOfferStatuses, mentoringSides, mentoringStatuses, mentoringTextLanguages, skills } from '../talents.model.ts';

const blankToNull = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? null : value);
const optionalText = (max: number) => z.preprocess(blankToNull, z.string().trim().max(max).nullable().default(null));
/** a whole number from a form (a blank field is missing: required) or from JSON */
const count = (min: number, max: number) =>
	z.preprocess((value) => (typeof value === 'string' ? (value.trim() === '' ? undefined : Number(value)) : value), z.number().int().min(min).max(max));
/** a form sends `yes`/`no`; JSON sends a boolean */
const yesNo = z.preprocess((value) => (value === 'yes' || value === 'true' ? true : value === 'no' || value === 'false' ? false : value), z.boolean());

/** A talent's offer of mentoring, as the form and the API give it. */
export const MentoringOfferInput = z
	.object({
		skills: z.array(z.enum(skills)).min(1).max(4).describe('the field: keys of the controlled list of skills'),
		occupationCode: z.preprocess(blankToNull, z.string().regex(/^\d{4}$/).nullable().default(null)).describe('ISCO-08 unit group of the field'),
		languages: z.array(z.enum(spokenLanguages)).min(1).max(6).describe('languages the mentoring can be held in (ISO 639 codes)'),
		remote: yesNo.default(true).describe('true: from abroad; false: in person during stays in Morocco'),
		hoursPerMonth: count(1, 40).describe('hours a month the talent gives to mentoring'),
		capacity: count(1, 10).describe('how many people the talent mentors at once'),
		about: optionalText(1000).describe('what the talent offers, in their words'),
		aboutLanguage: z.preprocess(blankToNull, z.enum(mentoringTextLanguages).nullable().default(null)).describe('the language `about` is written in'),
		status: z.enum(mentoringOfferStatuses).default('open').describe('closed: no new request (those under way go on)')
	})
	.meta({ id: 'TalentMentoringOfferInput' });
export type MentoringOfferInput = z.output<typeof MentoringOfferInput>;

export const MentoringAsk = z
	.object({
		offerId: z.uuid().describe('the offer asked for'),
		message: z.string().trim().min(10).max(1000).describe('a short message to the talent: who one is and what one hopes for')
	})
	.meta({ id: 'TalentMentoringAsk' });

/** The talent's decline, or either side's end: an optional reason. */
export const MentoringReason = z.object({ reason: optionalText(1000) });

export const MentoringAct = z
	.object({
		action: z.enum(['accept', 'decline', 'withdraw', 'end']).describe('accept or decline: the talent; withdraw: the member before the answer; end: either side once accepted'),
		reason: optionalText(1000).describe('with decline or end, optional')
	})
	.meta({ id: 'TalentMentoringAction' });

export const MentoringOfferQuery = z.object({
	skill: z.preprocess(blankToNull, z.enum(skills).nullable().default(null)),
	language: z.preprocess(blankToNull, z.enum(spokenLanguages).nullable().default(null)),
	remote: z.preprocess(blankToNull, z.enum(['yes', 'no']).nullable().default(null)).describe('yes: from abroad; no: in person'),
	page: z.coerce.number().int().min(1).max(1000).default(1)
});

const Mentor = z
	.object({
		pseudonym: z.string().describe('stands for the name when the public card does not show it'),
		name: z.string().nullable().describe('only where the talent’s public card shows the name'),
		hostCountry: z.string().nullable(),
		occupationCode: z.string().nullable().describe('the profile’s occupation, where the card shows it')
	})
	.describe('the talent, only as far as their public card shows them');

export const MentoringOfferView = z
	.object({
		id: z.uuid(),
		mentor: Mentor,
		skills: z.array(z.string()),
		occupationCode: z.string().nullable(),
		languages: z.array(z.string()),
		remote: z.boolean(),
		hoursPerMonth: z.number().int(),
		capacity: z.number().int(),
		/** places left (capacity minus accepted requests) */
		placesLeft: z.number().int(),
		about: z.string().nullable(),
		aboutLanguage: z.string().nullable(),
		status: z.enum(mentoringOfferStatuses),
		isSample: z.boolean(),
		updatedAt: z.string()
	})
	.meta({ id: 'TalentMentoringOffer' });
export type MentoringOfferView = z.output<typeof MentoringOfferView>;

export const MentoringOfferList = z.object({ total: z.number().int(), page: z.number().int(), pageSize: z.number().int(), items: z.array(MentoringOfferView) }).meta({ id: 'TalentMentoringOfferList' });

/** one side of a request: a name, never an address (once accepted, both sides write on the platform) */
const Person = z.object({ name: z.string() });

export const MentoringRequestView = z
	.object({
		id: z.uuid(),
		offerId: z.uuid(),
		side: z.enum(mentoringSides).describe('the caller’s side: mentor (the talent) or mentee (the member who asked)'),
		mentor: Person.describe('the talent; the name as their card shows it (pseudonym) until accepted'),
		mentee: Person,
		skills: z.array(z.string()),
		message: z.string().nullable().describe('null once deleted, 6 months after the request finished (declined, withdrawn or ended), with the reason'),
		status: z.enum(mentoringStatuses),
		reason: z.string().nullable(),
		endedBy: z.enum(mentoringSides).nullable(),
		isSample: z.boolean(),
		createdAt: z.string(),
		answeredAt: z.string().nullable(),
		endedAt: z.string().nullable(),
		messages: z.number().int().describe('the messages of the conversation (once accepted)'),
		unread: z.number().int().describe('the other side’s messages written since the caller last read the conversation (or wrote in it); in a conversation, those unread when it was opened')
	})
	.meta({ id: 'TalentMentoringRequest' });
export type MentoringRequestView = z.output<typeof MentoringRequestView>;
export const MentoringRequestList = z.object({ asMentor: z.array(MentoringRequestView), asMentee: z.array(MentoringRequestView) }).meta({ id: 'TalentMentoringRequests' });

/** A message of a mentoring's conversation, as either side writes it (the form and the API). */
export const MentoringMessageInput = z
	.object({ body: z.string().trim().min(1).max(4000).describe('the message, in the writer’s words (any language)') })
	.meta({ id: 'TalentMentoringMessageInput' });

export const MentoringMessageView = z
	.object({
		id: z.uuid(),
		side: z.enum(mentoringSides).describe('who wrote it: the talent (mentor) or the member (mentee)'),
		mine: z.boolean().describe('written by the caller'),
		author: z.string().nullable().describe('the writer’s name; null once their account is closed'),
		body: z.string(),
		createdAt: z.string()
	})
	.meta({ id: 'TalentMentoringMessage' });

export const MentoringConversationView = z
	.object({
		request: MentoringRequestView,
		open: z.boolean().describe('both sides may write: the request is accepted'),
		deletedOn: z.string().nullable().describe('when the retention job deletes the messages: 6 months after the mentoring ended'),
		messages: z.array(MentoringMessageView).describe('oldest first')
	})
	.meta({ id: 'TalentMentoringConversation' });
export type MentoringConversationView = z.output<typeof MentoringConversationView>;
