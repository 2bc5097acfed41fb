CREATE TABLE "talents"."network_link" (
	"network_id" uuid NOT NULL,
	"linked_network_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "network_link_network_id_linked_network_id_pk" PRIMARY KEY("network_id","linked_network_id")
);
--> statement-breakpoint
ALTER TABLE "talents"."network_link" ADD CONSTRAINT "network_link_network_id_network_id_fk" FOREIGN KEY ("network_id") REFERENCES "talents"."network"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "talents"."network_link" ADD CONSTRAINT "network_link_linked_network_id_network_id_fk" FOREIGN KEY ("linked_network_id") REFERENCES "talents"."network"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "network_link_linked_idx" ON "talents"."network_link" USING btree ("linked_network_id");