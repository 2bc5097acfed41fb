// The administration command line: `npm run admin -- help` lists the commands.
// A thin entry: the commands live in src/platform/cli/ (tested there).
import '../src/compose.ts';
import { runCli } from '../src/platform/cli/run.ts';
import { processIo, closeProcessIo } from '../src/platform/cli/io.ts';

const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
	console.error(`Sharaka needs Node.js 24 (found ${process.versions.node}): run it through npm (npm run admin -- …).`);
	process.exit(1);
}

const code = await runCli(process.argv.slice(2), processIo());
await closeProcessIo();
process.exitCode = code;
