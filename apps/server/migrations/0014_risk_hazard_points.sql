-- The risk index gains its hazards factor (points per open hazard by level, extra for overdue, cap). Settings written
-- before this version get the shipped defaults; a fresh database gets them from the policy defaults at start.
UPDATE "policy_setting"
SET "value" = "value" || '{"hazardPoints": {"general": 1, "major": 3, "overdue": 2}, "hazardCap": 6}'::jsonb,
    "version" = "version" + 1,
    "updated_at" = now()
WHERE "key" = 'analysis.risk_index' AND NOT ("value" ? 'hazardPoints');--> statement-breakpoint
-- stored scores were computed without hazards: they are derived data, recomputed on the next read of each year
DELETE FROM "employer_risk";
