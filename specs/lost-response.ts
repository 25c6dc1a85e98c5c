import fc from 'fast-check';
import { describeStep } from '../harness/interceptors/fault.ts';
import { faultPlan } from '../generators/faultPlan.ts';
import { describeOutcome } from '../harness/outcome.ts';
import { expectCreated, expectIds, expectObserved, ids, violation } from './expect.ts';
import { ALL_PROFILES, defineRule } from './rule.ts';

/**
 * Jepsen-style: the client's answer is not trusted to say what happened. Whatever faults hit the
 * attempts (answers lost after the endpoint acted, timeouts, resets, synthetic 5xx), a client that
 * retries with the same token must end with the original answer, and reading back (client-token
 * filter where the action has one, and the case's tag) must show exactly that one create.
 */
export default defineRule({
  id: 'LOST-RESPONSE',
  description: 'Under any fault sequence a retrying client ends with exactly one create and its answer',
  source: {
    ref: 'REF-UNKNOWN-OUTCOME',
    link: 'https://docs.aws.amazon.com/ec2/latest/devguide/ec2-api-idempotency.html',
  },
  strength: 'MUST',
  profiles: ALL_PROFILES,
  requires: [],
  cost: 1.5,
  cases: (h) =>
    fc.record({
      params: h.params(),
      token: h.token(),
      plan: faultPlan(),
    }),
  async check(h, { params, token, plan }) {
    const context = h.newCase();
    const minted = h.mint(token);
    const faults = plan.map(describeStep).join(', ');
    const outcome = await h.create(params, minted, context, { faults: plan });
    if (outcome.kind !== 'ok') violation(`after faults [${faults}] the retrying client ended with ${describeOutcome(outcome)}, not the create's answer`);
    const answered = ids(expectCreated(h, outcome, `after faults [${faults}], the create's answer`));
    const byCase = expectObserved(await h.observe(context, { expect: answered }), 'read-back by case tag');
    expectIds(byCase, answered, `after faults [${faults}], the resources of the case`);
    if (h.action.findByToken) {
      const byToken = expectObserved(await h.observeToken(minted, { expect: answered }), 'client-token filter');
      expectIds(byToken, answered, `after faults [${faults}], the client-token filter`);
    }
  },
});
