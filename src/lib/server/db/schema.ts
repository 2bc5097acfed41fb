// Every table of every module, for Drizzle and drizzle-kit.
export * from '../accounts/accounts.table.ts';
export * from '../audit/audit-event.table.ts';
