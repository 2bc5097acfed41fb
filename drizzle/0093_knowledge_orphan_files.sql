CREATE TABLE "knowledge"."orphan_file" (
	"key" text PRIMARY KEY NOT NULL,
	"seen_at" timestamp with time zone NOT NULL
);
