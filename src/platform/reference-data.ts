import type { Db } from './db/database.ts';
import { installedModules } from './kernel/modules.ts';
import type { DemoDataOptions } from './kernel/manifest.ts';

/** Every module's reference data (regions, classifications, the Atlas's real initiatives…): idempotent. */
export async function ensureReferenceData(db: Db): Promise<void> {
	for (const manifest of installedModules()) await manifest.referenceData?.(db);
}

/** Every module's sample data, after the demo accounts and organisations exist (with the file store, when given: sample pictures). */
export async function loadModulesDemoData(db: Db, options: DemoDataOptions = {}): Promise<void> {
	for (const manifest of installedModules()) await manifest.demoData?.(db, options);
}
