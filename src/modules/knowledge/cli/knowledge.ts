// `npm run admin -- knowledge:generate --documents N [--prefix P] [--pages K]`: sample documents for search;
// `knowledge:remove-samples`: every sample of the module gone.
import { parseArgs } from 'node:util';
import type { Database } from '../../../platform/db/database.ts';
import type { CliIo } from '../../../platform/cli/io.ts';
import { runDatabaseCommand } from '../../../platform/cli/entry.ts';
import { createContext } from '../../../platform/kernel/context.ts';
import { generateDocuments, removeSamples } from '../generate.ts';

/** Returns the exit code (0 done, 1 failed, 2 wrong usage). */
export async function runKnowledgeGenerate(argv: string[], io: Pick<CliIo, 'out' | 'err'>, options: { env?: NodeJS.ProcessEnv; database?: Database } = {}): Promise<number> {
	let values: Record<string, string | boolean | undefined>;
	try {
		({ values } = parseArgs({ args: argv, options: { documents: { type: 'string' }, prefix: { type: 'string' }, pages: { type: 'string' } }, strict: true }));
	} catch (error) {
		io.err((error as Error).message);
		return 2;
	}
	const count = Number(values.documents);
	const pages = values.pages === undefined ? 3 : Number(values.pages);
	if (!Number.isInteger(count) || count < 1 || count > 1_000_000 || !Number.isInteger(pages) || pages < 1 || pages > 200) {
		io.err('knowledge:generate needs --documents N (1 to 1000000) and takes --pages K (1 to 200, default 3).');
		return 2;
	}
	if (values.prefix !== undefined && !/^[a-z0-9-]{1,30}$/.test(String(values.prefix))) {
		io.err('--prefix takes lowercase letters, digits and hyphens.');
		return 2;
	}
	return runDatabaseCommand('knowledge:generate', io, options, async ({ database, context }) => {
		const started = performance.now();
		await generateDocuments(createContext({ db: database.db, actor: null, audit: context }), count, { prefix: values.prefix as string | undefined, pages });
		io.out(`Inserted ${count} sample documents of ${pages} pages in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
		return 0;
	});
}

export async function runKnowledgeRemoveSamples(argv: string[], io: Pick<CliIo, 'out' | 'err'>, options: { env?: NodeJS.ProcessEnv; database?: Database } = {}): Promise<number> {
	if (argv.length) {
		io.err('knowledge:remove-samples takes no arguments.');
		return 2;
	}
	return runDatabaseCommand('knowledge:remove-samples', io, options, async ({ database, context }) => {
		const removed = await removeSamples(createContext({ db: database.db, actor: null, audit: context }));
		io.out(
			`Removed ${removed.documents} sample documents, ${removed.events} sample events, ${removed.registrations} sample registrations, ${removed.surveys} sample surveys, ${removed.answers} sample answers and ${removed.researchers} sample researchers.`
		);
		return 0;
	});
}
