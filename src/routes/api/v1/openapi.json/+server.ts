import { openApiDocument } from '#platform/openapi/document.ts';

/** The OpenAPI 3.1 description of the API, for tools; /api/docs shows it to people. */
export function GET() {
	return Response.json(openApiDocument(), {
		headers: {
			'cache-control': 'public, max-age=300',
			// Public and credential-free: API tools on other origins may read it.
			'access-control-allow-origin': '*'
		}
	});
}
