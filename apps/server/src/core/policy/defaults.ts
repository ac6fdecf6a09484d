import { INDUSTRY_POLICY_DEFAULTS } from '../../modules/employer/industry-policy.js';
import { RECONCILE_POLICY_DEFAULTS } from '../../modules/reconcile/reconcile.policy.js';
import type { PolicyDefault } from './policy.js';

/** The policy rows an installation starts with; each module adds its own list here. */
export const POLICY_DEFAULTS: readonly PolicyDefault<unknown>[] = [
  ...INDUSTRY_POLICY_DEFAULTS,
  ...RECONCILE_POLICY_DEFAULTS,
];
