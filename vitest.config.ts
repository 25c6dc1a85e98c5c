import { defineConfig } from 'vitest/config';

// Two projects: `unit` tests the product (test/), `conformance` is the product (specs/).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.spec.ts'],
          setupFiles: ['test/setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'conformance',
          include: ['specs/conformance.spec.ts'],
          globalSetup: ['specs/globalSetup.ts'],
          // Rules wait on the network far more than they compute: keep many in flight.
          maxConcurrency: 10,
          testTimeout: 300_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
