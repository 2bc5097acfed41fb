// `node scripts/icons.ts`: draws the web app's icons into static/icons/ (committed; run again only when
// the design changes). The mark is the favicon's (static/favicon.svg): a white stroke on the brand green.
// PNGs are rasterised here without a library: the stroke is a polyline of the favicon's Bézier curves,
// each pixel covered by its distance to it (anti-aliased), then written as an 8-bit RGBA PNG.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

type Point = [number, number];

const brand: [number, number, number] = [0x0b, 0x5d, 0x4b];
const white: [number, number, number] = [0xff, 0xff, 0xff];
/** In the favicon's 32-unit square: `M9 21c2 2 5 3 8 2s5-4 4-7-4-4-7-3-4-2-2-4 6-1 7 0`, as absolute cubic curves. */
const curves: [Point, Point, Point, Point][] = [
	[[9, 21], [11, 23], [14, 24], [17, 23]],
	[[17, 23], [20, 22], [22, 19], [21, 16]],
	[[21, 16], [20, 13], [17, 12], [14, 13]],
	[[14, 13], [11, 14], [10, 11], [12, 9]],
	[[12, 9], [14, 7], [18, 8], [19, 9]]
];
const pathData = 'M9 21c2 2 5 3 8 2s5-4 4-7-4-4-7-3-4-2-2-4 6-1 7 0';
const strokeWidth = 3;
const cornerRadius = 6;

function bezier([p0, p1, p2, p3]: [Point, Point, Point, Point], t: number): Point {
	const u = 1 - t;
	const a = u * u * u, b = 3 * u * u * t, c = 3 * u * t * t, d = t * t * t;
	return [a * p0[0] + b * p1[0] + c * p2[0] + d * p3[0], a * p0[1] + b * p1[1] + c * p2[1] + d * p3[1]];
}

const polyline: Point[] = curves.flatMap((curve, index) => Array.from({ length: 41 }, (_, step) => bezier(curve, step / 40)).slice(index === 0 ? 0 : 1));

function distanceToSegment([px, py]: Point, [ax, ay]: Point, [bx, by]: Point): number {
	const dx = bx - ax, dy = by - ay;
	const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy || 1)));
	return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function distanceToMark(point: Point, scale: number): number {
	let best = Infinity;
	for (let i = 1; i < polyline.length; i++) best = Math.min(best, distanceToSegment(point, polyline[i - 1], polyline[i]));
	return best * scale;
}

/** Signed distance (in units) to a rounded square of side 32: negative inside. */
function roundedSquare([x, y]: Point, radius: number): number {
	const qx = Math.abs(x - 16) - (16 - radius), qy = Math.abs(y - 16) - (16 - radius);
	return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
}

/** An icon of `size` px. maskable: full-bleed background and the mark shrunk into the safe zone (80 %). */
function draw(size: number, maskable: boolean): Buffer {
	const unitsPerPixel = 32 / size;
	const markScale = maskable ? 0.8 : 1;
	const rows: Buffer[] = [];
	for (let py = 0; py < size; py++) {
		const row = Buffer.alloc(1 + size * 4); // filter byte 0, then RGBA
		for (let px = 0; px < size; px++) {
			const unit: Point = [(px + 0.5) * unitsPerPixel, (py + 0.5) * unitsPerPixel];
			const background = maskable ? 1 : Math.max(0, Math.min(1, 0.5 - roundedSquare(unit, cornerRadius) / unitsPerPixel));
			const inMark: Point = [16 + (unit[0] - 16) / markScale, 16 + (unit[1] - 16) / markScale];
			const distancePx = distanceToMark(inMark, markScale / unitsPerPixel);
			const stroke = Math.max(0, Math.min(1, (strokeWidth / 2) * (markScale / unitsPerPixel) - distancePx + 0.5)) * background;
			const offset = 1 + px * 4;
			for (let channel = 0; channel < 3; channel++) row[offset + channel] = Math.round(brand[channel] * (1 - stroke) + white[channel] * stroke);
			row[offset + 3] = Math.round(background * 255);
		}
		rows.push(row);
	}
	return png(size, Buffer.concat(rows));
}

function chunk(type: string, data: Buffer): Buffer {
	const length = Buffer.alloc(4);
	length.writeUInt32BE(data.length);
	const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(zlib.crc32(body));
	return Buffer.concat([length, body, crc]);
}

function png(size: number, scanlines: Buffer): Buffer {
	const header = Buffer.alloc(13);
	header.writeUInt32BE(size, 0);
	header.writeUInt32BE(size, 4);
	header[8] = 8; // bits per channel
	header[9] = 6; // RGBA
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', header),
		chunk('IDAT', zlib.deflateSync(scanlines, { level: 9 })),
		chunk('IEND', Buffer.alloc(0))
	]);
}

const hex = (rgb: number[]) => `#${rgb.map((value) => value.toString(16).padStart(2, '0')).join('')}`;
const svg =
	`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="${cornerRadius}" fill="${hex(brand)}"/>` +
	`<path d="${pathData}" fill="none" stroke="#fff" stroke-width="${strokeWidth}" stroke-linecap="round"/></svg>\n`;

const out = path.resolve(import.meta.dirname, '..', 'static', 'icons');
fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(path.join(out, 'icon.svg'), svg);
for (const [name, size, maskable] of [
	['icon-192.png', 192, false],
	['icon-512.png', 512, false],
	['icon-maskable-512.png', 512, true]
] as const) {
	const file = draw(size, maskable);
	fs.writeFileSync(path.join(out, name), file);
	console.log(`static/icons/${name}: ${size}×${size}, ${file.length} bytes`);
}
console.log('static/icons/icon.svg');
