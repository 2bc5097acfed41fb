import { getTableConfig } from 'drizzle-orm/pg-core';
import { fromModules } from '../kernel/modules.ts';
import type { FileReference } from '../backup/backup.ts';

/** Every column of the installed modules that names a stored file, as the backup names tables. */
export const storedFileReferences = fromModules((manifests): FileReference[] =>
	manifests.flatMap((manifest) =>
		(manifest.storedFiles ?? []).map(({ table, column, prefix }) => {
			const { name, schema } = getTableConfig(table);
			return { table: schema && schema !== 'public' ? `${schema}.${name}` : name, column: column.name, prefix };
		})
	)
);
