import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../../test/harness.js';
import type { Database } from '../db/index.js';
import { Scheduler } from './scheduler.js';

let database: Database;
beforeAll(async () => {
  database = await testDatabase();
});
afterAll(() => database.close());

const log = { error: () => undefined } as never;

describe('scheduler', () => {
  it('runs a job once per period even when two server processes tick', async () => {
    let runs = 0;
    const job = { name: 'test.sweep', everySeconds: 60, run: async () => void runs++ };
    const a = new Scheduler(database.db, log);
    const b = new Scheduler(database.db, log);
    a.register(job);
    b.register(job);
    const now = new Date('2026-11-28T08:00:10Z');
    const [ranA, ranB] = await Promise.all([a.tick(now), b.tick(now)]);
    expect(runs).toBe(1);
    expect([...ranA, ...ranB]).toEqual(['test.sweep']);
    await a.tick(new Date('2026-11-28T08:00:50Z'));
    expect(runs).toBe(1);
    await b.tick(new Date('2026-11-28T08:01:05Z'));
    expect(runs).toBe(2);
  });

  it('records a failing job and goes on with the next', async () => {
    const s = new Scheduler(database.db, log);
    let ok = 0;
    s.register({ name: 'test.fails', everySeconds: 60, run: async () => Promise.reject(new Error('boom')) });
    s.register({ name: 'test.ok', everySeconds: 60, run: async () => void ok++ });
    expect(await s.tick(new Date('2026-11-28T09:00:00Z'))).toEqual(['test.fails', 'test.ok']);
    expect(ok).toBe(1);
  });
});
