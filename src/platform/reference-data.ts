import type { Db } from './db/database.ts';
import { ensureAtlasReferenceData, loadAtlasDemoData } from '../modules/atlas/atlas.data.ts';
import { ensureJobsReferenceData, loadJobsDemoData } from '../modules/jobs/jobs.data.ts';
import { ensureSupportReferenceData, loadSupportDemoData } from '../modules/jobs/support.data.ts';
import { loadSeekersDemoData } from '../modules/jobs/seekers/seekers.data.ts';
import { ensureCounsellorsReferenceData, loadCounsellorsDemoData } from '../modules/jobs/counsellors/counsellors.data.ts';

/** Every module's reference data (regions, classifications, the Atlas's real initiatives…): idempotent. */
export async function ensureReferenceData(db: Db): Promise<void> {
	await ensureAtlasReferenceData(db);
	await ensureJobsReferenceData(db);
	await ensureSupportReferenceData(db);
	await ensureCounsellorsReferenceData(db);
}

/** Every module's sample data, after the demo accounts and organisations exist. */
export async function loadModulesDemoData(db: Db): Promise<void> {
	await loadAtlasDemoData(db);
	await loadJobsDemoData(db);
	await loadSupportDemoData(db);
	await loadSeekersDemoData(db);
	await loadCounsellorsDemoData(db);
}
