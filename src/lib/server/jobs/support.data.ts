import type { Db } from '../db/database.ts';

/** Reference data this module needs in every database (idempotent; runs at every start, after migrations). */
export async function ensureSupportReferenceData(_db: Db): Promise<void> {}

/** Sample data, badged as such, loaded once into an empty database in demo mode. */
export async function loadSupportDemoData(_db: Db): Promise<void> {}
