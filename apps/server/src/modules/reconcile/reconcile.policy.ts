import { CITY_CODE } from '@yufang/contracts';
import { z } from 'zod';
import type { PolicyDefault } from '../../core/policy/policy.js';

export const WINDOW_KEY = 'reconcile.window_days';
export const MARGIN_KEY = 'reconcile.workforce_margin_pct';
export const WindowDays = z.number().int().min(1).max(3650);
export const MarginPct = z.number().min(0).max(1000);

/** Reconciliation thresholds, per region and with effective dates like every policy number. */
export const RECONCILE_POLICY_DEFAULTS: PolicyDefault<unknown>[] = [
  {
    key: WINDOW_KEY,
    regionCode: CITY_CODE,
    effectiveFrom: '2020-01-01',
    value: 60,
    source:
      '《工伤保险条例》第十七条（用人单位应自事故伤害发生之日起30日内提出工伤认定申请）加受理、认定时间；平台默认60天，联席会议办公室可调整',
  },
  {
    key: MARGIN_KEY,
    regionCode: CITY_CODE,
    effectiveFrom: '2020-01-01',
    value: 10,
    source: '平台默认值：职工人数超过最近一个月参保人数10%以上列入核查（三明市工伤预防实施方案三(二)2 信息交换机制）',
  },
];
