CREATE TABLE "disease_case" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_no" text NOT NULL,
	"employer_id" uuid NOT NULL,
	"county_code" varchar(6) NOT NULL,
	"person_id" uuid,
	"worker_name" text NOT NULL,
	"id_cipher" text,
	"id_hash" varchar(64),
	"id_masked" varchar(18),
	"sex" varchar(1),
	"birth_date" date,
	"job" text,
	"tenure_months" integer,
	"diagnosed_on" date NOT NULL,
	"catalogue_edition" varchar(4) NOT NULL,
	"category_no" smallint NOT NULL,
	"disease_name" text NOT NULL,
	"pneumoconiosis" boolean DEFAULT false NOT NULL,
	"stage" smallint,
	"exposure_months" integer,
	"hazard_factor" text,
	"recognition_result" text DEFAULT 'pending' NOT NULL,
	"disability_grade" smallint,
	"industry_code" varchar(4) NOT NULL,
	"industry_group" varchar(3),
	"risk_class" smallint,
	"key_industry" boolean DEFAULT false NOT NULL,
	"dust_hazard" boolean DEFAULT false NOT NULL,
	"source" text NOT NULL,
	"source_ref" text,
	"demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "injury_case" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_no" text NOT NULL,
	"employer_id" uuid NOT NULL,
	"county_code" varchar(6) NOT NULL,
	"person_id" uuid,
	"worker_name" text NOT NULL,
	"id_cipher" text,
	"id_hash" varchar(64),
	"id_masked" varchar(18),
	"sex" varchar(1),
	"birth_date" date,
	"job" text,
	"tenure_months" integer,
	"occurred_at" timestamp with time zone NOT NULL,
	"place" text,
	"accident_category" varchar(2),
	"injury_nature" text,
	"body_part" text,
	"cause" text,
	"harming_object" text,
	"activity" text,
	"severity" text NOT NULL,
	"lost_workdays" integer DEFAULT 0 NOT NULL,
	"commuting" boolean DEFAULT false NOT NULL,
	"recognition_result" text DEFAULT 'pending' NOT NULL,
	"recognition_date" date,
	"disability_grade" smallint,
	"disability_assessed_on" date,
	"accident_id" uuid,
	"industry_code" varchar(4) NOT NULL,
	"industry_group" varchar(3),
	"risk_class" smallint,
	"key_industry" boolean DEFAULT false NOT NULL,
	"dust_hazard" boolean DEFAULT false NOT NULL,
	"source" text NOT NULL,
	"source_ref" text,
	"demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "injury_cost" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"item" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"paid_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "safety_accident" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"accident_no" text NOT NULL,
	"employer_id" uuid,
	"county_code" varchar(6) NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"category" varchar(2) NOT NULL,
	"deaths" integer DEFAULT 0 NOT NULL,
	"serious_injuries" integer DEFAULT 0 NOT NULL,
	"minor_injuries" integer DEFAULT 0 NOT NULL,
	"direct_loss_fen" bigint,
	"legal_grade" text NOT NULL,
	"summary" text,
	"reported_by_unit" varchar(32),
	"source" text NOT NULL,
	"source_ref" text,
	"demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "disease_case" ADD CONSTRAINT "disease_case_employer_id_employer_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disease_case" ADD CONSTRAINT "disease_case_county_code_region_code_fk" FOREIGN KEY ("county_code") REFERENCES "public"."region"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disease_case" ADD CONSTRAINT "disease_case_person_id_insured_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."insured_person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "injury_case" ADD CONSTRAINT "injury_case_employer_id_employer_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "injury_case" ADD CONSTRAINT "injury_case_county_code_region_code_fk" FOREIGN KEY ("county_code") REFERENCES "public"."region"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "injury_case" ADD CONSTRAINT "injury_case_person_id_insured_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."insured_person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "injury_case" ADD CONSTRAINT "injury_case_accident_id_safety_accident_id_fk" FOREIGN KEY ("accident_id") REFERENCES "public"."safety_accident"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "injury_cost" ADD CONSTRAINT "injury_cost_case_id_injury_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."injury_case"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safety_accident" ADD CONSTRAINT "safety_accident_employer_id_employer_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "safety_accident" ADD CONSTRAINT "safety_accident_county_code_region_code_fk" FOREIGN KEY ("county_code") REFERENCES "public"."region"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "disease_case_no_key" ON "disease_case" USING btree ("case_no");--> statement-breakpoint
CREATE INDEX "disease_case_county_idx" ON "disease_case" USING btree ("county_code","diagnosed_on");--> statement-breakpoint
CREATE INDEX "disease_case_employer_idx" ON "disease_case" USING btree ("employer_id","diagnosed_on");--> statement-breakpoint
CREATE INDEX "disease_case_diagnosed_idx" ON "disease_case" USING btree ("diagnosed_on","id");--> statement-breakpoint
CREATE UNIQUE INDEX "injury_case_no_key" ON "injury_case" USING btree ("case_no");--> statement-breakpoint
CREATE INDEX "injury_case_county_idx" ON "injury_case" USING btree ("county_code","occurred_at");--> statement-breakpoint
CREATE INDEX "injury_case_employer_idx" ON "injury_case" USING btree ("employer_id","occurred_at");--> statement-breakpoint
CREATE INDEX "injury_case_occurred_idx" ON "injury_case" USING btree ("occurred_at","id");--> statement-breakpoint
CREATE INDEX "injury_case_id_hash_idx" ON "injury_case" USING btree ("id_hash");--> statement-breakpoint
CREATE INDEX "injury_cost_case_idx" ON "injury_cost" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "injury_cost_paid_idx" ON "injury_cost" USING btree ("paid_on");--> statement-breakpoint
CREATE UNIQUE INDEX "safety_accident_no_key" ON "safety_accident" USING btree ("accident_no");--> statement-breakpoint
CREATE INDEX "safety_accident_county_idx" ON "safety_accident" USING btree ("county_code","occurred_at");--> statement-breakpoint
CREATE INDEX "safety_accident_employer_idx" ON "safety_accident" USING btree ("employer_id","occurred_at");