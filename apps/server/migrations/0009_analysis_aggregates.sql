CREATE TABLE "analysis_cost_cube" (
	"month" date NOT NULL,
	"county_code" varchar(6) NOT NULL,
	"industry_code" varchar(4) NOT NULL,
	"key_industry" boolean NOT NULL,
	"item" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"cases" integer NOT NULL,
	CONSTRAINT "analysis_cost_cube_county_code_month_industry_code_key_industry_item_pk" PRIMARY KEY("county_code","month","industry_code","key_industry","item")
);
--> statement-breakpoint
CREATE TABLE "analysis_dirty" (
	"county_code" varchar(6) NOT NULL,
	"month" date NOT NULL,
	CONSTRAINT "analysis_dirty_county_code_month_pk" PRIMARY KEY("county_code","month")
);
--> statement-breakpoint
CREATE TABLE "analysis_disease_cube" (
	"month" date NOT NULL,
	"county_code" varchar(6) NOT NULL,
	"industry_code" varchar(4) NOT NULL,
	"key_industry" boolean NOT NULL,
	"dust_hazard" boolean NOT NULL,
	"pneumoconiosis" boolean NOT NULL,
	"category_no" smallint NOT NULL,
	"exposure_years" smallint NOT NULL,
	"cases" integer NOT NULL,
	CONSTRAINT "analysis_disease_cube_county_code_month_industry_code_key_industry_dust_hazard_pneumoconiosis_category_no_exposure_years_pk" PRIMARY KEY("county_code","month","industry_code","key_industry","dust_hazard","pneumoconiosis","category_no","exposure_years")
);
--> statement-breakpoint
CREATE TABLE "analysis_headcount_cube" (
	"month" date NOT NULL,
	"county_code" varchar(6) NOT NULL,
	"industry_code" varchar(4) NOT NULL,
	"risk_class" smallint NOT NULL,
	"key_industry" boolean NOT NULL,
	"insured" bigint NOT NULL,
	"employers" integer NOT NULL,
	"payroll_fen" bigint NOT NULL,
	CONSTRAINT "analysis_headcount_cube_county_code_month_industry_code_risk_class_key_industry_pk" PRIMARY KEY("county_code","month","industry_code","risk_class","key_industry")
);
--> statement-breakpoint
CREATE TABLE "analysis_injury_cube" (
	"month" date NOT NULL,
	"county_code" varchar(6) NOT NULL,
	"industry_code" varchar(4) NOT NULL,
	"risk_class" smallint NOT NULL,
	"key_industry" boolean NOT NULL,
	"accident_category" varchar(2) NOT NULL,
	"severity" text NOT NULL,
	"recognition" text NOT NULL,
	"cases" integer NOT NULL,
	"lost_workdays" bigint NOT NULL,
	CONSTRAINT "analysis_injury_cube_county_code_month_industry_code_risk_class_key_industry_accident_category_severity_recognition_pk" PRIMARY KEY("county_code","month","industry_code","risk_class","key_industry","accident_category","severity","recognition")
);
--> statement-breakpoint
CREATE TABLE "analysis_injury_group" (
	"year" smallint NOT NULL,
	"county_code" varchar(6) NOT NULL,
	"industry_code" varchar(4) NOT NULL,
	"key_industry" boolean NOT NULL,
	"dim" text NOT NULL,
	"value" text NOT NULL,
	"cases" integer NOT NULL,
	CONSTRAINT "analysis_injury_group_county_code_year_industry_code_key_industry_dim_value_pk" PRIMARY KEY("county_code","year","industry_code","key_industry","dim","value")
);
--> statement-breakpoint
-- Dirty-key marking for the analysis aggregates (docs/decisions/0003-analysis-aggregates.md): statement-level
-- triggers with transition tables record which (county, month) keys a write touched, whatever wrote it. A writer
-- takes the shared advisory lock 'analysis' until it commits; the refresh takes it exclusively, so it never drops a
-- key whose rows it could not yet see.
CREATE FUNCTION analysis_sh_month(t timestamptz) RETURNS date LANGUAGE sql IMMUTABLE AS $$
  SELECT date_trunc('month', t AT TIME ZONE 'Asia/Shanghai')::date
$$;
--> statement-breakpoint
CREATE FUNCTION analysis_dirty_injury_case() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock_shared(hashtext('analysis'));
  -- the case's own key also covers its costs: spending is counted in the month of the accident
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO analysis_dirty SELECT DISTINCT county_code, analysis_sh_month(occurred_at) FROM new_rows
      ON CONFLICT DO NOTHING;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO analysis_dirty SELECT DISTINCT county_code, analysis_sh_month(occurred_at) FROM old_rows
      ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION analysis_dirty_injury_cost() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock_shared(hashtext('analysis'));
  -- costs of a case deleted with it (cascade) find no case here; the case's own trigger marks its key
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO analysis_dirty SELECT DISTINCT c.county_code, analysis_sh_month(c.occurred_at)
      FROM (SELECT DISTINCT case_id FROM new_rows) n JOIN injury_case c ON c.id = n.case_id ON CONFLICT DO NOTHING;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO analysis_dirty SELECT DISTINCT c.county_code, analysis_sh_month(c.occurred_at)
      FROM (SELECT DISTINCT case_id FROM old_rows) o JOIN injury_case c ON c.id = o.case_id ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION analysis_dirty_disease_case() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock_shared(hashtext('analysis'));
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO analysis_dirty SELECT DISTINCT county_code, date_trunc('month', diagnosed_on)::date FROM new_rows
      ON CONFLICT DO NOTHING;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO analysis_dirty SELECT DISTINCT county_code, date_trunc('month', diagnosed_on)::date FROM old_rows
      ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION analysis_dirty_headcount() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock_shared(hashtext('analysis'));
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO analysis_dirty SELECT DISTINCT e.county_code, n.month
      FROM (SELECT DISTINCT employer_id, month FROM new_rows) n JOIN employer e ON e.id = n.employer_id
      ON CONFLICT DO NOTHING;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO analysis_dirty SELECT DISTINCT e.county_code, o.month
      FROM (SELECT DISTINCT employer_id, month FROM old_rows) o JOIN employer e ON e.id = o.employer_id
      ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- An employer moved to another county or industry moves its headcount series between aggregate keys.
CREATE FUNCTION analysis_dirty_employer() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock_shared(hashtext('analysis'));
  INSERT INTO analysis_dirty
    SELECT DISTINCT x.county_code, h.month
    FROM old_rows o JOIN new_rows n ON n.id = o.id
      CROSS JOIN LATERAL (VALUES (o.county_code), (n.county_code)) x(county_code)
      JOIN employer_headcount h ON h.employer_id = o.id
    WHERE (o.county_code, o.industry_code, o.risk_class, o.key_industry)
      IS DISTINCT FROM (n.county_code, n.industry_code, n.risk_class, n.key_industry)
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER injury_case_analysis_insert AFTER INSERT ON injury_case REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analysis_dirty_injury_case();
--> statement-breakpoint
CREATE TRIGGER injury_case_analysis_update AFTER UPDATE ON injury_case REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analysis_dirty_injury_case();
--> statement-breakpoint
CREATE TRIGGER injury_case_analysis_delete AFTER DELETE ON injury_case REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analysis_dirty_injury_case();
--> statement-breakpoint
CREATE TRIGGER injury_cost_analysis_insert AFTER INSERT ON injury_cost REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analysis_dirty_injury_cost();
--> statement-breakpoint
CREATE TRIGGER injury_cost_analysis_update AFTER UPDATE ON injury_cost REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analysis_dirty_injury_cost();
--> statement-breakpoint
CREATE TRIGGER injury_cost_analysis_delete AFTER DELETE ON injury_cost REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analysis_dirty_injury_cost();
--> statement-breakpoint
CREATE TRIGGER disease_case_analysis_insert AFTER INSERT ON disease_case REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analysis_dirty_disease_case();
--> statement-breakpoint
CREATE TRIGGER disease_case_analysis_update AFTER UPDATE ON disease_case REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analysis_dirty_disease_case();
--> statement-breakpoint
CREATE TRIGGER disease_case_analysis_delete AFTER DELETE ON disease_case REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analysis_dirty_disease_case();
--> statement-breakpoint
CREATE TRIGGER employer_headcount_analysis_insert AFTER INSERT ON employer_headcount REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analysis_dirty_headcount();
--> statement-breakpoint
CREATE TRIGGER employer_headcount_analysis_update AFTER UPDATE ON employer_headcount REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analysis_dirty_headcount();
--> statement-breakpoint
CREATE TRIGGER employer_headcount_analysis_delete AFTER DELETE ON employer_headcount REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analysis_dirty_headcount();
--> statement-breakpoint
CREATE TRIGGER employer_analysis_update AFTER UPDATE ON employer REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analysis_dirty_employer();
