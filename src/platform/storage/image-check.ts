// Pictures shown on public pages (a network's news item): judged by their whole content like the documents
// people send (file-check.ts), never by their name or declared type, and measured from their own headers, so that
// a page gives each <img> its width and height (no layout shift). Only a picture this accepts is given to the image
// library to be made again without its metadata (image-resize.ts).
import { isWholeJpeg, isWholePng } from './file-check.ts';

/** The kinds of picture a public page shows: PNG, JPEG and WebP (never SVG, which can carry scripts). */
export type ImageFormat = 'png' | 'jpeg' | 'webp';

export const imageMediaTypes: Record<ImageFormat, string> = { png: 'image/png', jpeg: 'image/jpeg', webp: 'image/webp' };
export const imageExtensions: Record<ImageFormat, string> = { png: 'png', jpeg: 'jpg', webp: 'webp' };

export interface CheckedImage {
	format: ImageFormat;
	width: number;
	height: number;
	/** an animated PNG (acTL) or WebP (ANIM): moving pictures a reader cannot pause */
	animated: boolean;
}

const ascii = (bytes: Uint8Array, start: number, length: number) => String.fromCharCode(...bytes.subarray(start, start + length));

/** A PNG's size from its header (IHDR, first by the structure check), and whether it is animated. */
function pngImage(bytes: Uint8Array): CheckedImage | null {
	if (!isWholePng(bytes)) return null;
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const width = view.getUint32(16);
	const height = view.getUint32(20);
	let animated = false;
	for (let offset = 8; offset + 12 <= bytes.byteLength; offset += 12 + view.getUint32(offset)) {
		const type = ascii(bytes, offset + 4, 4);
		if (type === 'acTL') animated = true;
		if (type === 'IDAT' || type === 'IEND') break;
	}
	return { format: 'png', width, height, animated };
}

/** Start-of-frame markers (baseline, progressive, lossless…): they carry the picture's size. */
const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

/** A JPEG's size from its frame header, met before the image data. */
function jpegImage(bytes: Uint8Array): CheckedImage | null {
	if (!isWholeJpeg(bytes)) return null;
	let offset = 2;
	while (offset + 9 <= bytes.byteLength && bytes[offset] === 0xff) {
		const marker = bytes[offset + 1];
		if (marker === 0xda) return null; // image data before any frame header
		const length = (bytes[offset + 2] << 8) | bytes[offset + 3];
		if (SOF.has(marker)) {
			const height = (bytes[offset + 5] << 8) | bytes[offset + 6];
			const width = (bytes[offset + 7] << 8) | bytes[offset + 8];
			return { format: 'jpeg', width, height, animated: false };
		}
		offset += 2 + length;
	}
	return null;
}

/**
 * A WebP whose RIFF chunks run exactly to the end of the file, its first chunk the picture's own (lossy VP8,
 * lossless VP8L, or the extended header VP8X followed by the picture or its animation).
 */
function webpImage(bytes: Uint8Array): CheckedImage | null {
	if (bytes.byteLength < 30 || ascii(bytes, 0, 4) !== 'RIFF' || ascii(bytes, 8, 4) !== 'WEBP') return null;
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	if (view.getUint32(4, true) + 8 !== bytes.byteLength) return null;
	const chunks: { type: string; start: number; size: number }[] = [];
	let offset = 12;
	while (offset + 8 <= bytes.byteLength) {
		const size = view.getUint32(offset + 4, true);
		const start = offset + 8;
		if (start + size > bytes.byteLength) return null;
		chunks.push({ type: ascii(bytes, offset, 4), start, size });
		offset = start + size + (size % 2);
	}
	if (offset !== bytes.byteLength || !chunks.length) return null;
	const [first] = chunks;
	const has = (type: string) => chunks.some((chunk) => chunk.type === type);
	if (first.type === 'VP8 ' && first.size >= 10) {
		const at = first.start;
		if (bytes[at + 3] !== 0x9d || bytes[at + 4] !== 0x01 || bytes[at + 5] !== 0x2a) return null;
		return { format: 'webp', width: view.getUint16(at + 6, true) & 0x3fff, height: view.getUint16(at + 8, true) & 0x3fff, animated: false };
	}
	if (first.type === 'VP8L' && first.size >= 5) {
		if (bytes[first.start] !== 0x2f) return null;
		const bits = view.getUint32(first.start + 1, true);
		return { format: 'webp', width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1, animated: false };
	}
	if (first.type === 'VP8X' && first.size >= 10) {
		const at = first.start;
		const animated = (bytes[at] & 0x02) !== 0;
		if (!(animated ? has('ANIM') : has('VP8 ') || has('VP8L'))) return null;
		const width = 1 + (bytes[at + 4] | (bytes[at + 5] << 8) | (bytes[at + 6] << 16));
		const height = 1 + (bytes[at + 7] | (bytes[at + 8] << 8) | (bytes[at + 9] << 16));
		return { format: 'webp', width, height, animated };
	}
	return null;
}

/**
 * What a sent picture is, checked whole: a PNG, JPEG or WebP whose structure holds from start to end, with its
 * width and height in pixels (never zero). `null` for anything else — SVG, GIF, a document, a picture cut short.
 */
export function checkImage(bytes: Uint8Array): CheckedImage | null {
	const found = bytes[0] === 0x89 ? pngImage(bytes) : bytes[0] === 0xff ? jpegImage(bytes) : bytes[0] === 0x52 ? webpImage(bytes) : null;
	return found && found.width > 0 && found.height > 0 ? found : null;
}
