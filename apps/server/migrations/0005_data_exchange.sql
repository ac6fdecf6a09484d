CREATE TABLE "exchange_data_set" (
	"code" varchar(64) PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"owner_unit" varchar(32) NOT NULL,
	"current_version" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exchange_load" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"data_set_code" varchar(64) NOT NULL,
	"schema_version" integer NOT NULL,
	"source" text NOT NULL,
	"token_id" uuid,
	"token_name" text,
	"user_id" uuid,
	"username" text,
	"file_name" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"received" integer NOT NULL,
	"inserted" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"rejected" integer DEFAULT 0 NOT NULL,
	"status" text NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"demo" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exchange_record" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"data_set_code" varchar(64) NOT NULL,
	"natural_key" text NOT NULL,
	"owner_unit" varchar(32) NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"employer_uscc" varchar(18),
	"employer_id" uuid,
	"event_date" date,
	"data" jsonb NOT NULL,
	"pii" jsonb,
	"schema_version" integer NOT NULL,
	"load_id" uuid NOT NULL,
	"demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exchange_schema_version" (
	"data_set_code" varchar(64) NOT NULL,
	"version" integer NOT NULL,
	"fields" jsonb NOT NULL,
	"natural_key" text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exchange_schema_version_data_set_code_version_pk" PRIMARY KEY("data_set_code","version")
);
--> statement-breakpoint
CREATE TABLE "exchange_token" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"system" text NOT NULL,
	"unit_code" varchar(32) NOT NULL,
	"data_sets" text[] NOT NULL,
	"token_hash" varchar(64) NOT NULL,
	"prefix" varchar(12) NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"revoked_by" text,
	"demo" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reconcile_finding" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"rule" text NOT NULL,
	"subject_key" text NOT NULL,
	"data_set_code" varchar(64),
	"record_key" text,
	"employer_id" uuid,
	"region_code" varchar(6) NOT NULL,
	"owner_unit" varchar(32) NOT NULL,
	"summary" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"notes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"auto_closed" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "exchange_load" ADD CONSTRAINT "exchange_load_data_set_code_exchange_data_set_code_fk" FOREIGN KEY ("data_set_code") REFERENCES "public"."exchange_data_set"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_record" ADD CONSTRAINT "exchange_record_data_set_code_exchange_data_set_code_fk" FOREIGN KEY ("data_set_code") REFERENCES "public"."exchange_data_set"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_schema_version" ADD CONSTRAINT "exchange_schema_version_data_set_code_exchange_data_set_code_fk" FOREIGN KEY ("data_set_code") REFERENCES "public"."exchange_data_set"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "exchange_load_data_set_idx" ON "exchange_load" USING btree ("data_set_code","at");--> statement-breakpoint
CREATE UNIQUE INDEX "exchange_record_key" ON "exchange_record" USING btree ("data_set_code","natural_key");--> statement-breakpoint
CREATE INDEX "exchange_record_region_idx" ON "exchange_record" USING btree ("data_set_code","region_code");--> statement-breakpoint
CREATE INDEX "exchange_record_uscc_idx" ON "exchange_record" USING btree ("employer_uscc","data_set_code");--> statement-breakpoint
CREATE UNIQUE INDEX "exchange_token_hash_key" ON "exchange_token" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "exchange_token_unit_idx" ON "exchange_token" USING btree ("unit_code");--> statement-breakpoint
CREATE UNIQUE INDEX "reconcile_finding_subject_key" ON "reconcile_finding" USING btree ("rule","subject_key");--> statement-breakpoint
CREATE INDEX "reconcile_finding_queue_idx" ON "reconcile_finding" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "reconcile_finding_region_idx" ON "reconcile_finding" USING btree ("region_code");