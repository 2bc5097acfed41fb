// Pictures made again before they are kept: at most so many pixels wide, upright, in WebP, and without any of
// what the camera or the phone wrote in the file (EXIF, XMP, IPTC: the place where it was taken, the device, the
// date, a name), which can put the people on a picture in danger. Only a picture `checkImage` accepted (a whole,
// still PNG, JPEG or WebP of bounded size) is given to the image library (sharp, on libvips).
import sharp from 'sharp';

/** A picture as it is kept and served. */
export interface ResizedImage {
	bytes: Uint8Array;
	format: 'webp';
	width: number;
	height: number;
	size: number;
}

/** the most pixels a picture given here may have (a checked one has at most 8,000 a side) */
const MAX_INPUT_PIXELS = 8000 * 8000;

/**
 * The picture at most `maxWidth` pixels wide (never enlarged), turned upright as its orientation tag says, in WebP
 * (`quality` 1–100), with no metadata at all. Refuses (throws) what the library cannot read whole.
 */
export async function resizeImage(bytes: Uint8Array, maxWidth: number, quality = 80): Promise<ResizedImage> {
	// sharp keeps no metadata unless asked (`keepMetadata`, `withMetadata`): nothing of the original's is copied
	const { data, info } = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error', animated: false })
		.autoOrient()
		.resize({ width: maxWidth, withoutEnlargement: true })
		.webp({ quality, effort: 4 })
		.toBuffer({ resolveWithObject: true });
	return { bytes: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), format: 'webp', width: info.width, height: info.height, size: data.byteLength };
}

/** What a picture's file says of itself beyond its pixels (for tests and checks): EXIF, XMP, IPTC, ICC, orientation. */
export async function imageMetadata(bytes: Uint8Array) {
	const meta = await sharp(bytes).metadata();
	return { format: meta.format, width: meta.width, height: meta.height, exif: Boolean(meta.exif), xmp: Boolean(meta.xmp), iptc: Boolean(meta.iptc), icc: Boolean(meta.icc), orientation: meta.orientation ?? null };
}
