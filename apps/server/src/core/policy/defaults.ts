import { ANALYSIS_POLICY_DEFAULTS } from '../../modules/analysis/analysis.policy.js';
import { RISK_INDEX_POLICY_DEFAULTS } from '../../modules/analysis/risk-index.policy.js';
import { BULLETIN_POLICY_DEFAULTS } from '../../modules/bulletin/bulletin.policy.js';
import { CAMPAIGN_POLICY_DEFAULTS } from '../../modules/campaign/campaign.policy.js';
import { INDUSTRY_POLICY_DEFAULTS } from '../../modules/employer/industry-policy.js';
import { EXPERT_POLICY_DEFAULTS } from '../../modules/expert/expert.policy.js';
import { FUND_POLICY_DEFAULTS } from '../../modules/fund/fund.policy.js';
import { HAZARD_POLICY_DEFAULTS } from '../../modules/hazard/hazard.policy.js';
import { INJURY_POLICY_DEFAULTS } from '../../modules/injury/injury.policy.js';
import { INSPECTION_POLICY_DEFAULTS } from '../../modules/inspection/inspection.policy.js';
import { MONITORING_POLICY_DEFAULTS } from '../../modules/monitoring/monitoring.policy.js';
import { PANEL_POLICY_DEFAULTS } from '../../modules/panel/panel.policy.js';
import { DELIVERY_POLICY_DEFAULTS } from '../../modules/project/delivery.policy.js';
import { PROJECT_POLICY_DEFAULTS } from '../../modules/project/project.policy.js';
import { PROVIDER_POLICY_DEFAULTS } from '../../modules/provider/provider.policy.js';
import { RECONCILE_POLICY_DEFAULTS } from '../../modules/reconcile/reconcile.policy.js';
import type { PolicyDefault } from './policy.js';

/** The policy rows an installation starts with; each module adds its own list here. */
export const POLICY_DEFAULTS: readonly PolicyDefault<unknown>[] = [
  ...INDUSTRY_POLICY_DEFAULTS,
  ...INJURY_POLICY_DEFAULTS,
  ...RECONCILE_POLICY_DEFAULTS,
  ...ANALYSIS_POLICY_DEFAULTS,
  ...RISK_INDEX_POLICY_DEFAULTS,
  ...BULLETIN_POLICY_DEFAULTS,
  ...HAZARD_POLICY_DEFAULTS,
  ...INSPECTION_POLICY_DEFAULTS,
  ...CAMPAIGN_POLICY_DEFAULTS,
  ...MONITORING_POLICY_DEFAULTS,
  ...PROVIDER_POLICY_DEFAULTS,
  ...EXPERT_POLICY_DEFAULTS,
  ...PANEL_POLICY_DEFAULTS,
  ...PROJECT_POLICY_DEFAULTS,
  ...DELIVERY_POLICY_DEFAULTS,
  ...FUND_POLICY_DEFAULTS,
];
