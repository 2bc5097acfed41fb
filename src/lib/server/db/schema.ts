// Every table of every module, for Drizzle and drizzle-kit.
export * from '../accounts/accounts.table.ts';
export * from '../audit/audit-event.table.ts';
export * from '../atlas/atlas.table.ts';
export * from '../jobs/job-offer.table.ts';
export * from '../jobs/support.table.ts';
export * from '../atlas/moderation/moderation.table.ts';
export * from '../jobs/seekers/seekers.table.ts';
export * from '../atlas/import/import.table.ts';
export * from '../jobs/counsellors/counsellors.table.ts';
export * from '../jobs/saved-offers/saved-offers.table.ts';
