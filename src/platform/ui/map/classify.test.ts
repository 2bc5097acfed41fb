import { describe, expect, it } from 'vitest';
import { classify, PALETTE_5 } from './classify.ts';

describe('classify', () => {
	it('makes 5 quantile classes over the values, light to dark', () => {
		const { classes, classOf } = classify([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
		expect(classes.map((c) => [c.min, c.max])).toEqual([[1, 2], [3, 4], [5, 6], [7, 8], [9, 10]]);
		expect(classes.map((c) => c.fill)).toEqual([...PALETTE_5]);
		expect(classOf(1)!.fill).toBe(PALETTE_5[0]);
		expect(classOf(10)!.fill).toBe(PALETTE_5[4]);
	});

	it('gives 0 a class of its own when other values are not 0', () => {
		const { classes, classOf } = classify([0, 0, 1, 2, 3, 4, 50]);
		expect(classes[0]).toMatchObject({ min: 0, max: 0, fill: PALETTE_5[0] });
		expect(classOf(1)!.colour).toBeGreaterThan(0);
		expect(classOf(50)!.fill).toBe(PALETTE_5[4]);
	});

	it('keeps equal values in one class and spreads fewer classes over the palette', () => {
		const { classes, classOf } = classify([5, 5, 5, 5, 5, 5, 9]);
		expect(classes).toHaveLength(2);
		expect(classOf(5)!.fill).toBe(PALETTE_5[0]);
		expect(classOf(9)!.fill).toBe(PALETTE_5[4]);
	});

	it('has no class for missing values, and copes with none at all', () => {
		const { classes, classOf } = classify([null, undefined, Number.NaN, 3]);
		expect(classes).toHaveLength(1);
		expect(classOf(null)).toBeUndefined();
		expect(classOf(undefined)).toBeUndefined();
		expect(classify([]).classes).toEqual([]);
		expect(classify([0, 0]).classes).toEqual([{ colour: 0, fill: PALETTE_5[0], min: 0, max: 0 }]);
	});
});
