// Atlas commands: `npm run atlas:remove-samples` and `npm run generate -- --initiatives N`.
// Listed in the manifest: `npm run admin -- atlas:generate …` (the npm scripts are shortcuts).
import { parseArgs } from 'node:util';
import type { Database } from '../../../platform/db/database.ts';
import { ensureAtlasReferenceData } from '../atlas.data.ts';
import { generateInitiatives } from '../generate.ts';
import { removeSampleInitiatives } from '../initiative.service.ts';
import type { CliIo } from '../../../platform/cli/io.ts';
import { runDatabaseCommand } from '../../../platform/cli/entry.ts';
import { createContext } from '../../../platform/kernel/context.ts';

export const ATLAS_USAGE = `Sharaka Atlas commands

  npm run atlas:remove-samples
        Delete every sample (fictional) initiative, and the fictional sample organisations.
  npm run generate -- --initiatives N [--prefix P]
        Insert N generated initiatives (badged as samples, slugs P-000001…, default prefix "genere"),
        for benchmarks. Remove them with atlas:remove-samples.

The database is the server's (DATABASE_URL, else the embedded one in DATA_DIR): stop the server first when it is embedded.`;

/** Runs one Atlas command; returns the exit code (0 done, 1 failed, 2 wrong usage). */
export async function runAtlasCli(argv: string[], io: Pick<CliIo, 'out' | 'err'>, options: { env?: NodeJS.ProcessEnv; database?: Database } = {}): Promise<number> {
	const [command, ...args] = argv;
	let values: Record<string, string | boolean | undefined>;
	try {
		({ values } = parseArgs({ args, options: { initiatives: { type: 'string' }, prefix: { type: 'string' } }, strict: true }));
	} catch (error) {
		io.err((error as Error).message);
		io.err(ATLAS_USAGE);
		return 2;
	}
	const count = Number(values.initiatives);
	if (command === 'generate' && (!Number.isInteger(count) || count < 1 || count > 1_000_000)) {
		io.err('generate needs --initiatives N, a whole number from 1 to 1000000.');
		return 2;
	}
	if (command !== 'generate' && command !== 'remove-samples') {
		io.err(ATLAS_USAGE);
		return command === 'help' ? 0 : 2;
	}
	if (values.prefix !== undefined && !/^[a-z0-9-]{1,30}$/.test(String(values.prefix))) {
		io.err('--prefix takes lowercase letters, digits and hyphens.');
		return 2;
	}
	return runDatabaseCommand(command, io, options, async ({ database, context }) => {
		if (!options.database) await ensureAtlasReferenceData(database.db);
		const ctx = createContext({ db: database.db, actor: null, audit: context });
		if (command === 'remove-samples') {
			const removed = await removeSampleInitiatives(ctx);
			io.out(removed ? `Removed ${removed} sample initiatives.` : 'There was no sample initiative.');
		} else {
			const started = performance.now();
			await generateInitiatives(ctx, count, { prefix: values.prefix as string | undefined });
			io.out(`Inserted ${count} generated initiatives in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
		}
		return 0;
	});
}

