import { z } from 'zod';

/** One kind of work waiting for the signed-in user, with how many and where to do it. */
export const WorkItem = z.object({
  key: z.string(),
  title: z.string(),
  count: z.number().int(),
  link: z.string(),
});
export const Workbench = z.object({ items: z.array(WorkItem) });
export type Workbench = z.infer<typeof Workbench>;
