import fc from 'fast-check';
import { expectCreated, expectIds, expectObserved, expectOk, expectSameResponse, ids } from './expect.ts';
import { ALL_PROFILES, defineRule } from './rule.ts';

/**
 * "Same response" is harness/compare.ts: seed and strict forgive only the request id and the
 * instance's state; aws-current also the fields that may carry updated information (REF-REPLAY).
 */
export default defineRule({
  id: 'SAME-RESPONSE',
  description: 'Repeating a request with its token returns the first answer; only state may differ',
  source: {
    ref: 'REF-REPLAY',
    link: 'https://docs.aws.amazon.com/ec2/latest/devguide/ec2-api-idempotency.html',
  },
  strength: 'MUST',
  profiles: ALL_PROFILES,
  requires: [],
  cases: (h) =>
    fc.record({
      params: h.params(),
      token: h.token(),
      replays: fc.integer({ min: 1, max: 3 }),
    }),
  async check(h, { params, token, replays }) {
    const context = h.newCase();
    const minted = h.mint(token);
    const outcome = await h.create(params, minted, context);
    const created = ids(expectCreated(h, outcome, 'first create'));
    const first = expectOk(outcome, 'first create');
    for (let n = 1; n <= replays; n += 1) {
      const replay = expectOk(await h.create(params, minted, context), `replay ${n}`);
      expectSameResponse(h, first, replay, `replay ${n}`);
    }
    // The answer named real resources: the endpoint lists them.
    expectIds(expectObserved(await h.observe(context, { expect: created }), 'read-back by case tag'), created, 'the resources of the case');
  },
});
