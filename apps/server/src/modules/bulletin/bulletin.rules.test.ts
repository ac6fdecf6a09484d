import type { Permission } from '@yufang/contracts';
import { describe, expect, it } from 'vitest';
import { refuseTransition, TRANSITIONS, workflowAbilities } from './bulletin.rules.js';

const drafter = { userId: 'a', permissions: new Set<Permission>(['bulletin.draft']) };
const reviewer = { userId: 'r', permissions: new Set<Permission>(['bulletin.draft', 'bulletin.publish']) };
const subject = (status: 'draft' | 'in_review' | 'published' | 'withdrawn') => ({
  status,
  authorId: 'a',
  submittedBy: status === 'draft' ? null : 'a',
});

describe('bulletin transition table', () => {
  it('moves draft → in review → published, back to draft, and published → withdrawn only', () => {
    expect(Object.fromEntries(Object.entries(TRANSITIONS).map(([k, t]) => [k, `${t.from}>${t.to}`]))).toEqual({
      submit: 'draft>in_review',
      return: 'in_review>draft',
      publish: 'in_review>published',
      withdraw: 'published>withdrawn',
    });
    expect(refuseTransition(subject('draft'), drafter, 'submit', undefined)).toBeNull();
    expect(refuseTransition(subject('in_review'), reviewer, 'publish', undefined)).toBeNull();
    expect(refuseTransition(subject('in_review'), reviewer, 'return', '请补充原因分析')).toBeNull();
    expect(refuseTransition(subject('published'), reviewer, 'withdraw', '案例信息有误需更正')).toBeNull();
    expect(refuseTransition(subject('withdrawn'), reviewer, 'publish', undefined)?.code).toBe('CONFLICT');
    expect(refuseTransition(subject('draft'), reviewer, 'publish', undefined)?.code).toBe('CONFLICT');
  });

  it('needs the permission of the step', () => {
    expect(refuseTransition(subject('in_review'), drafter, 'publish', undefined)?.code).toBe('FORBIDDEN');
  });

  it('refuses the author or the submitter as reviewer', () => {
    const authorReviewer = { ...reviewer, userId: 'a' };
    const refusal = refuseTransition(subject('in_review'), authorReviewer, 'publish', undefined);
    expect(refusal).toEqual({ code: 'FORBIDDEN', message: expect.stringContaining('不能审核本人') });
    const submittedByOther = { status: 'in_review' as const, authorId: 'x', submittedBy: 'r' };
    expect(refuseTransition(submittedByOther, reviewer, 'return', '理由足够长了')?.code).toBe('FORBIDDEN');
  });

  it('requires a reason of at least five characters to return or withdraw', () => {
    expect(refuseTransition(subject('in_review'), reviewer, 'return', '  ')).toMatchObject({ field: 'reason' });
    expect(refuseTransition(subject('published'), reviewer, 'withdraw', '有误')).toMatchObject({ field: 'reason' });
  });

  it('derives the abilities from the same table', () => {
    expect(workflowAbilities(subject('in_review'), reviewer)).toEqual({
      submit: false,
      return: true,
      publish: true,
      withdraw: false,
    });
    expect(workflowAbilities(subject('in_review'), { ...reviewer, userId: 'a' }).publish).toBe(false);
    expect(workflowAbilities(subject('draft'), drafter).submit).toBe(true);
  });
});
