import type { BulletinFact } from '@yufang/contracts';

export interface RenderableBulletin {
  title: string;
  facts: BulletinFact[];
  narrative: string;
  causes: string;
  lessons: string;
}

// WeChat counts characters, not UTF-16 units: count code points so an emoji or a rare character counts once.
const length = (s: string) => [...s].length;
const cut = (s: string, max: number) => {
  const chars = [...s];
  if (chars.length <= max) return s;
  return max <= 0 ? '' : `${chars.slice(0, max - 1).join('')}…`;
};

/**
 * The plain-text rendering for a WeChat official-account message (no markup, no links that need HTML): the title,
 * the facts on one line, the three sections, and the address of the full text on the public page. When it is longer
 * than the limit, the sections are shortened in proportion to their length; the title and the link always stay.
 */
export function renderWechatText(
  b: RenderableBulletin,
  link: string,
  limit: number,
): { text: string; length: number; shortened: boolean } {
  const head = `【典型案例通报】${b.title}\n${b.facts.map((f) => `${f.label}：${f.value}`).join('；')}`;
  const sections = [
    ['一、事故经过', b.narrative],
    ['二、原因分析', b.causes],
    ['三、教训与防范措施', b.lessons],
  ].filter(([, body]) => (body ?? '').trim() !== '') as [string, string][];
  const foot = `全文：${link}`;
  const compose = (h: string, bodies: string[]) =>
    [h, ...sections.map(([heading], i) => `${heading}\n${bodies[i]}`), foot].join('\n\n');
  const full = compose(
    head,
    sections.map(([, body]) => body.trim()),
  );
  if (length(full) <= limit) return { text: full, length: length(full), shortened: false };

  const fixed =
    length(
      compose(
        '',
        sections.map(() => ''),
      ),
    ) + length(head);
  const bodyTotal = sections.reduce((n, [, body]) => n + length(body.trim()), 0);
  let room = limit - fixed;
  let headText = head;
  if (room < sections.length * 20) {
    // the facts line itself is too long for the limit: shorten it first, keep a little of each section
    const keep = Math.max(0, limit - (fixed - length(head)) - sections.length * 20);
    headText = cut(head, keep);
    room = limit - (fixed - length(head)) - length(headText);
  }
  const bodies = sections.map(([, body]) =>
    cut(body.trim(), Math.max(0, Math.floor((room * length(body.trim())) / Math.max(1, bodyTotal)))),
  );
  const text = compose(headText, bodies);
  return { text, length: length(text), shortened: true };
}
