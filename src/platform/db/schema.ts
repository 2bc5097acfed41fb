// Every table of every module, for Drizzle and drizzle-kit.
export * from '../accounts/accounts.table.ts';
export * from '../audit/audit-event.table.ts';
export * from '../../modules/atlas/atlas.table.ts';
export * from '../../modules/jobs/job-offer.table.ts';
export * from '../../modules/jobs/support.table.ts';
export * from '../../modules/atlas/moderation/moderation.table.ts';
export * from '../../modules/jobs/seekers/seekers.table.ts';
export * from '../../modules/atlas/import/import.table.ts';
export * from '../../modules/jobs/counsellors/counsellors.table.ts';
export * from '../../modules/jobs/saved-offers/saved-offers.table.ts';
