// Each module keeps its pages and endpoints in src/modules/<slug>/routes/, laid out as under
// src/routes/. SvelteKit reads one routes folder, so this copies them there before every build,
// type check, test run and dev server (vite.config.ts), and again when they change (dev). The copies
// are not in git: each copied folder carries a .gitignore of its own, so adding a module touches no
// shared file. A module's folder in src/routes is its own: it may not share a folder with the
// platform's routes or another module's. Run directly: node scripts/module-routes.ts
import fs from 'node:fs';
import path from 'node:path';

const MARK = '# Copied from src/modules/*/routes by scripts/module-routes.ts: edit the module, not this folder.';

export interface RouteSync {
	written: string[];
	removed: string[];
}

function walk(dir: string): string[] {
	if (!fs.existsSync(dir)) return [];
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		return entry.isDirectory() ? walk(full) : [full];
	});
}

/** The line that ends each copy, naming its source (at the end, so line numbers match the source's). */
function note(file: string, source: string): string {
	const text = `Copy of ${source} (scripts/module-routes.ts): edit that file.`;
	return file.endsWith('.svelte') ? `\n<!-- ${text} -->\n` : `\n// ${text}\n`;
}

/** Folders under src/routes made by an earlier copy (they hold our .gitignore). */
function copiedFolders(routesDir: string, dir = routesDir): string[] {
	if (!fs.existsSync(dir)) return [];
	const here = path.join(dir, '.gitignore');
	if (dir !== routesDir && fs.existsSync(here) && fs.readFileSync(here, 'utf8').startsWith(MARK)) return [dir];
	return fs
		.readdirSync(dir, { withFileTypes: true })
		.filter((entry) => entry.isDirectory())
		.flatMap((entry) => copiedFolders(routesDir, path.join(dir, entry.name)));
}

export function syncModuleRoutes(root: string): RouteSync {
	const routesDir = path.join(root, 'src', 'routes');
	const modulesDir = path.join(root, 'src', 'modules');
	removeEmptyFolders(routesDir, [routesDir]); // left by moves; git keeps no empty folder anyway
	const previous = copiedFolders(routesDir);
	const insidePrevious = (file: string) => previous.some((folder) => file.startsWith(folder + path.sep));

	// What the modules want under src/routes, and the top folder each copy lives in.
	const wanted = new Map<string, { source: string; content: string }>();
	const folderOwner = new Map<string, string>();
	const modules = fs.existsSync(modulesDir) ? fs.readdirSync(modulesDir, { withFileTypes: true }).filter((entry) => entry.isDirectory()) : [];
	for (const module of modules) {
		const moduleRoutes = path.join(modulesDir, module.name, 'routes');
		for (const source of walk(moduleRoutes)) {
			if (/\.test\.ts$/.test(source)) throw new Error(`${path.relative(root, source)}: tests of a module's routes live outside its routes folder`);
			const relative = path.relative(moduleRoutes, source);
			const target = path.join(routesDir, relative);
			// the first folder on the way down that the platform does not have is the module's own
			const segments = relative.split(path.sep);
			let folder = routesDir;
			for (const segment of segments.slice(0, -1)) {
				folder = path.join(folder, segment);
				const platformHasIt = fs.existsSync(folder) && !previous.includes(folder) && !insidePrevious(folder);
				if (!platformHasIt) break;
			}
			if (folder === path.dirname(target) && fs.existsSync(folder) && !previous.includes(folder) && !insidePrevious(folder)) {
				throw new Error(`${path.relative(root, source)}: src/routes/${path.dirname(relative)} belongs to the platform; give the module a folder of its own`);
			}
			const owner = folderOwner.get(folder);
			if (owner && owner !== module.name) throw new Error(`src/routes/${path.relative(routesDir, folder)} is claimed by the modules ${owner} and ${module.name}`);
			folderOwner.set(folder, module.name);
			const label = path.relative(root, source).split(path.sep).join('/');
			const content = fs.readFileSync(source, 'utf8') + note(source, label);
			wanted.set(target, { source, content });
		}
	}
	for (const folder of folderOwner.keys()) wanted.set(path.join(folder, '.gitignore'), { source: '', content: `${MARK}\n*\n` });

	const result: RouteSync = { written: [], removed: [] };
	for (const folder of previous) {
		for (const file of walk(folder)) {
			if (!wanted.has(file)) {
				fs.rmSync(file);
				result.removed.push(file);
			}
		}
	}
	for (const [target, { content }] of wanted) {
		if (fs.existsSync(target) && fs.readFileSync(target, 'utf8') === content) continue; // keep mtimes: builds stay fresh
		fs.mkdirSync(path.dirname(target), { recursive: true });
		fs.writeFileSync(target, content);
		result.written.push(target);
	}
	removeEmptyFolders(routesDir, previous);
	return result;
}

function removeEmptyFolders(routesDir: string, folders: string[]) {
	const prune = (dir: string): boolean => {
		if (!fs.existsSync(dir)) return true;
		// prune every child first (no short cut), then see whether anything is left
		const children = fs.readdirSync(dir, { withFileTypes: true });
		const kept = children.filter((entry) => !(entry.isDirectory() && prune(path.join(dir, entry.name))));
		const empty = kept.length === 0;
		if (empty && dir !== routesDir) fs.rmdirSync(dir);
		return empty;
	};
	for (const folder of folders) prune(folder);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
	const root = path.resolve(import.meta.dirname, '..');
	const { written, removed } = syncModuleRoutes(root);
	console.log(`module routes: ${written.length} copied, ${removed.length} removed`);
}
