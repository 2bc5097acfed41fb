import fs from 'node:fs';
import path from 'node:path';

/**
 * Every route of the app and the HTTP methods it answers, read from the files under
 * src/routes: +server.ts exports (GET, POST…), pages (GET) and form actions (POST), also when a page takes them
 * from a factory (`export const { load, actions } = newEntryPage('houses')`).
 */
export function inventoryRoutes(routesDir: string): Map<string, Set<string>> {
	const routes = new Map<string, Set<string>>();
	const add = (id: string, method: string) => {
		if (!routes.has(id)) routes.set(id, new Set());
		routes.get(id)!.add(method);
	};
	const walk = (dir: string) => {
		for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
			const full = path.join(dir, entry.name);
			if (entry.isDirectory()) {
				walk(full);
				continue;
			}
			const relative = path.relative(routesDir, dir).split(path.sep).filter(Boolean);
			// (group) folders do not appear in route ids
			const id = '/' + relative.filter((segment) => !/^\(.*\)$/.test(segment)).join('/');
			const source = () => fs.readFileSync(full, 'utf8');
			if (entry.name === '+server.ts' || entry.name === '+server.js') {
				for (const match of source().matchAll(/export\s+(?:async\s+)?(?:const|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g)) {
					add(id, match[1]);
				}
			} else if (/^\+page\.svelte$/.test(entry.name)) {
				add(id, 'GET');
			} else if (/^\+page\.server\.(ts|js)$/.test(entry.name) && /export\s+const\s+(?:actions\b|\{[^}]*\bactions\b[^}]*\}\s*=)/.test(source())) {
				add(id, 'POST');
			}
		}
	};
	walk(routesDir);
	return routes;
}
