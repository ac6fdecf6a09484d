CREATE TABLE "bulletin" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"status" text NOT NULL,
	"source_kind" text NOT NULL,
	"source_id" uuid NOT NULL,
	"county_code" varchar(6) NOT NULL,
	"facts" jsonb NOT NULL,
	"employer_id" uuid,
	"employer_name" text,
	"employer_named" boolean DEFAULT false NOT NULL,
	"narrative" text DEFAULT '' NOT NULL,
	"causes" text DEFAULT '' NOT NULL,
	"lessons" text DEFAULT '' NOT NULL,
	"targeting" jsonb NOT NULL,
	"author_id" uuid,
	"author_name" text NOT NULL,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone,
	"reviewer_id" uuid,
	"reviewer_name" text,
	"published_at" timestamp with time zone,
	"return_reason" text,
	"withdraw_reason" text,
	"withdrawn_at" timestamp with time zone,
	"demo" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bulletin_ack" (
	"bulletin_id" uuid NOT NULL,
	"employer_id" uuid NOT NULL,
	"county_code" varchar(6) NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"safety_head_name" text,
	"acknowledged_by" uuid,
	CONSTRAINT "bulletin_ack_bulletin_id_employer_id_pk" PRIMARY KEY("bulletin_id","employer_id")
);
--> statement-breakpoint
ALTER TABLE "bulletin" ADD CONSTRAINT "bulletin_county_code_region_code_fk" FOREIGN KEY ("county_code") REFERENCES "public"."region"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulletin" ADD CONSTRAINT "bulletin_employer_id_employer_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulletin_ack" ADD CONSTRAINT "bulletin_ack_bulletin_id_bulletin_id_fk" FOREIGN KEY ("bulletin_id") REFERENCES "public"."bulletin"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulletin_ack" ADD CONSTRAINT "bulletin_ack_employer_id_employer_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulletin_ack" ADD CONSTRAINT "bulletin_ack_county_code_region_code_fk" FOREIGN KEY ("county_code") REFERENCES "public"."region"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bulletin_county_idx" ON "bulletin" USING btree ("county_code","updated_at");--> statement-breakpoint
CREATE INDEX "bulletin_published_idx" ON "bulletin" USING btree ("status","published_at","id");--> statement-breakpoint
CREATE INDEX "bulletin_updated_idx" ON "bulletin" USING btree ("updated_at","id");--> statement-breakpoint
CREATE INDEX "bulletin_ack_employer_idx" ON "bulletin_ack" USING btree ("employer_id","bulletin_id");--> statement-breakpoint
CREATE INDEX "bulletin_ack_county_idx" ON "bulletin_ack" USING btree ("bulletin_id","county_code");