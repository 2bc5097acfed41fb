// `npm run admin -- knowledge:generate --documents N [--prefix P] [--pages K]`: sample documents for search.
import { parseArgs } from 'node:util';
import type { Database } from '../../../platform/db/database.ts';
import type { CliIo } from '../../../platform/cli/io.ts';
import { runDatabaseCommand } from '../../../platform/cli/entry.ts';
import { createContext } from '../../../platform/kernel/context.ts';
import { generateDocuments } from '../generate.ts';

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
