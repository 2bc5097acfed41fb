import { describe, expect, it } from 'vitest';
import { aPdf } from '../../../platform/testing/pdf.ts';
import { checkCv } from './cv-check.ts';

const reasonOf = (bytes: Uint8Array) =>
	checkCv(bytes).then(
		() => 'accepted',
		(failure: { extra?: { reason?: string } }) => failure.extra?.reason
	);

describe('a CV is checked by its structure, not its first bytes', () => {
	it('accepts a real PDF', async () => {
		expect(await reasonOf(aPdf({ text: 'Aminata Diallo, maçonne' }))).toBe('accepted');
	});

	it('refuses what only starts like a PDF', async () => {
		expect(await reasonOf(Buffer.from('%PDF-'))).toBe('cv_not_pdf');
		expect(await reasonOf(Buffer.from('%PDF-1.4\n<html><body><script>alert(1)</script></body></html>'))).toBe('cv_not_pdf');
		expect(await reasonOf(Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(1500, 0x20)]))).toBe('cv_not_pdf');
		expect(await reasonOf(Buffer.from('PK\u0003\u0004 not a pdf %PDF-'))).toBe('cv_not_pdf');
	});

	it('refuses a PDF with active content a reader could run', async () => {
		const script = '<< /S /JavaScript /JS (app.alert\\(1\\)) >>';
		expect(await reasonOf(aPdf({ catalog: '/OpenAction 5 0 R', extra: script }))).toBe('cv_active_content');
		expect(await reasonOf(aPdf({ page: '/AA << /O 5 0 R >>', extra: script }))).toBe('cv_active_content');
		expect(await reasonOf(aPdf({ page: '/Annots [5 0 R]', extra: '<< /Type /Annot /Subtype /Link /Rect [0 0 10 10] /A << /S /Launch /F (cmd.exe) >> >>' }))).toBe(
			'cv_active_content'
		);
		expect(await reasonOf(aPdf({ catalog: '/Names << /EmbeddedFiles 5 0 R >>', extra: '<< /Names [] >>' }))).toBe('cv_active_content');
	});

	it('accepts links to web pages and e-mail addresses', async () => {
		const link = '<< /Type /Annot /Subtype /Link /Rect [0 0 10 10] /A << /S /URI /URI (https://www.linkedin.com/in/example) >> >>';
		expect(await reasonOf(aPdf({ page: '/Annots [5 0 R]', extra: link }))).toBe('accepted');
	});

	it('refuses more than 5 MB before reading it', async () => {
		expect(await reasonOf(aPdf({ size: 5 * 1024 * 1024 + 10 }))).toBe('cv_too_large');
	});
});
