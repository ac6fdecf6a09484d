import { CURRENT_COUNTIES, usccCheckChar } from '@yufang/contracts';
import type { Random } from './random.js';

const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** GB/T 4754 divisions seen in Sanming, weighted towards the plan's key industries, with name suffixes. */
const INDUSTRIES: { code: string; suffixes: string[]; weight: number }[] = [
  { code: '06', suffixes: ['煤业有限公司', '煤矿有限责任公司'], weight: 4 },
  { code: '09', suffixes: ['矿业有限公司', '有色金属矿业有限公司'], weight: 3 },
  { code: '10', suffixes: ['石材有限公司', '非金属矿业有限公司'], weight: 3 },
  { code: '26', suffixes: ['化工有限公司', '化学有限公司'], weight: 3 },
  { code: '30', suffixes: ['水泥有限公司', '陶瓷有限公司', '建材有限公司'], weight: 4 },
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
  uscc: string;
  name: string;
  countyCode: string;
  industryCode: string;
}

/** A valid 统一社会信用代码 of an enterprise (9 1) registered in the county, with its check character. */
export function demoUscc(random: Random, countyCode: string): string {
  let org = '';
  for (let i = 0; i < 9; i++) org += USCC_ALPHABET[random.int(0, i < 8 ? 30 : 9)];
  const first17 = `91${countyCode}${org}`;
  return first17 + usccCheckChar(first17);
}

/** `perCounty` employers in each current county, with Chinese names and valid, unique USCCs. */
export function generateEmployers(random: Random, perCounty: number): DemoEmployer[] {
  const weighted = INDUSTRIES.flatMap((i) => Array.from({ length: i.weight }, () => i));
  const names = new Set<string>();
  const codes = new Set<string>();
  const out: DemoEmployer[] = [];
  for (const county of CURRENT_COUNTIES) {
    for (let n = 0; n < perCounty; n++) {
      const industry = random.pick(weighted);
      let name = '';
      do
        name = `${PLACE[county.code] ?? ''}${random.pick(WORDS)}${random.pick(WORDS)}${random.pick(industry.suffixes)}`;
      while (names.has(name));
      let uscc = '';
      do uscc = demoUscc(random, county.code);
      while (codes.has(uscc));
      names.add(name);
      codes.add(uscc);
      out.push({ uscc, name, countyCode: county.code, industryCode: industry.code });
    }
  }
  return out;
}
