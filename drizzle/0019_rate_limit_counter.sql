CREATE TABLE "rate_limit_counter" (
	"bucket" text PRIMARY KEY NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"count" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "rate_limit_counter_expires_at_idx" ON "rate_limit_counter" USING btree ("expires_at");