import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbOrTx } from '../db/database.ts';
import { defineModule, type ModuleManifest } from './manifest.ts';
import { installModules, installedModules } from './modules.ts';
import { regionCode, regionContributions } from './regions.ts';

// Two modules of this test only: one owns records others link to, one adds its records to a region's page.
const asked: string[] = [];
const ownerModule = defineModule({
	slug: 'probe-owner',
	linkTargets: {
		'probe-owner.plan': {
			titleKey: 'probe.plans',
			choices: async () => [],
			resolve: async (_db, keys, language) => {
				asked.push(keys.join(','));
				return new Map(keys.filter((key) => key !== 'gone').map((key) => [key, { label: `${key} (${language})`, lang: language, path: `/probe/plans/${key}`, isSample: false }]));
			}
		}
	}
});
const contributorModule = defineModule({
	slug: 'probe-contributor',
	async regionContributions(_db, region, language) {
		if (region !== 'MA-02') return [{ titleKey: 'probe.done', count: 0, items: [] }];
		return [
			{
				titleKey: 'probe.done',
				textKey: 'probe.done_text',
				count: 7,
				path: '/probe?region=MA-02',
				pathKey: 'probe.all',
				items: [
					{ label: 'Un', lang: 'fr', path: '/probe/1', detail: language, isSample: false, links: ['probe-owner.plan:a', 'probe-owner.plan:gone', 'unknown.kind:x'] },
					{ label: 'Two', lang: 'en', path: '/probe/2', isSample: true, links: ['probe-owner.plan:a'] },
					{ label: 'ثلاثة', lang: 'ar', path: '/probe/3', isSample: false }
				]
			},
			{ titleKey: 'probe.nothing', count: 0, items: [] }
		];
	}
});

let previous: readonly ModuleManifest[];
const db = {} as DbOrTx;
beforeAll(() => {
	previous = installedModules();
	installModules([...previous.filter((manifest) => !manifest.regionContributions), ownerModule, contributorModule]);
});
afterAll(() => installModules(previous));

describe("a region's contributions from the modules", () => {
	it('knows the regions of Morocco by their ISO code, in any case', () => {
		expect(regionCode(' ma-06 ')).toBe('MA-06');
		expect(regionCode('MA-13')).toBeNull();
		expect(regionCode('MA-CAS')).toBeNull();
	});

	it("lists each module's sections with something in the region, and resolves their links at once", async () => {
		asked.length = 0;
		const sections = await regionContributions(db, 'ma-02', 'ar');
		expect(sections).toHaveLength(1);
		expect(sections[0]).toMatchObject({ module: 'probe-contributor', titleKey: 'probe.done', textKey: 'probe.done_text', count: 7, path: '/probe?region=MA-02' });
		expect(sections[0].items.map((item) => item.label)).toEqual(['Un', 'Two', 'ثلاثة']);
		// a link to a record that is gone, or of a kind nobody owns, is left out; the others are named in the page's language
		expect(sections[0].items[0].linked).toEqual([{ kind: 'probe-owner.plan', key: 'a', value: 'probe-owner.plan:a', label: 'a (ar)', lang: 'ar', path: '/probe/plans/a', isSample: false }]);
		expect(sections[0].items[0].detail).toBe('ar');
		expect(sections[0].items[1].linked.map((link) => link.value)).toEqual(['probe-owner.plan:a']);
		expect(sections[0].items[2].linked).toEqual([]);
		expect(asked).toEqual(['a,gone']);
	});

	it('gives nothing for a region with nothing, or a code that is no region', async () => {
		expect(await regionContributions(db, 'MA-03', 'fr')).toEqual([]);
		expect(await regionContributions(db, 'nowhere', 'fr')).toEqual([]);
	});
});
