import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    reporters: ['default', './test/support/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/support/site-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 180_000,
          // One Chromium at a time: the machine has two cores and the build already used them.
          fileParallelism: false,
        },
      },
    ],
  },
});
