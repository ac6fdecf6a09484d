import { describe, expect, it } from 'vitest';
import { renderWechatText } from './channels.js';

const bulletin = {
  title: '永安市制造业小型企业机械伤害事故典型案例',
  facts: [
    { label: '发生时间', value: '2024年3月' },
    { label: '地区', value: '三明市永安市' },
  ],
  narrative: '经过'.repeat(200),
  causes: '原因'.repeat(100),
  lessons: '教训'.repeat(50),
};

describe('WeChat text rendering', () => {
  it('keeps a short bulletin whole, with the sections and the link', () => {
    const short = { ...bulletin, narrative: '一名职工被卷入。', causes: '防护罩缺失。', lessons: '加装防护。' };
    const r = renderWechatText(short, 'https://example.org/public/bulletins/1', 600);
    expect(r.shortened).toBe(false);
    expect(r.text).toContain('一、事故经过\n一名职工被卷入。');
    expect(r.text).toContain('三、教训与防范措施\n加装防护。');
    expect(r.text.endsWith('全文：https://example.org/public/bulletins/1')).toBe(true);
    expect(r.text).not.toMatch(/<[a-z]/);
  });

  it('shortens the sections in proportion to fit the limit, keeping the title and the link', () => {
    const r = renderWechatText(bulletin, '/public/bulletins/1', 600);
    expect(r.shortened).toBe(true);
    expect(r.length).toBeLessThanOrEqual(600);
    expect(r.length).toBe([...r.text].length);
    expect(r.text.startsWith('【典型案例通报】永安市')).toBe(true);
    expect(r.text).toContain('全文：/public/bulletins/1');
    expect(r.text).toContain('…');
    const narrative = r.text.split('一、事故经过\n')[1]?.split('\n\n')[0] ?? '';
    const lessons = r.text.split('三、教训与防范措施\n')[1]?.split('\n\n')[0] ?? '';
    expect(narrative.length).toBeGreaterThan(lessons.length * 2);
  });

  it('stays within a tight limit even when the facts line is long', () => {
    const long = { ...bulletin, facts: Array.from({ length: 40 }, (_, i) => ({ label: `项${i}`, value: '很长的值' })) };
    const r = renderWechatText(long, '/public/bulletins/1', 200);
    expect(r.length).toBeLessThanOrEqual(200);
    expect(r.text).toContain('全文：/public/bulletins/1');
  });
});
