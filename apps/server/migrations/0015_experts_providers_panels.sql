CREATE TABLE "expert" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"id_cipher" text NOT NULL,
	"id_hash" varchar(64) NOT NULL,
	"id_masked" varchar(18) NOT NULL,
	"phone_cipher" text NOT NULL,
	"phone_masked" varchar(11) NOT NULL,
	"work_unit" text NOT NULL,
	"employer_id" uuid,
	"work_unit_uscc" varchar(18),
	"title" text NOT NULL,
	"domains" text[] NOT NULL,
	"group_name" text,
	"county_code" varchar(6) NOT NULL,
	"status" text NOT NULL,
	"term_start" date,
	"term_end" date,
	"share_consent" boolean DEFAULT false NOT NULL,
	"source_city" text,
	"user_id" uuid,
	"demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "expert_discipline" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"expert_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"recorded_on" date NOT NULL,
	"suspended_until" date,
	"reason" text NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "expert_document" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"expert_id" uuid NOT NULL,
	"qualification_id" uuid,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "expert_event" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"expert_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"reason" text,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "expert_qualification" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"expert_id" uuid NOT NULL,
	"name" text NOT NULL,
	"number" text,
	"issuer" text,
	"valid_until" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "expert_relation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"expert_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"employer_id" uuid,
	"provider_id" uuid,
	"party_name" text NOT NULL,
	"party_uscc" varchar(18),
	"nature" text NOT NULL,
	"declared_on" date NOT NULL,
	"ended_on" date
);
--> statement-breakpoint
CREATE TABLE "expert_unavailability" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"expert_id" uuid NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "panel" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"purpose" text NOT NULL,
	"subject" text NOT NULL,
	"subject_ref" text,
	"county_code" varchar(6) NOT NULL,
	"applicant_employer_id" uuid,
	"applicant_provider_id" uuid,
	"implementer_provider_id" uuid,
	"mix" jsonb NOT NULL,
	"seed" varchar(64) NOT NULL,
	"algorithm" text NOT NULL,
	"drawn_on" text NOT NULL,
	"drawn_at" timestamp with time zone DEFAULT now() NOT NULL,
	"drawn_by" uuid,
	"drawn_by_name" text NOT NULL,
	"criteria" jsonb NOT NULL,
	"pass_mark" integer NOT NULL,
	"status" text NOT NULL,
	"conclusion_score" integer,
	"conclusion" text,
	"conclusion_note" text,
	"concluded_at" timestamp with time zone,
	"demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "panel_candidate" (
	"panel_id" uuid NOT NULL,
	"expert_id" uuid NOT NULL,
	"domains" text[] NOT NULL,
	"rank_key" varchar(64) NOT NULL,
	"exclusion" text,
	CONSTRAINT "panel_candidate_panel_id_expert_id_pk" PRIMARY KEY("panel_id","expert_id")
);
--> statement-breakpoint
CREATE TABLE "panel_member" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"panel_id" uuid NOT NULL,
	"expert_id" uuid NOT NULL,
	"domain" text NOT NULL,
	"round" smallint NOT NULL,
	"replaces" uuid,
	"status" text NOT NULL,
	"decline_reason" text,
	"responded_at" timestamp with time zone,
	"scores" jsonb,
	"total" integer,
	"comment" text,
	"scored_at" timestamp with time zone,
	"fee_fen" bigint,
	"settled_at" timestamp with time zone,
	"settled_by" uuid,
	"version" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "provider" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"uscc" varchar(18) NOT NULL,
	"name" text NOT NULL,
	"county_code" varchar(6) NOT NULL,
	"address" text NOT NULL,
	"legal_representative" text NOT NULL,
	"contact_name" text NOT NULL,
	"contact_phone_cipher" text NOT NULL,
	"contact_phone_masked" varchar(11) NOT NULL,
	"service_types" text[] NOT NULL,
	"introduction" text,
	"staff" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"equipment" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text NOT NULL,
	"review_note" text,
	"reviewed_at" timestamp with time zone,
	"demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "provider_complaint" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"received_on" date NOT NULL,
	"summary" text NOT NULL,
	"upheld" boolean,
	"resolution" text,
	"resolved_on" date,
	"version" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "provider_engagement" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"title" text NOT NULL,
	"project_ref" text,
	"contracted_fen" bigint NOT NULL,
	"deduction_fen" bigint DEFAULT 0 NOT NULL,
	"unit" text NOT NULL,
	"contracted_units" integer NOT NULL,
	"delivered_units" integer,
	"acceptance_score" integer,
	"outcome" text NOT NULL,
	"source" text NOT NULL,
	"demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "provider_listing" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"list" text NOT NULL,
	"status" text NOT NULL,
	"applied_on" date NOT NULL,
	"listed_on" date,
	"delisted_on" date,
	"reason" text,
	"decided_by" uuid,
	"version" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "provider_qualification" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"name" text NOT NULL,
	"number" text NOT NULL,
	"issuer" text NOT NULL,
	"valid_until" date NOT NULL,
	"file_name" text,
	"content_type" text,
	"size" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "provider_sanction" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"from_date" date NOT NULL,
	"until_date" date,
	"reason" text NOT NULL,
	"lifted_on" date,
	"lift_reason" text,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "expert" ADD CONSTRAINT "expert_employer_id_employer_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert" ADD CONSTRAINT "expert_county_code_region_code_fk" FOREIGN KEY ("county_code") REFERENCES "public"."region"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert" ADD CONSTRAINT "expert_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_discipline" ADD CONSTRAINT "expert_discipline_expert_id_expert_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."expert"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_document" ADD CONSTRAINT "expert_document_expert_id_expert_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."expert"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_document" ADD CONSTRAINT "expert_document_qualification_id_expert_qualification_id_fk" FOREIGN KEY ("qualification_id") REFERENCES "public"."expert_qualification"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_event" ADD CONSTRAINT "expert_event_expert_id_expert_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."expert"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_qualification" ADD CONSTRAINT "expert_qualification_expert_id_expert_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."expert"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_relation" ADD CONSTRAINT "expert_relation_expert_id_expert_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."expert"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_relation" ADD CONSTRAINT "expert_relation_employer_id_employer_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_relation" ADD CONSTRAINT "expert_relation_provider_id_provider_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."provider"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_unavailability" ADD CONSTRAINT "expert_unavailability_expert_id_expert_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."expert"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel" ADD CONSTRAINT "panel_county_code_region_code_fk" FOREIGN KEY ("county_code") REFERENCES "public"."region"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel" ADD CONSTRAINT "panel_applicant_employer_id_employer_id_fk" FOREIGN KEY ("applicant_employer_id") REFERENCES "public"."employer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel" ADD CONSTRAINT "panel_applicant_provider_id_provider_id_fk" FOREIGN KEY ("applicant_provider_id") REFERENCES "public"."provider"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel" ADD CONSTRAINT "panel_implementer_provider_id_provider_id_fk" FOREIGN KEY ("implementer_provider_id") REFERENCES "public"."provider"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_candidate" ADD CONSTRAINT "panel_candidate_panel_id_panel_id_fk" FOREIGN KEY ("panel_id") REFERENCES "public"."panel"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_candidate" ADD CONSTRAINT "panel_candidate_expert_id_expert_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."expert"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_member" ADD CONSTRAINT "panel_member_panel_id_panel_id_fk" FOREIGN KEY ("panel_id") REFERENCES "public"."panel"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "panel_member" ADD CONSTRAINT "panel_member_expert_id_expert_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."expert"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider" ADD CONSTRAINT "provider_county_code_region_code_fk" FOREIGN KEY ("county_code") REFERENCES "public"."region"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_complaint" ADD CONSTRAINT "provider_complaint_provider_id_provider_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."provider"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_engagement" ADD CONSTRAINT "provider_engagement_provider_id_provider_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."provider"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_listing" ADD CONSTRAINT "provider_listing_provider_id_provider_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."provider"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_qualification" ADD CONSTRAINT "provider_qualification_provider_id_provider_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."provider"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_sanction" ADD CONSTRAINT "provider_sanction_provider_id_provider_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."provider"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "expert_id_hash_key" ON "expert" USING btree ("id_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "expert_user_key" ON "expert" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "expert_status_name_idx" ON "expert" USING btree ("status","name","id");--> statement-breakpoint
CREATE INDEX "expert_county_idx" ON "expert" USING btree ("county_code");--> statement-breakpoint
CREATE INDEX "expert_domains_idx" ON "expert" USING gin ("domains");--> statement-breakpoint
CREATE INDEX "expert_discipline_expert_idx" ON "expert_discipline" USING btree ("expert_id");--> statement-breakpoint
CREATE INDEX "expert_document_expert_idx" ON "expert_document" USING btree ("expert_id");--> statement-breakpoint
CREATE INDEX "expert_event_expert_idx" ON "expert_event" USING btree ("expert_id","at");--> statement-breakpoint
CREATE INDEX "expert_qualification_expert_idx" ON "expert_qualification" USING btree ("expert_id");--> statement-breakpoint
CREATE INDEX "expert_relation_expert_idx" ON "expert_relation" USING btree ("expert_id");--> statement-breakpoint
CREATE INDEX "expert_relation_uscc_idx" ON "expert_relation" USING btree ("party_uscc");--> statement-breakpoint
CREATE INDEX "expert_unavailability_expert_idx" ON "expert_unavailability" USING btree ("expert_id","from_date");--> statement-breakpoint
CREATE INDEX "panel_drawn_idx" ON "panel" USING btree ("drawn_at","id");--> statement-breakpoint
CREATE INDEX "panel_county_idx" ON "panel" USING btree ("county_code");--> statement-breakpoint
CREATE UNIQUE INDEX "panel_member_expert_key" ON "panel_member" USING btree ("panel_id","expert_id");--> statement-breakpoint
CREATE INDEX "panel_member_expert_idx" ON "panel_member" USING btree ("expert_id");--> statement-breakpoint
CREATE UNIQUE INDEX "provider_uscc_key" ON "provider" USING btree ("uscc");--> statement-breakpoint
CREATE INDEX "provider_name_idx" ON "provider" USING btree ("name","id");--> statement-breakpoint
CREATE INDEX "provider_county_idx" ON "provider" USING btree ("county_code");--> statement-breakpoint
CREATE INDEX "provider_complaint_provider_idx" ON "provider_complaint" USING btree ("provider_id","received_on");--> statement-breakpoint
CREATE INDEX "provider_engagement_provider_idx" ON "provider_engagement" USING btree ("provider_id","year");--> statement-breakpoint
CREATE INDEX "provider_listing_list_idx" ON "provider_listing" USING btree ("list","status");--> statement-breakpoint
CREATE INDEX "provider_listing_provider_idx" ON "provider_listing" USING btree ("provider_id");--> statement-breakpoint
CREATE INDEX "provider_qualification_provider_idx" ON "provider_qualification" USING btree ("provider_id");--> statement-breakpoint
CREATE INDEX "provider_qualification_expiry_idx" ON "provider_qualification" USING btree ("valid_until");--> statement-breakpoint
CREATE INDEX "provider_sanction_provider_idx" ON "provider_sanction" USING btree ("provider_id","from_date");