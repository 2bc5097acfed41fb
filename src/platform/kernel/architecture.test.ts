import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The import rules that keep the layers apart (docs/architecture.md):
 *   routes → modules' web/api code → services → tables and queries → platform;
 *   the platform never imports a module; modules do not import each other.
 * The composition root (src/modules/index.ts) and the entry file (src/compose.ts) are the only places
 * where the list of modules is known.
 */
const root = path.resolve(import.meta.dirname, '../../..');
const src = path.join(root, 'src');

function sourceFiles(dir: string): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) return sourceFiles(full);
		return /\.(ts|js|svelte)$/.test(entry.name) ? [full] : [];
	});
}

const specifier = /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm;

/** Each import of a file: the specifier as written and, for project files, the absolute path it names. */
function importsOf(file: string): { written: string; target: string | null }[] {
	const text = fs.readFileSync(file, 'utf8');
	return [...text.matchAll(specifier)].map((match) => {
		const written = (match[1] ?? match[2]).split('?')[0];
		let target: string | null = null;
		if (written.startsWith('.')) target = path.resolve(path.dirname(file), written);
		else if (written.startsWith('#platform/')) target = path.join(src, 'platform', written.slice('#platform/'.length));
		else if (written.startsWith('#modules/')) target = path.join(src, 'modules', written.slice('#modules/'.length));
		return { written, target };
	});
}

const relative = (file: string) => path.relative(root, file);
const moduleOf = (file: string) => /^src\/modules\/([^/]+)\//.exec(relative(file))?.[1] ?? null;

/** The end of each copy scripts/module-routes.ts makes in src/routes (the source is checked instead). */
const routeCopyNote = /Copy of src\/modules\/\S+ \(scripts\/module-routes\.ts\): edit that file\./;

/** The platform's and the modules' route folders: pages, endpoints, layouts and their helpers (not tests, not copies). */
function routeFiles(): string[] {
	const modules = fs.readdirSync(path.join(src, 'modules'), { withFileTypes: true }).filter((entry) => entry.isDirectory());
	const folders = [path.join(src, 'routes'), ...modules.map((entry) => path.join(src, 'modules', entry.name, 'routes'))].filter((dir) => fs.existsSync(dir));
	return folders
		.flatMap(sourceFiles)
		.filter((file) => !/\.test\.ts$/.test(file))
		.filter((file) => !routeCopyNote.test(fs.readFileSync(file, 'utf8')));
}

/** drizzle-orm itself, or a table file (its columns and SQL belong in services). */
const reachesDatabase = (written: string) => written === 'drizzle-orm' || written.startsWith('drizzle-orm/') || /\.table(\.ts)?$/.test(written);

describe('import rules', () => {
	it('the platform imports no module (it receives their manifests)', () => {
		const offending = sourceFiles(path.join(src, 'platform')).flatMap((file) =>
			importsOf(file)
				.filter(({ target }) => target && (target.startsWith(path.join(src, 'modules')) || target === path.join(src, 'compose.ts')))
				.map(({ written }) => `${relative(file)} → ${written}`)
		);
		expect(offending).toEqual([]);
	});

	it('the platform’s own routes import no module either (modules reach them through their manifests)', () => {
		const offending = sourceFiles(path.join(src, 'routes'))
			.filter((file) => !routeCopyNote.test(fs.readFileSync(file, 'utf8')))
			.flatMap((file) =>
				importsOf(file)
					.filter(({ target }) => target && target.startsWith(path.join(src, 'modules') + path.sep))
					.map(({ written }) => `${relative(file)} → ${written}`)
			);
		expect(offending).toEqual([]);
	});

	it('a module imports no other module', () => {
		const offending = sourceFiles(path.join(src, 'modules'))
			.filter((file) => relative(file) !== 'src/modules/index.ts')
			.flatMap((file) =>
				importsOf(file)
					.filter(({ target }) => {
						if (!target || !target.startsWith(path.join(src, 'modules') + path.sep)) return false;
						return moduleOf(target) !== moduleOf(file);
					})
					.map(({ written }) => `${relative(file)} → ${written}`)
			);
		expect(offending).toEqual([]);
	});

	it('services, tables, data and schemas know nothing of HTTP or SvelteKit', () => {
		const offending = [...sourceFiles(path.join(src, 'platform')), ...sourceFiles(path.join(src, 'modules'))]
			.filter((file) => /\.(service|table|data|schemas)\.ts$/.test(file))
			.flatMap((file) =>
				importsOf(file)
					.filter(({ written }) => written.startsWith('@sveltejs/kit') || written.startsWith('$app/'))
					.map(({ written }) => `${relative(file)} → ${written}`)
			);
		expect(offending).toEqual([]);
	});

	it('route files reach the database only through services: no drizzle-orm, no table file', () => {
		const offending = routeFiles().flatMap((file) =>
			importsOf(file)
				.filter(({ written }) => reachesDatabase(written))
				.map(({ written }) => `${relative(file)} → ${written}`)
		);
		expect(offending).toEqual([]);
	});

	it('the rule checker sees imports of every form (so the rules above can fail)', () => {
		const probe = path.join(src, 'platform', 'kernel', 'probe.ts');
		const written = (text: string) => {
			const match = [...text.matchAll(specifier)];
			return match.map((m) => m[1] ?? m[2]);
		};
		expect(written(`import { a } from '../x.ts';\nimport type { B } from "#modules/y.ts";\nexport * from './z.ts';\nawait import('./w.ts');\nimport './side.ts';`)).toEqual([
			'../x.ts',
			'#modules/y.ts',
			'./z.ts',
			'./w.ts',
			'./side.ts'
		]);
		expect(moduleOf(path.join(src, 'modules', 'atlas', 'x.ts'))).toBe('atlas');
		expect(relative(probe)).toBe('src/platform/kernel/probe.ts');
	});
});
