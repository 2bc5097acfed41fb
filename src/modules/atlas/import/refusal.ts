// A file refused as a whole (nothing is stored): the reason, its values and the HTTP status. The message
// a person reads is `atlas_import.refused_<reason>` in their language.
import { AppError, type ErrorCode } from '../../../platform/http/app-error.ts';
import { errorResponse } from '../../../platform/http/api.ts';
import { translate } from '../../../platform/i18n/translator.ts';
import type { Language } from '../../../platform/i18n/languages.ts';

export type RefusalReason =
	| 'file_empty'
	| 'file_too_large'
	| 'file_type'
	| 'encoding'
	| 'not_xml'
	| 'xml_doctype'
	| 'xml_malformed'
	| 'xml_root'
	| 'iati_version'
	| 'too_many_activities'
	| 'no_activities'
	| 'table_unreadable'
	| 'table_no_header'
	| 'table_too_many_rows';

const statusOf: Partial<Record<RefusalReason, ErrorCode>> = {
	file_too_large: 'payload_too_large',
	file_type: 'unsupported_media_type'
};

export class ImportRefusal extends AppError {
	readonly reason: RefusalReason;
	constructor(reason: RefusalReason, values: Record<string, string | number> = {}) {
		super(statusOf[reason] ?? 'invalid_input', { values, extra: { reason, ...values } });
		this.reason = reason;
	}
}

export function isImportRefusal(error: unknown): error is ImportRefusal {
	return error instanceof ImportRefusal;
}

/** The sentence that explains a refusal, in `language`. */
export function refusalMessage(language: Language, refusal: ImportRefusal): string {
	return translate(language, `atlas_import.refused_${refusal.reason}`, refusal.values);
}

/** The API's error shape for a refused file: the usual code, and `details.reason` with a clear message. */
export function refusalResponse(language: Language, refusal: ImportRefusal): Response {
	const message = refusalMessage(language, refusal);
	return errorResponse(language, refusal.code, {
		status: refusal.status,
		values: refusal.code === 'payload_too_large' ? { limit: String(refusal.values.limit ?? '') } : undefined,
		details: { reason: refusal.reason, message, fields: [{ path: 'file', message }], ...refusal.values }
	});
}
