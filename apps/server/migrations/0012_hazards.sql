CREATE TABLE "hazard" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"hazard_no" varchar(64) NOT NULL,
	"employer_id" uuid NOT NULL,
	"county_code" varchar(6) NOT NULL,
	"category" text NOT NULL,
	"hazard_factor" text,
	"level" text NOT NULL,
	"description" text NOT NULL,
	"location" text NOT NULL,
	"found_on" date NOT NULL,
	"found_by_unit" varchar(32),
	"responsible_unit" varchar(32) NOT NULL,
	"responsible_person" text,
	"deadline" date NOT NULL,
	"status" text NOT NULL,
	"escalation" text DEFAULT 'none' NOT NULL,
	"source" text NOT NULL,
	"source_ref" text,
	"reported_by" uuid,
	"closed_at" timestamp with time zone,
	"demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hazard_event" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"hazard_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"user_id" uuid,
	"username" text,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "hazard_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"hazard_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" bigint NOT NULL,
	"sha256" varchar(64) NOT NULL,
	"user_id" uuid,
	"username" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "hazard" ADD CONSTRAINT "hazard_employer_id_employer_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hazard" ADD CONSTRAINT "hazard_county_code_region_code_fk" FOREIGN KEY ("county_code") REFERENCES "public"."region"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hazard" ADD CONSTRAINT "hazard_found_by_unit_org_unit_code_fk" FOREIGN KEY ("found_by_unit") REFERENCES "public"."org_unit"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hazard" ADD CONSTRAINT "hazard_responsible_unit_org_unit_code_fk" FOREIGN KEY ("responsible_unit") REFERENCES "public"."org_unit"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hazard_event" ADD CONSTRAINT "hazard_event_hazard_id_hazard_id_fk" FOREIGN KEY ("hazard_id") REFERENCES "public"."hazard"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hazard_evidence" ADD CONSTRAINT "hazard_evidence_hazard_id_hazard_id_fk" FOREIGN KEY ("hazard_id") REFERENCES "public"."hazard"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "hazard_no_key" ON "hazard" USING btree ("hazard_no");--> statement-breakpoint
CREATE INDEX "hazard_deadline_idx" ON "hazard" USING btree ("deadline","id");--> statement-breakpoint
CREATE INDEX "hazard_county_idx" ON "hazard" USING btree ("county_code","status");--> statement-breakpoint
CREATE INDEX "hazard_employer_idx" ON "hazard" USING btree ("employer_id");--> statement-breakpoint
CREATE INDEX "hazard_open_idx" ON "hazard" USING btree ("status","deadline");--> statement-breakpoint
CREATE INDEX "hazard_event_hazard_idx" ON "hazard_event" USING btree ("hazard_id","id");--> statement-breakpoint
CREATE INDEX "hazard_evidence_hazard_idx" ON "hazard_evidence" USING btree ("hazard_id","at");