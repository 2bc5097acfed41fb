import { describe, expect, it } from 'vitest';
import { aPdf } from '../testing/pdf.ts';
import { aJpeg, aPng } from '../testing/images.ts';
import { checkDocument, downloadResponse } from './file-check.ts';

describe('a document is judged by its whole content', () => {
	it('takes a PDF, a JPEG and a PNG for what they are, whatever they are called', async () => {
		expect(await checkDocument(aPdf({ text: 'Acte de naissance' }))).toBe('pdf');
		expect(await checkDocument(aJpeg())).toBe('jpeg');
		expect(await checkDocument(aPng())).toBe('png');
	});

	it('refuses a picture cut short, or a page dressed as one', async () => {
		const png = aPng();
		expect(await checkDocument(png.subarray(0, png.length - 12))).toBeNull();
		const jpeg = aJpeg();
		expect(await checkDocument(jpeg.subarray(0, jpeg.length - 2))).toBeNull();
		expect(await checkDocument(Buffer.concat([jpeg.subarray(0, 3), Buffer.from('<html><script>alert(1)</script></html>'), Buffer.from([0xff, 0xd9])]))).toBeNull();
		expect(await checkDocument(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))).toBeNull();
		expect(await checkDocument(Buffer.from('PK\u0003\u0004 a word file'))).toBeNull();
	});

	it('names a PDF that could run code', async () => {
		expect(await checkDocument(aPdf({ catalog: '/OpenAction 5 0 R', extra: '<< /S /JavaScript /JS (app.alert\\(1\\)) >>' }))).toBe('active_content');
	});

	it('is handed over as a download that nothing renders, under its own name', async () => {
		const response = downloadResponse(aPng(), 'image/png', 'بطاقة التعريف.png');
		expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${'_'.repeat(13)}.png"; filename*=UTF-8''${encodeURIComponent('بطاقة التعريف.png')}`);
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
		expect(response.headers.get('content-security-policy')).toContain('sandbox');
		expect(response.headers.get('cache-control')).toBe('private, no-store');
	});
});
