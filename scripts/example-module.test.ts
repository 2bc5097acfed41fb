import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The claim of the module architecture (docs/architecture.md): adding a module is adding its folder and
 * one line to the list of manifests (plus the migration `npm run db:generate` writes for its tables).
 * On a copy of the project, this adds the example module (src/testing/example-module) that way, then
 * runs the type check, the platform's contract tests and the module's own tests there.
 */
const root = path.resolve(import.meta.dirname, '..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sharaka-example-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

function files(dir: string): Map<string, string> {
	const found = new Map<string, string>();
	const walk = (current: string) => {
		for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
			if (['node_modules', '.svelte-kit', 'build', '.git'].includes(entry.name)) continue;
			const full = path.join(current, entry.name);
			if (entry.isDirectory()) walk(full);
			else found.set(path.relative(dir, full).split(path.sep).join('/'), fs.readFileSync(full, 'utf8'));
		}
	};
	walk(dir);
	return found;
}

// One run is enough: the copy uses the embedded database whatever the outer run uses.
describe.skipIf(Boolean(process.env.DATABASE_URL))('adding a module', () => {
	it('takes its folder, one line in src/modules/index.ts and its generated migration — and then works', () => {
		// the project as git sees it (committed or not, ignored files left out), without the copied routes
		const listed = execFileSync('git', ['ls-files', '-co', '--exclude-standard'], { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean);
		for (const file of listed) {
			if (!fs.existsSync(path.join(root, file))) continue;
			fs.mkdirSync(path.dirname(path.join(work, file)), { recursive: true });
			fs.copyFileSync(path.join(root, file), path.join(work, file));
		}
		// the installed packages, shared — except SvelteKit's generated `$app`, which names the project's own folder
		fs.mkdirSync(path.join(work, 'node_modules'));
		for (const entry of fs.readdirSync(path.join(root, 'node_modules'))) {
			if (entry !== '$app') fs.symlinkSync(path.join(root, 'node_modules', entry), path.join(work, 'node_modules', entry));
		}
		const before = files(work);

		// 1. the module's folder
		fs.cpSync(path.join(root, 'src/testing/example-module'), path.join(work, 'src/modules/example'), { recursive: true });
		// 2. one line in the list of manifests (its import is that line's other half)
		const index = path.join(work, 'src/modules/index.ts');
		const list = fs.readFileSync(index, 'utf8');
		fs.writeFileSync(
			index,
			list
				.replace(/(import [^\n]+\n)(?![\s\S]*import )/, `$1import { exampleModule } from './example/manifest.ts';\n`)
				.replace(/(export const manifests[^=]*= \[[^\]]*)\]/, '$1, exampleModule]')
		);
		// 3. its migration, as a developer would generate it
		const run = (command: string, args: string[]) => spawnSync(command, args, { cwd: work, encoding: 'utf8', env: { ...process.env, DATABASE_URL: '' }, timeout: 480_000 });
		const generated = run(path.join(root, 'node_modules/.bin/drizzle-kit'), ['generate', '--name', 'example']);
		expect(generated.status, generated.stdout + generated.stderr).toBe(0);

		const after = files(work);
		const changed = [...after].filter(([file, text]) => before.get(file) !== text).map(([file]) => file);
		const outside = changed.filter(
			(file) => !file.startsWith('src/modules/example/') && file !== 'src/modules/index.ts' && !/^drizzle\/(\d{4}_example\.sql|meta\/)/.test(file)
		);
		expect(outside).toEqual([]);
		expect(changed.filter((file) => file.startsWith('drizzle/') && file.endsWith('.sql'))).toHaveLength(1);
		expect(changed).toContain('src/modules/index.ts');

		const node = path.join(root, 'node_modules/.bin/node');
		const routes = run(node, ['scripts/module-routes.ts']);
		expect(routes.status, routes.stderr).toBe(0);
		const sync = run(node, [path.join(root, 'node_modules/.bin/svelte-kit'), 'sync']);
		expect(sync.status, sync.stderr).toBe(0);
		// the module (its source, its routes as copied, the list of manifests) and what it imports: `npm run check` types the
		// whole project in every run already; the ambient declarations come along (SvelteKit's Locals, Vitest's provided values)
		fs.writeFileSync(
			path.join(work, 'tsconfig.example.json'),
			JSON.stringify({
				extends: './tsconfig.json',
				include: ['src/app.d.ts', 'src/testing/global-setup.ts', 'src/modules/example', 'src/modules/index.ts', 'src/routes/*/example', 'src/routes/api/v1/example'],
				exclude: ['node_modules', 'build', '.svelte-kit', 'src/modules/*/routes']
			})
		);
		const types = run(node, [path.join(root, 'node_modules/svelte-check/bin/svelte-check'), '--tsconfig', './tsconfig.example.json', '--threshold', 'error']);
		expect(types.status, types.stdout.slice(-3000)).toBe(0);
		const tests = run(node, [
			path.join(root, 'node_modules/vitest/vitest.mjs'),
			'run',
			'src/modules/example',
			'src/platform/policy',
			'src/platform/openapi',
			'src/platform/i18n',
			'src/platform/kernel',
			'src/platform/accounts/personal-data.test.ts'
		]);
		expect(tests.status, tests.stdout.slice(-4000) + tests.stderr.slice(-2000)).toBe(0);
		expect(tests.stdout).toMatch(/example/);
	}, 900_000);
});
