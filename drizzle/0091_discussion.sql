CREATE TABLE "discussion_follow" (
	"thread_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"followed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"unfollow_token" uuid DEFAULT gen_random_uuid() NOT NULL,
	CONSTRAINT "discussion_follow_thread_id_user_id_pk" PRIMARY KEY("thread_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "discussion_post" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"thread_id" uuid NOT NULL,
	"opening" boolean DEFAULT false NOT NULL,
	"author_id" text,
	"language" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"edited_at" timestamp with time zone,
	"hidden_at" timestamp with time zone,
	"hidden_by" text,
	"hidden_reason" text,
	"is_sample" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "discussion_report" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"post_id" uuid NOT NULL,
	"reporter_id" text NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by" text,
	"outcome" text
);
--> statement-breakpoint
CREATE TABLE "discussion_thread" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"discussion" text NOT NULL,
	"scope" text NOT NULL,
	"title" text NOT NULL,
	"language" text NOT NULL,
	"author_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_activity_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reply_count" integer DEFAULT 0 NOT NULL,
	"locked_at" timestamp with time zone,
	"pinned" boolean DEFAULT false NOT NULL,
	"is_sample" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
ALTER TABLE "discussion_follow" ADD CONSTRAINT "discussion_follow_thread_id_discussion_thread_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."discussion_thread"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discussion_follow" ADD CONSTRAINT "discussion_follow_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discussion_post" ADD CONSTRAINT "discussion_post_thread_id_discussion_thread_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."discussion_thread"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discussion_post" ADD CONSTRAINT "discussion_post_author_id_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discussion_post" ADD CONSTRAINT "discussion_post_hidden_by_user_id_fk" FOREIGN KEY ("hidden_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discussion_report" ADD CONSTRAINT "discussion_report_post_id_discussion_post_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."discussion_post"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discussion_report" ADD CONSTRAINT "discussion_report_reporter_id_user_id_fk" FOREIGN KEY ("reporter_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discussion_report" ADD CONSTRAINT "discussion_report_resolved_by_user_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discussion_thread" ADD CONSTRAINT "discussion_thread_author_id_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "discussion_follow_user_idx" ON "discussion_follow" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "discussion_follow_token_idx" ON "discussion_follow" USING btree ("unfollow_token");--> statement-breakpoint
CREATE INDEX "discussion_post_thread_idx" ON "discussion_post" USING btree ("thread_id","created_at");--> statement-breakpoint
CREATE INDEX "discussion_post_author_idx" ON "discussion_post" USING btree ("author_id");--> statement-breakpoint
CREATE UNIQUE INDEX "discussion_report_once_idx" ON "discussion_report" USING btree ("post_id","reporter_id");--> statement-breakpoint
CREATE INDEX "discussion_report_open_idx" ON "discussion_report" USING btree ("resolved_at");--> statement-breakpoint
CREATE INDEX "discussion_thread_list_idx" ON "discussion_thread" USING btree ("discussion","scope","pinned","last_activity_at");