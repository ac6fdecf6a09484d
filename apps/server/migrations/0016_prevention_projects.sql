CREATE TABLE "fund_payment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"year" smallint NOT NULL,
	"project_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"basis" text NOT NULL,
	"idempotency_key" varchar(100) NOT NULL,
	"posted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"posted_by" uuid,
	"posted_by_name" text NOT NULL,
	"voucher_no" text,
	"transferred_on" date,
	"transfer_recorded_by" uuid,
	"demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "fund_payment_amount_check" CHECK ("fund_payment"."amount_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "fund_year" (
	"region_code" varchar(6) NOT NULL,
	"year" smallint NOT NULL,
	"contribution_income_fen" bigint NOT NULL,
	"spending_fen" bigint NOT NULL,
	"source" text NOT NULL,
	"note" text,
	"entered_by" uuid,
	"entered_by_name" text NOT NULL,
	"entered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "fund_year_region_code_year_pk" PRIMARY KEY("region_code","year"),
	CONSTRAINT "fund_year_amounts_check" CHECK ("fund_year"."contribution_income_fen" >= 0 and "fund_year"."spending_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "prevention_budget" (
	"region_code" varchar(6) NOT NULL,
	"year" smallint NOT NULL,
	"base_income_fen" bigint NOT NULL,
	"base_spending_fen" bigint NOT NULL,
	"deficit" boolean NOT NULL,
	"cap_rate_bp" integer NOT NULL,
	"cap_fen" bigint NOT NULL,
	"cap_basis" text NOT NULL,
	"budget_fen" bigint NOT NULL,
	"earmarked_fen" bigint DEFAULT 0 NOT NULL,
	"committed_fen" bigint DEFAULT 0 NOT NULL,
	"paid_fen" bigint DEFAULT 0 NOT NULL,
	"set_by" uuid,
	"set_by_name" text NOT NULL,
	"set_at" timestamp with time zone DEFAULT now() NOT NULL,
	"demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "prevention_budget_region_code_year_pk" PRIMARY KEY("region_code","year"),
	CONSTRAINT "prevention_budget_cap_check" CHECK ("prevention_budget"."budget_fen" >= 0 and "prevention_budget"."budget_fen" <= "prevention_budget"."cap_fen"),
	CONSTRAINT "prevention_budget_commit_check" CHECK ("prevention_budget"."earmarked_fen" >= 0 and "prevention_budget"."committed_fen" >= 0 and "prevention_budget"."earmarked_fen" + "prevention_budget"."committed_fen" <= "prevention_budget"."budget_fen"),
	CONSTRAINT "prevention_budget_paid_check" CHECK ("prevention_budget"."paid_fen" >= 0 and "prevention_budget"."paid_fen" <= "prevention_budget"."committed_fen")
);
--> statement-breakpoint
CREATE TABLE "project" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" varchar(20),
	"call_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"county_code" varchar(6) NOT NULL,
	"applicant_kind" text NOT NULL,
	"applicant_employer_id" uuid,
	"applicant_provider_id" uuid,
	"applicant_unit_code" text,
	"applicant_name" text NOT NULL,
	"title" text NOT NULL,
	"type" text NOT NULL,
	"content" text NOT NULL,
	"target_groups" jsonb NOT NULL,
	"schedule" jsonb NOT NULL,
	"budget_lines" jsonb NOT NULL,
	"requested_fen" bigint NOT NULL,
	"targets" jsonb NOT NULL,
	"status" text NOT NULL,
	"submitted_at" timestamp with time zone,
	"eligibility" jsonb,
	"review_panel_id" uuid,
	"approved_fen" bigint,
	"approval_note" text,
	"approved_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"reject_reason" text,
	"procurement_route" text,
	"procurement_reason" text,
	"implementer_provider_id" uuid,
	"selection_reason" text,
	"contract_no" text,
	"contract_fen" bigint,
	"contract_signed_on" date,
	"deliverables" jsonb,
	"prepayment_pct" smallint,
	"ends_on" date,
	"acceptance_round" smallint DEFAULT 0 NOT NULL,
	"rectify_by" date,
	"deduction_fen" bigint DEFAULT 0 NOT NULL,
	"termination_reason" text,
	"closed_at" timestamp with time zone,
	"demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_acceptance" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"round" smallint NOT NULL,
	"panel_id" uuid,
	"delivered" jsonb NOT NULL,
	"score" integer,
	"outcome" text NOT NULL,
	"note" text,
	"decided_at" timestamp with time zone,
	"decided_by" uuid
);
--> statement-breakpoint
CREATE TABLE "project_attendance" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"id_hash" varchar(64) NOT NULL,
	"id_masked" varchar(18) NOT NULL,
	"employer_uscc" varchar(18) NOT NULL,
	"employer_id" uuid,
	"session_on" date NOT NULL,
	"insured" boolean NOT NULL,
	"flag" text
);
--> statement-breakpoint
CREATE TABLE "project_call" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"year" smallint NOT NULL,
	"title" text NOT NULL,
	"key_areas" text[] NOT NULL,
	"types" text[] NOT NULL,
	"guide" text NOT NULL,
	"opens_on" date NOT NULL,
	"deadline" date NOT NULL,
	"max_request_fen" bigint,
	"status" text NOT NULL,
	"published_at" timestamp with time zone,
	"demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_check" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"checked_on" date NOT NULL,
	"result" text NOT NULL,
	"findings" text NOT NULL,
	"follow_up" text,
	"checked_by" uuid,
	"checked_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_document" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"version" smallint NOT NULL,
	"report_id" uuid,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" varchar(64) NOT NULL,
	"uploaded_by" uuid,
	"uploaded_by_name" text NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"phase" text NOT NULL,
	"kind" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"summary" text NOT NULL,
	"actor_name" text NOT NULL,
	"data" jsonb
);
--> statement-breakpoint
CREATE TABLE "project_flag" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"rule" text NOT NULL,
	"detail" text NOT NULL,
	"refs" jsonb NOT NULL,
	"fingerprint" varchar(64) NOT NULL,
	"status" text NOT NULL,
	"review_note" text,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_report" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"milestone_key" text,
	"summary" text NOT NULL,
	"delivered" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"session_on" date,
	"venue" text,
	"venue_capacity" integer,
	"submitted_by" uuid,
	"submitted_by_name" text NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "fund_payment" ADD CONSTRAINT "fund_payment_region_code_region_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."region"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_payment" ADD CONSTRAINT "fund_payment_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fund_year" ADD CONSTRAINT "fund_year_region_code_region_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."region"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prevention_budget" ADD CONSTRAINT "prevention_budget_region_code_region_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."region"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project" ADD CONSTRAINT "project_call_id_project_call_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."project_call"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project" ADD CONSTRAINT "project_county_code_region_code_fk" FOREIGN KEY ("county_code") REFERENCES "public"."region"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project" ADD CONSTRAINT "project_applicant_employer_id_employer_id_fk" FOREIGN KEY ("applicant_employer_id") REFERENCES "public"."employer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project" ADD CONSTRAINT "project_applicant_provider_id_provider_id_fk" FOREIGN KEY ("applicant_provider_id") REFERENCES "public"."provider"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project" ADD CONSTRAINT "project_review_panel_id_panel_id_fk" FOREIGN KEY ("review_panel_id") REFERENCES "public"."panel"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project" ADD CONSTRAINT "project_implementer_provider_id_provider_id_fk" FOREIGN KEY ("implementer_provider_id") REFERENCES "public"."provider"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_acceptance" ADD CONSTRAINT "project_acceptance_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_acceptance" ADD CONSTRAINT "project_acceptance_panel_id_panel_id_fk" FOREIGN KEY ("panel_id") REFERENCES "public"."panel"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_attendance" ADD CONSTRAINT "project_attendance_report_id_project_report_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."project_report"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_attendance" ADD CONSTRAINT "project_attendance_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_attendance" ADD CONSTRAINT "project_attendance_employer_id_employer_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_call" ADD CONSTRAINT "project_call_region_code_region_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."region"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_check" ADD CONSTRAINT "project_check_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_document" ADD CONSTRAINT "project_document_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_event" ADD CONSTRAINT "project_event_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_flag" ADD CONSTRAINT "project_flag_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_report" ADD CONSTRAINT "project_report_project_id_project_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."project"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "fund_payment_idempotency_key" ON "fund_payment" USING btree ("idempotency_key");--> statement-breakpoint
CREATE UNIQUE INDEX "fund_payment_project_kind_key" ON "fund_payment" USING btree ("project_id","kind");--> statement-breakpoint
CREATE INDEX "fund_payment_posted_idx" ON "fund_payment" USING btree ("posted_at","id");--> statement-breakpoint
CREATE INDEX "fund_payment_year_idx" ON "fund_payment" USING btree ("region_code","year");--> statement-breakpoint
CREATE UNIQUE INDEX "project_code_key" ON "project" USING btree ("code");--> statement-breakpoint
CREATE INDEX "project_year_idx" ON "project" USING btree ("year","id");--> statement-breakpoint
CREATE INDEX "project_county_idx" ON "project" USING btree ("county_code","status");--> statement-breakpoint
CREATE INDEX "project_updated_idx" ON "project" USING btree ("updated_at","id");--> statement-breakpoint
CREATE INDEX "project_applicant_employer_idx" ON "project" USING btree ("applicant_employer_id");--> statement-breakpoint
CREATE INDEX "project_applicant_provider_idx" ON "project" USING btree ("applicant_provider_id");--> statement-breakpoint
CREATE INDEX "project_implementer_idx" ON "project" USING btree ("implementer_provider_id");--> statement-breakpoint
CREATE UNIQUE INDEX "project_acceptance_round_key" ON "project_acceptance" USING btree ("project_id","round");--> statement-breakpoint
CREATE UNIQUE INDEX "project_attendance_person_key" ON "project_attendance" USING btree ("report_id","id_hash");--> statement-breakpoint
CREATE INDEX "project_attendance_hash_idx" ON "project_attendance" USING btree ("id_hash","session_on");--> statement-breakpoint
CREATE INDEX "project_attendance_project_idx" ON "project_attendance" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "project_call_year_idx" ON "project_call" USING btree ("region_code","year");--> statement-breakpoint
CREATE INDEX "project_check_project_idx" ON "project_check" USING btree ("project_id","checked_on");--> statement-breakpoint
CREATE UNIQUE INDEX "project_document_version_key" ON "project_document" USING btree ("project_id","kind","name","version");--> statement-breakpoint
CREATE INDEX "project_document_sha_idx" ON "project_document" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "project_event_project_idx" ON "project_event" USING btree ("project_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "project_flag_fingerprint_key" ON "project_flag" USING btree ("project_id","rule","fingerprint");--> statement-breakpoint
CREATE INDEX "project_flag_status_idx" ON "project_flag" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "project_report_project_idx" ON "project_report" USING btree ("project_id","submitted_at");