// The worked example through the vitest entry, as a vendor's own spec file would run it: the
// example plugin (plain ESM on the compiled package, examples/vendor-plugin/) against the embedded
// emulator, which serves its CreateCapacityReservation.
import { conformanceTests, type Plugin } from '../../api/index.ts';

const example = '../../examples/vendor-plugin/index.js';
const { default: plugin } = (await import(/* @vite-ignore */ example)) as { default: Plugin };

conformanceTests({
  plugins: [plugin],
  actions: ['CreateCapacityReservation'],
  only: ['ACME-REPLAY-AFTER-DELETE', 'TOKEN-AFTER-TERMINATE', 'SAME-RESPONSE', 'PARAM-MISMATCH'],
  runs: 5,
  seed: 3,
});
