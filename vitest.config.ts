import { defineConfig } from 'vitest/config';

// `unit` tests the product (test/); `conformance` is the product (specs/), and
// `conformance-shards` is the same rules one file each, for vitest's --shard.
const conformance = {
  globalSetup: ['specs/globalSetup.ts'],
  // Rules wait on the network far more than they compute: keep many in flight.
  maxConcurrency: 10,
  testTimeout: 300_000,
  hookTimeout: 120_000,
};

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
      { test: { name: 'conformance', include: ['specs/conformance.spec.ts'], ...conformance } },
      {
        // A shard runs its files in one worker that keeps its modules, so the shard has one
        // budget, one ledger and one token minter. Target and options: EC2IDEM_* variables.
        test: { name: 'conformance-shards', include: ['specs/suite/*.spec.ts'], isolate: false, fileParallelism: false, ...conformance },
      },
    ],
  },
});
