/**
 * The expert panel draw, algorithm `sha256-rank-v1` (pure and deterministic; the server, the public verify endpoint
 * and the web page all run this one function):
 *
 * 1. seed = 32 random bytes as 64 hex characters, recorded on the panel before anything is drawn;
 * 2. every candidate's rankKey = hex(sha256(`${seed}:${expertId}`)); candidates excluded (with a reason) never count;
 * 3. round 0: for each entry of the domain mix in order, take the first `count` eligible candidates holding that
 *    domain and not already chosen, by rankKey ascending (ties, which sha256 makes practically impossible, by id);
 * 4. every decline, in the order recorded, is replaced by the next eligible candidate (rankKey ascending) holding
 *    the decliner's domain who was never a member of the panel; the replacement's round is the decliner's + 1 and it
 *    `replaces` the decliner. When nobody is left the decline stands and the domain shows a shortfall.
 *
 * Anyone holding the record (seed, mix, candidates with their exclusions, declines) gets the same members.
 */
export const PANEL_DRAW_ALGORITHM = 'sha256-rank-v1';

export interface DrawMixEntry {
  domain: string;
  count: number;
}

export interface DrawCandidateInput {
  expertId: string;
  domains: readonly string[];
  /** null: eligible; else the reason the expert was excluded. */
  exclusion: string | null;
}

export interface DrawRecordInput {
  algorithm: string;
  seed: string;
  mix: readonly DrawMixEntry[];
  candidates: readonly DrawCandidateInput[];
  /** The expert ids of the members who declined, in the order the declines were recorded. */
  declines: readonly string[];
}

export interface DrawnMember {
  expertId: string;
  domain: string;
  round: number;
  /** The expert id of the decliner this member replaces (rounds after 0). */
  replaces: string | null;
  rankKey: string;
  declined: boolean;
}

export interface DrawShortage {
  domain: string;
  needed: number;
  available: number;
}

export interface DrawResult {
  algorithm: string;
  /** Every candidate's rank key, by expert id. */
  rankKeys: Record<string, string>;
  /** Every member drawn, round 0 first, replacements in the order of the declines. */
  members: DrawnMember[];
  /** Round 0 could not be filled for these domains (a draw with shortages must not be written). */
  shortages: DrawShortage[];
  /** Declines for which no replacement was left, by domain. */
  shortfall: { domain: string; missing: number }[];
}

export class DrawError extends Error {}

const HEX64 = /^[0-9a-f]{64}$/;

/** The Web Crypto and TextEncoder globals of Node 20 and browsers (the contracts compile without DOM or Node types). */
interface WebGlobals {
  crypto: {
    subtle: { digest(algorithm: string, data: Uint8Array): Promise<ArrayBuffer> };
    getRandomValues(array: Uint8Array): Uint8Array;
  };
  TextEncoder: new () => { encode(text: string): Uint8Array };
}
const web = () => globalThis as unknown as WebGlobals;

export async function sha256Hex(text: string): Promise<string> {
  const { crypto, TextEncoder } = web();
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

export function rankKeyOf(seed: string, expertId: string): Promise<string> {
  return sha256Hex(`${seed}:${expertId}`);
}

/** Runs the draw on a record; throws DrawError when the record itself is malformed (unknown algorithm, bad decline). */
export async function drawPanel(record: DrawRecordInput): Promise<DrawResult> {
  if (record.algorithm !== PANEL_DRAW_ALGORITHM) throw new DrawError(`不支持的抽取算法：${record.algorithm}`);
  if (!HEX64.test(record.seed)) throw new DrawError('随机种子应为 64 位十六进制字符');
  const rankKeys: Record<string, string> = {};
  for (const c of record.candidates) rankKeys[c.expertId] = await rankKeyOf(record.seed, c.expertId);
  const ordered = record.candidates
    .filter((c) => c.exclusion === null)
    .sort((a, b) => {
      const ka = rankKeys[a.expertId] as string;
      const kb = rankKeys[b.expertId] as string;
      return ka < kb ? -1 : ka > kb ? 1 : a.expertId < b.expertId ? -1 : a.expertId > b.expertId ? 1 : 0;
    });
  const everMember = new Set<string>();
  const members: DrawnMember[] = [];
  const shortages: DrawShortage[] = [];
  for (const entry of record.mix) {
    const pool = ordered.filter((c) => c.domains.includes(entry.domain) && !everMember.has(c.expertId));
    if (pool.length < entry.count)
      shortages.push({ domain: entry.domain, needed: entry.count, available: pool.length });
    for (const c of pool.slice(0, entry.count)) {
      everMember.add(c.expertId);
      members.push({
        expertId: c.expertId,
        domain: entry.domain,
        round: 0,
        replaces: null,
        rankKey: rankKeys[c.expertId] as string,
        declined: false,
      });
    }
  }
  const missing = new Map<string, number>();
  for (const decliner of record.declines) {
    const m = members.find((x) => x.expertId === decliner);
    if (!m) throw new DrawError(`回避记录中的专家 ${decliner} 不是本次抽取的成员`);
    if (m.declined) throw new DrawError(`专家 ${decliner} 的回避记录重复`);
    m.declined = true;
    const next = ordered.find((c) => c.domains.includes(m.domain) && !everMember.has(c.expertId));
    if (!next) {
      missing.set(m.domain, (missing.get(m.domain) ?? 0) + 1);
      continue;
    }
    everMember.add(next.expertId);
    members.push({
      expertId: next.expertId,
      domain: m.domain,
      round: m.round + 1,
      replaces: m.expertId,
      rankKey: rankKeys[next.expertId] as string,
      declined: false,
    });
  }
  return {
    algorithm: PANEL_DRAW_ALGORITHM,
    rankKeys,
    members,
    shortages,
    shortfall: [...missing].map(([domain, n]) => ({ domain, missing: n })),
  };
}

/** A fresh seed: 32 random bytes as hex (Web Crypto, in Node 20 and browsers). */
export function newDrawSeed(): string {
  const bytes = web().crypto.getRandomValues(new Uint8Array(32));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
