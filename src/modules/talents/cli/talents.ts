// `npm run admin -- talents:generate --talents N` and `talents:remove-samples`.
import { parseArgs } from 'node:util';
import type { Database } from '../../../platform/db/database.ts';
import type { CliIo } from '../../../platform/cli/io.ts';
import { runDatabaseCommand } from '../../../platform/cli/entry.ts';
import { createContext } from '../../../platform/kernel/context.ts';
import { generateTalents, removeSampleTalents } from '../generate.ts';

/** Returns the exit code (0 done, 1 failed, 2 wrong usage). */
export async function runTalentsGenerate(argv: string[], io: Pick<CliIo, 'out' | 'err'>, options: { env?: NodeJS.ProcessEnv; database?: Database } = {}): Promise<number> {
	let values: Record<string, string | boolean | undefined>;
	try {
		({ values } = parseArgs({ args: argv, options: { talents: { type: 'string' }, prefix: { type: 'string' } }, strict: true }));
	} catch (error) {
		io.err((error as Error).message);
		return 2;
	}
	const count = Number(values.talents);
	if (!Number.isInteger(count) || count < 1 || count > 1_000_000) {
		io.err('talents:generate needs --talents N (1 to 1000000).');
		return 2;
	}
	if (values.prefix !== undefined && !/^[a-z0-9-]{1,30}$/.test(String(values.prefix))) {
		io.err('--prefix takes lowercase letters, digits and hyphens.');
		return 2;
	}
	return runDatabaseCommand('talents:generate', io, options, async ({ database, context }) => {
		const started = performance.now();
		await generateTalents(createContext({ db: database.db, actor: null, audit: context }), count, { prefix: (values.prefix as string | undefined) ?? `gen-${Date.now().toString(36)}` });
		io.out(`Inserted ${count} sample talents in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
		return 0;
	});
}

export async function runTalentsRemoveSamples(_argv: string[], io: Pick<CliIo, 'out' | 'err'>, options: { env?: NodeJS.ProcessEnv; database?: Database } = {}): Promise<number> {
	return runDatabaseCommand('talents:remove-samples', io, options, async ({ database, context }) => {
		const removed = await removeSampleTalents(createContext({ db: database.db, actor: null, audit: context }));
		io.out(`Removed ${removed.people} sample talents, ${removed.networks} sample networks and ${removed.missions} sample missions.`);
		return 0;
	});
}
