CREATE TABLE "import_error" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"job_id" uuid NOT NULL,
	"row_no" integer NOT NULL,
	"column" text NOT NULL,
	"value" text,
	"rule" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "import_job" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"file_name" text NOT NULL,
	"file_size" bigint NOT NULL,
	"file_sha256" varchar(64) NOT NULL,
	"format" text,
	"user_id" uuid NOT NULL,
	"username" text NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"progress" smallint DEFAULT 0 NOT NULL,
	"processed_rows" integer DEFAULT 0 NOT NULL,
	"total_rows" integer,
	"new_count" integer DEFAULT 0 NOT NULL,
	"updated_count" integer DEFAULT 0 NOT NULL,
	"unchanged_count" integer DEFAULT 0 NOT NULL,
	"error_count" integer DEFAULT 0 NOT NULL,
	"error_rows" integer DEFAULT 0 NOT NULL,
	"same_file_job_id" uuid,
	"message" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"validated_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "import_stage_employer" (
	"job_id" uuid NOT NULL,
	"row_no" integer NOT NULL,
	"uscc" varchar(18) NOT NULL,
	"name" text NOT NULL,
	"county_code" varchar(6) NOT NULL,
	"industry_code" varchar(4) NOT NULL,
	"industry_group" varchar(3),
	"risk_class" smallint,
	"key_industry" boolean NOT NULL,
	"dust_hazard" boolean NOT NULL,
	"legal_representative" text,
	"address" text,
	"ownership_type" text,
	"size" text,
	"workforce" integer,
	"safety_contact_name" text,
	"phone_cipher" text,
	"phone_masked" varchar(20),
	"insurance_status" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "import_stage_headcount" (
	"job_id" uuid NOT NULL,
	"row_no" integer NOT NULL,
	"uscc" varchar(18) NOT NULL,
	"month" date NOT NULL,
	"insured_count" integer NOT NULL,
	"payroll_fen" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "import_stage_person" (
	"job_id" uuid NOT NULL,
	"row_no" integer NOT NULL,
	"uscc" varchar(18) NOT NULL,
	"id_cipher" text NOT NULL,
	"id_hash" varchar(64) NOT NULL,
	"id_masked" varchar(18) NOT NULL,
	"name" text NOT NULL,
	"sex" varchar(1) NOT NULL,
	"birth_date" date NOT NULL,
	"job" text,
	"key_role" text NOT NULL,
	"insured_from" date NOT NULL,
	"insured_to" date
);
--> statement-breakpoint
CREATE INDEX "import_error_job_idx" ON "import_error" USING btree ("job_id","row_no");--> statement-breakpoint
CREATE INDEX "import_job_region_idx" ON "import_job" USING btree ("region_code","created_at");--> statement-breakpoint
CREATE INDEX "import_job_created_idx" ON "import_job" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "import_job_sha_idx" ON "import_job" USING btree ("file_sha256");--> statement-breakpoint
CREATE INDEX "import_stage_employer_idx" ON "import_stage_employer" USING btree ("job_id","uscc");--> statement-breakpoint
CREATE INDEX "import_stage_headcount_idx" ON "import_stage_headcount" USING btree ("job_id","uscc","month");--> statement-breakpoint
CREATE INDEX "import_stage_person_idx" ON "import_stage_person" USING btree ("job_id","uscc","id_hash","insured_from");