import { z } from 'zod';
import { languages } from '../i18n/languages.ts';
import { contributionStatuses, meetingModes } from './workspace.model.ts';

const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
const toArray = (value: unknown) => (value === undefined || value === null || value === '' ? [] : Array.isArray(value) ? value : [value]);
const yes = z.preprocess((value) => value === 'yes' || value === 'on' || value === true, z.boolean());
/** the language the text is written in (its parts carry it) */
const TextLanguage = z.enum(languages);
const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

export const AnnouncementForm = z.object({
	language: TextLanguage,
	title: z.string().trim().min(3).max(200),
	body: z.string().trim().min(1).max(5000),
	notify: yes.default(false)
});

export const MeetingForm = z.object({
	language: TextLanguage,
	title: z.string().trim().min(3).max(200),
	// one problem for one field: the format and a real date together
	startsAt: z
		.string()
		.trim()
		.refine((value) => LOCAL_DATE_TIME.test(value) && !Number.isNaN(Date.parse(`${value}:00Z`))),
	mode: z.enum(meetingModes),
	place: z.string().trim().min(2).max(500),
	agenda: z.string().trim().min(1).max(5000),
	notify: yes.default(false)
});

export const MinutesForm = z.object({
	minutes: z.string().trim().min(1).max(20000),
	attendees: z.preprocess(toArray, z.array(uuid).max(200))
});

export const ContributionForm = z.object({
	organisationId: uuid,
	topic: z.preprocess((value) => (value === '' ? undefined : value), z.string().max(60).optional()),
	language: TextLanguage,
	title: z.string().trim().min(3).max(200),
	body: z.string().trim().min(20).max(10000)
});

export const AnswerForm = z.object({
	status: z.enum(contributionStatuses.filter((status) => status !== 'received') as [string, ...string[]]),
	language: TextLanguage,
	answer: z.string().trim().min(1).max(5000)
});
