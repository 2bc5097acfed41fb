// The reintegration sustainability survey (issue 12, item 7): 15 indicators in the three dimensions of
// IOM's integrated approach to reintegration (economic, social, psychosocial), after the structure of
// IOM's Reintegration Sustainability Survey (MEASURE project, 2017). Each indicator is one question with
// a few answers; each answer carries a value between 0 (worst) and 1 (best). The formula (README):
// a dimension's score is the mean of the values of its answered indicators (an indicator answered "does
// not apply" is left out), the overall score the mean of the three dimensions' scores; both shown 0–100.
import type { NeedDimension } from './return.model.ts';

/** The rounds: months after the return date. */
export const surveyRounds = [3, 6, 12] as const;
export type SurveyRound = (typeof surveyRounds)[number];

/** "does not apply": the indicator is left out of its dimension's mean */
export const NOT_APPLICABLE = 'not_applicable';

interface Indicator {
	key: string;
	dimension: NeedDimension;
	/** answer → value, best first */
	answers: Record<string, number>;
	/** whether "does not apply" is offered (children's schooling when there are none) */
	canNotApply?: true;
}

export const surveyIndicators: readonly Indicator[] = [
	{ key: 'economic_satisfaction', dimension: 'economic', answers: { very_satisfied: 1, satisfied: 0.75, neutral: 0.5, dissatisfied: 0.25, very_dissatisfied: 0 } },
	{ key: 'food_reduction', dimension: 'economic', answers: { never: 1, rarely: 0.67, often: 0.33, very_often: 0 } },
	{ key: 'borrowing', dimension: 'economic', answers: { yes: 1, no: 0 } },
	{ key: 'debt', dimension: 'economic', answers: { none: 1, smaller: 0.5, larger: 0 } },
	{ key: 'income_activity', dimension: 'economic', answers: { regular: 1, irregular: 0.5, none: 0 } },
	{ key: 'housing', dimension: 'social', answers: { good: 1, acceptable: 0.67, poor: 0.33, none: 0 } },
	{ key: 'public_services', dimension: 'social', answers: { very_good: 1, good: 0.67, poor: 0.33, very_poor: 0 } },
	{ key: 'schooling', dimension: 'social', answers: { all: 1, some: 0.5, none: 0 }, canNotApply: true },
	{ key: 'documents', dimension: 'social', answers: { all: 1, some_missing: 0.5, none: 0 } },
	{ key: 'health_care', dimension: 'social', answers: { always: 1, sometimes: 0.5, never: 0 } },
	{ key: 'social_activities', dimension: 'psychosocial', answers: { often: 1, sometimes: 0.5, never: 0 } },
	{ key: 'support_network', dimension: 'psychosocial', answers: { several: 1, one: 0.5, none: 0 } },
	{ key: 'discrimination', dimension: 'psychosocial', answers: { never: 1, sometimes: 0.5, often: 0 } },
	{ key: 'distress', dimension: 'psychosocial', answers: { never: 1, sometimes: 0.5, often: 0 } },
	{ key: 'wish_to_stay', dimension: 'psychosocial', answers: { stay: 1, undecided: 0.5, leave: 0 } }
];

export type SurveyAnswers = Record<string, string>;
export interface SurveyScores {
	economic: number;
	social: number;
	psychosocial: number;
	overall: number;
}

const round3 = (value: number) => Math.round(value * 1000) / 1000;

/** The scores (0–1, three decimals) of complete answers; see the formula above. */
export function surveyScores(answers: SurveyAnswers): SurveyScores {
	const dimension = (name: NeedDimension) => {
		const values = surveyIndicators
			.filter((indicator) => indicator.dimension === name && answers[indicator.key] !== NOT_APPLICABLE)
			.map((indicator) => indicator.answers[answers[indicator.key]]);
		return values.reduce((sum, value) => sum + value, 0) / values.length;
	};
	const economic = dimension('economic');
	const social = dimension('social');
	const psychosocial = dimension('psychosocial');
	return { economic: round3(economic), social: round3(social), psychosocial: round3(psychosocial), overall: round3((economic + social + psychosocial) / 3) };
}

/** The day a round is due: so many months after the return date (ISO dates). */
export function roundDueDate(returnDate: string, round: SurveyRound): string {
	const [year, month, day] = returnDate.split('-').map(Number);
	const due = new Date(Date.UTC(year, month - 1 + round, 1));
	// the same day of the month, or the month's last day (31 August + 6 months → 28/29 February)
	const lastDay = new Date(Date.UTC(due.getUTCFullYear(), due.getUTCMonth() + 1, 0)).getUTCDate();
	due.setUTCDate(Math.min(day, lastDay));
	return due.toISOString().slice(0, 10);
}
