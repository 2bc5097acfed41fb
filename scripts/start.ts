// `npm start`: build when the sources are newer than the build, then serve (migrations and
// first-start demo data run inside the server before it listens).
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

const root = path.resolve(import.meta.dirname, '..');
const stamp = path.join(root, 'build', 'handler.js');
const sources = ['src', 'static', 'package.json', 'package-lock.json', 'vite.config.ts'];

function newest(entry: string): number {
	const full = path.join(root, entry);
	if (!fs.existsSync(full)) return 0;
	const stat = fs.statSync(full);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let latest = stat.mtimeMs;
	for (const child of fs.readdirSync(full)) latest = Math.max(latest, newest(path.join(entry, child)));
	return latest;
}

const built = fs.existsSync(stamp) ? fs.statSync(stamp).mtimeMs : 0;
if (built < Math.max(...sources.map(newest))) {
	console.log('Building Sharaka…');
	const result = spawnSync(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], {
		cwd: root,
		stdio: 'inherit'
	});
	if (result.status !== 0) process.exit(result.status ?? 1);
}

await import('./serve.ts');
