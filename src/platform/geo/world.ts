// The world's land and borders (Natural Earth 1:50m, public domain, through the world-atlas package) as a
// backdrop for maps of places abroad: a crisis area, a diaspora's cities. Points are drawn in an
// equirectangular projection fitted to the places (longitudes shrunk by the cosine of the middle
// latitude), which reads well at the scale of a country or a region; only the land near the view is drawn.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { MultiPolygon, Polygon } from 'geojson';
import centres from './country-centres.json' with { type: 'json' };

export { WORLD_ATTRIBUTION } from './world-attribution.ts';

/** A point to show, with what it stands for. */
export interface MapPoint {
	latitude: number;
	longitude: number;
	label: string;
	count: number;
}

/** A map ready to draw: the land's path and each point's position and radius, in the SVG's units. */
export interface PointMapData {
	width: number;
	height: number;
	land: string;
	/** largest first; `labelAt`: where its name is written, or null when it is not written on the map */
	points: { x: number; y: number; r: number; label: string; count: number; labelAt: { x: number; y: number; anchor: 'start' | 'end' } | null }[];
}

interface LandPolygon {
	/** west, south, east, north */
	bbox: [number, number, number, number];
	rings: [number, number][][];
}

/**
 * Where a country is drawn on a map of the world: a point inside its largest land (France in Europe, the
 * United States between its coasts), from `country-centres.json` (scripts/geo/country-centres.ts); null for
 * the few territories too small for the 1:50m map (Tokelau, Bouvet Island…).
 */
export function countryCentre(code: string): { latitude: number; longitude: number } | null {
	const found = (centres as Record<string, number[]>)[code];
	return found ? { longitude: found[0]!, latitude: found[1]! } : null;
}

let land: LandPolygon[] | null = null;

/** The countries' polygons, decoded once (a few MB in memory), each with its bounding box. */
function worldLand(): LandPolygon[] {
	if (land) return land;
	const file = createRequire(import.meta.url).resolve('world-atlas/countries-50m.json');
	const topology = JSON.parse(fs.readFileSync(file, 'utf8')) as Topology<{ countries: GeometryCollection }>;
	const countries = feature(topology, topology.objects.countries);
	const polygons: LandPolygon[] = [];
	for (const country of countries.features) {
		const geometry = country.geometry as Polygon | MultiPolygon | null;
		if (!geometry) continue;
		const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
		for (const rings of parts) {
			let [west, south, east, north] = [180, 90, -180, -90];
			for (const [longitude, latitude] of rings[0]) {
				west = Math.min(west, longitude);
				east = Math.max(east, longitude);
				south = Math.min(south, latitude);
				north = Math.max(north, latitude);
			}
			polygons.push({ bbox: [west, south, east, north], rings: rings as [number, number][][] });
		}
	}
	land = polygons;
	return land;
}

const WIDTH = 600;
/** the smallest area shown (degrees of latitude): a single city still shows its surroundings */
const MIN_SPAN = 3;
const MAX_RADIUS = 28;
const MIN_RADIUS = 4;
const EDGE = MAX_RADIUS + 12;
/** a label's size in the picture's units (20-unit text): about 11 units a character, 22 high */
const CHARACTER = 11;
const LINE = 22;
const MAX_LABELS = 8;

/**
 * The map of the points: the view fits them with a margin (at least MIN_SPAN degrees high, between a
 * wide and a square frame), the land inside it, and circles whose area grows with the count.
 */
export function pointMap(points: readonly MapPoint[]): PointMapData | null {
	if (points.length === 0) return null;
	let south = Math.min(...points.map((point) => point.latitude));
	let north = Math.max(...points.map((point) => point.latitude));
	let west = Math.min(...points.map((point) => point.longitude));
	let east = Math.max(...points.map((point) => point.longitude));
	const middle = (south + north) / 2;
	const shrink = Math.max(0.2, Math.cos((middle * Math.PI) / 180));
	// a margin around the points, and at least MIN_SPAN high
	if (north - south < MIN_SPAN) {
		const grow = (MIN_SPAN - (north - south)) / 2;
		south -= grow;
		north += grow;
	}
	// the frame between 2:1 and 1:1 (width:height), in projected units
	let spanX = (east - west) * shrink;
	let spanY = north - south;
	if (spanX < spanY) {
		const grow = (spanY - spanX) / 2 / shrink;
		west -= grow;
		east += grow;
		spanX = spanY;
	} else if (spanX > spanY * 2) {
		const grow = (spanX / 2 - spanY) / 2;
		south -= grow;
		north += grow;
		spanY = spanX / 2;
	}
	// room for the largest circle on every side: EDGE units of the final picture
	const pad = (EDGE * spanX) / (WIDTH - 2 * EDGE);
	west -= pad / shrink;
	east += pad / shrink;
	south -= pad;
	north += pad;
	spanX += 2 * pad;
	spanY += 2 * pad;
	const scale = WIDTH / spanX;
	const height = Math.round(spanY * scale);
	const project = (longitude: number, latitude: number): [number, number] => [(longitude - west) * shrink * scale, (north - latitude) * scale];

	const paths: string[] = [];
	for (const polygon of worldLand()) {
		const [pWest, pSouth, pEast, pNorth] = polygon.bbox;
		if (pEast < west || pWest > east || pNorth < south || pSouth > north) continue;
		for (const ring of polygon.rings) {
			let path = '';
			let last: [number, number] | null = null;
			for (const [longitude, latitude] of ring) {
				const [x, y] = project(longitude, latitude).map(Math.round) as [number, number];
				// whole units are finer than the picture is ever shown (600 units across): a repeated point draws nothing
				if (last && x === last[0] && y === last[1]) continue;
				path += `${last ? 'L' : 'M'}${x} ${y}`;
				last = [x, y];
			}
			if (path) paths.push(`${path}Z`);
		}
	}
	const largest = Math.max(...points.map((point) => point.count), 1);
	const placed = [...points]
		// the largest first, so the smaller circles stay on top and visible, and the largest get named
		.sort((a, b) => b.count - a.count)
		.map((point) => {
			const [x, y] = project(point.longitude, point.latitude);
			return { x: Math.round(x * 10) / 10, y: Math.round(y * 10) / 10, r: Math.round(Math.max(MIN_RADIUS, Math.sqrt(point.count / largest) * MAX_RADIUS) * 10) / 10, label: point.label, count: point.count };
		});
	return { width: WIDTH, height, land: paths.join(''), points: withLabels(placed, height) };
}

/**
 * Where each name goes: beside its circle, on the right, or on the left when it would run out of the
 * picture; a name that would cover one already placed is left out (the figures are given in words too).
 */
function withLabels(points: Omit<PointMapData['points'][number], 'labelAt'>[], height: number): PointMapData['points'] {
	const boxes: [number, number, number, number][] = [];
	return points.map((point) => {
		if (boxes.length >= MAX_LABELS) return { ...point, labelAt: null };
		const width = (point.label.length + 8) * CHARACTER;
		const right = point.x + point.r + 4;
		const anchor: 'start' | 'end' = right + width <= WIDTH ? 'start' : 'end';
		const x = anchor === 'start' ? right : point.x - point.r - 4;
		const box: [number, number, number, number] = anchor === 'start' ? [x, point.y - LINE / 2, x + width, point.y + LINE / 2] : [x - width, point.y - LINE / 2, x, point.y + LINE / 2];
		const outside = box[0] < 0 || box[1] < 0 || box[3] > height;
		const covers = boxes.some((other) => box[0] < other[2] && box[2] > other[0] && box[1] < other[3] && box[3] > other[1]);
		if (outside || covers) return { ...point, labelAt: null };
		boxes.push(box);
		return { ...point, labelAt: { x: Math.round(x), y: Math.round(point.y + 7), anchor } };
	});
}
