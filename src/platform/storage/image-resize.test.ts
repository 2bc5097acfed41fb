import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { checkImage } from './image-check.ts';
import { imageMetadata, resizeImage } from './image-resize.ts';

/** A photograph as a phone sends it: 3,000 × 2,000, with where and when it was taken, and turned by its orientation tag. */
async function phonePhoto() {
	const data = await sharp({ create: { width: 3000, height: 2000, channels: 3, background: { r: 40, g: 120, b: 90 } } })
		.withExif({
			IFD0: { Make: 'PhoneMaker', Model: 'Phone 12', Artist: 'Amina B.', Copyright: 'Amina B.' },
			IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '34/1 1/1 0/1', GPSLongitudeRef: 'W', GPSLongitude: '6/1 50/1 0/1' }
		})
		.withMetadata({ orientation: 6 })
		.jpeg({ quality: 90 })
		.toBuffer();
	return new Uint8Array(data);
}

describe('pictures made again before they are kept', () => {
	it('keep nothing of what the phone wrote in the file, turn it upright and bound its width', async () => {
		const sent = await phonePhoto();
		expect(await imageMetadata(sent)).toMatchObject({ format: 'jpeg', exif: true, orientation: 6 });
		const kept = await resizeImage(sent, 1600);
		// upright: the 3,000 × 2,000 picture turned a quarter is 2,000 wide, then 1,600
		expect(kept).toMatchObject({ format: 'webp', width: 1600, height: 2400 });
		expect(kept.size).toBe(kept.bytes.byteLength);
		expect(await imageMetadata(kept.bytes)).toEqual({ format: 'webp', width: 1600, height: 2400, exif: false, xmp: false, iptc: false, icc: false, orientation: null });
		// nothing of it in the bytes either
		const text = Buffer.from(kept.bytes).toString('latin1');
		for (const trace of ['Exif', 'PhoneMaker', 'Amina', 'GPS']) expect(text).not.toContain(trace);
		// the platform's own check by content accepts what it made, with the same size
		expect(checkImage(kept.bytes)).toEqual({ format: 'webp', width: 1600, height: 2400, animated: false });
	});

	it('never enlarges a small picture, and keeps a transparent one transparent', async () => {
		const png = new Uint8Array(await sharp({ create: { width: 300, height: 200, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } }).png().toBuffer());
		const kept = await resizeImage(png, 480);
		expect(kept).toMatchObject({ width: 300, height: 200 });
		expect((await sharp(kept.bytes).metadata()).hasAlpha).toBe(true);
	});

	it('refuses what the library cannot read whole', async () => {
		const sent = await phonePhoto();
		await expect(resizeImage(sent.subarray(0, sent.byteLength / 2), 1600)).rejects.toThrow();
	});
});
