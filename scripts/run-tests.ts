// `npm test`: the unit and integration tests (Vitest, src/** and scripts/**), then the browser
// tests (Vitest + Chromium, e2e/**) against a fresh build. Ends with one plain line,
// `N passed, N failed` (`, N skipped` when any), summing both, and exits non-zero when anything
// failed or when no test ran. `--only unit` or `--only e2e` runs one part.
// The build starts alongside the unit tests (it takes a few minutes of the two cores the workers share) and its
// output is shown only when it fails.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';

const root = path.resolve(import.meta.dirname, '..');
const vitest = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');
const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');

interface Counts {
	passed: number;
	failed: number;
	skipped: number;
}

let only: 'unit' | 'e2e' | undefined;
try {
	const { values } = parseArgs({ options: { only: { type: 'string' } }, strict: true, allowPositionals: false });
	if (values.only !== undefined && values.only !== 'unit' && values.only !== 'e2e') throw new Error(`--only ${values.only}`);
	only = values.only;
} catch (error) {
	console.error(`${(error as Error).message}\nUsage: node scripts/run-tests.ts [--only unit|e2e]`);
	process.exit(2);
}

const reports = fs.mkdtempSync(path.join(os.tmpdir(), 'sharaka-tests-'));
process.on('exit', () => fs.rmSync(reports, { recursive: true, force: true }));

function run(args: string[], options: { quiet?: boolean } = {}): Promise<{ code: number; output: string }> {
	return new Promise((resolve) => {
		const child = spawn(process.execPath, args, {
			cwd: root,
			env: process.env,
			stdio: ['ignore', options.quiet ? 'pipe' : 'inherit', options.quiet ? 'pipe' : 'inherit']
		});
		const chunks: Buffer[] = [];
		child.stdout?.on('data', (chunk: Buffer) => chunks.push(chunk));
		child.stderr?.on('data', (chunk: Buffer) => chunks.push(chunk));
		child.on('error', (error) => resolve({ code: 1, output: error.message }));
		child.on('close', (code, signal) =>
			resolve({ code: code ?? (signal ? 128 : 1), output: Buffer.concat(chunks).toString('utf8') })
		);
	});
}

interface JsonReport {
	numPassedTests: number;
	numFailedTests: number;
	numPendingTests: number;
	numTodoTests: number;
	testResults: { name: string; status: string; message: string; assertionResults: { status: string; fullName: string; failureMessages?: string[] }[] }[];
}

const failedTests: string[] = [];

/** The failure's first line (the assertion and its message), short enough for CI's tail. */
function why(failureMessages: string[] = []): string {
	// eslint-disable-next-line no-control-regex
	const first = (failureMessages[0] ?? '').replace(/\u001b\[[0-9;]*m/g, '').split('\n')[0]!.trim();
	return first ? ` — ${first.length > 300 ? `${first.slice(0, 300)}…` : first}` : '';
}

/** Runs one Vitest suite with the default reporter for people and a JSON one to count from. */
async function vitestSuite(name: string, configArgs: string[]): Promise<Counts> {
	const reportFile = path.join(reports, `${name}.json`);
	const { code } = await run([
		vitest,
		'run',
		...configArgs,
		'--reporter=default',
		'--reporter=json',
		`--outputFile.json=${reportFile}`
	]);
	let report: JsonReport | undefined;
	try {
		report = JSON.parse(fs.readFileSync(reportFile, 'utf8')) as JsonReport;
	} catch {
		report = undefined;
	}
	if (!report) {
		console.error(`\n${name}: Vitest wrote no report (exit code ${code}); counted as one failure.`);
		return { passed: 0, failed: 1, skipped: 0 };
	}
	const counts: Counts = {
		passed: report.numPassedTests,
		failed: report.numFailedTests,
		skipped: report.numPendingTests + report.numTodoTests
	};
	// Named again at the very end: CI shows only the tail of a long output.
	for (const file of report.testResults) {
		for (const test of file.assertionResults) {
			if (test.status === 'failed') failedTests.push(`${name}: ${path.relative(root, file.name)} › ${test.fullName}${why(test.failureMessages)}`);
		}
	}
	// A file that failed before any of its tests ran (import error, failing hook) has no failed test.
	for (const file of report.testResults) {
		if (file.status === 'failed' && !file.assertionResults.some((test) => test.status === 'failed')) {
			counts.failed += 1;
			const what = `${name}: ${path.relative(root, file.name)} failed outside its tests: ${file.message.split('\n')[0]}`;
			failedTests.push(what);
			console.error(`\n${what}`);
		}
	}
	if (code !== 0 && counts.failed === 0) {
		console.error(`\n${name}: Vitest exited with code ${code} (errors outside the tests); counted as one failure.`);
		counts.failed = 1;
	}
	return counts;
}

async function build(): Promise<boolean> {
	const started = performance.now();
	const { code, output } = await run([vite, 'build'], { quiet: true });
	const seconds = ((performance.now() - started) / 1000).toFixed(1);
	if (code === 0) {
		console.log(`vite build: done in ${seconds} s`);
		return true;
	}
	console.error(`${output}\nvite build failed (exit code ${code}): the browser tests cannot run.`);
	return false;
}

function line({ passed, failed, skipped }: Counts): string {
	return `${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`;
}

const parts: [string, Counts][] = [];
const building = only === 'unit' ? undefined : build();

if (only !== 'e2e') {
	console.log('Unit and integration tests (Vitest)\n');
	parts.push(['unit', await vitestSuite('unit', [])]);
}
if (building) {
	if (await building) {
		console.log('\nBrowser tests (Vitest + Chromium + axe-core)\n');
		parts.push(['e2e', await vitestSuite('e2e', ['--config', path.join('e2e', 'vitest.config.ts')])]);
	} else {
		parts.push(['build', { passed: 0, failed: 1, skipped: 0 }]);
	}
}

const total = parts.reduce<Counts>(
	(sum, [, counts]) => ({
		passed: sum.passed + counts.passed,
		failed: sum.failed + counts.failed,
		skipped: sum.skipped + counts.skipped
	}),
	{ passed: 0, failed: 0, skipped: 0 }
);
console.log('');
for (const failure of failedTests) console.log(`FAILED ${failure}`);
for (const [name, counts] of parts) console.log(`${name}: ${line(counts)}`);
if (total.passed + total.failed === 0) console.error('No test ran.');
console.log(line(total));
process.exit(total.failed > 0 || total.passed + total.failed === 0 ? 1 : 0);
