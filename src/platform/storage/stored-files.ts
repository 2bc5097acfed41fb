import { getTableConfig, type PgColumn, type PgTable } from 'drizzle-orm/pg-core';
import { fromModules } from '../kernel/modules.ts';
import type { FileReference } from '../backup/backup.ts';
import { caseDocument } from '../casework/casework.table.ts';

/** The platform's own columns naming a stored file: the documents of people's files (their key is whole). */
const platformStoredFiles: { table: PgTable; column: PgColumn; prefix: string }[] = [{ table: caseDocument, column: caseDocument.storageKey, prefix: '' }];

/** Every column of the platform and of the installed modules that names a stored file, as the backup names tables. */
export const storedFileReferences = fromModules((manifests): FileReference[] =>
	[...platformStoredFiles, ...manifests.flatMap((manifest) => manifest.storedFiles ?? [])].map(({ table, column, prefix }) => {
		const { name, schema } = getTableConfig(table);
		return { table: schema && schema !== 'public' ? `${schema}.${name}` : name, column: column.name, prefix };
	})
);
