// SvelteKit serialises every page's server data (devalue's `uneval`) for the browser to hydrate from, even
// when no page hydrates: the platform renders on the server only (`csr = false` in the root layout), so
// that work — a third of the CPU of a page with a large tree, and the garbage it leaves — was thrown away
// on every request. This plugin rewrites SvelteKit's server renderer at build time so that a page's data is
// serialised only when the page loads SvelteKit's client. If an upgrade of SvelteKit changes the lines
// below, the build fails here rather than silently serialising again.
import type { Plugin } from 'vite';

const RENDERER = /[\\/]@sveltejs[\\/]kit[\\/]src[\\/]runtime[\\/]server[\\/]page[\\/]index\.js$/;
const SERIALISE = 'data_serializer.add_node(i, server_data);';
const ONLY_WHEN_HYDRATED = 'if (csr) data_serializer.add_node(i, server_data);';

/** The renderer's source with the data serialised only for pages that hydrate (csr). */
export function serialiseOnlyWhenHydrated(source: string): string {
	const occurrences = source.split(SERIALISE).length - 1;
	if (occurrences !== 1 || !/const csr = nodes\.csr\(\);/.test(source)) {
		throw new Error(`kit-page-data: SvelteKit's page renderer changed (found ${occurrences} serialisation calls); review scripts/kit-page-data.ts`);
	}
	return source.replace(SERIALISE, ONLY_WHEN_HYDRATED);
}

export function pageDataOnlyWhenHydrated(): Plugin {
	return {
		name: 'sharaka-page-data-only-when-hydrated',
		enforce: 'pre',
		transform(code, id) {
			if (!RENDERER.test(id.split('?')[0])) return null;
			return { code: serialiseOnlyWhenHydrated(code), map: null };
		}
	};
}
