// @ts-check
// ACME's promise beyond EC2's: a replay after the delete answers the first answer again. EC2 lets
// an endpoint refuse it instead (TOKEN-AFTER-TERMINATE accepts a 4xx); ACME's API does not.
import { ALL_PROFILES, defineRule, expectCreated, expectIds, expectObserved, expectOk, expectSameResponse, expectStepDone, ids, violation } from 'ec2-idempotency-conformance';
import { fc } from 'ec2-idempotency-conformance/generators';

export default defineRule({
  id: 'ACME-REPLAY-AFTER-DELETE',
  description: 'After the delete, a replay still answers the first answer and creates nothing',
  source: {
    ref: 'REF-ACME-REPLAY-AFTER-DELETE',
    link: 'https://docs.example.com/acme-cloud/ec2/idempotency#after-delete',
  },
  strength: 'MUST',
  profiles: ALL_PROFILES,
  requires: [],
  cases: (h) => fc.record({ params: h.params(), token: h.token(), replays: fc.integer({ min: 1, max: 2 }) }),
  async check(h, { params, token, replays }) {
    const context = h.newCase();
    const minted = h.mint(token);
    const outcome = await h.create(params, minted, context);
    const firstIds = ids(expectCreated(h, outcome, 'first create'));
    const first = expectOk(outcome, 'first create');
    for (const removed of await h.remove(firstIds)) expectStepDone(removed, `${h.action.deleteAction} of the created resources`);
    for (let n = 1; n <= replays; n += 1) {
      const what = `replay ${n} after ${h.action.deleteAction}`;
      const replay = await h.create(params, minted, context);
      if (replay.kind === 'ec2-error') violation(`${what}: refused with HTTP ${replay.status} ${replay.code}; ACME promises the first answer again`);
      expectSameResponse(h, first, expectOk(replay, what), what);
    }
    const seen = expectObserved(await h.observe(context), 'read-back by case tag');
    if (ids(seen).some((id) => !firstIds.includes(id))) expectIds(seen, firstIds, 'after the replays, the resources of the case');
  },
});
