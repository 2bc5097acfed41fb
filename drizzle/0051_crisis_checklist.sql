CREATE TABLE "return_module"."crisis_checklist_tick" (
	"crisis_id" uuid NOT NULL,
	"role" text NOT NULL,
	"step_key" text NOT NULL,
	"step" text NOT NULL,
	"ticked_by" text,
	"ticked_by_label" text NOT NULL,
	"ticked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "crisis_checklist_tick_crisis_id_role_step_key_pk" PRIMARY KEY("crisis_id","role","step_key")
);
--> statement-breakpoint
ALTER TABLE "return_module"."crisis_checklist_tick" ADD CONSTRAINT "crisis_checklist_tick_crisis_id_crisis_id_fk" FOREIGN KEY ("crisis_id") REFERENCES "return_module"."crisis"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_module"."crisis_checklist_tick" ADD CONSTRAINT "crisis_checklist_tick_ticked_by_user_id_fk" FOREIGN KEY ("ticked_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;