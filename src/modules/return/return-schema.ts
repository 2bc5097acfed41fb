import { pgSchema } from 'drizzle-orm/pg-core';

/** The Return module's PostgreSQL schema (`return` is a reserved word), shared by its table files without import cycles. */
export const returnTables = pgSchema('return_module');
