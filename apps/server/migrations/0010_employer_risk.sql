CREATE TABLE "employer_risk" (
	"year" smallint NOT NULL,
	"employer_id" uuid NOT NULL,
	"county_code" varchar(6) NOT NULL,
	"industry_code" varchar(4) NOT NULL,
	"key_industry" boolean NOT NULL,
	"score" double precision NOT NULL,
	"worker_years" double precision NOT NULL,
	"cases" integer NOT NULL,
	"deaths" integer NOT NULL,
	"serious" integer NOT NULL,
	"factors" jsonb NOT NULL,
	"monitor_suggested" boolean NOT NULL,
	"monitor_reason" text,
	"computed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "employer_risk_year_employer_id_pk" PRIMARY KEY("year","employer_id")
);
--> statement-breakpoint
ALTER TABLE "employer_risk" ADD CONSTRAINT "employer_risk_employer_id_employer_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "employer_risk_rank_idx" ON "employer_risk" USING btree ("year","score" DESC NULLS LAST,"employer_id");--> statement-breakpoint
CREATE INDEX "employer_risk_county_idx" ON "employer_risk" USING btree ("year","county_code","score" DESC NULLS LAST,"employer_id");