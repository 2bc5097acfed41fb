import type { z } from 'zod';
import { AppError, type FieldProblem } from './app-error.ts';

/** Turns zod issues into field problems whose messages the page or API localises. */
export function fieldProblems(issues: readonly z.core.$ZodIssue[]): FieldProblem[] {
	return issues.map((issue): FieldProblem => {
		const path = issue.path.map(String).join('.');
		switch (issue.code) {
			case 'invalid_type':
				return { path, messageKey: issue.input === undefined ? 'field_required' : 'field_invalid' };
			case 'too_small':
				if (issue.origin === 'string') {
					return Number(issue.minimum) <= 1
						? { path, messageKey: 'field_required' }
						: { path, messageKey: 'field_too_short', values: { min: Number(issue.minimum) } };
				}
				return { path, messageKey: 'field_invalid' };
			case 'too_big':
				return issue.origin === 'string'
					? { path, messageKey: 'field_too_long', values: { max: Number(issue.maximum) } }
					: { path, messageKey: 'field_invalid' };
			case 'invalid_format':
				if (issue.format === 'email') return { path, messageKey: 'field_email' };
				if (issue.format === 'url') return { path, messageKey: 'field_url' };
				return { path, messageKey: 'field_invalid' };
			case 'invalid_value':
				// an unticked box that must be ticked (consent) sent nothing: required, not a wrong choice
				return { path, messageKey: 'input' in issue && issue.input === undefined ? 'field_required' : 'field_choice' };
			case 'custom':
				// a refinement that asks for at least one of several fields (a title in one language or another)
				return { path, messageKey: issue.message === 'field_required' ? 'field_required' : 'field_invalid' };
			default:
				return { path, messageKey: 'field_invalid' };
		}
	});
}

/** Parses or throws an `invalid_input` AppError listing every field problem. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
	const result = schema.safeParse(input, { reportInput: true });
	if (!result.success) throw new AppError('invalid_input', { fields: fieldProblems(result.error.issues) });
	return result.data;
}
