import { openApiDocument, RAW_DOCUMENT_PATH } from '#platform/openapi/document.ts';
import { docsView } from '#platform/openapi/docs-view.ts';

// The readable API documentation, built from the same OpenAPI document tools read.
// It sits outside /[lang]: the root layout renders it in the request's language (locals.language).
// The endpoints themselves are on one page per group (/api/docs/[group]); this one lists them.
export function load() {
	const docs = docsView(openApiDocument());
	return {
		docs: {
			version: docs.version,
			errorShape: docs.errorShape,
			errorResponses: docs.errorResponses,
			groups: docs.groups.map((group) => ({
				slug: group.slug,
				anchor: group.anchor,
				name: group.name,
				operations: group.operations.map((operation) => ({ anchor: operation.anchor, method: operation.method, path: operation.path }))
			}))
		},
		rawPath: RAW_DOCUMENT_PATH
	};
}
