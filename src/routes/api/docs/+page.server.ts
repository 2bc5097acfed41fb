import { openApiDocument, RAW_DOCUMENT_PATH } from '#platform/openapi/document.ts';
import { docsView } from '#platform/openapi/docs-view.ts';

// The readable API documentation, built from the same OpenAPI document tools read.
// It sits outside /[lang]: the root layout renders it in the request's language (locals.language).
export function load() {
	return { docs: docsView(openApiDocument()), rawPath: RAW_DOCUMENT_PATH };
}
