import type { RegionView } from '@yufang/contracts';
import type { Db } from '../db/index.js';
import { region } from '../db/schema.js';

/**
 * The GB/T 2260 hierarchy held in memory (it changes only with a migration or reference update):
 * a region scope covers the region itself and everything below it; a retired code counts as its successor.
 */
export class RegionIndex {
  private readonly byCode = new Map<string, RegionView>();
  private readonly children = new Map<string, string[]>();

  constructor(rows: RegionView[]) {
    for (const r of rows) {
      this.byCode.set(r.code, r);
      if (r.parentCode) this.children.set(r.parentCode, [...(this.children.get(r.parentCode) ?? []), r.code]);
    }
  }

  static async load(db: Db): Promise<RegionIndex> {
    return new RegionIndex(await db.select().from(region));
  }

  get(code: string): RegionView | undefined {
    return this.byCode.get(code);
  }

  all(): RegionView[] {
    return [...this.byCode.values()];
  }

  /** The region and all regions below it. */
  descendants(code: string): string[] {
    const out: string[] = [];
    const stack = [code];
    while (stack.length) {
      const c = stack.pop() as string;
      if (!this.byCode.has(c)) continue;
      out.push(c);
      stack.push(...(this.children.get(c) ?? []));
    }
    return out;
  }

  /** The region and its ancestors up to the province. */
  ancestors(code: string): string[] {
    const out: string[] = [];
    let c: string | null | undefined = code;
    while (c && this.byCode.has(c)) {
      out.push(c);
      c = this.byCode.get(c)?.parentCode;
    }
    return out;
  }

  name(code: string): string {
    return this.byCode.get(code)?.name ?? code;
  }
}
