CREATE TABLE "campaign_check" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"employer_id" uuid NOT NULL,
	"county_code" varchar(6) NOT NULL,
	"checked_on" date NOT NULL,
	"inspector_id" uuid,
	"inspector_name" text NOT NULL,
	"unit_code" varchar(32),
	"posted" boolean NOT NULL,
	"current" boolean NOT NULL,
	"result" text NOT NULL,
	"note" text,
	"demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaign_check_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"check_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" bigint NOT NULL,
	"sha256" varchar(64) NOT NULL,
	"user_id" uuid,
	"username" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaign_snapshot" (
	"year" smallint NOT NULL,
	"employer_id" uuid NOT NULL,
	"county_code" varchar(6) NOT NULL,
	"industry_code" varchar(4) NOT NULL,
	"category" text NOT NULL,
	"workforce" integer NOT NULL,
	"insured" integer NOT NULL,
	"taken_at" timestamp with time zone NOT NULL,
	CONSTRAINT "campaign_snapshot_year_employer_id_pk" PRIMARY KEY("year","employer_id")
);
--> statement-breakpoint
CREATE TABLE "inspection_finding" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"target_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"item_code" text NOT NULL,
	"unit_code" varchar(32) NOT NULL,
	"hazard_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection_plan" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_no" varchar(32) NOT NULL,
	"title" text NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"lead_unit" varchar(32) NOT NULL,
	"start_on" date NOT NULL,
	"end_on" date NOT NULL,
	"items" jsonb NOT NULL,
	"status" text NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_by_name" text,
	"demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection_target" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"employer_id" uuid NOT NULL,
	"county_code" varchar(6) NOT NULL,
	"status" text NOT NULL,
	"visited_on" date,
	"result" text,
	"item_results" jsonb,
	"note" text,
	"recorded_by" uuid,
	"recorded_by_name" text,
	"version" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspection_unit" (
	"plan_id" uuid NOT NULL,
	"unit_code" varchar(32) NOT NULL,
	CONSTRAINT "inspection_unit_plan_id_unit_code_pk" PRIMARY KEY("plan_id","unit_code")
);
--> statement-breakpoint
CREATE TABLE "key_ledger" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"county_code" varchar(6) NOT NULL,
	"year" smallint NOT NULL,
	"revision" integer NOT NULL,
	"status" text NOT NULL,
	"amend_reason" text,
	"created_by" uuid,
	"created_by_name" text,
	"confirmed_at" timestamp with time zone,
	"confirmed_by" uuid,
	"confirmed_by_name" text,
	"demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "key_ledger_entry" (
	"ledger_id" uuid NOT NULL,
	"employer_id" uuid NOT NULL,
	"category" text,
	"basis" text NOT NULL,
	"proposed_reason" text NOT NULL,
	"decision" text NOT NULL,
	"decision_reason" text,
	CONSTRAINT "key_ledger_entry_ledger_id_employer_id_pk" PRIMARY KEY("ledger_id","employer_id")
);
--> statement-breakpoint
CREATE TABLE "monitoring_action" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"entry_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"user_id" uuid,
	"username" text,
	"kind" text NOT NULL,
	"note" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monitoring_entry" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"employer_id" uuid NOT NULL,
	"county_code" varchar(6) NOT NULL,
	"reason" text NOT NULL,
	"detail" text NOT NULL,
	"source" text NOT NULL,
	"entered_on" date NOT NULL,
	"entered_by" uuid,
	"owner_id" uuid,
	"owner_name" text,
	"status" text NOT NULL,
	"exited_on" date,
	"exit_reason" text,
	"exited_by" uuid,
	"demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "campaign_check" ADD CONSTRAINT "campaign_check_employer_id_employer_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_check" ADD CONSTRAINT "campaign_check_county_code_region_code_fk" FOREIGN KEY ("county_code") REFERENCES "public"."region"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_check" ADD CONSTRAINT "campaign_check_unit_code_org_unit_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."org_unit"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_check_evidence" ADD CONSTRAINT "campaign_check_evidence_check_id_campaign_check_id_fk" FOREIGN KEY ("check_id") REFERENCES "public"."campaign_check"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_snapshot" ADD CONSTRAINT "campaign_snapshot_employer_id_employer_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_snapshot" ADD CONSTRAINT "campaign_snapshot_county_code_region_code_fk" FOREIGN KEY ("county_code") REFERENCES "public"."region"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_finding" ADD CONSTRAINT "inspection_finding_target_id_inspection_target_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."inspection_target"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_finding" ADD CONSTRAINT "inspection_finding_plan_id_inspection_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."inspection_plan"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_finding" ADD CONSTRAINT "inspection_finding_unit_code_org_unit_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."org_unit"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_finding" ADD CONSTRAINT "inspection_finding_hazard_id_hazard_id_fk" FOREIGN KEY ("hazard_id") REFERENCES "public"."hazard"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_plan" ADD CONSTRAINT "inspection_plan_region_code_region_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."region"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_plan" ADD CONSTRAINT "inspection_plan_lead_unit_org_unit_code_fk" FOREIGN KEY ("lead_unit") REFERENCES "public"."org_unit"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_target" ADD CONSTRAINT "inspection_target_plan_id_inspection_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."inspection_plan"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_target" ADD CONSTRAINT "inspection_target_employer_id_employer_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_target" ADD CONSTRAINT "inspection_target_county_code_region_code_fk" FOREIGN KEY ("county_code") REFERENCES "public"."region"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_unit" ADD CONSTRAINT "inspection_unit_plan_id_inspection_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."inspection_plan"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_unit" ADD CONSTRAINT "inspection_unit_unit_code_org_unit_code_fk" FOREIGN KEY ("unit_code") REFERENCES "public"."org_unit"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_ledger" ADD CONSTRAINT "key_ledger_county_code_region_code_fk" FOREIGN KEY ("county_code") REFERENCES "public"."region"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_ledger_entry" ADD CONSTRAINT "key_ledger_entry_ledger_id_key_ledger_id_fk" FOREIGN KEY ("ledger_id") REFERENCES "public"."key_ledger"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_ledger_entry" ADD CONSTRAINT "key_ledger_entry_employer_id_employer_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_action" ADD CONSTRAINT "monitoring_action_entry_id_monitoring_entry_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."monitoring_entry"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_entry" ADD CONSTRAINT "monitoring_entry_employer_id_employer_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_entry" ADD CONSTRAINT "monitoring_entry_county_code_region_code_fk" FOREIGN KEY ("county_code") REFERENCES "public"."region"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "campaign_check_employer_idx" ON "campaign_check" USING btree ("employer_id","checked_on");--> statement-breakpoint
CREATE INDEX "campaign_check_county_idx" ON "campaign_check" USING btree ("county_code","checked_on");--> statement-breakpoint
CREATE INDEX "campaign_check_evidence_check_idx" ON "campaign_check_evidence" USING btree ("check_id","at");--> statement-breakpoint
CREATE INDEX "campaign_snapshot_county_idx" ON "campaign_snapshot" USING btree ("year","county_code");--> statement-breakpoint
CREATE INDEX "inspection_finding_plan_idx" ON "inspection_finding" USING btree ("plan_id","unit_code");--> statement-breakpoint
CREATE INDEX "inspection_finding_target_idx" ON "inspection_finding" USING btree ("target_id");--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_plan_no_key" ON "inspection_plan" USING btree ("plan_no");--> statement-breakpoint
CREATE INDEX "inspection_plan_start_idx" ON "inspection_plan" USING btree ("start_on","id");--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_target_key" ON "inspection_target" USING btree ("plan_id","employer_id");--> statement-breakpoint
CREATE INDEX "inspection_target_county_idx" ON "inspection_target" USING btree ("county_code");--> statement-breakpoint
CREATE INDEX "inspection_unit_unit_idx" ON "inspection_unit" USING btree ("unit_code");--> statement-breakpoint
CREATE UNIQUE INDEX "key_ledger_revision_key" ON "key_ledger" USING btree ("county_code","year","revision");--> statement-breakpoint
CREATE INDEX "key_ledger_year_idx" ON "key_ledger" USING btree ("year","county_code");--> statement-breakpoint
CREATE INDEX "key_ledger_entry_employer_idx" ON "key_ledger_entry" USING btree ("employer_id");--> statement-breakpoint
CREATE INDEX "monitoring_action_entry_idx" ON "monitoring_action" USING btree ("entry_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "monitoring_entry_active_key" ON "monitoring_entry" USING btree ("employer_id","reason") WHERE status = 'active';--> statement-breakpoint
CREATE INDEX "monitoring_entry_list_idx" ON "monitoring_entry" USING btree ("status","entered_on","id");--> statement-breakpoint
CREATE INDEX "monitoring_entry_county_idx" ON "monitoring_entry" USING btree ("county_code","status");