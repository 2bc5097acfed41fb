import { describe, expect, it } from 'vitest';
import { arabicLightStem, searchWords } from './search-words.ts';

describe('search words', () => {
	it.each([
		['المهاجرين', 'مهاجر'],
		['المهاجرون', 'مهاجر'],
		['مهاجر', 'مهاجر'],
		['والإدماج', 'ادماج'],
		['الإدماج', 'ادماج'],
		['بالمغرب', 'مغرب'],
		['للشباب', 'شباب'],
		['المبادرات', 'مبادر'],
		['الهجرة', 'هجر'],
		['العائدين', 'عايد'],
		['التنمية', 'تنم'],
		['إدماجهم', 'ادماج'],
		['وطن', 'وطن'],
		['ال', 'ال']
	])('%s → %s', (word, stem) => {
		expect(arabicLightStem(word)).toBe(stem);
	});

	it('keeps French and English words for accent folding in SQL, trims punctuation, caps the count', () => {
		expect(searchWords(' « Réintégration », migrants!  ')).toEqual(['Réintégration', 'migrants']);
		expect(searchWords('وإدماج الشباب، بالمغرب')).toEqual(['ادماج', 'شباب', 'مغرب']);
		expect(searchWords('a b c d e', 3)).toEqual(['a', 'b', 'c']);
		expect(searchWords(undefined)).toEqual([]);
	});
});
