import { AppError } from '../../../platform/http/app-error.ts';
import { inspectPdf } from '../../../platform/storage/file-check.ts';

/** A CV is a PDF of at most 5 MB. */
export const CV_MAX_BYTES = 5 * 1024 * 1024;
const refused = (reason: 'cv_not_pdf' | 'cv_active_content') => new AppError('unsupported_media_type', { extra: { reason } });

/**
 * Checks a CV by its content, whatever its name or declared type: at most 5 MB, a PDF the platform's
 * check opens without active content (see inspectPdf). `payload_too_large` or `unsupported_media_type`
 * (`cv_not_pdf`, `cv_active_content`) otherwise.
 */
export async function checkCv(bytes: Uint8Array): Promise<void> {
	if (bytes.byteLength === 0) throw new AppError('invalid_input', { fields: [{ path: 'cv', messageKey: 'field_required' }], extra: { reason: 'cv_empty' } });
	if (bytes.byteLength > CV_MAX_BYTES) throw new AppError('payload_too_large', { values: { limit: '5 MB' }, extra: { reason: 'cv_too_large' } });
	const verdict = await inspectPdf(bytes);
	if (verdict !== 'ok') throw refused(verdict === 'active_content' ? 'cv_active_content' : 'cv_not_pdf');
}
