// Tables of this module (re-exported by db/schema.ts).
export {};
