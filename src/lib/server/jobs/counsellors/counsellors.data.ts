import type { Db } from '../../db/database.ts';

/** Reference data of this module, in every database (idempotent, runs at every start). */
export async function ensureCounsellorsReferenceData(_db: Db): Promise<void> {}

/** Sample follow-up data, loaded in demo mode only, after the sample seekers. */
export async function loadCounsellorsDemoData(_db: Db): Promise<void> {}
