// Tables of job seekers and applications (re-exported by db/schema.ts).
export {};
