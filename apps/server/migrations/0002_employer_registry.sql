CREATE TABLE "policy_setting" (
	"id" serial PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"effective_from" date NOT NULL,
	"effective_to" date,
	"value" jsonb NOT NULL,
	"source" text NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "employer_headcount" (
	"employer_id" uuid NOT NULL,
	"month" date NOT NULL,
	"insured_count" integer NOT NULL,
	"payroll_fen" bigint NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "employer_headcount_employer_id_month_pk" PRIMARY KEY("employer_id","month")
);
--> statement-breakpoint
CREATE TABLE "employer_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"employer_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" uuid,
	"username" text,
	"source" text NOT NULL,
	"changes" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "insured_person" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"employer_id" uuid NOT NULL,
	"id_cipher" text NOT NULL,
	"id_hash" varchar(64) NOT NULL,
	"id_masked" varchar(18) NOT NULL,
	"name" text NOT NULL,
	"sex" varchar(1) NOT NULL,
	"birth_date" date NOT NULL,
	"job" text,
	"key_role" text DEFAULT 'other' NOT NULL,
	"insured_from" date NOT NULL,
	"insured_to" date,
	"demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "employer" ADD COLUMN "former_names" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "employer" ADD COLUMN "legal_representative" text;--> statement-breakpoint
ALTER TABLE "employer" ADD COLUMN "address" text;--> statement-breakpoint
ALTER TABLE "employer" ADD COLUMN "industry_group" varchar(3);--> statement-breakpoint
ALTER TABLE "employer" ADD COLUMN "risk_class" smallint;--> statement-breakpoint
ALTER TABLE "employer" ADD COLUMN "ownership_type" text;--> statement-breakpoint
ALTER TABLE "employer" ADD COLUMN "size" text;--> statement-breakpoint
ALTER TABLE "employer" ADD COLUMN "workforce" integer;--> statement-breakpoint
ALTER TABLE "employer" ADD COLUMN "safety_contact_name" text;--> statement-breakpoint
ALTER TABLE "employer" ADD COLUMN "safety_contact_phone_cipher" text;--> statement-breakpoint
ALTER TABLE "employer" ADD COLUMN "safety_contact_phone_masked" varchar(20);--> statement-breakpoint
ALTER TABLE "employer" ADD COLUMN "key_industry" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "employer" ADD COLUMN "dust_hazard" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "employer" ADD COLUMN "insurance_status" text DEFAULT 'insured' NOT NULL;--> statement-breakpoint
ALTER TABLE "employer" ADD COLUMN "version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "employer" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "employer_headcount" ADD CONSTRAINT "employer_headcount_employer_id_employer_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employer_history" ADD CONSTRAINT "employer_history_employer_id_employer_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insured_person" ADD CONSTRAINT "insured_person_employer_id_employer_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "policy_setting_lookup_idx" ON "policy_setting" USING btree ("key","region_code","effective_from");--> statement-breakpoint
CREATE INDEX "employer_headcount_month_idx" ON "employer_headcount" USING btree ("month");--> statement-breakpoint
CREATE INDEX "employer_history_employer_idx" ON "employer_history" USING btree ("employer_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "insured_person_spell_key" ON "insured_person" USING btree ("employer_id","id_hash","insured_from");--> statement-breakpoint
CREATE INDEX "insured_person_hash_idx" ON "insured_person" USING btree ("id_hash");--> statement-breakpoint
CREATE INDEX "insured_person_employer_idx" ON "insured_person" USING btree ("employer_id","name");--> statement-breakpoint
CREATE INDEX "employer_industry_idx" ON "employer" USING btree ("industry_code");