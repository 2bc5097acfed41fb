// The Knowledge module's surveys (issue #14, item 5): what a questionnaire is, and the honest reading of
// the figures a report gives without its raw answers.
import type { Translated } from '../knowledge.table.ts';

/** single: one answer among options; multiple: any number; scale: a whole number between two ends; text: free. */
export const questionKinds = ['single', 'multiple', 'scale', 'text'] as const;
export type QuestionKind = (typeof questionKinds)[number];

/** draft: being built by the editors, not public; published: answerable between its dates; closed early by the editors. */
export const surveyStatuses = ['draft', 'published'] as const;
export type SurveyStatus = (typeof surveyStatuses)[number];

export type QuestionOption = { value: string; label: Translated };
/** "Ask only if question Q was answered with one of these options" (an earlier single or multiple choice). */
export type QuestionCondition = { question: string; values: string[] };
/** A report's figures for a question without its raw answers: the percentage per option as printed. */
export type ReportedFigures = { percentages: { label: Translated; percent: number }[]; note?: Translated };
/** What a report says of a survey as a whole (sent to, complete answers), for surveys held only as figures. */
export type ReportedSurvey = { invited?: number; completeAnswers?: number; note?: Translated };

/** Public results hide counts under this (an anonymous answer could be told apart among a handful). */
export const PUBLIC_MINIMUM_COUNT = 5;
/** The personal links' e-mail addresses go this many days after a survey closes (the answers stay). */
export const INVITATION_RETENTION_DAYS = 90;
export const MAX_QUESTIONS = 60;
export const MAX_OPTIONS = 20;

/**
 * Reads printed percentages (two decimals) as a report gives them: their sum, and the smallest number of
 * respondents n (up to `limit`) for which every percentage is a whole count k/n once rounded — the number
 * of people the figures could come from. `n` is null when no number fits (a misprint somewhere).
 */
export function readPercentages(percentages: readonly number[], limit = 500) {
	const sum = Math.round(percentages.reduce((total, percent) => total + percent, 0) * 100) / 100;
	let respondents: number | null = null;
	for (let n = 1; n <= limit && respondents === null; n++) if (percentagesFit(percentages, n)) respondents = n;
	return { sum, addsUp: Math.abs(sum - 100) <= 0.02, respondents };
}

/** Whether printed percentages (two decimals) can all be whole counts of `n` people. */
export function percentagesFit(percentages: readonly number[], n: number): boolean {
	return percentages.every((percent) => {
		const k = Math.round((percent * n) / 100);
		// printed with two decimals: within half a hundredth of a percent
		return Math.abs((k / n) * 100 - percent) <= 0.0051;
	});
}
