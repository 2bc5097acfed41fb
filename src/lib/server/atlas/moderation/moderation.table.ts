// Tables of Atlas moderation (re-exported by db/schema.ts).
export {};
