import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { serialiseOnlyWhenHydrated } from './kit-page-data.ts';

const kitRoot = path.dirname(createRequire(import.meta.url).resolve('@sveltejs/kit/package.json'));
const renderer = fs.readFileSync(path.join(kitRoot, 'src/runtime/server/page/index.js'), 'utf8');

describe('page data serialised only for pages that hydrate', () => {
	it('guards the installed SvelteKit renderer’s one serialisation of server data by csr', () => {
		const rewritten = serialiseOnlyWhenHydrated(renderer);
		expect(rewritten).toContain('if (csr) data_serializer.add_node(i, server_data);');
		expect(rewritten.split('data_serializer.add_node(').length).toBe(renderer.split('data_serializer.add_node(').length);
	});

	it('fails the build when the renderer no longer has the line it rewrites', () => {
		expect(() => serialiseOnlyWhenHydrated(renderer.replace('data_serializer.add_node(i, server_data);', 'data_serializer.add(i, server_data);'))).toThrow(/renderer changed/);
	});
});
