import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { syncModuleRoutes } from './module-routes.ts';

let root: string;
const write = (file: string, text = 'x') => {
	fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
	fs.writeFileSync(path.join(root, file), text);
};
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');
const exists = (file: string) => fs.existsSync(path.join(root, file));

function project() {
	root = fs.mkdtempSync(path.join(os.tmpdir(), 'sharaka-routes-'));
	write('src/routes/[lang=lang]/+layout.server.ts', 'platform');
	write('src/routes/api/v1/me/+server.ts', 'platform');
}
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe('module routes copied into src/routes', () => {
	it('copies a module’s pages beside the platform’s, in a folder git ignores, and names the source', () => {
		project();
		write('src/modules/example/routes/[lang=lang]/example/+page.svelte', '<p>hello</p>');
		write('src/modules/example/routes/api/v1/me/notes/+server.ts', 'export const GET = 1;');
		syncModuleRoutes(root);
		expect(read('src/routes/[lang=lang]/example/+page.svelte')).toMatch(/^<p>hello<\/p>\n<!-- Copy of src\/modules\/example\/routes\/\[lang=lang\]\/example\/\+page\.svelte/);
		expect(read('src/routes/[lang=lang]/example/.gitignore')).toContain('*');
		expect(read('src/routes/api/v1/me/notes/+server.ts')).toMatch(/^export const GET = 1;\n/);
		expect(exists('src/routes/api/v1/me/.gitignore')).toBe(false); // the platform's folder is left alone
		expect(read('src/routes/api/v1/me/+server.ts')).toBe('platform');
	});

	it('rewrites nothing when nothing changed, follows edits and removes what the module dropped', () => {
		project();
		write('src/modules/example/routes/[lang=lang]/example/+page.svelte', 'one');
		write('src/modules/example/routes/[lang=lang]/example/old/+page.svelte', 'old');
		expect(syncModuleRoutes(root).written).toHaveLength(3);
		expect(syncModuleRoutes(root)).toEqual({ written: [], removed: [] });
		write('src/modules/example/routes/[lang=lang]/example/+page.svelte', 'two');
		fs.rmSync(path.join(root, 'src/modules/example/routes/[lang=lang]/example/old'), { recursive: true });
		const again = syncModuleRoutes(root);
		expect(again.written).toHaveLength(1);
		expect(again.removed).toHaveLength(1);
		expect(read('src/routes/[lang=lang]/example/+page.svelte')).toMatch(/^two\n/);
		expect(exists('src/routes/[lang=lang]/example/old')).toBe(false);
	});

	it('refuses a module file in a folder of the platform, a folder two modules claim, and tests among routes', () => {
		project();
		write('src/modules/example/routes/api/v1/me/+server.ts', 'mine');
		expect(() => syncModuleRoutes(root)).toThrow(/belongs to the platform/);
		fs.rmSync(path.join(root, 'src/modules'), { recursive: true });
		write('src/modules/one/routes/[lang=lang]/shared/a/+page.svelte', 'a');
		write('src/modules/two/routes/[lang=lang]/shared/b/+page.svelte', 'b');
		expect(() => syncModuleRoutes(root)).toThrow(/claimed by the modules one and two/);
		fs.rmSync(path.join(root, 'src/modules'), { recursive: true });
		write('src/modules/one/routes/[lang=lang]/one/page.test.ts', 'test');
		expect(() => syncModuleRoutes(root)).toThrow(/tests of a module's routes live outside/);
	});
});
