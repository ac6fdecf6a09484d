import { z } from 'zod';

export const RegionView = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(['province', 'city', 'county']),
  parentCode: z.string().nullable(),
  replacedBy: z.string().nullable(),
});
export type RegionView = z.infer<typeof RegionView>;

export const UnitView = z.object({
  code: z.string(),
  name: z.string(),
  shortName: z.string(),
  kind: z.enum(['member', 'agency']),
  regionCode: z.string(),
});
export type UnitView = z.infer<typeof UnitView>;

export const EmployerOption = z.object({
  id: z.uuid(),
  uscc: z.string(),
  name: z.string(),
  countyCode: z.string(),
});
export type EmployerOption = z.infer<typeof EmployerOption>;

export const EmployerOptionQuery = z.object({ q: z.string().trim().max(64).optional() });

export const RoleView = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  description: z.string(),
  scopeKind: z.enum(['region', 'unit', 'employer', 'provider', 'none']),
  permissions: z.array(z.object({ code: z.string(), label: z.string() })),
  userCount: z.number().int(),
});
export type RoleView = z.infer<typeof RoleView>;
