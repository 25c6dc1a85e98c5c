import fc from 'fast-check';
import { exactly, expectCreated, expectError, expectIds, expectObserved, ids } from './expect.ts';
import { ALL_PROFILES, defineRule } from './rule.ts';

/**
 * All profiles: the exact code and HTTP 400 (observed on AWS, facts §4). The changes generated are
 * never Region or Availability Zone (D2 excludes those) nor list reorderings (Q4, undecided).
 */
export default defineRule({
  id: 'PARAM-MISMATCH',
  description: 'Same token with one changed parameter is refused with IdempotentParameterMismatch',
  source: {
    key: 'IDEM-OLD-UG',
    fact: 'R3',
    sentence: 'Same token, any other request parameter changed → error `IdempotentParameterMismatch`.',
  },
  strength: 'MUST',
  profiles: ALL_PROFILES,
  requires: [],
  cases: (h) =>
    fc.record({
      params: h.params(),
      token: h.token(),
      // Several single changes per case, each tried alone against the original: cheap and thorough.
      changes: fc.array(h.change(), { minLength: 1, maxLength: 4 }),
    }),
  async check(h, { params, token, changes }) {
    const context = h.newCase();
    const minted = h.mint(token);
    const first = ids(expectCreated(h, await h.create(params, minted, context), 'first create'));
    for (const change of changes) {
      const outcome = await h.create(h.applyChange(params, change), minted, context);
      expectError(outcome, { codes: ['IdempotentParameterMismatch'], statuses: exactly(400), statusText: 'HTTP 400' }, `same token, ${change.field} changed`);
    }
    expectIds(expectObserved(await h.observe(context, { expect: first }), 'read-back by case tag'), first, 'after the mismatches, the resources of the case');
  },
});
