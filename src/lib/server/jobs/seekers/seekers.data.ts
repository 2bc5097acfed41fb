import type { Db } from '../../db/database.ts';

/** Sample job seekers (fictional, badged as sample), loaded in demo mode only. */
export async function loadSeekersDemoData(_db: Db): Promise<void> {}
