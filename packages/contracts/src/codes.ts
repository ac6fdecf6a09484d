/**
 * National and local code tables, read from the vendored reference files (see ../reference/README.md).
 */
import accidentCategories from '../reference/accident-categories.json' with { type: 'json' };
import jointMeeting from '../reference/joint-meeting.json' with { type: 'json' };
import regions from '../reference/regions.json' with { type: 'json' };

export type RegionLevel = 'province' | 'city' | 'county';

export interface RegionCode {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
  /** A retired GB/T 2260 code maps to the current unit that replaced it. */
  replacedBy: string | null;
}

/** GB/T 2260 divisions the installation knows, current and retired, province → city → county. */
export const REGIONS: readonly RegionCode[] = [
  { code: regions.province.code, name: regions.province.name, level: 'province', parentCode: null, replacedBy: null },
  {
    code: regions.city.code,
    name: regions.city.name,
    level: 'city',
    parentCode: regions.province.code,
    replacedBy: null,
  },
  ...regions.counties.map((c) => ({
    code: c.code,
    name: c.name,
    level: 'county' as const,
    parentCode: regions.city.code,
    replacedBy: null,
  })),
  ...regions.retiredCodes.map((c) => ({
    code: c.code,
    name: c.name,
    level: 'county' as const,
    parentCode: regions.city.code,
    replacedBy: ('mergedInto' in c ? c.mergedInto : c.renamedTo) ?? null,
  })),
];

export const CITY_CODE = regions.city.code;
export const CURRENT_COUNTIES = REGIONS.filter((r) => r.level === 'county' && !r.replacedBy);

export interface UnitCode {
  code: string;
  name: string;
  shortName: string;
  kind: 'member' | 'agency';
  regionCode: string;
}

/** Member units of the joint meeting and the social-insurance agency (plan annex). */
export const UNITS: readonly UnitCode[] = jointMeeting.memberUnits.map((u) => ({
  code: u.code,
  name: u.name,
  shortName: u.short,
  kind: u.code === 'sbzx' ? 'agency' : 'member',
  regionCode: regions.city.code,
}));

/** GB 6441 accident categories (事故类别). */
export const ACCIDENT_CATEGORIES: readonly { code: string; name: string }[] = accidentCategories.categories.map(
  (c) => ({ code: c.code, name: c.name }),
);
