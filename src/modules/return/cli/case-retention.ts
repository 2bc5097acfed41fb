// `return:case-retention`: erases the reintegration cases closed more than three years ago, with the
// operator's casework file of the returnee (each erasure audited). The module's daily job does the same.
import type { Database } from '../../../platform/db/database.ts';
import { runDatabaseCommand } from '../../../platform/cli/entry.ts';
import { createContext } from '../../../platform/kernel/context.ts';
import { openFileStore, type FileStore } from '../../../platform/storage/file-store.ts';
import { CASE_RETENTION_YEARS, eraseExpiredCases } from '../case-retention.ts';

/** Returns the exit code: 0 done, 1 failed. `database`, `files` and `now` (tests) are used as given. */
export function runCaseRetention(
	io: { out(text: string): void; err(text: string): void },
	options: { env?: NodeJS.ProcessEnv; database?: Database; files?: FileStore; now?: () => Date } = {}
): Promise<number> {
	return runDatabaseCommand('return:case-retention', io, options, async ({ database, context, settings }) => {
		const files = options.files ?? (await openFileStore(settings));
		const erased = await eraseExpiredCases(createContext({ db: database.db, actor: null, audit: context, now: options.now }), files);
		io.out(erased.cases === 0 ? `No case closed more than ${CASE_RETENTION_YEARS} years ago.` : `${erased.cases} ${erased.cases === 1 ? 'case' : 'cases'} erased (${erased.files} document ${erased.files === 1 ? 'file' : 'files'}).`);
		return 0;
	});
}
