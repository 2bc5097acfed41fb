// The editors' survey forms (no JavaScript needed): settings and questions to the services' data, a survey's
// and a question's values for their edit forms, the choices offered, and refusals as messages by field.
import { fail } from '@sveltejs/kit';
import { desc } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { formFailureFrom } from '../../../platform/http/form.ts';
import type { Language } from '../../../platform/i18n/languages.ts';
import { translate } from '../../../platform/i18n/translator.ts';
import { titleIn } from '../titles.ts';
import { event } from '../events/event.table.ts';
import { instantToMoroccoTime } from '../events/time.ts';
import { questionKinds, surveyStatuses } from './survey.model.ts';
import type { SurveyQuestionRow, SurveyRow } from './survey.table.ts';

export type FormValues = Record<string, string>;
const languages = ['fr', 'ar', 'en'] as const;
const blank = (text: string) => (text.trim() === '' ? undefined : text.trim());
const translated = (one: (name: string) => string, field: string) => Object.fromEntries(languages.flatMap((code) => (blank(one(`${field}_${code}`)) ? [[code, one(`${field}_${code}`).trim()]] : [])));
const reader = (form: FormData) => (name: string) => String(form.get(name) ?? '');

const settingsFields = ['title_fr', 'title_ar', 'title_en', 'intro_fr', 'intro_ar', 'intro_en', 'event', 'status', 'anonymous', 'publicLink', 'resultsPublic', 'opensAt', 'closesAt'] as const;

/** The settings form's fields as typed and the survey's settings read from them (checked by the service). */
export function settingsFromForm(form: FormData) {
	const one = reader(form);
	const values: FormValues = Object.fromEntries(settingsFields.map((name) => [name, one(name)]));
	const input = {
		title: translated(one, 'title'),
		intro: translated(one, 'intro'),
		event: one('event'),
		status: one('status') || 'draft',
		anonymous: one('anonymous'),
		publicLink: one('publicLink'),
		resultsPublic: one('resultsPublic'),
		opensAt: one('opensAt'),
		closesAt: one('closesAt')
	};
	return { values, input };
}

export function settingsValues(row: SurveyRow, eventSlug: string | null): FormValues {
	return {
		title_fr: row.title.fr ?? '',
		title_ar: row.title.ar ?? '',
		title_en: row.title.en ?? '',
		intro_fr: row.intro.fr ?? '',
		intro_ar: row.intro.ar ?? '',
		intro_en: row.intro.en ?? '',
		event: eventSlug ?? '',
		status: row.status,
		anonymous: row.anonymous ? 'on' : '',
		publicLink: row.publicLink ? 'on' : '',
		resultsPublic: row.resultsPublic ? 'on' : '',
		opensAt: row.opensAt ? instantToMoroccoTime(row.opensAt) : '',
		closesAt: row.closesAt ? instantToMoroccoTime(row.closesAt) : ''
	};
}

const questionFields = ['kind', 'label_fr', 'label_ar', 'label_en', 'help_fr', 'help_ar', 'help_en', 'required', 'options_fr', 'options_ar', 'options_en', 'scaleMin', 'scaleMax', 'scaleMinLabel_fr', 'scaleMinLabel_ar', 'scaleMinLabel_en', 'scaleMaxLabel_fr', 'scaleMaxLabel_ar', 'scaleMaxLabel_en', 'condition'] as const;

/**
 * A question's fields as typed and its data. Options are written one per line in each language: the n-th
 * line of each box is the n-th option. The condition is one "question:option" pair picked in a list.
 */
export function questionFromForm(form: FormData) {
	const one = reader(form);
	const values: FormValues = Object.fromEntries(questionFields.map((name) => [name, one(name)]));
	const lines = Object.fromEntries(languages.map((code) => [code, one(`options_${code}`).split(/\r?\n/).map((line) => line.trim())]));
	const count = Math.max(...languages.map((code) => lines[code].findLastIndex((line) => line !== '') + 1));
	const options = Array.from({ length: count }, (_, index) => Object.fromEntries(languages.flatMap((code) => (lines[code][index] ? [[code, lines[code][index]]] : []))));
	const [conditionQuestion, conditionValue] = one('condition').split(':');
	const input = {
		kind: one('kind'),
		label: translated(one, 'label'),
		help: translated(one, 'help'),
		required: one('required'),
		options,
		scaleMin: one('scaleMin'),
		scaleMax: one('scaleMax'),
		scaleMinLabel: translated(one, 'scaleMinLabel'),
		scaleMaxLabel: translated(one, 'scaleMaxLabel'),
		condition: conditionQuestion && conditionValue ? { question: conditionQuestion, values: [conditionValue] } : undefined
	};
	return { values, input };
}

export function questionValues(question: SurveyQuestionRow): FormValues {
	const values: FormValues = { kind: question.kind, required: question.required ? 'on' : '', scaleMin: question.scaleMin === null ? '' : String(question.scaleMin), scaleMax: question.scaleMax === null ? '' : String(question.scaleMax), condition: question.condition ? `${question.condition.question}:${question.condition.values[0]}` : '' };
	for (const code of languages) {
		values[`label_${code}`] = question.label[code] ?? '';
		values[`help_${code}`] = question.help[code] ?? '';
		values[`options_${code}`] = question.options.map((option) => option.label[code] ?? '').join('\n');
		values[`scaleMinLabel_${code}`] = question.scaleMinLabel[code] ?? '';
		values[`scaleMaxLabel_${code}`] = question.scaleMaxLabel[code] ?? '';
	}
	return values;
}

/** What the settings form offers: the events (latest first), the statuses. */
export async function settingsChoices(db: DbOrTx, language: Language) {
	const events = await db.select({ slug: event.slug, title: event.title }).from(event).orderBy(desc(event.startsAt));
	return {
		events: events.map((row) => ({ value: row.slug, label: titleIn(row.title, language) })),
		statuses: surveyStatuses.map((status) => ({ value: status, label: translate(language, `surveys.status_${status}`) }))
	};
}

/** What a question's form offers: the kinds, and the conditions on the questions before it. */
export function questionChoices(language: Language, earlier: readonly SurveyQuestionRow[]) {
	return {
		kinds: questionKinds.map((kind) => ({ value: kind, label: translate(language, `surveys.kind_${kind}`) })),
		conditions: earlier.flatMap((question) =>
			question.kind === 'single' || question.kind === 'multiple'
				? question.options.map((option) => ({
						value: `${question.id}:${option.value}`,
						label: translate(language, 'surveys.condition_choice', { number: question.position, question: titleIn(question.label, language), option: titleIn(option.label, language) })
					}))
				: []
		)
	};
}

/** The form's field that shows a problem at `path` (`title.ar` → the Arabic title, `options.2` → the options). */
function formFieldOf(path: string): string {
	const [head, second] = path.split('.');
	if (['title', 'intro', 'label', 'help', 'scaleMinLabel', 'scaleMaxLabel'].includes(head)) return `${head}_${languages.includes(second as 'fr') ? second : 'fr'}`;
	if (head === 'options') return 'options_fr';
	return head;
}

/** A refused form: the values typed and one message per field, in the page's language; `conflicts` words known refusals. */
export function surveyFailure(language: Language, failure: unknown, form: FormData, values: FormValues, conflicts: Record<string, string> = {}, extra: Record<string, unknown> = {}) {
	const reason = (failure as { extra?: { reason?: string } })?.extra?.reason;
	if (reason && conflicts[reason]) return fail(409, { values, errors: { '': translate(language, conflicts[reason]) }, ...extra });
	const refused = formFailureFrom(language, failure, form);
	const errors: Record<string, string> = {};
	for (const [path, message] of Object.entries(refused.data.errors as Record<string, string>)) errors[formFieldOf(path)] ??= message;
	return fail(refused.status, { values, errors, ...extra });
}

/** The conflicts of the editors' pages, as messages. */
export const editorConflicts = {
	survey_has_answers: 'surveys.error_has_answers',
	question_is_condition: 'surveys.error_question_is_condition',
	too_many_questions: 'surveys.error_too_many_questions',
	anonymity_fixed: 'surveys.error_anonymity_fixed',
	survey_not_open: 'surveys.error_not_open',
	survey_without_event: 'surveys.error_without_event'
};

/** The questions as the answering form shows them, numbered, each condition told by the question and options it reads. */
export function questionsForForm(questions: readonly SurveyQuestionRow[]) {
	return questions.map((question, index) => {
		const target = question.condition ? questions.findIndex((other) => other.id === question.condition!.question) : -1;
		return {
			id: question.id,
			number: index + 1,
			kind: question.kind,
			label: question.label,
			help: question.help,
			required: question.required,
			options: question.options,
			scaleMin: question.scaleMin,
			scaleMax: question.scaleMax,
			scaleMinLabel: question.scaleMinLabel,
			scaleMaxLabel: question.scaleMaxLabel,
			condition:
				target >= 0
					? { number: target + 1, question: questions[target].id, values: question.condition!.values, options: questions[target].options.filter((option) => question.condition!.values.includes(option.value)).map((option) => option.label) }
					: null
		};
	});
}
export type FormQuestion = ReturnType<typeof questionsForForm>[number];

/** The answers typed, to fill the form again after a refusal (a multiple choice keeps all its boxes). */
export function answersFromForm(form: FormData): Record<string, string | string[]> {
	const answers: Record<string, string | string[]> = {};
	for (const [key, value] of form.entries()) {
		if (!key.startsWith('q_') || typeof value !== 'string') continue;
		const before = answers[key];
		answers[key] = before === undefined ? value : Array.isArray(before) ? [...before, value] : [before, value];
	}
	return answers;
}

/** The conflicts of answering, as messages. */
export const answerConflicts = {
	already_answered: 'surveys.error_already_answered',
	survey_not_open: 'surveys.error_not_open',
	survey_by_invitation: 'surveys.error_by_invitation'
};
