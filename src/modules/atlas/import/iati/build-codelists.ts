// Rebuilds codelists.json (names of DAC sectors, sector categories and IATI regions, in English and French)
// from the IATI Standard's codelists in ../shared/data/iati-codelists. Run once, from the project's root:
//   node src/modules/atlas/import/iati/build-codelists.ts
// The application reads the JSON only (never ../shared at run time).
import fs from 'node:fs';
import path from 'node:path';
import { SaxesParser } from 'saxes';

interface Item {
	code: string;
	en?: string;
	fr?: string;
}

const source = path.resolve(process.argv[2] ?? '../shared/data/iati-codelists');
const target = path.join(import.meta.dirname, 'codelists.json');

function read(file: string): Item[] {
	const parser = new SaxesParser();
	const items: Item[] = [];
	const open: string[] = [];
	let item: Item | null = null;
	let language = 'en';
	let text = '';
	parser.on('opentag', (tag) => {
		open.push(tag.name);
		if (tag.name === 'codelist-item') item = { code: '' };
		if (tag.name === 'narrative') language = String(tag.attributes['xml:lang'] ?? 'en');
		text = '';
	});
	parser.on('text', (chunk) => {
		text += chunk;
	});
	parser.on('closetag', (tag) => {
		const parent = open[open.length - 2];
		if (item && tag.name === 'code' && parent === 'codelist-item') item.code = text.trim();
		if (item && tag.name === 'narrative' && parent === 'name' && open[open.length - 3] === 'codelist-item' && (language === 'en' || language === 'fr')) {
			item[language] ??= text.trim();
		}
		if (tag.name === 'codelist-item' && item) {
			items.push(item);
			item = null;
		}
		open.pop();
		text = '';
	});
	parser.write(fs.readFileSync(path.join(source, file), 'utf8')).close();
	return items;
}

const names = (items: Item[]) => Object.fromEntries(items.map((entry) => [entry.code, { en: entry.en ?? entry.code, ...(entry.fr ? { fr: entry.fr } : {}) }]));
const out = { sectors: names(read('Sector.xml')), sectorCategories: names(read('SectorCategory.xml')), regions: names(read('Region.xml')) };
fs.writeFileSync(target, JSON.stringify(out) + '\n');
console.log(`${target}: ${Object.keys(out.sectors).length} sectors, ${Object.keys(out.sectorCategories).length} categories, ${Object.keys(out.regions).length} regions`);
