import type { Db } from './db/database.ts';
import { ensureAtlasReferenceData, loadAtlasDemoData } from './atlas/atlas.data.ts';
import { ensureJobsReferenceData, loadJobsDemoData } from './jobs/jobs.data.ts';
import { ensureSupportReferenceData, loadSupportDemoData } from './jobs/support.data.ts';

/** Every module's reference data (regions, classifications, the Atlas's real initiatives…): idempotent. */
export async function ensureReferenceData(db: Db): Promise<void> {
	await ensureAtlasReferenceData(db);
	await ensureJobsReferenceData(db);
	await ensureSupportReferenceData(db);
}

/** Every module's sample data, after the demo accounts and organisations exist. */
export async function loadModulesDemoData(db: Db): Promise<void> {
	await loadAtlasDemoData(db);
	await loadJobsDemoData(db);
	await loadSupportDemoData(db);
}
