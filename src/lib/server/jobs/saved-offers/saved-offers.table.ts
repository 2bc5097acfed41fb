// This module's tables (re-exported by db/schema.ts).
export {};
