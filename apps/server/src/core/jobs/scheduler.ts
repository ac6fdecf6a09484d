import { and, eq } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/index.js';
import { scheduledRun } from '../db/schema.js';

export interface Job {
  /** Unique name, e.g. `mail.outbox` or `hazard.deadline-sweep`. */
  name: string;
  everySeconds: number;
  run(db: Db): Promise<void>;
}

/** The slot a time falls in for a job's period: all processes agree on it without talking to each other. */
export function slotOf(job: Job, now: Date): string {
  return String(Math.floor(now.getTime() / (job.everySeconds * 1000)));
}

/**
 * Periodic sweeps that run once per period even with several server processes: each run first inserts
 * (job, slot); only the process whose insert succeeds runs the job for that slot.
 */
export class Scheduler {
  private readonly jobs: Job[] = [];
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly db: Db,
    private readonly log: FastifyBaseLogger,
  ) {}

  register(job: Job): void {
    if (this.jobs.some((j) => j.name === job.name)) throw new Error(`任务 ${job.name} 重复注册`);
    this.jobs.push(job);
  }

  /** Runs every job whose current slot has not run yet; returns the names of the jobs this call ran. */
  async tick(now = new Date()): Promise<string[]> {
    const ran: string[] = [];
    for (const job of this.jobs) {
      const slot = slotOf(job, now);
      const claimed = await this.db
        .insert(scheduledRun)
        .values({ job: job.name, slot })
        .onConflictDoNothing()
        .returning({ job: scheduledRun.job });
      if (claimed.length === 0) continue;
      let error: string | null = null;
      try {
        await job.run(this.db);
      } catch (e) {
        error = String((e as Error).stack ?? e).slice(0, 2000);
        this.log.error({ job: job.name, err: e }, 'scheduled job failed');
      }
      await this.db
        .update(scheduledRun)
        .set({ finishedAt: new Date(), error })
        .where(and(eq(scheduledRun.job, job.name), eq(scheduledRun.slot, slot)));
      ran.push(job.name);
    }
    return ran;
  }

  start(tickSeconds: number): void {
    const loop = () => {
      this.running = this.tick()
        .then(() => undefined)
        .catch((e) => this.log.error({ err: e }, 'scheduler tick failed'))
        .finally(() => {
          this.running = null;
        });
    };
    this.timer = setInterval(loop, tickSeconds * 1000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }
}
