// @ts-check
// An example vendor plugin: one action the core does not cover (CreateCapacityReservation: its
// client-side adapter and its emulator action), one vendor rule (a promise beyond EC2's), and one
// seeded bug that only the vendor rule catches. The default export is the plugin. Load it with
// `ec2-idem run --plugin examples/vendor-plugin/index.js`, a target file's "plugins" (target.json
// here), or the API (runConformance({ plugins: [...] }), conformanceTests({ plugins: [...] })).
import { readFileSync } from 'node:fs';
import { definePlugin } from 'ec2-idempotency-conformance';
import { createCapacityReservation } from './adapter.js';
import { CANCELLED_REPLAY_REFUSED, cancelCapacityReservation, createCapacityReservationAction, describeCapacityReservations } from './emulator.js';
import replayAfterDelete from './rule.js';

export default definePlugin({
  name: 'acme-capacity-reservations',
  version: '1.0.0',
  actions: [createCapacityReservation],
  rules: [replayAfterDelete],
  emulatorActions: {
    CreateCapacityReservation: createCapacityReservationAction,
    DescribeCapacityReservations: describeCapacityReservations,
    CancelCapacityReservation: cancelCapacityReservation,
  },
  bugs: [
    {
      name: CANCELLED_REPLAY_REFUSED,
      summary: 'A CreateCapacityReservation replay after CancelCapacityReservation is refused (400 InvalidCapacityReservationId.NotFound) instead of answered',
      rules: ['ACME-REPLAY-AFTER-DELETE'],
      actions: ['CreateCapacityReservation'],
    },
  ],
  // The page the rule's source cites: its sections are checked when the plugin loads.
  reference: readFileSync(new URL('./reference.md', import.meta.url), 'utf8'),
});
