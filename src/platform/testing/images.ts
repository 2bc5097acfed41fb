// Real, tiny pictures for tests (2×2 white pixels, made with ImageMagick): a phone's photo of a paper in small.
// Plain erasable TypeScript: browser tests import it too.

export const aPng = (): Buffer =>
	Buffer.from(
		'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACAQAAAABazTCJAAAABGdBTUEAALGPC/xhBQAAACBjSFJNAAB6JgAAgIQAAPoAAACA6AAAdTAAAOpgAAA6mAAAF3CculE8AAAAAmJLR0QAAd2KE6QAAAAHdElNRQfqDAUQNSF7W/7vAAAADElEQVQI12M4wHAAAAMEAYHFO6KpAAAAJXRFWHRkYXRlOmNyZWF0ZQAyMDI2LTEyLTA1VDE2OjUzOjMzKzAwOjAwDQroRwAAACV0RVh0ZGF0ZTptb2RpZnkAMjAyNi0xMi0wNVQxNjo1MzozMyswMDowMHxXUPsAAAAASUVORK5CYII=',
		'base64'
	);

export const aJpeg = (): Buffer =>
	Buffer.from(
		'/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/wAALCAACAAIBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAACP/EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AVL//2Q==',
		'base64'
	);

/** The smallest WebP pictures (1×1): lossless (VP8L) and lossy (VP8). */
export const aWebp = (): Buffer => Buffer.from('UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==', 'base64');
export const aLossyWebp = (): Buffer => Buffer.from('UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA', 'base64');

/**
 * A real PNG of any size (a soft gradient with a band across, like a photograph's sky over a field), for pages
 * that show pictures: browsers draw it at its size.
 */
export async function aPicture(width: number, height: number): Promise<Buffer> {
	const { deflateSync, crc32 } = await import('node:zlib');
	const chunk = (type: string, data: Buffer) => {
		const length = Buffer.alloc(4);
		length.writeUInt32BE(data.length);
		const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
		const crc = Buffer.alloc(4);
		crc.writeUInt32BE(crc32(body));
		return Buffer.concat([length, body, crc]);
	};
	const header = Buffer.alloc(13);
	header.writeUInt32BE(width, 0);
	header.writeUInt32BE(height, 4);
	header.set([8, 2, 0, 0, 0], 8); // 8 bits a channel, RGB, no interlace
	const rows = Buffer.alloc((width * 3 + 1) * height);
	for (let y = 0; y < height; y++) {
		const row = y * (width * 3 + 1);
		for (let x = 0; x < width; x++) {
			const band = y > height * 0.6;
			rows[row + 1 + x * 3] = band ? 40 + Math.round((x / width) * 60) : 90 + Math.round((y / height) * 80);
			rows[row + 2 + x * 3] = band ? 120 + Math.round((y / height) * 60) : 150 + Math.round((x / width) * 60);
			rows[row + 3 + x * 3] = band ? 60 : 210;
		}
	}
	return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}
