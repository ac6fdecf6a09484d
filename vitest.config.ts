import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // one worker per core (vitest's default leaves one idle: a single worker on a two-core CI machine), so the
    // server tests run while the journeys wait on their browsers
    maxWorkers: availableParallelism(),
    projects: [
      {
        test: {
          name: 'server',
          include: [
            'packages/contracts/src/**/*.test.ts',
            'apps/server/src/**/*.test.ts',
            'apps/server/test/**/*.test.ts',
          ],
          globalSetup: ['apps/server/test/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          globalSetup: ['e2e/global-setup.ts'],
          // one journey at a time (two at once only slow each other down on two cores), next to the server tests on
          // the other worker
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // concurrent tests of one journey (the roles) open at most three browser contexts at a time
          maxConcurrency: 3,
        },
      },
    ],
  },
});
