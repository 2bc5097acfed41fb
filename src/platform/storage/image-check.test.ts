import { describe, expect, it } from 'vitest';
import { aPdf } from '../testing/pdf.ts';
import { aJpeg, aLossyWebp, aPicture, aPng, aWebp } from '../testing/images.ts';
import { checkImage } from './image-check.ts';

/** The JPEG with another size written in its frame header (SOF0). */
function jpegOfSize(width: number, height: number) {
	const bytes = Buffer.from(aJpeg());
	const at = bytes.indexOf(Buffer.from([0xff, 0xc0]));
	bytes.writeUInt16BE(height, at + 5);
	bytes.writeUInt16BE(width, at + 7);
	return bytes;
}

describe('a picture is judged by its content and measured from its header', () => {
	it('reads the size of PNG, JPEG and WebP pictures, whatever they are called', async () => {
		expect(checkImage(aPng())).toEqual({ format: 'png', width: 2, height: 2, animated: false });
		expect(checkImage(await aPicture(640, 360))).toEqual({ format: 'png', width: 640, height: 360, animated: false });
		expect(checkImage(aJpeg())).toEqual({ format: 'jpeg', width: 2, height: 2, animated: false });
		expect(checkImage(jpegOfSize(1200, 675))).toMatchObject({ format: 'jpeg', width: 1200, height: 675 });
		expect(checkImage(aWebp())).toEqual({ format: 'webp', width: 1, height: 1, animated: false });
		expect(checkImage(aLossyWebp())).toEqual({ format: 'webp', width: 1, height: 1, animated: false });
	});

	it('refuses what is not a whole picture: cut short, a document, SVG, GIF, a page dressed as one', () => {
		const png = aPng();
		expect(checkImage(png.subarray(0, png.length - 12))).toBeNull();
		const webp = aWebp();
		expect(checkImage(webp.subarray(0, webp.length - 2))).toBeNull();
		expect(checkImage(Buffer.concat([webp, Buffer.from([0, 0])]))).toBeNull();
		expect(checkImage(aPdf({ text: 'Rapport' }))).toBeNull();
		expect(checkImage(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))).toBeNull();
		expect(checkImage(Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64'))).toBeNull();
		expect(checkImage(Buffer.from('RIFF\u0020\u0000\u0000\u0000WEBP<html><script>alert(1)</script></html>!!', 'latin1'))).toBeNull();
		expect(checkImage(jpegOfSize(0, 10))).toBeNull();
		expect(checkImage(new Uint8Array())).toBeNull();
	});

	it('says when a picture moves (an animated PNG)', async () => {
		const still = await aPicture(4, 4);
		// an acTL chunk (animation control) right after the header: the picture is an APNG
		const ihdrEnd = 8 + 12 + 13;
		const { crc32 } = await import('node:zlib');
		const body = Buffer.concat([Buffer.from('acTL'), Buffer.from([0, 0, 0, 1, 0, 0, 0, 0])]);
		const crc = Buffer.alloc(4);
		crc.writeUInt32BE(crc32(body));
		const animated = Buffer.concat([still.subarray(0, ihdrEnd), Buffer.from([0, 0, 0, 8]), body, crc, still.subarray(ihdrEnd)]);
		expect(checkImage(animated)).toEqual({ format: 'png', width: 4, height: 4, animated: true });
	});
});
