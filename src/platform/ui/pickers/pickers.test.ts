import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { searchWords } from '../../db/search-words.ts';
import { foldForMatch, placeAt, queryWords } from './pickers.js';
import { mapPoint, regionGeometry } from '../../geo/geometry/index.ts';

let app: TestApp;
beforeAll(async () => {
	app = await createTestApp();
});
afterAll(async () => {
	await app?.close();
});

// Pickers filter in the browser, lists search in SQL: the same words must find the same things.
const samples = [
	'Réintégration économique des Migrants',
	'Œuvre, cœur, Ægée, Straße',
	'Élevage et aviculture — Çà et là, ÀÉÎÕÜ',
	'الإدماج الاقتصادي للمهاجرين',
	'مُهَاجِرٌ إِلى أُوروبّا',
	'المؤسسة، الهيئة، مسؤول، رئيس، مستشفى',
	'آمال ٱلوطن ـــ تطويـــر',
	'Maçon coffreur / حداد'
];

describe('the pickers’ filter', () => {
	it.each(samples)('folds “%s” as the SQL search does', async (text) => {
		const result = (await app.database.db.execute(sql`select search_normalise(${text}) as folded`)) as unknown as { rows: { folded: string }[] };
		expect(foldForMatch(text)).toBe(result.rows[0].folded);
	});

	it.each(['والإدماج المهاجرين بالمغرب', ' « Réintégration », migrants! ', 'للشباب التنمية إدماجهم', 'Sénégal'])('takes the words of “%s” as the list search does', (query) => {
		expect(queryWords(query)).toEqual(searchWords(query).map(foldForMatch));
	});

	it('finds a choice by every word, whatever the accents and Arabic forms', () => {
		const occupation = foldForMatch('Éleveurs de volailles / مربو الدواجن');
		const finds = (query: string) => queryWords(query).every((word) => occupation.includes(word));
		expect(finds('eleveurs volaille')).toBe(true);
		expect(finds('الدواجن')).toBe(true);
		expect(finds('eleveurs bovins')).toBe(false);
	});

	it('reads back from a click on the map the place drawn there', () => {
		for (const [lat, lon] of [[34.6814, -1.9086], [30.4278, -9.5981], [23.6848, -15.958]]) {
			const [x, y] = mapPoint(lat, lon);
			expect(placeAt(regionGeometry.projection, x, y)).toEqual({ lat, lon });
		}
	});
});
