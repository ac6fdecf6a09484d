// The employer CSV the import benchmarks load: N valid rows over the 11 Sanming counties, written as a stream.
import { createWriteStream } from 'node:fs';
import { CURRENT_COUNTIES } from '@yufang/contracts';
import { csvLine, headers, makeUscc } from '../apps/server/src/modules/import/import.factory.js';

const INDUSTRIES = ['06', '13', '34', '343', '47', '48', '54', '59', '591', '62', '72', '83'];
const SIZES = ['large', 'medium', 'small', 'micro'];

/** Writes `rows` employer rows with the template's headers; organisation numbers start at `first`. */
export async function writeEmployerCsv(file: string, rows: number, first = 0): Promise<void> {
  const out = createWriteStream(file);
  const write = (line: string) =>
    out.write(`${line}\n`) ? undefined : new Promise<void>((r) => out.once('drain', () => r()));
  await write(csvLine(headers('employer')));
  for (let i = first; i < first + rows; i++) {
    const county = CURRENT_COUNTIES[i % CURRENT_COUNTIES.length]?.code as string;
    await write(
      csvLine([
        makeUscc(i, county),
        `基准测试单位${i}有限公司`,
        county,
        INDUSTRIES[i % INDUSTRIES.length] as string,
        '张三',
        `三明市示例路${i}号`,
        'private',
        SIZES[i % 4] as string,
        String(5 + (i % 500)),
        '李四',
        '',
        'insured',
      ]),
    );
  }
  await new Promise<void>((r) => out.end(r));
}
