import { error } from '@sveltejs/kit';
import { openApiDocument } from '#platform/openapi/document.ts';
import { docsView } from '#platform/openapi/docs-view.ts';

// One group of endpoints (an OpenAPI tag) on its own page: the whole reference on one page weighed
// 600 KB, too much for a phone on a weak connection.
export function load({ params }) {
	const docs = docsView(openApiDocument());
	const index = docs.groups.findIndex((group) => group.slug === params.group);
	if (index < 0) error(404, 'not_found');
	const neighbour = (at: number) => (docs.groups[at] ? { slug: docs.groups[at].slug, name: docs.groups[at].name } : null);
	return { group: docs.groups[index], previous: neighbour(index - 1), next: neighbour(index + 1) };
}
