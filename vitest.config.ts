import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    reporters: ['default', './test/support/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          // test/fuzz: issue 9's property-based fuzzing of the pure core (src/testing/fuzz.ts).
          include: ['test/unit/**/*.test.ts', 'test/fuzz/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'github',
          // The GitHub emulator and the bundled bot running against it.
          include: ['test/emulator/**/*.test.ts', 'test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          // Each bot run is a child process that spends part of its time waiting on the emulator's HTTP round trips
          // (the tests turn GitHub's write pacing off), so more files than cores keeps both cores busy. On two cores,
          // six of these files took 63–68 s with 4 at a time, 79 s with 2 and 70 s with 6.
          maxWorkers: 4,
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
