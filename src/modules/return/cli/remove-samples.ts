// `return:remove-samples`: deletes the fictional RAMre members, their services and organisations.
import type { Database } from '../../../platform/db/database.ts';
import { runDatabaseCommand } from '../../../platform/cli/entry.ts';
import { removeReturnSamples } from '../return.data.ts';

/** Returns the exit code: 0 done, 1 failed. `database` (tests) is used and left open. */
export function runReturnRemoveSamples(io: { out(text: string): void; err(text: string): void }, options: { env?: NodeJS.ProcessEnv; database?: Database } = {}): Promise<number> {
	return runDatabaseCommand('return:remove-samples', io, options, async ({ database, context }) => {
		const count = await removeReturnSamples(database.db, context);
		io.out(count === 0 ? 'No sample network member to remove.' : `${count} sample network members removed, with their services.`);
		return 0;
	});
}
