import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldProblems } from './validation.ts';

const problemsOf = (schema: z.ZodType, input: unknown) => {
	const result = schema.safeParse(input, { reportInput: true });
	return result.success ? [] : fieldProblems(result.error.issues);
};

describe('field problems', () => {
	it('says "required" for a missing field and for a refinement asking for one of several (a title in any language)', () => {
		const title = z.object({ fr: z.string().optional(), ar: z.string().optional() }).refine((value) => Boolean(value.fr || value.ar), { message: 'field_required' });
		expect(problemsOf(z.object({ title, place: z.string() }), { title: {} })).toEqual([
			{ path: 'title', messageKey: 'field_required' },
			{ path: 'place', messageKey: 'field_required' }
		]);
	});

	it('says "invalid" for any other refinement, whatever its message', () => {
		const range = z.object({ from: z.number(), to: z.number() }).refine((value) => value.to >= value.from, { path: ['to'], message: 'ends before it starts' });
		expect(problemsOf(range, { from: 2, to: 1 })).toEqual([{ path: 'to', messageKey: 'field_invalid' }]);
	});

	it('says "required" for a box that must be ticked and was not, and "choose one" for a value not offered', () => {
		const consent = z.object({ consent: z.preprocess((value) => (value === 'on' ? true : undefined), z.literal(true)), role: z.enum(['a', 'b']) });
		expect(problemsOf(consent, { role: 'c' })).toEqual([
			{ path: 'consent', messageKey: 'field_required' },
			{ path: 'role', messageKey: 'field_choice' }
		]);
	});
});
