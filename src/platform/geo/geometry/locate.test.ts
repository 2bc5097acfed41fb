import { describe, expect, it } from 'vitest';
import { provinceAt, ringsOf } from './locate.ts';

describe('the province a point falls in', () => {
	it('reads the committed path data as closed rings of absolute points', () => {
		expect(ringsOf('M10 20l5 0 0 5-5 0zM100 100l1 0 0 1z')).toEqual([
			[
				[10, 20],
				[15, 20],
				[15, 25],
				[10, 25]
			],
			[
				[100, 100],
				[101, 100],
				[101, 101]
			]
		]);
	});

	it('finds cities in their province and région', () => {
		const cases: [string, number, number, string, string][] = [
			['Rabat', 34.0209, -6.8416, 'MA-RAB', 'MA-04'],
			['Tanger', 35.7595, -5.834, 'MA-TNG', 'MA-01'],
			['Oujda', 34.6814, -1.9086, 'MA-OUJ', 'MA-02'],
			['Marrakech', 31.6295, -7.9811, 'MA-MAR', 'MA-07'],
			['Agadir', 30.4278, -9.5981, 'MA-AGD', 'MA-09'],
			['Fès', 34.0331, -5.0003, 'MA-FES', 'MA-03'],
			['Laâyoune', 27.1253, -13.1625, 'MA-LAA', 'MA-11']
		];
		for (const [city, lat, lon, province, region] of cases) {
			const found = provinceAt(lat, lon);
			expect(found?.iso, city).toBe(province);
			expect(found?.region, city).toBe(region);
		}
	});

	it('finds nothing outside Morocco or at sea', () => {
		expect(provinceAt(40.4168, -3.7038)).toBeUndefined(); // Madrid
		expect(provinceAt(36.7538, 3.0588)).toBeUndefined(); // Algiers
		expect(provinceAt(33.0, -10.5)).toBeUndefined(); // the Atlantic
		expect(provinceAt(14.7167, -17.4677)).toBeUndefined(); // Dakar
	});
});
