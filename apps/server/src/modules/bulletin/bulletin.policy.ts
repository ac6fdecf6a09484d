import { CITY_CODE } from '@yufang/contracts';
import { z } from 'zod';
import type { PolicyDefault } from '../../core/policy/policy.js';

export const DISCLOSURE_KEY = 'bulletin.disclosure';

/** How much a bulletin may tell about a case, and how long its WeChat rendering may be. */
export const DisclosurePolicy = z.object({
  /** A count of fewer cases than this is not shown (small-group suppression). */
  minGroupSize: z.number().int().min(2).max(100),
  /** Width of the age bands that replace ages. */
  ageBandYears: z.number().int().min(5).max(20),
  /** Width of the exposure-years bands of an occupational-disease case. */
  exposureBandYears: z.number().int().min(1).max(20),
  /** Years before the event over which similar cases are counted. */
  similarYears: z.number().int().min(1).max(10),
  /** The WeChat official-account text limit (characters). */
  wechatMaxChars: z.number().int().min(200).max(20000),
});
export type DisclosurePolicy = z.infer<typeof DisclosurePolicy>;

export const BULLETIN_POLICY_DEFAULTS: PolicyDefault<unknown>[] = [
  {
    key: DISCLOSURE_KEY,
    regionCode: CITY_CODE,
    effectiveFrom: '2020-01-01',
    value: { minGroupSize: 5, ageBandYears: 10, exposureBandYears: 5, similarYears: 5, wechatMaxChars: 600 },
    source:
      '《个人信息保护法》第五十一条、第七十三条（去标识化）与统计数据发布的小样本抑制做法：少于5例的统计不公布；年龄按10岁分组；' +
      '微信公众平台群发文字消息上限600字。平台默认值，联席会议办公室可调整',
  },
];
