import type { BulletinAction } from '@yufang/contracts';
import type { Actor } from '../../core/auth/actor.js';
import type { RegionIndex } from '../../core/authz/regions.js';
import type { Tx } from '../../core/db/index.js';
import { notify } from '../../core/notify/notify.js';
import type { BulletinRow } from './bulletin.repo.js';
import { usersCovering, usersOfTargets } from './bulletin.repo.js';

/**
 * Tells whoever has the next step, in the transaction of the step: the reviewers of the county when a draft is
 * submitted, the author when it is returned, published or withdrawn, and the targeted employers' accounts when it
 * is published (by e-mail too: they are asked to act) or withdrawn.
 */
export async function notifyTransition(
  tx: Tx,
  regions: RegionIndex,
  actor: Actor,
  row: BulletinRow,
  step: { action: BulletinAction; reason: string | null; targeted?: number },
): Promise<void> {
  const title = `典型案例通报“${row.title}”`;
  const link = `/bulletins/${row.id}`;
  const author = row.authorId ? [row.authorId] : [];
  const { action, reason } = step;
  if (action === 'submit') {
    const reviewers = await usersCovering(tx, 'bulletin.publish', regions.ancestors(row.countyCode));
    const others = reviewers.filter((u) => u !== actor.userId && u !== row.authorId);
    await notify(tx, others, { title: `${title}待审核`, body: `${actor.displayName}提交了${title}，请审核。`, link });
    return;
  }
  if (action === 'return') {
    await notify(tx, author, { title: `${title}被退回修改`, body: `退回理由：${reason}`, link });
    return;
  }
  const employers = await usersOfTargets(tx, row.id);
  if (action === 'publish') {
    await notify(tx, author, { title: `${title}已发布`, body: `已推送至${step.targeted ?? 0}家用人单位。`, link });
    await notify(tx, employers, {
      title: `请签收${title}`,
      body: '请组织本单位职工学习，并由安全负责人在平台上签收。',
      link,
      email: true,
    });
    return;
  }
  await notify(tx, [...author, ...employers], { title: `${title}已撤回`, body: `撤回理由：${reason}`, link });
}
