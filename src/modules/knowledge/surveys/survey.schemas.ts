import { z } from 'zod';
import { MAX_OPTIONS, questionKinds, surveyStatuses } from './survey.model.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const Translated = (max: number) => z.object({ fr: text(max).optional(), ar: text(max).optional(), en: text(max).optional() });
const someLanguage = (value: Record<string, string | undefined>) => Object.values(value).some(Boolean);
/** A wall-clock time in Morocco, `YYYY-MM-DDTHH:MM` (what a datetime-local field sends). */
const LocalTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
const blankToUndefined = (value: unknown) => (value === '' || value === null ? undefined : value);
const checkbox = z.preprocess((value) => value === 'on' || value === 'true' || value === true, z.boolean());

/** A survey's settings (its questions are added one by one). */
export const SurveyInput = z
	.object({
		title: Translated(300).refine(someLanguage, { message: 'field_required' }),
		intro: Translated(5000).default({}),
		/** the event whose participants it asks, by slug */
		event: z.preprocess(blankToUndefined, z.string().trim().max(120).optional()),
		status: z.enum(surveyStatuses).default('draft'),
		anonymous: checkbox.default(false),
		publicLink: checkbox.default(false),
		resultsPublic: checkbox.default(false),
		opensAt: z.preprocess(blankToUndefined, LocalTime.optional()),
		closesAt: z.preprocess(blankToUndefined, LocalTime.optional())
	})
	.refine((value) => !value.opensAt || !value.closesAt || value.closesAt > value.opensAt, { path: ['closesAt'], message: 'survey_closes_before_opening' });
export type SurveyData = z.infer<typeof SurveyInput>;

/** One question. Options are given in order; an existing question keeps its options' values by position. */
export const QuestionInput = z
	.object({
		kind: z.enum(questionKinds),
		label: Translated(500).refine(someLanguage, { message: 'field_required' }),
		help: Translated(1000).default({}),
		required: checkbox.default(false),
		options: z.array(Translated(200).refine(someLanguage, { message: 'field_required' })).max(MAX_OPTIONS).default([]),
		scaleMin: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(1).optional()),
		scaleMax: z.preprocess(blankToUndefined, z.coerce.number().int().min(2).max(10).optional()),
		scaleMinLabel: Translated(100).default({}),
		scaleMaxLabel: Translated(100).default({}),
		/** "ask only if": an earlier choice question's id and the option values that lead to this one */
		condition: z.object({ question: z.uuid(), values: z.array(z.string().min(1).max(20)).min(1).max(MAX_OPTIONS) }).optional()
	})
	// a choice needs at least two options to choose from
	.refine((value) => (value.kind === 'single' || value.kind === 'multiple' ? value.options.length >= 2 : true), { path: ['options'], message: 'field_required' })
	.refine((value) => (value.kind === 'scale' ? value.scaleMin !== undefined && value.scaleMax !== undefined : true), { path: ['scaleMax'], message: 'field_required' });
export type QuestionData = z.infer<typeof QuestionInput>;

/** E-mail the personal links: to the event's confirmed participants and/or to addresses given one per line. */
export const InvitationInput = z.object({
	participants: checkbox.default(false),
	emails: z.array(z.email().max(254)).max(2000).default([])
});

const TranslatedOut = z.object({ fr: z.string().optional(), ar: z.string().optional(), en: z.string().optional() });

export const SurveySummary = z
	.object({
		slug: z.string(),
		title: TranslatedOut,
		state: z.enum(['draft', 'scheduled', 'open', 'closed']).meta({ description: 'open: answers are taken now' }),
		anonymous: z.boolean(),
		opensAt: z.string().nullable(),
		closesAt: z.string().nullable(),
		event: z.string().nullable().meta({ description: 'the slug of the event whose participants it asks' }),
		resultsPublic: z.boolean().meta({ description: 'results readable by anyone once closed' }),
		isSample: z.boolean(),
		url: z.string()
	})
	.meta({ id: 'KnowledgeSurvey' });
export const SurveyListResult = z.object({ items: z.array(SurveySummary) });

const OptionResult = z.object({ value: z.string(), label: TranslatedOut, count: z.int().nullable().meta({ description: 'null: fewer than 5 (hidden in public results)' }), percent: z.number().nullable() });
export const SurveyResults = z
	.object({
		slug: z.string(),
		title: TranslatedOut,
		responses: z.int().meta({ description: 'answers received (each person once)' }),
		invited: z.int().meta({ description: 'personal links sent' }),
		questions: z.array(
			z.object({
				id: z.string(),
				position: z.int(),
				kind: z.enum(questionKinds),
				label: TranslatedOut,
				respondents: z.int().nullable().meta({ description: 'people who answered this question: the base of its percentages (null: fewer than 5, in public results)' }),
				options: z.array(OptionResult),
				mean: z.number().nullable().meta({ description: 'scale: the mean of the points given' }),
				texts: z.array(z.string()).meta({ description: 'free text: the answers (organisers only)' }),
				reported: z
					.object({ percentages: z.array(z.object({ label: TranslatedOut, percent: z.number() })), sum: z.number(), addsUp: z.boolean(), fitsRespondents: z.int().nullable() })
					.nullable()
					.meta({ description: 'figures printed by a report, when only those are known; fitsRespondents: the smallest number of people the percentages can come from' })
			})
		)
	})
	.meta({ id: 'KnowledgeSurveyResults' });
