// Issue #17 rule 19: a PNG renamed .xml is "not an XML file" (not "not UTF-8"), in the reader's language;
// a file with a byte order mark or leading blank lines is still read.
import { describe, expect, it } from 'vitest';
import { isImportRefusal, refusalMessage, type ImportRefusal } from '../refusal.ts';
import { parseIatiFile } from './parse.ts';

const limits = { maxBytes: 1024 * 1024, maxActivities: 100 };
async function* bytes(data: Uint8Array) {
	yield data;
}
async function refusal(promise: Promise<unknown>): Promise<ImportRefusal> {
	try {
		await promise;
	} catch (error) {
		if (isImportRefusal(error)) return error;
		throw error;
	}
	throw new Error('the file was not refused');
}
// the first bytes of a real PNG file (signature, IHDR chunk), then binary noise
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff, 0xfe, 0x00, 0x81]);

describe('refused files', () => {
	it('says a PNG renamed .xml is not an XML file, in three languages', async () => {
		const refused = await refusal(parseIatiFile(bytes(png), limits));
		expect(refused.reason).toBe('not_xml');
		expect(refusalMessage('fr', refused)).toContain('n’est pas un fichier XML');
		expect(refusalMessage('en', refused)).toContain('not an XML file');
		expect(refusalMessage('ar', refused)).toContain('ليس ملف XML');
	});

	it('reads a file that starts with a byte order mark and blank lines', async () => {
		const body = '<iati-activities version="2.03"><iati-activity xml:lang="fr"><iati-identifier>XM-T-1</iati-identifier><title><narrative>Titre</narrative></title><recipient-country code="MA"/></iati-activity></iati-activities>';
		for (const text of [`\uFEFF<?xml version="1.0" encoding="UTF-8"?>${body}`, `\n\n  ${body}`]) {
			const parsed = await parseIatiFile(bytes(new TextEncoder().encode(text)), limits);
			expect(parsed.activities).toHaveLength(1);
		}
	});
});
