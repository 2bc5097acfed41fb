import { fileURLToPath } from 'node:url';
import type { CliIo } from './io.ts';

type ConsoleIo = Pick<CliIo, 'out' | 'err'>;

/**
 * Runs a command file when Node runs it directly (`node src/lib/server/cli/x.ts`, as the npm scripts
 * do) and does nothing when it is imported (tests): checks the Node version, wires the console, sets
 * the exit code.
 */
export async function runWhenMain(
	moduleUrl: string,
	script: string,
	command: (argv: string[], io: ConsoleIo) => Promise<number>
): Promise<void> {
	if (!process.argv[1] || fileURLToPath(moduleUrl) !== process.argv[1]) return;
	const major = Number(process.versions.node.split('.')[0]);
	if (major < 24) {
		console.error(`Sharaka needs Node.js 24 (found ${process.versions.node}): run it through npm (npm run ${script}).`);
		process.exit(1);
	}
	process.exitCode = await command(process.argv.slice(2), {
		out: (text) => console.log(text),
		err: (text) => console.error(text)
	});
}
