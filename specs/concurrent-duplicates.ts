import fc from 'fast-check';
import { describeOutcome, type Outcome } from '../harness/outcome.ts';
import { advise } from '../harness/retry.ts';
import { expectCreated, expectIds, expectObserved, ids, violation } from './expect.ts';
import { ALL_PROFILES, defineRule } from './rule.ts';

/**
 * Each race is classified and counted in the verdict's observations:
 * - `all-replay`: every copy answered with the same resources;
 * - `in-progress`: some copies got a retryable answer (5xx, throttling, `IncorrectState`), the rest
 *   the same resources — retrying them converges on those resources;
 * - anything else fails: two different creations (duplicates), or a copy refused outright.
 * Profiles: strict accepts only `all-replay`; seed and aws-current accept both (facts §5 Q8).
 */
export default defineRule({
  id: 'CONCURRENT-DUPLICATES',
  description: 'Concurrent requests with one token create once; how the endpoint answers is reported',
  source: {
    key: 'IDEM',
    fact: 'Q8',
    sentence: 'Expected acceptable outcomes: same resource id, or a retryable 5xx/`IncorrectState`, never a second resource.',
  },
  strength: 'MUST',
  profiles: ALL_PROFILES,
  requires: [],
  cost: 1.5,
  cases: (h) =>
    fc.record({
      params: h.params(),
      token: h.token(),
      copies: fc.integer({ min: 2, max: 6 }),
    }),
  async check(h, { params, token, copies }) {
    const context = h.newCase();
    const minted = h.mint(token);
    const outcomes = await h.race(params, minted, context, copies);
    const created = new Set(outcomes.flatMap((o, i) => (o.kind === 'ok' ? [ids(expectCreated(h, o, `concurrent copy ${i + 1}`)).join(',')] : [])));
    if (created.size > 1) violation(`${copies} concurrent copies created ${created.size} different sets of resources: ${[...created].map((s) => `[${s}]`).join(' and ')}`);
    const refused = outcomes.filter((o) => o.kind !== 'ok' && advise(o).kind !== 'retry');
    if (refused.length > 0) violation(`a concurrent copy was refused outright: ${describeOutcome(refused[0] as Outcome)}`);
    const behaviour = outcomes.every((o) => o.kind === 'ok') ? 'all-replay' : 'in-progress';
    h.classify(behaviour);
    if (behaviour !== 'all-replay' && h.profile === 'strict') violation(`profile strict wants every copy to replay; ${outcomes.filter((o) => o.kind !== 'ok').length} got a retryable error`);
    // The copies that were told to retry, retried like a client would, must converge.
    const final = ids(expectCreated(h, await h.create(params, minted, context), 'a retry after the race'));
    if (created.size === 1 && [...created][0] !== final.join(',')) violation(`the retry after the race answered [${final.join(', ')}], not [${[...created][0]}]`);
    expectIds(expectObserved(await h.observe(context, { expect: final }), 'read-back by case tag'), final, `after ${copies} concurrent copies, the resources of the case`);
  },
});
