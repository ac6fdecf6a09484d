import { describe, expect, it } from 'vitest';
import { DrawError, drawPanel, PANEL_DRAW_ALGORITHM, rankKeyOf, sha256Hex } from './panel-draw.js';

const SEED = 'a'.repeat(64);
const ids = Array.from({ length: 10 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
const candidates = ids.map((expertId, i) => ({
  expertId,
  domains: i < 6 ? ['work_safety'] : ['finance', 'work_safety'],
  exclusion: i === 3 ? '暂停抽取' : null,
}));
const record = (declines: string[] = [], seed = SEED) => ({
  algorithm: PANEL_DRAW_ALGORITHM,
  seed,
  mix: [
    { domain: 'finance', count: 2 },
    { domain: 'work_safety', count: 3 },
  ],
  candidates,
  declines,
});
const byRank = async (seed: string, pool: string[]) => {
  const keyed = await Promise.all(pool.map(async (id) => ({ id, k: await rankKeyOf(seed, id) })));
  return keyed.sort((a, b) => (a.k < b.k ? -1 : 1)).map((x) => x.id);
};

describe('sha256-rank-v1', () => {
  it('hashes with sha256 hex', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await rankKeyOf(SEED, 'x')).toBe(await sha256Hex(`${SEED}:x`));
  });

  it('takes each mix entry in order by rank key, skipping the excluded and the already chosen', async () => {
    const r = await drawPanel(record());
    const finance = await byRank(SEED, ids.slice(6));
    const safety = (
      await byRank(
        SEED,
        ids.filter((_, i) => i !== 3),
      )
    ).filter((id) => !finance.slice(0, 2).includes(id));
    expect(r.members.map((m) => [m.expertId, m.domain, m.round])).toEqual([
      [finance[0], 'finance', 0],
      [finance[1], 'finance', 0],
      [safety[0], 'work_safety', 0],
      [safety[1], 'work_safety', 0],
      [safety[2], 'work_safety', 0],
    ]);
    expect(r.members.some((m) => m.expertId === ids[3])).toBe(false);
    expect(r.shortages).toEqual([]);
  });

  it('gives the same panel for the same record and another one for another seed', async () => {
    const a = await drawPanel(record());
    const b = await drawPanel(record());
    expect(b.members).toEqual(a.members);
    const c = await drawPanel(record([], 'b'.repeat(64)));
    expect(c.members.map((m) => m.expertId)).not.toEqual(a.members.map((m) => m.expertId));
  });

  it('replaces declines in order with the next never-member of the same domain, then shows the shortfall', async () => {
    const first = await drawPanel(record());
    const financeOrder = await byRank(SEED, ids.slice(6));
    const decliner = first.members[0]?.expertId as string;
    const r1 = await drawPanel(record([decliner]));
    const repl = r1.members[5];
    expect(repl).toMatchObject({ domain: 'finance', round: 1, replaces: decliner });
    // the next finance candidate by rank key not already on the panel
    const members = new Set(first.members.map((m) => m.expertId));
    expect(repl?.expertId).toBe(financeOrder.find((id) => !members.has(id)));
    expect(r1.members[0]?.declined).toBe(true);
    // the replacement declines too: round 2, and so on until nobody is left
    const chain = [decliner, repl?.expertId as string];
    const r2 = await drawPanel(record(chain));
    expect(r2.members[6]).toMatchObject({ round: 2, replaces: repl?.expertId, domain: 'finance' });
    const all = [...chain, r2.members[6]?.expertId as string];
    const r3 = await drawPanel(record(all));
    expect(r3.shortfall).toEqual([{ domain: 'finance', missing: 1 }]);
    expect(r3.members).toHaveLength(7);
  });

  it('reports the shortage of a domain and rejects malformed records', async () => {
    const r = await drawPanel({ ...record(), mix: [{ domain: 'finance', count: 5 }] });
    expect(r.shortages).toEqual([{ domain: 'finance', needed: 5, available: 4 }]);
    await expect(drawPanel({ ...record(), algorithm: 'md5' })).rejects.toBeInstanceOf(DrawError);
    await expect(drawPanel({ ...record(), seed: 'xyz' })).rejects.toBeInstanceOf(DrawError);
    await expect(drawPanel(record(['nobody']))).rejects.toThrow('不是本次抽取的成员');
  });
});
