import type { EmployerSize, InsuranceStatus, OwnershipType } from '@yufang/contracts';
import { CURRENT_COUNTIES, usccCheckChar } from '@yufang/contracts';
import type { Random } from './random.js';

const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** GB/T 4754 divisions seen in Sanming, weighted towards the plan's key industries, with name suffixes. */
const INDUSTRIES: { code: string; suffixes: string[]; weight: number; groups?: Record<string, string> }[] = [
  { code: '06', suffixes: ['煤业有限公司', '煤矿有限责任公司'], weight: 4 },
  { code: '09', suffixes: ['矿业有限公司', '有色金属矿业有限公司'], weight: 3 },
  { code: '10', suffixes: ['石材有限公司', '非金属矿业有限公司'], weight: 3 },
  { code: '26', suffixes: ['化工有限公司', '化学有限公司'], weight: 3 },
  {
    code: '30',
    suffixes: ['水泥有限公司', '陶瓷有限公司', '建材有限公司', '石材加工有限公司'],
    weight: 4,
    groups: { 水泥有限公司: '301', 陶瓷有限公司: '307', 建材有限公司: '302', 石材加工有限公司: '303' },
  },
  { code: '31', suffixes: ['钢铁有限公司', '特钢有限公司'], weight: 2 },
  { code: '34', suffixes: ['机械制造有限公司', '通用设备有限公司'], weight: 3 },
  { code: '35', suffixes: ['重工机械有限公司', '专用设备有限公司'], weight: 2 },
  { code: '47', suffixes: ['建设工程有限公司', '建筑工程有限公司'], weight: 5 },
  { code: '48', suffixes: ['路桥工程有限公司', '水电工程有限公司'], weight: 2 },
  { code: '54', suffixes: ['运输有限公司', '物流有限公司', '客运有限公司'], weight: 4 },
  { code: '20', suffixes: ['竹木制品有限公司', '木业有限公司'], weight: 3 },
  { code: '13', suffixes: ['食品有限公司', '农产品加工有限公司'], weight: 2 },
  { code: '17', suffixes: ['纺织有限公司'], weight: 1 },
  { code: '52', suffixes: ['商贸有限公司'], weight: 1 },
];

const WORDS = [
  '金山',
  '鑫源',
  '恒达',
  '闽中',
  '华兴',
  '瑞丰',
  '宏图',
  '泰和',
  '福顺',
  '安泰',
  '正大',
  '明珠',
  '丰盛',
  '永兴',
  '万宏',
  '荣鑫',
  '盛达',
  '通达',
  '天成',
  '中兴',
  '隆发',
  '德源',
  '金丰',
  '汇通',
  '翠峰',
  '青山',
  '沙溪',
  '宝山',
  '九龙',
  '格氏',
  '三钢',
  '万寿',
  '桃源',
  '虎头',
  '龙湖',
  '凤凰',
  '东方',
  '新阳',
  '红星',
  '利民',
];

const PLACE: Record<string, string> = {
  '350404': '三明',
  '350405': '沙县',
  '350421': '明溪',
  '350423': '清流',
  '350424': '宁化',
  '350425': '大田',
  '350426': '尤溪',
  '350428': '将乐',
  '350429': '泰宁',
  '350430': '建宁',
  '350481': '永安',
};

export interface DemoEmployer {
  /** Deterministic, so the demo accounts can point at an employer before it is inserted. */
  id: string;
  uscc: string;
  name: string;
  countyCode: string;
  industryCode: string;
  industryGroup: string | null;
  legalRepresentative: string;
  address: string;
  ownershipType: OwnershipType;
  size: EmployerSize;
  workforce: number;
  safetyContactName: string;
  safetyContactPhone: string;
  insuranceStatus: InsuranceStatus;
  /** Headcount model: first insured month (index from 2020-01), yearly growth, month the payments stopped. */
  startMonth: number;
  stopMonth: number | null;
  growth: number;
  /** Average monthly wage in fen in 2020. */
  wageFen: number;
}

/** Relative size of the counties (enterprises registered), for the default of about 3,000 employers. */
const COUNTY_WEIGHTS: Record<string, number> = {
  '350404': 16,
  '350481': 14,
  '350405': 12,
  '350426': 11,
  '350425': 11,
  '350424': 8,
  '350428': 6,
  '350421': 5,
  '350423': 5,
  '350429': 5,
  '350430': 5,
};
const DEFAULT_TOTAL = 3000;

const TOWNS: Record<string, string[]> = {
  '350404': ['城关街道', '白沙街道', '富兴堡街道', '荆西街道', '莘口镇', '岩前镇', '中村乡'],
  '350405': ['凤岗街道', '虬江街道', '青州镇', '高砂镇', '夏茂镇', '富口镇'],
  '350421': ['雪峰镇', '盖洋镇', '胡坊镇', '瀚仙镇'],
  '350423': ['龙津镇', '嵩溪镇', '嵩口镇', '灵地镇'],
  '350424': ['翠江镇', '石壁镇', '泉上镇', '安远镇', '湖村镇'],
  '350425': ['均溪镇', '石牌镇', '上京镇', '广平镇', '建设镇'],
  '350426': ['城关镇', '西城镇', '洋中镇', '梅仙镇', '管前镇'],
  '350428': ['古镛镇', '万安镇', '高唐镇', '白莲镇'],
  '350429': ['杉城镇', '朱口镇', '上青乡'],
  '350430': ['濉溪镇', '里心镇', '溪口镇'],
  '350481': ['燕东街道', '燕西街道', '燕南街道', '燕北街道', '西洋镇', '贡川镇', '小陶镇', '大湖镇'],
};
const ROADS = [
  '工业路',
  '建设路',
  '新华路',
  '人民路',
  '府前路',
  '滨江路',
  '城南路',
  '工业园区',
  '经济开发区',
  '东山路',
];
const SURNAMES = '陈林黄张李王吴刘蔡杨郑邱罗肖江叶赖廖余傅游谢曾徐'.split('');
const GIVEN = '建国志强丽萍明华秀英文杰海燕晓东永福金水春生德荣玉兰宏伟丽娟小平国平丽琴'.split('');
const SIZES: { size: EmployerSize; weight: number; min: number; max: number }[] = [
  { size: 'micro', weight: 30, min: 3, max: 19 },
  { size: 'small', weight: 48, min: 20, max: 299 },
  { size: 'medium', weight: 17, min: 300, max: 999 },
  { size: 'large', weight: 5, min: 1000, max: 3200 },
];
const OWNERSHIP: { code: OwnershipType; weight: number }[] = [
  { code: 'private', weight: 70 },
  { code: 'state', weight: 10 },
  { code: 'collective', weight: 4 },
  { code: 'foreign', weight: 4 },
  { code: 'hmt', weight: 5 },
  { code: 'other', weight: 7 },
];

function weighted<T extends { weight: number }>(random: Random, items: readonly T[]): T {
  const total = items.reduce((s, i) => s + i.weight, 0);
  let r = random.next() * total;
  for (const item of items) {
    r -= item.weight;
    if (r < 0) return item;
  }
  return items[items.length - 1] as T;
}

function personName(random: Random): string {
  const given = random.next() < 0.6 ? random.pick(GIVEN) + random.pick(GIVEN) : random.pick(GIVEN);
  return random.pick(SURNAMES) + given;
}

/** A deterministic UUID (version 4 layout) from the PRNG. */
export function demoUuid(random: Random): string {
  let hex = '';
  for (let i = 0; i < 32; i++) hex += random.int(0, 15).toString(16);
  const variant = ((random.int(0, 3) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A valid 统一社会信用代码 of an enterprise (9 1) registered in the county, with its check character. */
export function demoUscc(random: Random, countyCode: string): string {
  let org = '';
  for (let i = 0; i < 9; i++) org += USCC_ALPHABET[random.int(0, i < 8 ? 30 : 9)];
  const first17 = `91${countyCode}${org}`;
  return first17 + usccCheckChar(first17);
}

/** How many demo employers each current county gets: `perCounty` each, or about 3,000 weighted by county size. */
function countyCounts(perCounty: number | undefined): [string, number][] {
  const total = Object.values(COUNTY_WEIGHTS).reduce((s, w) => s + w, 0);
  return CURRENT_COUNTIES.map((c) => [
    c.code,
    perCounty ?? Math.round((DEFAULT_TOTAL * (COUNTY_WEIGHTS[c.code] ?? 5)) / total),
  ]);
}

/**
 * Demo employers in every current county with Chinese names, valid unique USCCs, plausible profiles and the
 * parameters of their monthly headcount series. The first employer of each county is insured since 2020-01
 * (the demo employer account points at the first one of 永安市).
 */
export function generateEmployers(random: Random, perCounty?: number): DemoEmployer[] {
  const industries = INDUSTRIES.flatMap((i) => Array.from({ length: i.weight }, () => i));
  const names = new Set<string>();
  const codes = new Set<string>();
  const countyName = new Map(CURRENT_COUNTIES.map((c) => [c.code, c.name]));
  const out: DemoEmployer[] = [];
  for (const [county, count] of countyCounts(perCounty)) {
    for (let n = 0; n < count; n++) {
      const industry = random.pick(industries);
      let name = '';
      let suffix = '';
      do {
        suffix = random.pick(industry.suffixes);
        name = `${PLACE[county] ?? ''}${random.pick(WORDS)}${random.pick(WORDS)}${suffix}`;
      } while (names.has(name));
      let uscc = '';
      do uscc = demoUscc(random, county);
      while (codes.has(uscc));
      names.add(name);
      codes.add(uscc);
      const size = weighted(random, SIZES);
      const workforce = random.int(size.min, size.max);
      const roll = random.next();
      const insuranceStatus: InsuranceStatus =
        n === 0 ? 'insured' : roll < 0.07 ? 'uninsured' : roll < 0.11 ? 'suspended' : 'insured';
      const startMonth = n === 0 || random.next() < 0.6 ? 0 : random.int(1, 54);
      out.push({
        id: demoUuid(random),
        uscc,
        name,
        countyCode: county,
        industryCode: industry.code,
        industryGroup: industry.groups?.[suffix] ?? null,
        legalRepresentative: personName(random),
        address: `${countyName.get(county) ?? ''}${random.pick(TOWNS[county] ?? ['城关镇'])}${random.pick(ROADS)}${random.int(1, 388)}号`,
        ownershipType: weighted(random, OWNERSHIP).code,
        size: size.size,
        workforce,
        safetyContactName: personName(random),
        safetyContactPhone: `1${random.pick(['3', '5', '7', '8', '9'])}${String(random.int(0, 999_999_999)).padStart(9, '0')}`,
        insuranceStatus,
        startMonth,
        stopMonth: insuranceStatus === 'suspended' ? random.int(Math.max(startMonth + 6, 36), 70) : null,
        growth: -0.04 + random.next() * 0.14,
        wageFen: random.int(420_000, 780_000),
      });
    }
  }
  return out;
}
